#! models: sb2-tagged-raw
# sbcheck compare: sb2-tagged-raw accepts, sb2-strict rejects (seed 1)
alloc x 1
let p = &mut x
let q = *mut p
let r = &mut x twophase
let s = *mut q
