#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# read_does_not_invalidate2: first create a raw pointer, then read from the
# `&mut`, then freeze through the raw pointer.
#   fn foo(x: &mut (i32, i32)) -> &i32 {
#       let xraw = x as *mut (i32, i32);
#       let _val = x.1; // we just read, this does NOT invalidate the raw reborrow.
#       let ret = unsafe { &(*xraw).1 };
#       ret
#   }
#   assert_eq!(*foo(&mut (1, 2)), 2);
alloc pair 8             # the temporary (1, 2)                 [Uniq pair]
let arg = &mut pair      #                                      [.., Uniq arg]
call                     # foo(&mut (1, 2))
let x = &mut arg protect #                                      [.., Uniq arg, Uniq x*]
let xraw = *mut x        #                                      [.., Uniq x*, SRW ?]
read x[4..8]             # let _val = x.1: SRW ? stays
let ret = &xraw[4..8]    # &(*xraw).1: a read with Untagged     [.., SRW ?, SRO ret]
let r = &ret             # `ret` into the return place
return
let out = &r
read out
