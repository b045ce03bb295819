#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/2phase.rs, two_phase2:
# `v.push(v.len())`: `&v` for len() is created while the two-phase `&mut v` is
# reserved (a read granted by the re-grant SRO(v)).
#   fn two_phase2() { let mut v = vec![]; v.push(v.len()); }
# Vec header: 24-byte local, len at 16..24.
alloc v 24               # let mut v = vec![];                  [Uniq v]
let t = &mut v twophase  # v.push(..): autoref &mut v           [Uniq v, Uniq t, SRO v]
let s = &v               # v.len(): autoref &v                  [.., SRO v, SRO s]
call
let self_ = &s protect
read self_[16..24]
return
call                     # Vec::push(t, len)
let p = &mut t protect   # pops every SRO                       [Uniq v, Uniq t, Uniq p*]
read p
write p[16..24]
return
