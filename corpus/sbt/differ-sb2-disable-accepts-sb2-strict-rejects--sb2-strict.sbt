#! models: sb2-strict
# sbcheck compare: sb2-disable accepts, sb2-strict rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = &mut x
let p2 = &mut x twophase
read p1 !ub
