#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/outdated_local.rs:
# assigning to the local itself (its base tag) invalidates pointers to it.
#   let mut x = 0;
#   let y: *const i32 = &x;
#   x = 1; // this invalidates y by reactivating the lowermost uniq borrow for this local
#   assert_eq!(unsafe { *y }, 1); //~ ERROR borrow stack
#   assert_eq!(x, 1);
alloc x 4                # let mut x = 0;                       [Uniq x]
let r = &x               # &x                                   [Uniq x, SRO r]
let y = *const r         # coerced to *const i32                [Uniq x, SRO r, SRO ?]
write x                  # x = 1: pops both SROs                [Uniq x]
read y !ub               # *y
read x
