#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# A weak retag (`&cell`) performs no access and removes nothing: it inserts
# SRW c directly above x's item, *below* y's Unique. `write y` right after it
# is fine; a write through c then removes Uniq y (Unique above an SRW granting
# item), so the final read through y is UB.
alloc x0 4               #                                      [Uniq x0]
let x = &mut x0          #                                      [Uniq x0, Uniq x]
let y = &mut x           #                                      [.., Uniq x, Uniq y]
let c = &cell x          #                                      [.., Uniq x, SRW c, Uniq y]
write y                  # fine: weak retags do not access
write c                  # pops Uniq y                          [.., Uniq x, SRW c]
read y !ub
