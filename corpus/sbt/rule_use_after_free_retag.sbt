#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Retagging (here a `*mut` cast, a weak retag that would not even access
# memory) a pointer into a freed allocation is UB.
alloc x 4                # a local                              [Uniq x]
let p = x                # a copy of the local's pointer
dealloc x                # the local's storage goes away (StorageDead)
let q = p                # a copy: fine
let r = *mut q !ub       # a retag after free
