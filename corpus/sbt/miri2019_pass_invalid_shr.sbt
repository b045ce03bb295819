#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/pass_invalid_shr.rs:
# passing an invalidated `&i32` (a copy) to a function: its fn-entry retag
# (a read with its tag) is UB.
#   fn foo(_: &i32) {}
#   let x = &mut 42;
#   let xraw = &mut *x as *mut _;
#   let xref = unsafe { &*xraw };
#   unsafe { *xraw = 42 }; // unfreeze
#   foo(xref); //~ ERROR borrow stack
alloc l 4                # the temporary 42                     [Uniq l]
let x = &mut l           #                                      [Uniq l, Uniq x]
let t = &mut x           # &mut *x                              [.., Uniq x, Uniq t]
let xraw = *mut t        #                                      [.., Uniq t, SRW ?]
let xref = &xraw         #                                      [.., SRW ?, SRO xref]
write xraw               # unfreeze: pops SRO xref
call                     # foo(xref)
let a = &xref protect !ub
return
