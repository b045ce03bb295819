#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/invalidate_against_barrier2.rs:
# while `inner` runs, `_y: &i32` is protected; writing through the aliasing raw
# pointer would remove its SharedReadOnly.
#   fn inner(x: *mut i32, _y: &i32) {
#       unsafe { *x = 0 }; //~ ERROR barrier
#   }
#   let mut x = 0;
#   let xraw = &mut x as *mut _;
#   let xref = unsafe { &*xraw };
#   inner(xraw, xref);
alloc x 4                # let mut x = 0;                       [Uniq x]
let t = &mut x           #                                      [Uniq x, Uniq t]
let xraw = *mut t        #                                      [.., Uniq t, SRW ?]
let xref = &xraw         # &*xraw                               [.., SRW ?, SRO xref]
call                     # inner(xraw, xref)
let y = &xref protect    #                                      [.., SRO xref, SRO y*]
write xraw !ub           # *x = 0: would remove SRO y*
return
