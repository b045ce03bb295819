#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# A weak retag needs an item granting the parent *write* access: a `*mut`
# cast of a frozen `&` (only SharedReadOnly) is UB at the cast.
alloc x 4                # let x = 0;                           [Uniq x]
let s = &x               # let s = &x;                          [Uniq x, SRO s]
let p = *mut s !ub       # s as *const i32 as *mut i32 written as a direct *mut cast
