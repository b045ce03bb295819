#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict
# Heap memory from the allocator has an Untagged base item. In sb2 a raw
# pointer cast from a `&mut` into it is Untagged too, so a write through the
# allocator's pointer `b` is granted by that raw pointer's SRW ? on top of the
# stack, and the `&mut` m below it survives.
#   let b = alloc(Layout::new::<i32>()) as *mut i32;   // raw heap pointer
#   let m = unsafe { &mut *b };
#   let p = m as *mut i32;
#   unsafe { *b = 1 };
#   let _v = *m;
alloc b 4 untagged       # heap memory, base Untagged       [Uniq ?]
let m = &mut b           # let m = &mut *b;                 [Uniq ?, Uniq m]
let p = *mut m           # let p = m as *mut i32;           [Uniq ?, Uniq m, SRW ?]
write b                  # granted by the top SRW ?: nothing removed
read m
