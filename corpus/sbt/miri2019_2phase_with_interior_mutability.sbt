#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/2phase.rs,
# with_interior_mutability: a two-phase borrow of a Cell; its re-grant is a
# weak SRW(x) just above Uniq t (`twophase cell`), so `x.set`/`x.get` go
# through new SRWs above it, and `l.set`/`l.get` through l's SRW; writes
# through SRWs never pop SRWs, and nothing touches Uniq t until do_the_thing.
#   trait Thing: Sized { fn do_the_thing(&mut self, _s: i32) {} }
#   impl<T> Thing for Cell<T> {}
#   let mut x = Cell::new(1);
#   let l = &x;
#   x.do_the_thing({
#       x.set(3);
#       l.set(4);
#       x.get() + l.get()
#   });
alloc x 4                        # let mut x = Cell::new(1);    [Uniq x]
let l = &cell x                  # let l = &x;                  [Uniq x, SRW l]
let t = &mut x twophase cell     # x.do_the_thing(..)           [Uniq x, Uniq t, SRW x, SRW l]
let a1 = &cell x                 # x.set(3): autoref &x (granted by the re-grant SRW x)
call
let s1 = &cell a1 protect
write s1
return
let a2 = &cell l                 # l.set(4): &*l
call
let s2 = &cell a2 protect
write s2
return
let a3 = &cell x                 # x.get()
call
let s3 = &cell a3 protect
read s3
return
let a4 = &cell l                 # l.get()
call
let s4 = &cell a4 protect
read s4
return
call                             # Thing::do_the_thing(t, sum)
let self_ = &mut t protect       # pops everything above Uniq t
return
