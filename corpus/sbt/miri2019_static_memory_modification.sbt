#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/compile-fail/stacked_borrows/static_memory_modification.rs:
# transmuting `&X` to `&mut usize`: the returned `&mut` is retagged, a write
# with the shared reference's tag, which only has SharedReadOnly.
#   static X: usize = 5;
#   #[allow(mutable_transmutes)]
#   fn main() {
#       let _x = unsafe {
#           std::mem::transmute::<&usize, &mut usize>(&X) //~ ERROR borrow stack
#       };
#   }
alloc X 8 untagged       # static X: usize = 5 (static memory: base Untagged)   [Uniq ?]
let r = &X               # &X                                   [Uniq ?, SRO r]
let _x = &mut r !ub      # the transmuted &mut usize is retagged: no item grants r a write
