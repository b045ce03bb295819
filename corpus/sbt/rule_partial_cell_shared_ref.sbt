#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# A shared reborrow of a struct with an UnsafeCell field is frozen-sensitive:
# `&m cell[0..4]` gives a weak SRW on bytes 0..4 (writable through the shared
# reference) and a strong SRO on bytes 4..8. Each byte is tracked on its own.
#   let mut p = (Cell::new(0), 0i32);
#   let m = &mut p;
#   let s = &*m;
#   s.0.set(1); let _ = m.1; m.0 = Cell::new(2); let _ = s.1; m.1 = 3; let _ = s.1;
alloc p 8                # let mut p = (Cell::new(0), 0i32);    [Uniq p]
let m = &mut p           #                                      [Uniq p, Uniq m]
let s = &m cell[0..4]    # 0..4: [.., Uniq m, SRW s]   4..8: [.., Uniq m, SRO s]
write s[0..4]            # s.0.set(1): SRW grants writes
read m[4..8]             # m.1: a read keeps SRO s
write m[0..4]            # m.0 = ..: pops SRW s on 0..4 only
read s[4..8]             # s.1: bytes 4..8 untouched by that write
write m[4..8]            # m.1 = 3: pops SRO s on 4..8
read s[4..8] !ub
