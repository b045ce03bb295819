#! models: sb2-strict
# Same trace as variant_strict_read_keeps_raw.sbt under the strict stack
# discipline: the read through `x` pops from the top until every item above
# Uniq x is compatible, i.e. it pops SRW ? together with Uniq t below it.
#   let x = &mut 0; let raw = (&mut *x) as *mut i32; let _v = *x; *raw = 1;
alloc x0 4               #                                  [Uniq x0]
let x = &mut x0          #                                  [Uniq x0, Uniq x]
let t = &mut x           #                                  [.., Uniq x, Uniq t]
let raw = *mut t         #                                  [.., Uniq x, Uniq t, SRW ?]
read x                   # strict: pops SRW ?, Uniq t       [Uniq x0, Uniq x]
write raw !ub            # no Untagged item left
