#! models: sb2-stackwrite
# sbcheck compare: sb2-disable accepts, sb2-stackwrite rejects (seed 1)
alloc x 1
call
let p = &mut x protect
let q = &mut x twophase !ub
