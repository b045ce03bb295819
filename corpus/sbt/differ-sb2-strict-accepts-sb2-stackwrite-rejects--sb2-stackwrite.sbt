#! models: sb2-stackwrite
# sbcheck compare: sb2-strict accepts, sb2-stackwrite rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = *mut x
let p2 = &cell x
let p3 = &mut p2 twophase
read p1
read p3 !ub
