#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_read4.rs:
# using a raw pointer invalidates a `&mut` derived from it even for reading.
#   let mut x = 2;
#   let xref1 = &mut x;
#   let xraw = xref1 as *mut _;
#   let xref2 = unsafe { &mut *xraw };
#   let _val = unsafe { *xraw }; // use the raw again, this invalidates xref2 *even* with the special read except for uniq refs
#   let _illegal = *xref2; //~ ERROR borrow stack
alloc x 4                # let mut x = 2;                       [Uniq x]
let xref1 = &mut x       #                                      [Uniq x, Uniq xref1]
let xraw = *mut xref1    #                                      [.., Uniq xref1, SRW ?]
let xref2 = &mut xraw    #                                      [.., SRW ?, Uniq xref2]
read xraw                # pops Uniq xref2 (disable: Disabled)
read xref2 !ub
