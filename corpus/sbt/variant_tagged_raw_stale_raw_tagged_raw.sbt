#! models: sb2-tagged-raw
# Same trace as variant_tagged_raw_stale_raw.sbt with tagged raw pointers: r1
# and r2 have distinct tags; r1's SRW was popped by the `&mut *x` reborrow and
# r2's item does not grant r1 anything.
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          #                                  [Uniq x0, Uniq x]
let r1 = *mut x          #                                  [.., Uniq x, SRW r1]
let y = &mut x           # pops SRW r1                      [.., Uniq x, Uniq y]
let r2 = *mut y          #                                  [.., Uniq y, SRW r2]
write r1 !ub
