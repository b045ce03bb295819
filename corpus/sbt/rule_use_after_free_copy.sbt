#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Copying a pointer into a freed allocation touches no memory and is not UB
# (even with a sub-range, as long as it lies inside the old allocation).
alloc b 8 untagged       # heap memory                          [Uniq ?]
dealloc b
let p = b                # fine: a copy
let q = p[0..4]          # fine: a copy of a sub-range
