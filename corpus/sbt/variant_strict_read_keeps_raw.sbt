#! models: sb2, sb2-stackwrite, sb2-disable, sb2-tagged-raw
# A read through a `&mut` while a raw pointer derived from it (through an
# intermediate `&mut *x`) is used afterwards on the same bytes. sb2 removes
# only the incompatible Uniq t; the raw pointer's SRW above it stays, so the
# write through `raw` is fine. (sb2-disable: Uniq t becomes Disabled, SRW stays.)
#   let x = &mut 0; let raw = (&mut *x) as *mut i32; let _v = *x; *raw = 1;
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          # let x = &mut 0;                  [Uniq x0, Uniq x]
let t = &mut x           # &mut *x                          [.., Uniq x, Uniq t]
let raw = *mut t         # as *mut i32                      [.., Uniq x, Uniq t, SRW ?]
read x                   # let _v = *x: removes Uniq t only [Uniq x0, Uniq x, SRW ?]
write raw                # *raw = 1
