#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/unescaped_local.rs:
# a new `&mut x` (a write with the local's base tag) kills raw pointers taken
# from an earlier reference.
#   let mut x = 42;
#   let raw = &mut x as *mut i32 as usize as *mut i32;
#   let _ptr = &mut x;
#   unsafe { *raw = 13; } //~ ERROR does not exist on the stack
alloc x 4                # let mut x = 42;                      [Uniq x]
let t = &mut x           # &mut x                               [Uniq x, Uniq t]
let raw = *mut t         # as *mut i32 (as usize as *mut i32: still Untagged)   [.., Uniq t, SRW ?]
let _ptr = &mut x        # pops Uniq t and SRW ?                [Uniq x, Uniq _ptr]
write raw !ub
