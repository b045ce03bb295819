#! models: sb2, sb2-stackwrite, sb2-tagged-raw
# A read through `x` removes Uniq m (sb2, sb2-stackwrite), so SRW a and SRW b
# become neighbours; the later write through `a` keeps SRW b (sb2: SRW is
# always compatible with an SRW granting item; sb2-stackwrite: SRW b is in the
# contiguous SRW group directly above SRW a). Reading through `b` is fine.
#   let x = &mut Cell::new(0);
#   let a = x as *mut Cell<i32>;
#   let m = unsafe { &mut *a };
#   let b = &*m;                       // &Cell: SharedReadWrite
#   let _v = unsafe { ptr::read(x as *const Cell<i32> as *const i32) };  // a read with x's tag
#   unsafe { *a = Cell::new(1) };
#   let _w = b.get();
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          #                                  [Uniq x0, Uniq x]
let a = *mut x           #                                  [.., Uniq x, SRW ?]
let m = &mut a           #                                  [.., SRW ?, Uniq m]
let b = &cell m          #                                  [.., SRW ?, Uniq m, SRW b]
read x                   # removes Uniq m                   [Uniq x0, Uniq x, SRW ?, SRW b]
write a                  # SRW b stays
read b
