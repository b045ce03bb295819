#! models: sb2-tagged-raw
# sbcheck compare: sb2-tagged-raw accepts, sb2-disable rejects (seed 1)
alloc x 1
let p = &mut x twophase cell
write x
read p
