#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_write5.rs:
# a callee may not write to the destination of our `&mut` without us noticing.
#   let mut x = 15;
#   let xraw = &mut x as *mut _;
#   let xref = unsafe { &mut *xraw }; // derived from raw, so using raw is still ok...
#   callee(xraw);
#   let _val = *xref; // ...but any use of raw will invalidate our ref. //~ ERROR borrow stack
#   fn callee(xraw: *mut i32) { unsafe { *xraw = 15 }; }
alloc x 4                # let mut x = 15;                      [Uniq x]
let t = &mut x           #                                      [Uniq x, Uniq t]
let xraw = *mut t        #                                      [.., Uniq t, SRW ?]
let xref = &mut xraw     #                                      [.., SRW ?, Uniq xref]
call                     # callee(xraw)
write xraw               # *xraw = 15: pops Uniq xref
return
read xref !ub
