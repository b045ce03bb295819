#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/2phase.rs,
# two_phase3(true): during the reservation `x` is re-pointed at `y`, so
# `x.len()` reads y; the push still goes to the first vector through t.
#   fn two_phase3(b: bool) {
#       let mut x = &mut vec![];
#       let mut y = vec![];
#       x.push(( { if b { x = &mut y }; 22 }, x.len() ));
#   }
alloc v 24               # the temporary vec![]                 [Uniq v]
alloc y 24               # let mut y = vec![];                  [Uniq y]
let x = &mut v           # let mut x = &mut vec![];             [Uniq v, Uniq x]
let t = &mut x twophase  # x.push(..): two-phase &mut *x        [.., Uniq x, Uniq t, SRO x]
let x = &mut y           # x = &mut y                           y: [Uniq y, Uniq x']
let s = &x               # x.len() now reads y                  y: [.., Uniq x', SRO s]
call
let self_ = &s protect
read self_[16..24]
return
call                     # Vec::push(t, (22, len))
let p = &mut t protect
write p[16..24]
return
