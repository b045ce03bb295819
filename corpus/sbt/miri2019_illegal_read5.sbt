#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_read5.rs:
# we *can* have aliasing &RefCell<T> and &mut T (creating `&rc` is a weak
# retag), but reading through the former kills the latter.
#   let rc = RefCell::new(0);
#   let mut refmut = rc.borrow_mut();
#   let xref: &mut i32 = &mut *refmut;
#   let xshr = &rc; // creating this is ok
#   let _val = *xref; // we can even still use our mutable reference
#   mem::forget(unsafe { ptr::read(xshr) }); // but after reading through the shared ref
#   let _val = *xref; // the mutable one is dead and gone //~ ERROR borrow stack
# RefCell<i32>: flag 0..8, value 8..12 (all UnsafeCell). Stacks for bytes 8..12.
alloc rc 12              # let rc = RefCell::new(0);            [Uniq rc]
let r = &cell rc         # rc.borrow_mut(): autoref &rc         [Uniq rc, SRW r]
write r[0..8]            #   flag := mutably borrowed
let vp = *const cell r[8..12]    # self.value.get()             [.., SRW r, SRW ?]
let refmut = &mut vp     #   RefMut { value: &mut *ptr }        [.., SRW ?, Uniq refmut]
let xref = &mut refmut   # let xref = &mut *refmut;             [.., Uniq refmut, Uniq xref]
let xshr = &cell rc      # let xshr = &rc; weak, just above Uniq rc   [Uniq rc, SRW xshr, SRW r, ..]
read xref                # let _val = *xref;
let p = *const cell xshr # ptr::read(xshr): coerced to *const RefCell (SRW ? above SRW xshr)
read p                   # reads all 12 bytes: an SRW ? grants, every Unique above goes
read xref !ub
