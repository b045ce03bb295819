#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/buggy_split_at_mut.rs:
# with mid = 0 both halves cover the whole array; creating the second pops the
# first, and the caller's retag of the returned tuple (field a first) is UB.
#   pub fn split_at_mut<T>(self_: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
#       let len = self_.len();
#       let ptr = self_.as_mut_ptr();
#       unsafe {
#           assert!(mid <= len);
#           (from_raw_parts_mut(ptr, len - mid), // BUG: should be "mid" instead of "len - mid"
#            from_raw_parts_mut(ptr.offset(mid as isize), len - mid))
#       }
#   }
#   let mut array = [1,2,3,4];
#   let (a, b) = safe::split_at_mut(&mut array, 0); //~ ERROR borrow stack
#   a[1] = 5;
#   b[1] = 6;
alloc array 16           # let mut array = [1,2,3,4];           [Uniq array]
let arg = &mut array     # &mut array                           [.., Uniq arg]
call                     # split_at_mut(&mut array, 0)
let self_ = &mut arg protect     #                              [.., Uniq arg, Uniq self_*]
let t = &mut self_       # self_.as_mut_ptr(): &mut *self_      [.., Uniq self_*, Uniq t]
let ptr = *mut t         #   cast to *mut                       [.., Uniq t, SRW ?]
let a = &mut ptr         # from_raw_parts_mut(ptr, 4), retagged on return   [.., SRW ?, Uniq a]
let b = &mut ptr         # from_raw_parts_mut(ptr.offset(0), 4): pops Uniq a   [.., SRW ?, Uniq b]
return
let a2 = &mut a !ub      # main retags the returned (a, b): a has no item
let b2 = &mut b
write a2[4..8]           # a[1] = 5
write b2[4..8]           # b[1] = 6
