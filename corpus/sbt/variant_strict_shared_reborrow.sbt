#! models: sb2, sb2-stackwrite, sb2-disable, sb2-tagged-raw
# The read access inside a strong retag (`&*x`) follows the same removal rule
# as a read: it removes Uniq t but keeps the raw pointer's SRW, so the raw
# pointer can still write afterwards (which then removes the new SRO).
#   let x = &mut 0; let raw = (&mut *x) as *mut i32;
#   let s = &*x; let _v = *s; *raw = 1;
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          #                                  [Uniq x0, Uniq x]
let t = &mut x           # &mut *x                          [.., Uniq x, Uniq t]
let raw = *mut t         #                                  [.., Uniq x, Uniq t, SRW ?]
let s = &x               # read with x's tag, push SRO s    [.., Uniq x, SRW ?, SRO s]
read s
write raw                # granted by SRW ?; pops SRO s
