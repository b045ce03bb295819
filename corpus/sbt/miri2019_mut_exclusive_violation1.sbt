#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/mut_exclusive_violation1.rs:
# as box_exclusive_violation1 but with `&mut 0`, a stack temporary whose base
# tag is a fresh tag, so no Untagged item exists: `*LEAK = 7` itself is UB.
#   fn demo_mut_advanced_unique(our: &mut i32) -> i32 {
#       unknown_code_1(&*our);
#       *our = 5;
#       unknown_code_2();
#       *our
#   }
#   fn unknown_code_1(x: &i32) { unsafe { LEAK = x as *const _ as *mut _; } }
#   fn unknown_code_2() { unsafe { *LEAK = 7; //~ ERROR does not exist on the stack } }
#   fn main() { demo_mut_advanced_unique(&mut 0); }
alloc l 4                # the temporary 0 (a local)            [Uniq l]
let arg = &mut l         # &mut 0                               [Uniq l, Uniq arg]
call                     # demo_mut_advanced_unique(&mut 0)
let our = &mut arg protect   #                                  [.., Uniq arg, Uniq our*]
let s = &our             # &*our                                [.., Uniq our*, SRO s]
call                     # unknown_code_1(&*our)
let x = &s protect       #                                      [.., SRO s, SRO x*]
let leak = *const x      #                                      [.., SRO x*, SRO ?]
return
write our                # *our = 5                             [Uniq l, Uniq arg, Uniq our*]
call                     # unknown_code_2()
write leak !ub           # *LEAK = 7: no item for the leaked pointer
return
