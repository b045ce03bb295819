#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_read3.rs:
# xref1's tag is smuggled to the callee inside a union (never retagged); the
# callee's read with that tag pops xref2, which was derived from xref1.
#   union HiddenRef { r: &'static i32 }
#   let mut x: i32 = 15;
#   let xref1 = &mut x;
#   let xref1_sneaky: HiddenRef = unsafe { mem::transmute_copy(&xref1) };
#   let xref2 = &mut *xref1;
#   callee(xref1_sneaky);
#   let _val = *xref2; //~ ERROR borrow stack
#   fn callee(xref1: HiddenRef) { let _val = unsafe { *xref1.r }; }
alloc x 4                # let mut x: i32 = 15;                 [Uniq x]
let xref1 = &mut x       #                                      [Uniq x, Uniq xref1]
let sneaky = xref1       # transmute_copy into the union: same tag, no retag
let xref2 = &mut xref1   # let xref2 = &mut *xref1;             [.., Uniq xref1, Uniq xref2]
call                     # callee(xref1_sneaky): unions are not retagged
read sneaky              # *xref1.r: read with xref1's tag pops Uniq xref2
return
read xref2 !ub
