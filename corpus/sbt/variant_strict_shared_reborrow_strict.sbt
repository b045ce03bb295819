#! models: sb2-strict
# Same trace as variant_strict_shared_reborrow.sbt: under sb2-strict the read
# access done by the strong `&*x` retag pops SRW ? and Uniq t (stack
# discipline), so the raw pointer is dead before it is used.
#   let x = &mut 0; let raw = (&mut *x) as *mut i32;
#   let s = &*x; let _v = *s; *raw = 1;
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          #                                  [Uniq x0, Uniq x]
let t = &mut x           #                                  [.., Uniq x, Uniq t]
let raw = *mut t         #                                  [.., Uniq x, Uniq t, SRW ?]
let s = &x               # strict read pops SRW ?, Uniq t   [Uniq x0, Uniq x, SRO s]
read s
write raw !ub
