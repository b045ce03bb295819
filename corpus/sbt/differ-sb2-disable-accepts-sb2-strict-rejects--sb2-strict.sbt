#! models: sb2-strict
# sbcheck compare: sb2-disable accepts, sb2-strict rejects (seed 1)
alloc x 1
let p = &mut x
let q = &mut x twophase
read p !ub
