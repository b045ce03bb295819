#! models: sb2
# sbcheck compare: sb2-disable accepts, sb2 rejects (seed 1)
alloc x 1
let p = &mut x
let q = &mut x twophase
read p !ub
