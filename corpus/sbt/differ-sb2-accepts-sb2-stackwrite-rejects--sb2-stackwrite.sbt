#! models: sb2-stackwrite
# sbcheck compare: sb2 accepts, sb2-stackwrite rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = &mut x
let p2 = *mut x
let p3 = &cell p1
write p2
read p3 !ub
