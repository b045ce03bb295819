#! models: sb2-stackwrite
# sbcheck compare: sb2 accepts, sb2-stackwrite rejects (seed 1)
alloc x 6 untagged
let p = *const x
let q = *mut x
let r = *const q
let s = &cell r
let t = &mut p twophase
let u = &s
let v = &t !ub
