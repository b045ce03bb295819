#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/2phase.rs,
# two_phase_overlapping2: a shared reference `l` created before the two-phase
# borrow is still usable during the reservation (the weak Uniq t goes below it).
#   fn two_phase_overlapping2() {
#       use std::ops::AddAssign;
#       let mut x = 1;
#       let l = &x;
#       x.add_assign(x + *l);
#   }
alloc x 4                # let mut x = 1;                       [Uniq x]
let l = &x               # let l = &x;                          [Uniq x, SRO l]
let t = &mut x twophase  # x.add_assign(..)                     [Uniq x, Uniq t, SRO l, SRO x]
read x                   # x + *l
read l
call                     # AddAssign::add_assign(t, sum)
let self_ = &mut t protect   # pops SRO l, SRO x
read self_
write self_
return
