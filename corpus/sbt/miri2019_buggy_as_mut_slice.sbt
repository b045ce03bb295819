#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/buggy_as_mut_slice.rs:
# two `&mut [T]` made from the same Vec buffer pointer; creating the second
# (a write with the buffer pointer's Untagged tag) pops the first.
#   mod safe { pub fn as_mut_slice<T>(self_: &Vec<T>) -> &mut [T] {
#       unsafe { from_raw_parts_mut(self_.as_ptr() as *mut T, self_.len()) } } }
#   let v = vec![0,1,2];
#   let v1 = safe::as_mut_slice(&v);
#   let _v2 = safe::as_mut_slice(&v);
#   v1[1] = 5; //~ ERROR borrow stack
# Only the heap buffer is modelled (3 x i32).
alloc buf 12 untagged    # vec![0,1,2]'s buffer: heap, base Untagged   [Uniq ?]
let ptr = buf            # the Vec's raw buffer pointer (self_.as_ptr() as *mut T: no retag)
let v1 = &mut ptr        # from_raw_parts_mut(..) returned and retagged   [Uniq ?, Uniq v1]
let v2 = &mut ptr        # second as_mut_slice: write with Untagged pops Uniq v1   [Uniq ?, Uniq v2]
write v1[4..8] !ub       # v1[1] = 5
