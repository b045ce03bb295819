#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/deallocate_against_barrier.rs:
# `f` may mutate through its argument but not deallocate it: the items of
# inner's `x` and of the closure's `x` are protected by active calls.
#   // error-pattern: deallocating while item is protected
#   fn inner(x: &mut i32, f: fn(&mut i32)) {
#       // `f` may mutate, but it may not deallocate!
#       f(x)
#   }
#   fn main() {
#       inner(Box::leak(Box::new(0)), |x| {
#           let raw = x as *mut _;
#           drop(unsafe { Box::from_raw(raw) });
#       });
#   }
alloc b 4 untagged       # Box::new(0): heap, base Untagged     [Uniq ?]
let leaked = &mut b      # Box::leak(..) = &mut *Box::into_raw(b), retagged on return   [Uniq ?, Uniq leaked]
call                     # inner(leaked, closure)
let x = &mut leaked protect      #                              [.., Uniq leaked, Uniq x*]
let fx = &mut x          # f(x): implicit reborrow &mut *x      [.., Uniq x*, Uniq fx]
call                     # the closure |x| { .. }
let cx = &mut fx protect #                                      [.., Uniq fx, Uniq cx*]
let raw = *mut cx        # let raw = x as *mut _;               [.., Uniq cx*, SRW ?]
let bx = &mut raw        # Box::from_raw(raw): the Box is retagged on return   [.., SRW ?, Uniq bx]
dealloc bx !ub           # drop(Box): bx may write every byte, but Uniq x* and Uniq cx* are protected
return
return
