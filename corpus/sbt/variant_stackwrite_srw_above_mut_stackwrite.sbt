#! models: sb2-stackwrite, sb2-disable, sb2-strict
# Same trace as variant_stackwrite_srw_above_mut.sbt with stack-like writes:
# the write through `r` (granting item SRW ?) keeps only the contiguous SRW
# items directly above it; Uniq m is directly above, so the group is empty
# and Uniq m and SRW c are both popped. (sb2-disable writes the same way;
# sb2-strict pops from the first incompatible item, Uniq m, upwards.)
#   let x = &mut Cell::new(0); let r = x as *mut Cell<i32>;
#   let m = unsafe { &mut *r }; let c = &*m;
#   unsafe { *r = Cell::new(1) }; let _v = c.get();
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          #                                  [Uniq x0, Uniq x]
let r = *mut x           #                                  [.., Uniq x, SRW ?]
let m = &mut r           #                                  [.., SRW ?, Uniq m]
let c = &cell m          # Uniq m grants: insert directly above it   [.., SRW ?, Uniq m, SRW c]
write r                  # pops Uniq m and SRW c            [Uniq x0, Uniq x, SRW ?]
read c !ub
