#! models: sb2-disable
# Same trace as variant_disable_twophase_srw.sbt under sb2-disable, where a
# two-phase `&mut` is a weak SRW t inserted like a `*mut` (no re-grant). The
# read with x's tag in `x.len()` disables only Unique items, and there are
# none above Uniq x; push's retag of t (a write granted by SRW t) keeps the
# contiguous SRW ? and pops SRO s.
#   let mut v = vec![]; let x: &mut Vec<i32> = &mut v; let r = x as *mut Vec<i32>;
#   x.push({ unsafe { *r = Vec::new() }; x.len() as i32 });
alloc v 24               #                                           [Uniq v]
let x = &mut v           #                                           [Uniq v, Uniq x]
let r = *mut x           #                                           [.., Uniq x, SRW ?]
let t = &mut x twophase  # SRW t directly above Uniq x               [.., Uniq x, SRW t, SRW ?]
write r                  # top item: nothing removed
let s = &x               #                                           [.., Uniq x, SRW t, SRW ?, SRO s]
read s[16..24]
call                     # Vec::push(t, n)
let self_ = &mut t protect   #                                       [.., SRW t, SRW ?, Uniq self_*]
write self_[16..24]
return
