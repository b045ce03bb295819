#! models: sb2-tagged-raw
# sbcheck compare: sb2-strict accepts, sb2-tagged-raw rejects (seed 1)
alloc x 1 untagged
let p = *const x
write p !ub
