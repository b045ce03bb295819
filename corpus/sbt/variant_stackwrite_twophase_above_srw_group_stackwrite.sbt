#! models: sb2-stackwrite
# Same trace as variant_stackwrite_twophase_above_srw_group.sbt under
# sb2-stackwrite: weak retags insert above the contiguous SRW group over an SRW
# granting item. Uniq t lands *above* SRW c, then c.set's `&*c` (granted by
# SRW c, with Uniq t directly above: empty group) lands below Uniq t, and the
# stack-like write through it pops Uniq t and its re-grant.
#   let x = &mut Cell::new(1); let r1 = x as *mut Cell<i32>; let c = unsafe { &*r1 };
#   unsafe { (*r1).do_the_thing({ c.set(3); 0 }) };
alloc c0 4                       # the temporary Cell::new(1)
let x = &mut c0                  #                                  [Uniq c0, Uniq x]
let r1 = *mut x                  #                                  [.., Uniq x, SRW ?]
let c = &cell r1                 #                                  [.., SRW ?, SRW c]
let t = &mut r1 twophase cell    # above the group [SRW c]          [.., SRW ?, SRW c, Uniq t, SRW ?]
let c2 = &cell c                 # directly above SRW c             [.., SRW c, SRW c2, Uniq t, SRW ?]
call                             # Cell::set(&self, 3)
let s = &cell c2 protect         #                                  [.., SRW c2, SRW s*, Uniq t, SRW ?]
write s                          # pops Uniq t and the SRW ? re-grant
return
call                             # Thing::do_the_thing(t, 0)
let self_ = &mut t protect !ub   # t has no item left
return
