#! models: sb2-tagged-raw
# Same trace as variant_tagged_raw_heap_base.sbt with tagged raw pointers: p
# has its own tag, and the heap's base item Uniq ? is the only one granting
# `b`, so the write through `b` pops Uniq m and SRW p.
alloc b 4 untagged       # heap memory, base Untagged       [Uniq ?]
let m = &mut b           #                                  [Uniq ?, Uniq m]
let p = *mut m           #                                  [Uniq ?, Uniq m, SRW p]
write b                  # granted by the base item: pops Uniq m, SRW p
read m !ub
