#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# A range not entirely inside the allocation is UB (out-of-bounds) even on a
# copy, which otherwise touches no memory: here a pointer to an 8-byte local
# is offset to cover 12 bytes.
alloc x 8                # let x = (1, 13);                     [Uniq x]
let r = &x               #                                      [Uniq x, SRO r]
let p = *const r         #                                      [Uniq x, SRO r, SRO ?]
let q = p[4..8]          # in bounds: fine
let big = p[0..12] !ub   # bytes 8..12 are outside the allocation
