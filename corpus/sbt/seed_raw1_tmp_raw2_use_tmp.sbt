#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict
# Seed example raw1/tmp/raw2 followed by a use of `tmp`: with Untagged raw
# pointers `*raw1 = 1` is granted by raw2's item (the topmost Untagged one,
# sitting above tmp), so tmp's Unique survives and `*tmp = 2` is fine. The
# seed's comment "This will invalidate tmp" only holds for tagged raw
# pointers (seed_raw1_tmp_raw2_use_tmp_tagged_raw.sbt).
#   let x = &mut 0; let raw1 = x as *mut _; let tmp = &mut *raw1;
#   let raw2 = tmp as *mut _; *raw1 = 1; let _val = *raw2; *tmp = 2;
alloc x0 4               #                                          [Uniq x0]
let x = &mut x0          # let x = &mut 0;                          [Uniq x0, Uniq x]
let raw1 = *mut x        #                                          [.., Uniq x, SRW ?]
let tmp = &mut raw1      #                                          [.., SRW ?, Uniq tmp]
let raw2 = *mut tmp      #                                          [.., SRW ?, Uniq tmp, SRW ?]
write raw1               # *raw1 = 1: granted by the top SRW ?; stack unchanged
read raw2                # let _val = *raw2;
write tmp                # *tmp = 2: Uniq tmp still there (pops the SRW ? above it)
