#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict
# Dedup: in sb2 every `*mut` cast of x makes the same item SRW(Untagged), so
# the second cast finds its equal directly above its insertion point (x's
# item) and adds nothing; `*const` casts push SRO(Untagged), equal to the top
# on the second cast. Both raw pointers work, and the single SRW ? that both
# rely on is removed by the `&mut x` reborrow, killing both.
# (Not claimed for sb2-tagged-raw, where each cast has its own tag: same
# verdict, but no dedup happens.)
alloc x0 4               #                                      [Uniq x0]
let x = &mut x0          #                                      [Uniq x0, Uniq x]
let p1 = *mut x          #                                      [.., Uniq x, SRW ?]
let p2 = *mut x          # equal to the item above: not inserted
let c1 = *const x        #                                      [.., Uniq x, SRW ?, SRO ?]
let c2 = *const x        # equal to the top: not inserted
read c1
read c2
write p2                 # pops SRO ?                           [.., Uniq x, SRW ?]
write p1
let y = &mut x           # pops SRW ?                           [.., Uniq x, Uniq y]
read p2 !ub
