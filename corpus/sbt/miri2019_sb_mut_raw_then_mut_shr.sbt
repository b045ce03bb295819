#! models: sb2, sb2-stackwrite, sb2-disable, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# mut_raw_then_mut_shr: escape a mut to raw (through `&mut *xref`), then share
# the same mut and use the share, then the raw. The strong `&*xref` retag reads
# with xref's tag, which removes the temporary Uniq t but keeps SRW ?.
#   let mut x = 2;
#   let xref = &mut x;
#   let xraw = &mut *xref as *mut _;
#   let xshr = &*xref;
#   assert_eq!(*xshr, 2);
#   unsafe { *xraw = 4; }
#   assert_eq!(x, 4);
alloc x 4                # let mut x = 2;                       [Uniq x]
let xref = &mut x        #                                      [Uniq x, Uniq xref]
let t = &mut xref        # &mut *xref                           [.., Uniq xref, Uniq t]
let xraw = *mut t        #                                      [.., Uniq t, SRW ?]
let xshr = &xref         # read with xref's tag: pops Uniq t only   [Uniq x, Uniq xref, SRW ?, SRO xshr]
read xshr                # assert_eq!(*xshr, 2)
write xraw               # *xraw = 4: pops SRO xshr
read x                   # assert_eq!(x, 4)
