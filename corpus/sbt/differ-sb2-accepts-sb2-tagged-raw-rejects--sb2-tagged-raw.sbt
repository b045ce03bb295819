#! models: sb2-tagged-raw
# sbcheck compare: sb2 accepts, sb2-tagged-raw rejects (seed 1)
alloc x 1 untagged
let p = *const x
let q = *mut p !ub
