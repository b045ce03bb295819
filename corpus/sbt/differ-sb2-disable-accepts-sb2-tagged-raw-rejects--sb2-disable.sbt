#! models: sb2-disable
# sbcheck compare: sb2-disable accepts, sb2-tagged-raw rejects (seed 1)
alloc x 1048576 untagged
let p = *const x
write p[543252..716734]
