#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# partially_invalidate_mut: an access only affects the bytes it touches;
# `data.1 += 1` leaves the stack of byte 0 (where `shard` lives) alone.
#   let data = &mut (0u8, 0u8);
#   let reborrow = &mut *data as *mut (u8, u8);
#   let shard = unsafe { &mut (*reborrow).0 };
#   data.1 += 1; // the deref overlaps with `shard`, but that is ok; the access does not overlap.
#   *shard += 1; // so we can still use `shard`.
#   assert_eq!(*data, (1, 1));
alloc l 2                # the temporary (0u8, 0u8)             [Uniq l]
let data = &mut l        #                                      [Uniq l, Uniq data]
let t = &mut data        # &mut *data                           [.., Uniq data, Uniq t]
let reborrow = *mut t    #                                      [.., Uniq t, SRW ?]
let shard = &mut reborrow[0..1]  # byte 0 only                  byte 0: [.., SRW ?, Uniq shard]
read data[1..2]          # data.1 += 1: byte 1 only
write data[1..2]
read shard               # *shard += 1
write shard
read data                # assert_eq!(*data, (1, 1)): pops Uniq t, Uniq shard
