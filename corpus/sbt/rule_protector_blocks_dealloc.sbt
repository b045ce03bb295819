#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Deallocation removes every item of every byte; if one of them is protected
# by an active call, that is UB, even though the deallocating pointer (the
# heap's Untagged base) has write access everywhere.
alloc b 4 untagged       # heap memory                          [Uniq ?]
let r = &b               #                                      [Uniq ?, SRO r]
call                     # f(r, b as *mut _) with f(x: &i32, raw: *mut i32)
let x = &r protect       #                                      [Uniq ?, SRO r, SRO x*]
dealloc b !ub            # would remove SRO x*
return
