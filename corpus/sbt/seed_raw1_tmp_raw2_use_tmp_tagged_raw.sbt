#! models: sb2-tagged-raw
# Seed example raw1/tmp/raw2 with tagged raw pointers: the seed's stack
# comments hold literally. `*raw1 = 1` is granted by raw1's own SRW, which
# removes tmp's Unique above it (SRW vs Unique: never compatible) but keeps
# raw2's SRW (SRW vs SRW: always). The read through raw2 is fine; the
# following use of tmp is UB.
#   let x = &mut 0; let raw1 = x as *mut _; let tmp = &mut *raw1;
#   let raw2 = tmp as *mut _; *raw1 = 1; let _val = *raw2; *tmp = 2;
alloc x0 4               #                                          [Uniq x0]
let x = &mut x0          #                                          [Uniq x0, Uniq x]
let raw1 = *mut x        #                                          [.., Uniq x, SRW raw1]
let tmp = &mut raw1      #                                          [.., SRW raw1, Uniq tmp]
let raw2 = *mut tmp      #                                          [.., SRW raw1, Uniq tmp, SRW raw2]
write raw1               # *raw1 = 1: pops Uniq tmp, keeps SRW raw2 [.., SRW raw1, SRW raw2]
read raw2                # let _val = *raw2;
write tmp !ub            # *tmp = 2: tmp has no item left
