#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/2phase.rs, two_phase_raw:
# inside the argument block, `x as *mut _` first reborrows `&mut *x` (a write
# with x's tag, which pops the reserved two-phase borrow t and its re-grant),
# then the block returns from the function, so t is never used.
#   fn two_phase_raw() {
#       let x: &mut Vec<i32> = &mut vec![];
#       x.push({
#           // Unfortunately this does not trigger the problem of creating a
#           // raw ponter from a pointer that had a two-phase borrow derived from
#           // it because of the implicit &mut reborrow.
#           let raw = x as *mut _;
#           unsafe { *raw = vec![1]; }
#           return;
#       });
#   }
alloc v 24               # the temporary vec![]                 [Uniq v]
let x = &mut v           #                                      [Uniq v, Uniq x]
let t = &mut x twophase  # x.push(..)                           [.., Uniq x, Uniq t, SRO x]
let m = &mut x           # implicit &mut *x of the cast: pops Uniq t, SRO x   [.., Uniq x, Uniq m]
let raw = *mut m         #                                      [.., Uniq m, SRW ?]
write raw                # *raw = vec![1]
