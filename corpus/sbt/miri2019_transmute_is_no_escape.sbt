#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/transmute-is-no-escape.rs:
# a raw pointer obtained by transmuting a `&mut` (no EscapeToRaw retag) and
# laundering it through an int has the Untagged tag but was never granted an
# item. The trace language has no tag-erasing cast, so `u` only provides an
# Untagged pointer value to x: its SRW is removed at once by the `&mut x`
# (a write with x's base tag), as if it had never been granted.
#   let mut x: i32 = 42;
#   let raw: *mut i32 = unsafe { mem::transmute(&mut x) };
#   let raw = raw as usize as *mut i32; // make sure we killed the tag
#   unsafe { *raw = 13; } //~ ERROR does not exist on the stack
alloc x 4                # let mut x: i32 = 42;                 [Uniq x]
let u = *mut x           # (helper: an Untagged pointer to x)   [Uniq x, SRW ?]
let r = &mut x           # &mut x, transmuted: pops SRW ?       [Uniq x, Uniq r]
let raw = u              # raw as usize as *mut i32: Untagged, no item
write raw !ub            # *raw = 13
