#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/2phase.rs,
# two_phase3(false): `x.len()` reads through x while `x.push(..)`'s two-phase
# reborrow of `*x` is reserved.
#   fn two_phase3(b: bool) {
#       let mut x = &mut vec![];
#       let mut y = vec![];
#       x.push(( { if b { x = &mut y }; 22 }, x.len() ));
#   }
alloc v 24               # the temporary vec![]                 [Uniq v]
alloc y 24               # let mut y = vec![];
let x = &mut v           # let mut x = &mut vec![];             [Uniq v, Uniq x]
let t = &mut x twophase  # x.push(..): two-phase &mut *x        [.., Uniq x, Uniq t, SRO x]
let s = &x               # x.len(): &*x                         [.., SRO x, SRO s]
call
let self_ = &s protect
read self_[16..24]
return
call                     # Vec::push(t, (22, len))
let p = &mut t protect
write p[16..24]
return
