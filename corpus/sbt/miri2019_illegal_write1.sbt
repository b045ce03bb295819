#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_write1.rs
# (2019 form: error on the later read). The Box's heap memory "has an implicit
# raw": its base item is Uniq(Untagged). The `*const` cast of `&*target` only
# gets an SRO ?, but the write through it (Untagged) is granted by the base
# item, which pops xref's SRO; the read through xref is UB.
#   let target = Box::new(42); // has an implicit raw
#   let xref = &*target;
#   {
#       let x : *mut u32 = xref as *const _ as *mut _;
#       unsafe { *x = 42; } // invalidates shared ref, activates raw
#   }
#   let _x = *xref; //~ ERROR borrow stack
alloc target 4 untagged  # let target = Box::new(42);           [Uniq ?]
let xref = &target       # let xref = &*target;                 [Uniq ?, SRO xref]
let x = *const xref      # xref as *const _ (as *mut _: raw to raw)   [Uniq ?, SRO xref, SRO ?]
write x                  # *x = 42: granted by Uniq ?, pops both SROs
read xref !ub            # let _x = *xref;
