#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# An access whose range leaves the allocation is UB (out-of-bounds), even
# through a pointer that may access the in-bounds part.
alloc b 8 untagged       # heap memory                          [Uniq ?]
let p = b                # the allocator's pointer
read p[0..8]
write p[4..9] !ub        # byte 8 does not exist
