#! models: sb2, sb2-stackwrite, sb2-strict, sb2-tagged-raw
# `twophase cell[0..4]`: on the UnsafeCell bytes the two-phase re-grant is a
# weak SRW(x) directly above Uniq t, so a write with x's tag on those bytes is
# granted by that SRW (the topmost x item granting writes) and Uniq t
# survives; on the frozen bytes 4..8 the re-grant is an SRO(x) on top.
# Model-level trace: borrowck would not accept the direct write to x.0 during
# the reservation (`x.0.set(..)` would go through a `&x.0` instead).
#   struct P(Cell<i32>, i32);  x: &mut P;  x.method_mut({ /* write x.0 */ 0 })
alloc p 8                        # (Cell<i32>, i32) local               [Uniq p]
let x = &mut p                   #                                      [Uniq p, Uniq x]
let t = &mut x twophase cell[0..4]   # bytes 0..4: [.., Uniq x, Uniq t, SRW x]; 4..8: [.., Uniq x, Uniq t, SRO x]
write x[0..4]                    # granted by the re-grant SRW x on top: nothing removed
call
let self_ = &mut t protect       # write with t's tag: fine on every byte
return
