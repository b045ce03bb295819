#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# read_does_not_invalidate1: reading from a `&mut` does, like reborrowing to
# `&`, NOT invalidate other reborrows (SRW and SRO above a Unique are
# compatible with a read).
#   fn foo(x: &mut (i32, i32)) -> &i32 {
#       let xraw = x as *mut (i32, i32);
#       let ret = unsafe { &(*xraw).1 };
#       let _val = x.1; // we just read, this does NOT invalidate the reborrows.
#       ret
#   }
#   assert_eq!(*foo(&mut (1, 2)), 2);
alloc pair 8             # the temporary (1, 2)                 [Uniq pair]
let arg = &mut pair      #                                      [.., Uniq arg]
call                     # foo(&mut (1, 2))
let x = &mut arg protect #                                      [.., Uniq arg, Uniq x*]
let xraw = *mut x        #                                      [.., Uniq x*, SRW ?]
let ret = &xraw[4..8]    # &(*xraw).1                           [.., SRW ?, SRO ret]  (bytes 4..8)
read x[4..8]             # let _val = x.1: SRW ? and SRO ret stay
let r = &ret             # `ret` into the return place
return
let out = &r             # the caller retags the returned &i32
read out                 # *foo(..)
