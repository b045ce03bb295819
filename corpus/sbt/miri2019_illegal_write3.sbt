#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_write3.rs:
# a raw pointer obtained from a shared reference cannot mutate (SRO ? grants
# reads only, and the local's base item is tagged).
#   let target = 42;
#   // Make sure raw ptr with raw tag cannot mutate frozen location without breaking the shared ref.
#   let r#ref = &target; // freeze
#   let ptr = r#ref as *const _ as *mut _; // raw ptr, with raw tag
#   unsafe { *ptr = 42; } //~ ERROR borrow stack
#   let _val = *r#ref;
alloc target 4           # let target = 42;                     [Uniq target]
let r = &target          # let r#ref = &target;                 [Uniq target, SRO r]
let ptr = *const r       # as *const _ (as *mut _: no retag)    [Uniq target, SRO r, SRO ?]
write ptr !ub            # *ptr = 42
read r
