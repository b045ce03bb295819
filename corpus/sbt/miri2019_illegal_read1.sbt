#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_read1.rs:
# a callee may not read the destination of our `&mut` without us noticing.
#   let mut x = 15;
#   let xraw = &mut x as *mut _;
#   let xref = unsafe { &mut *xraw }; // derived from raw, so using raw is still ok...
#   callee(xraw);
#   let _val = *xref; // ...but any use of raw will invalidate our ref.  //~ ERROR borrow stack
#   fn callee(xraw: *mut i32) { let _val = unsafe { *xraw }; }
alloc x 4                # let mut x = 15;                      [Uniq x]
let t = &mut x           # &mut x                               [Uniq x, Uniq t]
let xraw = *mut t        # as *mut _                            [.., Uniq t, SRW ?]
let xref = &mut xraw     # &mut *xraw                           [.., SRW ?, Uniq xref]
call                     # callee(xraw): raw arguments are not retagged
read xraw                # *xraw: SRW ? grants; Uniq xref above is removed (disable: Disabled)
return
read xref !ub            # let _val = *xref;
