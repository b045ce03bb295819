#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# drop_after_sharing: a location that is frozen (SRO on top) when it is
# dropped; drop_in_place's `&mut` retag simply pops the SROs.
#   let x = String::from("hello!");
#   let _len = x.len();
#   // x dropped here
alloc x 24               # let x = String::from(..): the header (ptr, cap, len), a local   [Uniq x]
alloc buf 6 untagged     # its heap buffer                      [Uniq ?]
let s = &x               # x.len(): autoref &x                  [Uniq x, SRO s]
call
let self_ = &s protect   #                                      [Uniq x, SRO s, SRO self_*]
read self_[16..24]       #   self.len
return
call                     # drop_in_place(&mut x)
let d = &mut x protect   # pops the SROs                        [Uniq x, Uniq d*]
read d[0..8]             #   the buffer pointer
let p = buf              #   (it is Untagged)
dealloc p                #   RawVec::drop
return
