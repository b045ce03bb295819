#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/aliasing_mut3.rs:
# `safe(_x: &mut i32, _y: &i32)`: retagging _x (a write with xref's tag) pops
# xshr's SRO, so retagging _y from xshr finds no granting item.
#   pub fn safe(_x: &mut i32, _y: &i32) {} //~ ERROR borrow stack
#   let mut x = 0;
#   let xref = &mut x;
#   let xraw: *mut i32 = unsafe { mem::transmute_copy(&xref) };
#   let xshr = &*xref;
#   let safe_raw: fn(x: *mut i32, y: *const i32) = unsafe { mem::transmute::<fn(&mut i32, &i32), _>(safe) };
#   safe_raw(xraw, xshr);
alloc x 4                # let mut x = 0;                       [Uniq x]
let xref = &mut x        #                                      [Uniq x, Uniq xref]
let xraw = xref          # transmute_copy(&xref): same tag
let xshr = &xref         # let xshr = &*xref;                   [.., Uniq xref, SRO xshr]
call                     # safe_raw(xraw, xshr)
let a = &mut xraw protect        # _x: pops SRO xshr            [.., Uniq xref, Uniq a*]
let b = &xshr protect !ub        # _y: no item for xshr
