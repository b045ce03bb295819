#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Deallocation through a `&mut` covering the whole allocation is fine, even
# with other (unprotected) items above it: all items are removed.
alloc b 8 untagged       # heap memory                          [Uniq ?]
let m = &mut b           #                                      [Uniq ?, Uniq m]
let s = &m               #                                      [Uniq ?, Uniq m, SRO s]
read s
dealloc m                # Uniq m grants a write on every byte; no protector
