#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# mut_shr_then_mut_raw: first a shared reference, then a raw pointer from the
# `&mut`; mutation through the raw pointer is allowed (the weak `*mut` retag
# inserts SRW ? just above Uniq xref, below the SRO).
#   let xref = &mut 2;
#   let _xshr = &*xref;
#   let xraw = xref as *mut _;
#   unsafe { *xraw = 3; }
#   assert_eq!(*xref, 3);
alloc l 4                # the temporary 2                      [Uniq l]
let xref = &mut l        # let xref = &mut 2;                   [Uniq l, Uniq xref]
let _xshr = &xref        #                                      [.., Uniq xref, SRO _xshr]
let xraw = *mut xref     #                                      [.., Uniq xref, SRW ?, SRO _xshr]
write xraw               # pops SRO _xshr
read xref                # assert_eq!(*xref, 3)
