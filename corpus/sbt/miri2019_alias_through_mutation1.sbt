#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/alias_through_mutation1.rs:
# a `&u32` smuggled out of `retarget` aliases `target`; writing through
# `target` pops it. Only the u32 behind `target` is modelled (target_alias's own
# storage is another allocation).
#   fn retarget(x: &mut &u32, target: &mut u32) {
#       unsafe { *x = &mut *(target as *mut _); }
#   }
#   fn main() {
#       let target = &mut 42;
#       let mut target_alias = &42; // initial dummy value
#       retarget(&mut target_alias, target);
#       *target = 13;
#       let _val = *target_alias; //~ ERROR borrow stack
#   }
alloc t0 4               # the temporary 42 behind `target`     [Uniq t0]
let target = &mut t0     # let target = &mut 42;                [Uniq t0, Uniq target]
call                     # retarget(&mut target_alias, target)
let tgt = &mut target protect   # fn-entry retag of `target`     [.., Uniq target, Uniq tgt*]
let raw = *mut tgt       # target as *mut _                     [.., Uniq tgt*, SRW ?]
let m = &mut raw         # &mut *(..)                           [.., SRW ?, Uniq m]
let alias = &m           # coerced to &u32 and stored in *x     [.., Uniq m, SRO alias]
return
write target             # *target = 13: pops everything above Uniq target
read alias !ub           # let _val = *target_alias;
