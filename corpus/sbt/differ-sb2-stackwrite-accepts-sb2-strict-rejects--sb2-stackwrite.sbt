#! models: sb2-stackwrite
# sbcheck compare: sb2-stackwrite accepts, sb2-strict rejects (seed 1)
alloc x 18446744073709551615
let p = &mut x
let q = *mut p
read x
read q[7534347029248915046..10967413954313375519]
