#! models: sb2-tagged-raw
# sbcheck compare: sb2-tagged-raw accepts, sb2-stackwrite rejects (seed 1)
alloc x 1
let p = &mut x twophase cell[0..1]
let q = &mut x
let r = &mut q twophase cell[0..1]
write x
let s = &mut q
