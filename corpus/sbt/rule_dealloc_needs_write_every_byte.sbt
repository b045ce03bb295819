#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Deallocation checks every byte of the allocation, not only the pointer's
# range: a `&mut` to the first field grants writes on bytes 0..4, but has no
# item on bytes 4..8.
alloc b 8 untagged       # Box::new((0i32, 0i32)): heap         [Uniq ?]
let m = &mut b[0..4]     # &mut (*b).0                          bytes 0..4: [Uniq ?, Uniq m]; 4..8: [Uniq ?]
write m                  # fine
dealloc m !ub            # bytes 4..8: no item for m
