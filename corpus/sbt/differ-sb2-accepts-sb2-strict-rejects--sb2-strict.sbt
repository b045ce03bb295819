#! models: sb2-strict
# sbcheck compare: sb2 accepts, sb2-strict rejects (seed 1)
alloc x 1
let p = &mut x
let q = &cell p
let r = &mut x twophase
let s = &mut q !ub
