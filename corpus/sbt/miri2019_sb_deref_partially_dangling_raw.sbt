#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# deref_partially_dangling_raw: a raw pointer to a larger struct than is
# allocated may be used to access a field that is inside the allocation (only
# the bytes actually accessed must be in bounds; see rule_oob_let_copy.sbt for
# a range that leaves the allocation).
#   let x = (1, 13);
#   let xptr = &x as *const _ as *const (i32, i32, i32);
#   let val = unsafe { (*xptr).1 };
#   assert_eq!(val, 13);
alloc x 8                # let x = (1, 13);                     [Uniq x]
let r = &x               # &x                                   [Uniq x, SRO r]
let xptr = *const r      # as *const _ (as *const (i32, i32, i32): raw to raw)   [.., SRO r, SRO ?]
read xptr[4..8]          # (*xptr).1
