#! models: sb2, sb2-stackwrite, sb2-strict, sb2-tagged-raw
# Two-phase borrow next to a raw pointer. In sb2 the two-phase `&mut *x` is a
# weak Uniq t plus a re-grant SRO(x) on top. The raw write removes that SRO;
# then `x.len()` reads with x's tag, now granted only by Uniq x, which removes
# Uniq t (a Unique above a Unique granting item, on a read). push's retag of
# t is UB.
#   let mut v = vec![];
#   let x: &mut Vec<i32> = &mut v;
#   let r = x as *mut Vec<i32>;
#   x.push({ unsafe { *r = Vec::new() }; x.len() as i32 });
# Vec header: 24 bytes, len at 16..24.
alloc v 24               # let mut v = vec![];                       [Uniq v]
let x = &mut v           #                                           [Uniq v, Uniq x]
let r = *mut x           # let r = x as *mut Vec<i32>;               [.., Uniq x, SRW ?]
let t = &mut x twophase  # x.push(..): two-phase &mut *x             [.., Uniq x, Uniq t, SRW ?, SRO x]
write r                  # *r = Vec::new(): pops SRO x               [.., Uniq x, Uniq t, SRW ?]
let s = &x               # x.len(): read with x's tag pops Uniq t    [.., Uniq x, SRW ?, SRO s]
read s[16..24]
call                     # Vec::push(t, n)
let self_ = &mut t protect !ub
return
