#! models: sb2-disable
# sbcheck compare: sb2-stackwrite accepts, sb2-disable rejects (seed 1)
alloc x 1
let p = &mut x twophase cell
let q = &mut x
let r = &mut p !ub
