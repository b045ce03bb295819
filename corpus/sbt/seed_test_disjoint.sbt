#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Seed example test(x: &mut [i32]) exactly as written: `x[1]` reads bytes 4..8
# and `*raw` reads x[0] (bytes 0..4), so the read through `x` never touches the
# bytes `raw` uses; every variant accepts it (the overlapping form is in
# seed_test_overlapping*.sbt).
#   fn test(x: &mut [i32]) -> i32 { unsafe {
#       let raw = x.as_mut_ptr();   // implicitly: as_mut_ptr(&mut *x)
#       let _val = x[1];
#       return *raw;
#   } }
#   let mut arr = [0i32; 2]; test(&mut arr);
alloc arr 8              # let mut arr = [0i32; 2] (a local: two i32, 4 bytes each)
let x0 = &mut arr        # &mut arr                               [Uniq arr, Uniq x0]
call                     # test(&mut arr)
let x = &mut x0 protect  # fn-entry retag of x                     [.., Uniq x0, Uniq x*]
let t = &mut x           # &mut *x, the argument of as_mut_ptr     [.., Uniq x*, Uniq t]
let raw = *mut t         # as_mut_ptr: cast to *mut                [.., Uniq x*, Uniq t, SRW ?]
read x[4..8]             # let _val = x[1]: on bytes 4..8 only: pops Uniq t, keeps SRW ?
read raw[0..4]           # return *raw: bytes 0..4 still [.., Uniq x*, Uniq t, SRW ?]
return
