#! models: sb2-strict
# property: removed items never grant access (untagged pointers) -- fails under sb2-strict (as expected of this variant)
# reason: `read p` (event 5) is granted via <untagged> at x[0], but <untagged> lost its last item there at event 3 (`write x`)
# found by: sbcheck check --property removed-items-never-grant --model sb2-strict --seed 1
alloc x 1
let p = *const x
write x
let q = *const x
read p
