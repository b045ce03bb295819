#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/return_invalid_shr.rs:
# returning a `&i32` that was invalidated by a write inside the function.
#   fn foo(x: &mut (i32, i32)) -> &i32 {
#       let xraw = x as *mut (i32, i32);
#       let ret = unsafe { &(*xraw).1 };
#       unsafe { *xraw = (42, 23) }; // unfreeze
#       ret //~ ERROR borrow stack
#   }
#   fn main() { foo(&mut (1, 2)); }
alloc pair 8             # the temporary (1, 2)                 [Uniq pair]
let arg = &mut pair      #                                      [.., Uniq arg]
call                     # foo(&mut (1, 2))
let x = &mut arg protect #                                      [.., Uniq arg, Uniq x*]
let xraw = *mut x        #                                      [.., Uniq x*, SRW ?]
let ret = &xraw[4..8]    # &(*xraw).1                           [.., SRW ?, SRO ret]
write xraw               # *xraw = (42, 23): pops SRO ret
let r = &ret !ub         # `ret` reborrowed into the return place
return
