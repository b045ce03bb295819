#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# While f's call is active (also inside the nested call g), an access that
# would remove f's protected argument item is UB.
alloc x0 4               #                                      [Uniq x0]
let x = &mut x0          #                                      [Uniq x0, Uniq x]
call                     # f(x)
let a = &mut x protect   #                                      [.., Uniq x, Uniq a*]
call                     #   g() gets hold of x somehow
return
call                     #   h()
write x !ub              #   would remove Uniq a*
return
return
