#! models: sb2, sb2-stackwrite, sb2-disable, sb2-tagged-raw
# Seed example test(x: &mut [i32]) in the overlapping form the seed's argument
# needs (`let _val = x[0]`): the read through `x` removes the Unique of the
# temporary `&mut *x` but, not being a stack discipline, keeps the raw
# pointer's SRW above it, so `*raw` is fine. (sb2-disable turns Uniq t into
# Disabled instead; the SRW stays as well.)
#   fn test(x: &mut [i32]) -> i32 { unsafe {
#       let raw = x.as_mut_ptr();   // implicitly: as_mut_ptr(&mut *x)
#       let _val = x[0];
#       return *raw;
#   } }
#   let mut arr = [0i32; 2]; test(&mut arr);
alloc arr 8              # let mut arr = [0i32; 2] (a local)
let x0 = &mut arr        # &mut arr                               [Uniq arr, Uniq x0]
call                     # test(&mut arr)
let x = &mut x0 protect  # fn-entry retag of x                     [.., Uniq x0, Uniq x*]
let t = &mut x           # &mut *x for as_mut_ptr                  [.., Uniq x*, Uniq t]
let raw = *mut t         # as_mut_ptr: cast to *mut                [.., Uniq x*, Uniq t, SRW ?]
read x[0..4]             # let _val = x[0]: removes Uniq t, keeps SRW ?  [.., Uniq x*, SRW ?]
read raw[0..4]           # return *raw: granted by SRW ?
return
