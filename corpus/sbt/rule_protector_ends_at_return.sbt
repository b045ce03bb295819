#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# A protector only lasts while its call is active: after `return`, removing
# the formerly protected item is fine (and a pointer whose item is gone is
# simply dead). Protectors belong to the innermost open frame.
alloc x0 4               #                                      [Uniq x0]
let x = &mut x0          #                                      [Uniq x0, Uniq x]
call                     # f(x)
let a = &mut x protect   #                                      [.., Uniq x, Uniq a*]
call                     #   g(), nested
write a                  #   fine, a is on top
return                   #   g returns: a stays protected by f's call
write a
return                   # f returns: a's protector is no longer active
write x                  # removes Uniq a: fine now
dealloc x0               # and so does deallocating
