#! models: sb2-disable
# sbcheck compare: sb2-disable accepts, sb2 rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = &mut x
let p2 = &mut x twophase
read p1
