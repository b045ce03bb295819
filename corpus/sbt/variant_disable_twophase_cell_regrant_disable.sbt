#! models: sb2-disable
# Same trace as variant_disable_twophase_cell_regrant.sbt under sb2-disable: a
# two-phase `&mut` is a weak SRW t with no parent re-grant, so `cell[..]` has
# no effect. The write with x's tag is granted by Uniq x itself and pops SRW t
# on bytes 0..4; the later retag of t is UB.
alloc p 8                        #                                      [Uniq p]
let x = &mut p                   #                                      [Uniq p, Uniq x]
let t = &mut x twophase cell[0..4]   # every byte: [Uniq p, Uniq x, SRW t]
write x[0..4]                    # Unique grants the write: pops SRW t on 0..4
call
let self_ = &mut t protect !ub
return
