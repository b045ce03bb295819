#! models: sb2-tagged-raw
# rust-lang/miri tests/compile-fail/stacked_borrows/illegal_write1.rs (same
# trace as miri2019_illegal_write1.sbt) with tagged raw pointers: `x` has its
# own tag, granted only SharedReadOnly, so the write itself is UB (the error
# later miri reports: "only grants SharedReadOnly permission").
alloc target 4 untagged  # let target = Box::new(42);           [Uniq ?]
let xref = &target       # let xref = &*target;                 [Uniq ?, SRO xref]
let x = *const xref      #                                      [Uniq ?, SRO xref, SRO x]
write x !ub              # *x = 42
read xref
