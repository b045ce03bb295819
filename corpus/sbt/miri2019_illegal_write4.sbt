#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_write4.rs:
# even just creating a `&mut` with the raw tag (via transmute) is a write
# access that "unfreezes" the location, popping the shared reference.
#   let mut target = 42;
#   // Make sure we cannot use a raw-tagged `&mut` pointing to a frozen location.
#   // Even just creating it unfreezes.
#   let raw = &mut target as *mut _; // let this leak to raw
#   let reference = unsafe { &*raw }; // freeze
#   let _ptr = reference as *const _ as *mut i32; // raw ptr, with raw tag
#   let _mut_ref: &mut i32 = unsafe { mem::transmute(raw) }; // &mut, with raw tag
#   // Now we retag, making our ref top-of-stack -- and, in particular, unfreezing.
#   let _val = *reference; //~ ERROR borrow stack
alloc target 4           # let mut target = 42;                 [Uniq target]
let t = &mut target      # &mut target                          [.., Uniq t]
let raw = *mut t         # as *mut _                            [.., Uniq t, SRW ?]
let reference = &raw     # &*raw                                [.., SRW ?, SRO reference]
let _ptr = *const reference  #                                  [.., SRO reference, SRO ?]
let _mut_ref = &mut raw  # transmute(raw) retagged as &mut: write granted by SRW ?, pops both SROs
read reference !ub
