#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Reading through a pointer into a freed allocation is UB, whatever its tag.
alloc b 4 untagged       # heap memory                          [Uniq ?]
let p = b                # a second copy of the pointer
write p
dealloc b                # Uniq ? grants b a write on every byte; all items go
read p !ub               # use after free
