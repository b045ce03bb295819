#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/illegal_read6.rs:
# creating a shared reference does not leak the data to raw pointers (SB1's
# "frozen" would have let `raw` read again). Uses shadowing like the Rust.
#   fn main() { unsafe {
#       let x = &mut 0;
#       let raw = x as *mut _;
#       let x = &mut *x; // kill `raw`
#       let _y = &*x; // this should not activate `raw` again
#       let _val = *raw; //~ ERROR borrow stack
#   } }
alloc l 4                # the temporary 0                      [Uniq l]
let x = &mut l           # let x = &mut 0;                      [Uniq l, Uniq x]
let raw = *mut x         #                                      [.., Uniq x, SRW ?]
let x = &mut x           # let x = &mut *x: pops SRW ?          [.., Uniq x, Uniq x']
let _y = &x              # let _y = &*x;                        [.., Uniq x', SRO _y]
read raw !ub
