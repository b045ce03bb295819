#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Deallocation needs an item granting *write* access on every byte of the
# allocation: a `&` to part of it has an SRO on bytes 0..4 only (no write)
# and nothing on bytes 4..8.
alloc b 8 untagged       # Box::new((0i32, 0i32)): heap         [Uniq ?]
let r = &b[0..4]         # &(*b).0                              bytes 0..4: [Uniq ?, SRO r]
dealloc r !ub            # dealloc(r as *const _ as *mut u8, ..) with r's tag
