#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_write2.rs:
# a `&mut` reborrow (even one that is dropped at once) is a write access that
# invalidates raw pointers created earlier from the same reference.
#   let target = &mut 42;
#   let target2 = target as *mut _;
#   drop(&mut *target); // reborrow
#   // Now make sure our ref is still the only one.
#   unsafe { *target2 = 13; } //~ ERROR borrow stack
#   let _val = *target;
alloc l 4                # the temporary 42                     [Uniq l]
let target = &mut l      # let target = &mut 42;                [Uniq l, Uniq target]
let target2 = *mut target    #                                  [.., Uniq target, SRW ?]
let re = &mut target     # &mut *target: pops SRW ?             [.., Uniq target, Uniq re]
call                     # drop(re)
let d = &mut re protect  # fn-entry retag of drop's argument
return
write target2 !ub        # *target2 = 13
read target
