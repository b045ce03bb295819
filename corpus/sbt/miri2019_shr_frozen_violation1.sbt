#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/shr_frozen_violation1.rs:
# unknown code given `&*x` casts it to a raw pointer and writes: the raw
# pointer only has SharedReadOnly.
#   fn foo(x: &mut i32) -> i32 {
#       *x = 5;
#       unknown_code(&*x);
#       *x // must return 5
#   }
#   fn main() { println!("{}", foo(&mut 0)); }
#   fn unknown_code(x: &i32) {
#       unsafe { *(x as *const i32 as *mut i32) = 7; } //~ ERROR borrow stack
#   }
alloc l 4                # the temporary 0                      [Uniq l]
let arg = &mut l         # &mut 0                               [Uniq l, Uniq arg]
call                     # foo(&mut 0)
let x = &mut arg protect #                                      [.., Uniq arg, Uniq x*]
write x                  # *x = 5
let s = &x               # &*x                                  [.., Uniq x*, SRO s]
call                     # unknown_code(&*x)
let ux = &s protect      #                                      [.., SRO s, SRO ux*]
let p = *const ux        # x as *const i32 (as *mut i32: no retag)   [.., SRO ux*, SRO ?]
write p !ub              # no item grants a write to p
return
read x
return
