#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# mut_raw_mut: derive a raw pointer from a mut, and from that a mut; reading
# through the original mut does not invalidate the raw pointer (the
# read-exception for `&mut` applies although SRW ? is not on top).
#   let mut x = 2;
#   {
#       let xref1 = &mut x;
#       let xraw = xref1 as *mut _;
#       let _xref2 = unsafe { &mut *xraw };
#       let _val = *xref1;
#       unsafe { *xraw = 4; }
#       // we can now use both xraw and xref1, for reading
#       assert_eq!(*xref1, 4);
#       assert_eq!(unsafe { *xraw }, 4);
#       assert_eq!(*xref1, 4);
#       assert_eq!(unsafe { *xraw }, 4);
#       // we cannot use xref2; see `compile-fail/stacked-borows/illegal_read4.rs`
#   }
#   assert_eq!(x, 4);
alloc x 4                # let mut x = 2;                       [Uniq x]
let xref1 = &mut x       #                                      [Uniq x, Uniq xref1]
let xraw = *mut xref1    #                                      [.., Uniq xref1, SRW ?]
let _xref2 = &mut xraw   #                                      [.., SRW ?, Uniq _xref2]
read xref1               # pops Uniq _xref2 (disable: Disabled), SRW ? stays
write xraw               # *xraw = 4
read xref1
read xraw
read xref1
read xraw
read x                   # assert_eq!(x, 4)
