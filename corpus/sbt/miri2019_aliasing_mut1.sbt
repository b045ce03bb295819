#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/aliasing_mut1.rs:
# calling `safe` with two `&mut` that carry the same tag. The second
# protected fn-entry retag (a write with that tag) would pop the first
# argument's protected Unique.
#   pub fn safe(_x: &mut i32, _y: &mut i32) {} //~ ERROR barrier
#   fn main() {
#       let mut x = 0;
#       let xraw: *mut i32 = unsafe { mem::transmute(&mut x) };
#       let safe_raw: fn(x: *mut i32, y: *mut i32) =
#           unsafe { mem::transmute::<fn(&mut i32, &mut i32), _>(safe) };
#       safe_raw(xraw, xraw);
#   }
alloc x 4                # let mut x = 0;                       [Uniq x]
let xref = &mut x        # &mut x                               [Uniq x, Uniq xref]
let xraw = xref          # transmute to *mut i32: keeps xref's tag, no raw retag
call                     # safe_raw(xraw, xraw)
let a = &mut xraw protect        # _x                           [.., Uniq xref, Uniq a*]
let b = &mut xraw protect !ub    # _y: write with xref's tag would pop Uniq a*
