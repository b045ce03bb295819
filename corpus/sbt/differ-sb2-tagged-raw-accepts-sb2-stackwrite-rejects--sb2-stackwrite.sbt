#! models: sb2-stackwrite
# sbcheck compare: sb2-tagged-raw accepts, sb2-stackwrite rejects (seed 1; shortest within the explored bound)
alloc x 1 untagged
let p1 = *mut x
let p2 = &mut x twophase
write p1
read p2 !ub
