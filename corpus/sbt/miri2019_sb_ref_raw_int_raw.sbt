#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict
# Translates rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# ref_raw_int_raw: casting ref -> raw -> int -> raw and only then using it
# works, because the raw pointer's item was created at the ref-to-raw cast and
# all raw pointers share the Untagged tag. (sb2-tagged-raw is not claimed:
# the int round-trip that loses a raw pointer's own tag cannot be written here.)
#   let mut x = 3;
#   let xref = &mut x;
#   let xraw = xref as *mut i32 as usize as *mut i32;
#   assert_eq!(unsafe { *xraw }, 3);
alloc x 4                # let mut x = 3;                       [Uniq x]
let xref = &mut x        #                                      [Uniq x, Uniq xref]
let xraw = *mut xref     # xref as *mut i32 (as usize as *mut i32: stays Untagged)   [.., SRW ?]
read xraw
