#! models: sb2-stackwrite
# sbcheck compare: sb2-stackwrite accepts, sb2-tagged-raw rejects (seed 1)
alloc x 1 untagged
let p = *const x
let q = *mut p
