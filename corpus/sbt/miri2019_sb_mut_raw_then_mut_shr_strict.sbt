#! models: sb2-strict
# rust-lang/miri tests/run-pass/stacked-borrows/stacked-borrows.rs,
# mut_raw_then_mut_shr (same trace as miri2019_sb_mut_raw_then_mut_shr.sbt)
# under the strict stack discipline: the read inside the `&*xref` retag pops
# SRW ? along with Uniq t below it, so a test of the 2019 run-pass suite
# becomes UB: one of the programs the seed says a stack would reject.
alloc x 4                # let mut x = 2;                       [Uniq x]
let xref = &mut x        #                                      [Uniq x, Uniq xref]
let t = &mut xref        # &mut *xref                           [.., Uniq xref, Uniq t]
let xraw = *mut t        #                                      [.., Uniq t, SRW ?]
let xshr = &xref         # strict: pops SRW ?, Uniq t           [Uniq x, Uniq xref, SRO xshr]
read xshr
write xraw !ub           # *xraw = 4
read x
