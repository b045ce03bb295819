#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_read2.rs:
# as illegal_read1, but the callee sneakily reads through a shared reborrow
# `&*xraw`, whose strong retag is itself a read with the raw tag.
#   let mut x = 15;
#   let xraw = &mut x as *mut _;
#   let xref = unsafe { &mut *xraw };
#   callee(xraw);
#   let _val = *xref; //~ ERROR borrow stack
#   fn callee(xraw: *mut i32) { let shr = unsafe { &*xraw }; let _val = *shr; }
alloc x 4                # let mut x = 15;                      [Uniq x]
let t = &mut x           # &mut x                               [Uniq x, Uniq t]
let xraw = *mut t        #                                      [.., Uniq t, SRW ?]
let xref = &mut xraw     # &mut *xraw                           [.., SRW ?, Uniq xref]
call                     # callee(xraw)
let shr = &xraw          # &*xraw: a read with Untagged removes Uniq xref   [.., SRW ?, SRO shr]
read shr
return
read xref !ub
