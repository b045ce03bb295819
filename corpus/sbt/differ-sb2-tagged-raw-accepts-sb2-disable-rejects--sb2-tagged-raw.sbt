#! models: sb2-tagged-raw
# sbcheck compare: sb2-tagged-raw accepts, sb2-disable rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = &mut x twophase cell
write x
read p1
