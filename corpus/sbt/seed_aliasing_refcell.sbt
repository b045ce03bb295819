#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Seed example aliasing(refcell: &RefCell<i32>, inner: &mut i32) with `inner`
# pointing into `refcell` (run-pass/stacked-borrows/refcell.rs and
# interior_mutability.rs, aliasing_mut_and_shr). `&RefCell` is inside an
# UnsafeCell, so its retags (and the `*const` casts of it) are weak: the new
# SRW goes just above the parent's item, low in the stack, and no access
# removes inner's Unique. Freezing `inner` later is not undone by them either.
#   fn inner(rc: &RefCell<i32>, aliasing: &mut i32) {
#       *aliasing += 4;
#       let _escape_to_raw = rc as *const _;
#       *aliasing += 4;
#       let _shr = &*rc;
#       *aliasing += 4;
#       let aliasing = &*aliasing;
#       let _val = *aliasing;
#       let _escape_to_raw = rc as *const _; // this must NOT unfreeze
#       let _val = *aliasing;
#       let _shr = &*rc; // this must NOT unfreeze
#       let _val = *aliasing;
#   }
#   let rc = RefCell::new(23);
#   let mut bmut = rc.borrow_mut();
#   inner(&rc, &mut *bmut);
#   drop(bmut);
#   assert_eq!(*rc.borrow(), 23 + 12);
# RefCell<i32> as 12 bytes: borrow flag Cell<isize> 0..8, value UnsafeCell<i32> 8..12.
# Stacks below are for the value bytes 8..12.
alloc rc 12                      # let rc = RefCell::new(23);               [Uniq rc]
let r = &cell rc                 # rc.borrow_mut(): autoref &rc             [Uniq rc, SRW r]
write r[0..8]                    #   the flag is set to "mutably borrowed"
let vp = *const cell r[8..12]    #   self.value.get() (*const in UnsafeCell: SRW ?)  [.., SRW r, SRW ?]
let bmut = &mut vp               #   RefMut { value: &mut *ptr }            [.., SRW ?, Uniq bmut]
let rc_arg = &cell rc            # &rc (first argument)                     [Uniq rc, SRW rc_arg, SRW r, ..]
let inner_arg = &mut bmut        # &mut *bmut (second argument)             [.., Uniq bmut, Uniq inner_arg]
call                             # inner(&rc, &mut *bmut)
let refcell = &cell rc_arg protect   # weak: SRW refcell* just above SRW rc_arg; inner_arg survives
let aliasing = &mut inner_arg protect   #                                   [.., Uniq inner_arg, Uniq aliasing*]
read aliasing                    # *aliasing += 4
write aliasing
let esc = *const cell refcell    # let _escape_to_raw = rc as *const _;  (SRW ? just above SRW refcell*)
read aliasing                    # *aliasing += 4
write aliasing
let shr = &cell refcell          # let _shr = &*rc;
read aliasing                    # *aliasing += 4
write aliasing
let frz = &aliasing              # let aliasing = &*aliasing;               [.., Uniq aliasing*, SRO frz]
read frz
let esc2 = *const cell refcell   # must NOT unfreeze: inserted low, removes nothing
read frz
let shr2 = &cell refcell         # must NOT unfreeze
read frz
return
write r[0..8]                    # drop(bmut): the flag is reset
let rb = &cell rc                # *rc.borrow() (simplified: a fresh &rc reading the value)
read rb[8..12]
