#! models: sb2
# sbcheck compare: sb2 accepts, sb2-disable rejects (seed 1)
alloc x 1
let p = &mut x twophase cell
write x
write p
