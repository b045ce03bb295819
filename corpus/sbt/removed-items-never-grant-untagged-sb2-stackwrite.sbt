#! models: sb2-stackwrite
# property: removed items never grant access (untagged pointers) -- fails under sb2-stackwrite (as expected of this variant)
# reason: `let s = *const p` (event 5) is granted via <untagged> at x[0], but <untagged> lost its last item there at event 3 (`let q = &mut x`)
# found by: sbcheck check --property removed-items-never-grant --model sb2-stackwrite --seed 1
alloc x 1
let p = *mut x
let q = &mut x
let r = *const x
let s = *const p
