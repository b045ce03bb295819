#! models: sb2-stackwrite
# sbcheck compare: sb2-stackwrite accepts, sb2-strict rejects (seed 1; shortest within the explored bound)
alloc x 1
let p1 = &mut x
let p2 = *mut p1
read x
read p2
