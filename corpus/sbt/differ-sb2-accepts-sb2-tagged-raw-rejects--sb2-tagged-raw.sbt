#! models: sb2-tagged-raw
# sbcheck compare: sb2 accepts, sb2-tagged-raw rejects (seed 1; shortest within the explored bound)
alloc x 1 untagged
let p1 = *const x
write p1 !ub
