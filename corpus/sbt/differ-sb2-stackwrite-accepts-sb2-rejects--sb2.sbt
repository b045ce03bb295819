#! models: sb2
# sbcheck compare: sb2-stackwrite accepts, sb2 rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = *mut x
let p2 = &cell x
let p3 = &mut p2 twophase
write p3
read p1 !ub
