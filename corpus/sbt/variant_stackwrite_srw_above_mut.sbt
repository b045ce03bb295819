#! models: sb2, sb2-tagged-raw
# A write through a raw pointer whose stack has, above the raw pointer's SRW,
# a `&mut` derived from it and a `&Cell` SharedReadWrite derived from that.
# sb2 removes only the incompatible Uniq m; SRW c (compatible with an SRW
# granting item) stays, so `c` can still be read. (With tagged raw pointers the
# write is granted by r's own item, same result.) Note the SRW above Uniq m
# must be tagged: an Untagged one (`m as *mut`) would itself grant the write
# through `r` (topmost Untagged item) and nothing would be removed.
#   let x = &mut Cell::new(0);
#   let r = x as *mut Cell<i32>;
#   let m = unsafe { &mut *r };
#   let c = &*m;                        // &Cell: SharedReadWrite
#   unsafe { *r = Cell::new(1) };
#   let _v = c.get();
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          # let x = &mut Cell::new(0);       [Uniq x0, Uniq x]
let r = *mut x           # let r = x as *mut Cell<i32>;     [.., Uniq x, SRW ?]
let m = &mut r           # let m = &mut *r;                 [.., SRW ?, Uniq m]
let c = &cell m          # let c = &*m; (weak)              [.., SRW ?, Uniq m, SRW c]
write r                  # sb2: pops Uniq m only            [Uniq x0, Uniq x, SRW ?, SRW c]
read c                   # c.get()
