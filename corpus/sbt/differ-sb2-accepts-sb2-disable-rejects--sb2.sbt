#! models: sb2
# sbcheck compare: sb2 accepts, sb2-disable rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = &mut x twophase cell
write x
read p1
