#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/refcell.rs,
# aliasing_frz_and_shr: a frozen `&i32` into a RefCell next to `&RefCell`;
# casting the latter to `*const` or reborrowing it must NOT unfreeze (weak
# SRW inserts low in the stack, no access).
#   fn inner(rc: &RefCell<i32>, aliasing: &i32) {
#       let _val = *aliasing;
#       let _escape_to_raw = rc as *const _; // this must NOT unfreeze
#       let _val = *aliasing;
#       let _shr = &*rc; // this must NOT unfreeze
#       let _val = *aliasing;
#   }
#   let rc = RefCell::new(23);
#   let bshr = rc.borrow();
#   inner(&rc, &*bshr);
#   assert_eq!(*rc.borrow(), 23);
# RefCell<i32>: flag 0..8, value 8..12 (all UnsafeCell).
alloc rc 12                      # let rc = RefCell::new(23);   [Uniq rc]
let b = &cell rc                 # rc.borrow(): autoref &rc
write b[0..8]
let vp = *const cell b[8..12]    #   self.value.get()
let bshr = &vp                   #   Ref { value: &*ptr }
let a1 = &cell rc                # &rc
let a2 = &bshr                   # &*bshr
call                             # inner(&rc, &*bshr)
let rcp = &cell a1 protect
let aliasing = &a2 protect
read aliasing
let esc = *const cell rcp        # rc as *const _
read aliasing
let shr = &cell rcp              # &*rc
read aliasing
return
write b[0..8]                    # drop(bshr)
let b2 = &cell rc                # *rc.borrow()
write b2[0..8]
let vp2 = *const cell b2[8..12]
let v2 = &vp2
read v2
