#! models: sb2-stackwrite
# sbcheck compare: sb2-stackwrite accepts, sb2-disable rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = &mut x twophase cell
write x
read p1
