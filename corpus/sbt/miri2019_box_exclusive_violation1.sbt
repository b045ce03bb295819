#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/box_exclusive_violation1.rs:
# unknown code leaks a raw pointer from `&*our` and later writes through it.
# The box lives on the heap whose base item is Uniq(Untagged), and the leaked
# pointer is Untagged, so `*LEAK = 7` is granted by that base item and pops
# the Box's Unique: the UB is at the next use of `our`.
#   fn demo_box_advanced_unique(mut our: Box<i32>) -> i32 {
#       unknown_code_1(&*our);
#       *our = 5;
#       unknown_code_2();
#       *our //~ ERROR borrow stack
#   }
#   static mut LEAK: *mut i32 = ptr::null_mut();
#   fn unknown_code_1(x: &i32) { unsafe { LEAK = x as *const _ as *mut _; } }
#   fn unknown_code_2() { unsafe { *LEAK = 7; } }
#   fn main() { demo_box_advanced_unique(Box::new(0)); }
alloc bx 4 untagged      # Box::new(0): heap, base Untagged     [Uniq ?]
call                     # demo_box_advanced_unique(Box::new(0))
let our = &mut bx        # fn-entry retag of the Box: Unique, never protected   [Uniq ?, Uniq our]
let s = &our             # &*our                                [.., Uniq our, SRO s]
call                     # unknown_code_1(&*our)
let x = &s protect       #                                      [.., SRO s, SRO x*]
let leak = *const x      # x as *const _ (as *mut _: raw to raw, no retag)   [.., SRO x*, SRO ?]
return
write our                # *our = 5: pops SRO s, SRO x, SRO ?   [Uniq ?, Uniq our]
call                     # unknown_code_2()
write leak               # *LEAK = 7: granted by the base Uniq ?, pops Uniq our
return
read our !ub             # *our
