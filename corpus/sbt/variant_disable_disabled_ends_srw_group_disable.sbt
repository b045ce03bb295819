#! models: sb2-disable, sb2-strict
# Same trace as variant_disable_disabled_ends_srw_group.sbt. sb2-disable: the
# read through `x` turns Uniq m into Disabled instead of removing it; Disabled
# ends the SRW group above SRW a, so the stack-like write through `a` pops
# Disabled m and SRW b, and reading through `b` is UB. (sb2-strict: the read
# already pops SRW b together with Uniq m below it.)
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          #                                  [Uniq x0, Uniq x]
let a = *mut x           #                                  [.., Uniq x, SRW ?]
let m = &mut a           #                                  [.., SRW ?, Uniq m]
let b = &cell m          #                                  [.., SRW ?, Uniq m, SRW b]
read x                   # disable: [Uniq x0, Uniq x, SRW ?, Disabled m, SRW b]
write a                  # group above SRW ? is empty: pops Disabled m, SRW b
read b !ub
