#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Seed example foo(a, y): the shared reborrow `&*a` no longer lets the raw
# pointer `y` read (SB1's "frozen" state did). `y`'s SRW item was already
# removed by the protected fn-entry retag of `a` (a write access with x's tag).
#   fn main() { let x = &mut 0u32; let p = x as *mut u32; foo(x, p); }
#   fn foo(a: &mut u32, y: *mut u32) -> u32 {
#       *a = 1; let _b = &*a; let _val = unsafe { *y }; *a = 2; _val }
alloc x0 4               # the temporary holding 0u32 (a local)  [Uniq x0]
let x = &mut x0          # let x = &mut 0u32;                    [Uniq x0, Uniq x]
let p = *mut x           # x as *mut u32                         [Uniq x0, Uniq x, SRW ?]
call                     # foo(x, p)
let a = &mut x protect   # Retag(a): write with x's tag pops SRW ?   [Uniq x0, Uniq x, Uniq a*]
write a                  # *a = 1
let _b = &a              # let _b = &*a;                         [.., Uniq a*, SRO _b]
read p !ub               # unsafe { *y }: no item grants p's tag (Untagged / p's own tag) a read
write a                  # *a = 2
