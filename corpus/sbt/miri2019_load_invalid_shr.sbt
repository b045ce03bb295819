#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/load_invalid_shr.rs:
# a `&i32` stored in memory is invalidated by a write through the raw pointer;
# loading it into a local retags it (a read with its tag), which is UB.
#   let x = &mut 42;
#   let xraw = x as *mut _;
#   let xref = unsafe { &*xraw };
#   let xref_in_mem = Box::new(xref);
#   unsafe { *xraw = 42 }; // unfreeze
#   let _val = *xref_in_mem; //~ ERROR borrow stack
alloc l 4                # the temporary 42                     [Uniq l]
let x = &mut l           #                                      [Uniq l, Uniq x]
let xraw = *mut x        #                                      [.., Uniq x, SRW ?]
let xref = &xraw         # &*xraw                               [.., SRW ?, SRO xref]
call                     # Box::new(xref)
let arg = &xref protect  #                                      [.., SRO xref, SRO arg*]
let stored = arg
return
write xraw               # unfreeze: pops both SROs
let _val = &stored !ub   # *xref_in_mem loaded into a local: retag = read with arg's tag
