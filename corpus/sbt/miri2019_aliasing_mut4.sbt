#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/aliasing_mut4.rs:
# like aliasing_mut2, but _y is `&mut Cell<i32>`: a `&mut` to an UnsafeCell is
# just as exclusive (a `&mut` retag is always a strong Unique, cell or not).
#   pub fn safe(_x: &i32, _y: &mut Cell<i32>) {} //~ ERROR barrier
#   let mut x = 0;
#   let xref = &mut x;
#   let xraw: *mut i32 = unsafe { mem::transmute_copy(&xref) };
#   let xshr = &*xref;
#   let safe_raw: fn(x: *const i32, y: *mut Cell<i32>) = unsafe { mem::transmute::<fn(&i32, &mut Cell<i32>), _>(safe) };
#   safe_raw(xshr, xraw as *mut _);
alloc x 4                # let mut x = 0;                       [Uniq x]
let xref = &mut x        #                                      [Uniq x, Uniq xref]
let xraw = xref          # transmute_copy(&xref), then `as *mut _` (raw to raw: no retag)
let xshr = &xref         # let xshr = &*xref;                   [.., Uniq xref, SRO xshr]
call                     # safe_raw(xshr, xraw as *mut _)
let a = &xshr protect    # _x: &i32                             [.., SRO xshr, SRO a*]
let b = &mut xraw protect !ub    # _y: &mut Cell<i32>: write with xref's tag would pop SRO a*
