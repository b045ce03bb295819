#! models: sb2, sb2-disable, sb2-strict, sb2-tagged-raw
# Where a weak retag inserts its item. The two-phase `&mut *r1` is granted by
# r1's SRW ?; sb2 puts Uniq t directly above it, i.e. *below* the `&Cell` c
# derived from r1 earlier, so writes through c (SRW, compatible with what is
# below it) never touch Uniq t, and do_the_thing's retag of t succeeds.
# (sb2-disable: two-phase is an SRW t inserted above the SRW group [SRW c],
# and writes keep the SRW group above a granting SRW, so it also passes.)
#   let x = &mut Cell::new(1);
#   let r1 = x as *mut Cell<i32>;
#   let c = unsafe { &*r1 };
#   unsafe { (*r1).do_the_thing({ c.set(3); 0 }) };
#   // trait Thing { fn do_the_thing(&mut self, _s: i32) {} } impl<T> Thing for Cell<T> {}
alloc c0 4                       # the temporary Cell::new(1)
let x = &mut c0                  #                                  [Uniq c0, Uniq x]
let r1 = *mut x                  # let r1 = x as *mut Cell<i32>;    [.., Uniq x, SRW ?]
let c = &cell r1                 # let c = &*r1;                    [.., SRW ?, SRW c]
let t = &mut r1 twophase cell    # (*r1).do_the_thing(..)           [.., SRW ?, Uniq t, SRW ?, SRW c]
let c2 = &cell c                 # c.set(3): autoref &*c            [.., SRW c, SRW c2]
call                             # Cell::set(&self, 3)
let s = &cell c2 protect
write s                          # top of the stack: removes nothing
return
call                             # Thing::do_the_thing(t, 0)
let self_ = &mut t protect       # write with t's tag: Uniq t still there
return
