#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Seed example raw1/tmp/raw2: the read through raw2 after `*raw1 = 1` is
# accepted. In sb2 both raw pointers are Untagged, so the write through raw1
# is granted by the topmost Untagged item (raw2's, above tmp) and removes
# nothing. (The seed's stack comment says it removes tmp; that is what
# happens with tagged raw pointers, see seed_raw1_tmp_raw2_use_tmp_tagged_raw.sbt.)
#   fn main() { unsafe {
#       let x = &mut 0;
#       let raw1 = x as *mut _;
#       let tmp = &mut *raw1;
#       let raw2 = tmp as *mut _;
#       *raw1 = 1;
#       let _val = *raw2;
#   } }
alloc x0 4               # the temporary 0 (a local)               [Uniq x0]
let x = &mut x0          # let x = &mut 0;                         [Uniq x0, Uniq x]
let raw1 = *mut x        # x as *mut _                             [.., Uniq x, SRW raw1]
let tmp = &mut raw1      # &mut *raw1                              [.., SRW raw1, Uniq tmp]
let raw2 = *mut tmp      # tmp as *mut _                           [.., SRW raw1, Uniq tmp, SRW raw2]
write raw1               # *raw1 = 1  (sb2: granted by the top SRW ?, nothing removed)
read raw2                # let _val = *raw2;
