#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# A strong shared retag `&*x` first performs a read with x's tag: that removes
# (sb2-disable: disables) the Unique of `y` above Uniq x.
alloc x0 4               #                                      [Uniq x0]
let x = &mut x0          #                                      [Uniq x0, Uniq x]
let y = &mut x           #                                      [.., Uniq x, Uniq y]
let s = &x               # read with x's tag pops Uniq y        [.., Uniq x, SRO s]
write y !ub
