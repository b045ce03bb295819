#! models: sb2-tagged-raw
# rust-lang/miri tests/compile-fail/stacked_borrows/box_exclusive_violation1.rs
# (same trace as miri2019_box_exclusive_violation1.sbt) with tagged raw
# pointers: the leaked pointer has its own tag, whose SRO was popped by
# `*our = 5`, so the UB moves to `*LEAK = 7` (as in later miri).
alloc bx 4 untagged      # Box::new(0): heap, base Untagged     [Uniq ?]
call                     # demo_box_advanced_unique(Box::new(0))
let our = &mut bx        #                                      [Uniq ?, Uniq our]
let s = &our             # &*our                                [.., Uniq our, SRO s]
call                     # unknown_code_1(&*our)
let x = &s protect       #                                      [.., SRO s, SRO x*]
let leak = *const x      #                                      [.., SRO x*, SRO leak]
return
write our                # *our = 5: pops SRO s, SRO x, SRO leak
call                     # unknown_code_2()
write leak !ub           # *LEAK = 7
return
read our
