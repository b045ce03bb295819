#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/return_invalid_mut.rs:
# returning a `&mut` that was invalidated inside the function; the reborrow of
# the returned reference (a write with its tag) is UB.
#   fn foo(x: &mut (i32, i32)) -> &mut i32 {
#       let xraw = x as *mut (i32, i32);
#       let ret = unsafe { &mut (*xraw).1 };
#       let _val = unsafe { *xraw }; // invalidate xref
#       ret //~ ERROR borrow stack
#   }
#   fn main() { foo(&mut (1, 2)); }
alloc pair 8             # the temporary (1, 2)                 [Uniq pair]
let arg = &mut pair      # &mut (1, 2)                          [.., Uniq arg]
call                     # foo(&mut (1, 2))
let x = &mut arg protect #                                      [.., Uniq arg, Uniq x*]
let xraw = *mut x        # x as *mut (i32, i32)                 [.., Uniq x*, SRW ?]
let ret = &mut xraw[4..8]    # &mut (*xraw).1 (bytes 4..8)      [.., SRW ?, Uniq ret]
read xraw                # *xraw reads both fields: pops Uniq ret
let r = &mut ret !ub     # `ret` reborrowed into the return place
return
