#! models: sb2-strict
# Seed example test(x: &mut [i32]), overlapping form, under the strict stack
# discipline the seed rejects: the read through `x` finds Uniq t incompatible
# and pops everything from it upwards, including the raw pointer's SRW, so
# `*raw` is UB. This is the "reasonable program" the seed says a stack would reject.
#   fn test(x: &mut [i32]) -> i32 { unsafe {
#       let raw = x.as_mut_ptr();   // implicitly: as_mut_ptr(&mut *x)
#       let _val = x[0];
#       return *raw;
#   } }
alloc arr 8              # let mut arr = [0i32; 2] (a local)
let x0 = &mut arr        # &mut arr
call                     # test(&mut arr)
let x = &mut x0 protect  #                                         [.., Uniq x0, Uniq x*]
let t = &mut x           # &mut *x for as_mut_ptr                  [.., Uniq x*, Uniq t]
let raw = *mut t         #                                         [.., Uniq x*, Uniq t, SRW ?]
read x[0..4]             # strict: pops SRW ? and Uniq t           [.., Uniq x0, Uniq x*]
read raw[0..4] !ub       # no Untagged item left
return
