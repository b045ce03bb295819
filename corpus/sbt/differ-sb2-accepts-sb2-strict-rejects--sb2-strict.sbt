#! models: sb2-strict
# sbcheck compare: sb2 accepts, sb2-strict rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = &mut x
let p2 = *mut p1
read x
read p2 !ub
