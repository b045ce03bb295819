#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict
# In sb2 every raw pointer carries the same Untagged tag, so a raw pointer
# whose own item was removed is revived by any later raw pointer's item: r1
# writes through r2's SRW ?.
#   let x = &mut 0;
#   let r1 = x as *mut i32;
#   let y = &mut *x;            // pops r1's item
#   let r2 = y as *mut i32;
#   unsafe { *r1 = 1 };
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          #                                  [Uniq x0, Uniq x]
let r1 = *mut x          #                                  [.., Uniq x, SRW ?]
let y = &mut x           # write with x's tag pops SRW ?    [.., Uniq x, Uniq y]
let r2 = *mut y          #                                  [.., Uniq y, SRW ?]
write r1                 # Untagged: granted by r2's SRW ?
