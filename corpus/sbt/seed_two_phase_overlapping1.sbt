#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Seed example two_phase_overlapping1 (also run-pass/stacked-borrows/2phase.rs):
# the implicit two-phase `&mut x` of `x.push(..)` is a weak retag: Uniq t goes
# just above x's item, no write access happens, so p's SRO survives and
# `p.len()` works; the re-grant SRO(x) lets x be read meanwhile. Only push's
# own fn-entry retag (a write with t's tag) removes p.
#   fn two_phase_overlapping1() {
#       let mut x = vec![];
#       let p = &x;
#       x.push(p.len());
#   }
# The Vec header is a 24-byte local: ptr 0..8, cap 8..16, len 16..24.
alloc x 24               # let mut x = vec![];                        [Uniq x]
let p = &x               # let p = &x;                                [Uniq x, SRO p]
let t = &mut x twophase  # x.push(..): two-phase autoref &mut x       [Uniq x, Uniq t, SRO p, SRO x]
call                     # p.len()
let s = &p protect       #   fn-entry retag of &self (read with p's tag: SRO p still there)
read s[16..24]           #   self.len
return
call                     # Vec::push(t, len)
let self_ = &mut t protect   # write with t's tag: pops SRO p, SRO x, SRO s   [Uniq x, Uniq t, Uniq self_*]
read self_               #   if self.len == self.buf.cap() { .. }
write self_[16..24]      #   self.len += 1
return
