#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/load_invalid_mut.rs:
# a `&mut` stored in memory is invalidated like any other; loading it into a
# local retags it (a write with its tag), which is UB.
#   let x = &mut 42;
#   let xraw = x as *mut _;
#   let xref = unsafe { &mut *xraw };
#   let xref_in_mem = Box::new(xref);
#   let _val = unsafe { *xraw }; // invalidate xref
#   let _val = *xref_in_mem; //~ ERROR borrow stack
alloc l 4                # the temporary 42                     [Uniq l]
let x = &mut l           # let x = &mut 42;                     [Uniq l, Uniq x]
let xraw = *mut x        #                                      [.., Uniq x, SRW ?]
let xref = &mut xraw     #                                      [.., SRW ?, Uniq xref]
call                     # Box::new(xref)
let arg = &mut xref protect  # fn-entry retag of Box::new's argument   [.., Uniq xref, Uniq arg*]
let stored = arg         # moved into the box (memory is not retagged)
return
read xraw                # invalidate xref: pops Uniq xref, Uniq arg
let _val = &mut stored !ub   # *xref_in_mem loaded into a local: retag = write with arg's tag
