#! models: sb2-strict
# sbcheck compare: sb2-strict accepts, sb2 rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = &mut x twophase cell
let p2 = &mut p1 twophase
let p3 = &mut p1 twophase
let p4 = *mut x
write p3
read p4
