#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/pass_invalid_mut.rs:
# passing an invalidated `&mut` to a function reborrows it, a write with its tag.
#   fn foo(_: &mut i32) {}
#   let x = &mut 42;
#   let xraw = x as *mut _;
#   let xref = unsafe { &mut *xraw };
#   let _val = unsafe { *xraw }; // invalidate xref
#   foo(xref); //~ ERROR borrow stack
alloc l 4                # the temporary 42                     [Uniq l]
let x = &mut l           #                                      [Uniq l, Uniq x]
let xraw = *mut x        #                                      [.., Uniq x, SRW ?]
let xref = &mut xraw     #                                      [.., SRW ?, Uniq xref]
read xraw                # invalidate xref                      [.., Uniq x, SRW ?]
let arg = &mut xref !ub  # foo(xref): the implicit reborrow &mut *xref
call
let a = &mut arg protect
return
