#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/2phase.rs, two_phase1:
# `x.tpb(x)` reads x (the by-value argument) while the two-phase `&mut x` is
# reserved. In sb2 the read is granted by the re-grant SRO(x) on top, so Uniq t
# stays (without the re-grant, a read granted by Uniq x would remove it).
# sb2-disable: t is SRW t, which a read does not touch.
#   trait S: Sized { fn tpb(&mut self, _s: Self) {} }
#   impl S for i32 {}
#   fn two_phase1() { let mut x = 3; x.tpb(x); }
alloc x 4                # let mut x = 3;                       [Uniq x]
let t = &mut x twophase  # autoref &mut x                       [Uniq x, Uniq t, SRO x]
read x                   # the argument `x` (copied out)
call                     # S::tpb(t, x)
let self_ = &mut t protect   #                                  [Uniq x, Uniq t, Uniq self_*]
return
