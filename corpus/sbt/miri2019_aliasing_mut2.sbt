#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/aliasing_mut2.rs:
# `safe(_x: &i32, _y: &mut i32)` called with a shared and a mutable reference
# to the same i32; retagging _y (a write with xref's tag) would pop _x's
# protected SharedReadOnly.
#   pub fn safe(_x: &i32, _y: &mut i32) {} //~ ERROR barrier
#   let mut x = 0;
#   let xref = &mut x;
#   let xraw: *mut i32 = unsafe { mem::transmute_copy(&xref) };
#   let xshr = &*xref;
#   let safe_raw: fn(x: *const i32, y: *mut i32) = unsafe { mem::transmute::<fn(&i32, &mut i32), _>(safe) };
#   safe_raw(xshr, xraw);
alloc x 4                # let mut x = 0;                       [Uniq x]
let xref = &mut x        # let xref = &mut x;                   [Uniq x, Uniq xref]
let xraw = xref          # transmute_copy(&xref): same tag, no retag
let xshr = &xref         # let xshr = &*xref;                   [.., Uniq xref, SRO xshr]
call                     # safe_raw(xshr, xraw)
let a = &xshr protect    # _x                                   [.., SRO xshr, SRO a*]
let b = &mut xraw protect !ub    # _y: write with xref's tag would pop SRO a*
