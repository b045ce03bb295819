#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/shared_rw_borrows_are_weak1.rs
# (added 2019-05): a SharedReadWrite granted from x is added just above x's
# item, *below* the Unique already granted to y, so writing through the SRW
# invalidates y.
#   unsafe {
#       let x = &mut Cell::new(0);
#       let y: &mut Cell<i32> = mem::transmute(&mut *x); // launder lifetime
#       let shr_rw = &*x; // thanks to interior mutability this will be a SharedReadWrite
#       shr_rw.set(1);
#       y.get_mut(); //~ ERROR borrow stack
#   }
alloc c 4                # the temporary Cell::new(0)           [Uniq c]
let x = &mut c           # let x = &mut Cell::new(0);           [Uniq c, Uniq x]
let t = &mut x           # &mut *x                              [.., Uniq x, Uniq t]
let y = &mut t           # transmute(..) into a &mut local: retagged   [.., Uniq t, Uniq y]
let shr_rw = &cell x     # let shr_rw = &*x: weak, just above Uniq x   [Uniq c, Uniq x, SRW shr_rw, Uniq t, Uniq y]
write shr_rw             # shr_rw.set(1): pops Uniq t, Uniq y
let g = &mut y twophase !ub  # y.get_mut(): the (two-phase) autoref &mut *y
