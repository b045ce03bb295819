#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Deallocating through a pointer whose allocation was already freed is UB.
alloc b 4 untagged       # heap memory                          [Uniq ?]
let p = b
dealloc b
dealloc p !ub
