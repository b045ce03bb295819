#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/invalidate_against_barrier1.rs:
# while `inner` runs, `_y` is protected; reading through the aliasing raw
# pointer would remove (sb2-disable: disable) its Unique.
#   fn inner(x: *mut i32, _y: &mut i32) {
#       // If `x` and `y` alias, retagging is fine with this... but we really
#       // shouldn't be allowed to use `x` at all because `y` was assumed to be
#       // unique for the duration of this call.
#       let _val = unsafe { *x }; //~ ERROR barrier
#   }
#   let mut x = 0;
#   let xraw = &mut x as *mut _;
#   let xref = unsafe { &mut *xraw };
#   inner(xraw, xref);
alloc x 4                # let mut x = 0;                       [Uniq x]
let t = &mut x           #                                      [Uniq x, Uniq t]
let xraw = *mut t        #                                      [.., Uniq t, SRW ?]
let xref = &mut xraw     #                                      [.., SRW ?, Uniq xref]
call                     # inner(xraw, xref)
let y = &mut xref protect    #                                  [.., Uniq xref, Uniq y*]
read xraw !ub            # *x: would remove Uniq y*
return
