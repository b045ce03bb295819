#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/shared_rw_borrows_are_weak2.rs
# (added 2019-05): a SharedReadWrite granted from x is added *below* the
# SharedReadOnly already granted to y, so writing through it invalidates y.
#   unsafe {
#       let x = &mut RefCell::new(0);
#       let y: &i32 = mem::transmute(&*x.borrow()); // launder lifetime
#       let shr_rw = &*x; // thanks to interior mutability this will be a SharedReadWrite
#       shr_rw.replace(1);
#       let _val = *y; //~ ERROR borrow stack
#   }
# RefCell<i32>: flag 0..8, value 8..12 (all UnsafeCell). Stacks for bytes 8..12.
alloc c 12               # the temporary RefCell::new(0)        [Uniq c]
let x = &mut c           # let x = &mut RefCell::new(0);        [Uniq c, Uniq x]
let b = &cell x          # x.borrow(): autoref &*x              [.., Uniq x, SRW b]
write b[0..8]            #   flag += 1
let vp = *const cell b[8..12]    # self.value.get()             [.., SRW b, SRW ?]
let v = &vp              #   Ref { value: &*ptr } (i32: frozen) [.., SRW ?, SRO v]
let y = &v               # &*x.borrow() transmuted into y: retagged   [.., SRO v, SRO y]
write b[0..8]            # the temporary Ref is dropped: flag -= 1
let shr_rw = &cell x     # let shr_rw = &*x: just above Uniq x  [Uniq c, Uniq x, SRW shr_rw, SRW b, SRW ?, SRO v, SRO y]
write shr_rw             # shr_rw.replace(1): pops SRO v, SRO y
read y !ub               # let _val = *y;
