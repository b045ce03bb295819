#! models: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw
# Translates rust-lang/miri tests/run-pass/stacked-borrows/refcell.rs,
# lots_of_funny_borrows: interleaved Ref/RefMut uses of one RefCell. Each
# borrow goes through a weak `&c` (SRW) and `value.get()` (*const in UnsafeCell:
# SRW ?), then a frozen `&*ptr` (SRO) or `&mut *ptr` (Unique).
#   let c = RefCell::new(42);
#   { let s1 = c.borrow(); let _x: i32 = *s1;
#     let s2 = c.borrow(); let _x: i32 = *s1; let _y: i32 = *s2;
#     let _x: i32 = *s1; let _y: i32 = *s2; }
#   { let mut m = c.borrow_mut(); let _z: i32 = *m;
#     { let s: &i32 = &*m; let _x = *s; }
#     *m = 23; let _z: i32 = *m; }
#   { let s1 = c.borrow(); let _x: i32 = *s1;
#     let s2 = c.borrow(); let _x: i32 = *s1; let _y: i32 = *s2;
#     let _x: i32 = *s1; let _y: i32 = *s2; }
# RefCell<i32>: flag 0..8, value 8..12 (all UnsafeCell).
alloc c 12                       # let c = RefCell::new(42);    [Uniq c]
let b1 = &cell c                 # c.borrow(): autoref &c
write b1[0..8]                   #   flag += 1
let p1 = *const cell b1[8..12]   #   self.value.get()
let s1 = &p1                     #   Ref { value: &*ptr }: SRO s1 on top
read s1
let b2 = &cell c                 # c.borrow()
write b2[0..8]
let p2 = *const cell b2[8..12]
let s2 = &p2
read s1
read s2
read s1
read s2
write b2[0..8]                   # drop(s2)
write b1[0..8]                   # drop(s1)
let b3 = &cell c                 # c.borrow_mut()
write b3[0..8]
let p3 = *const cell b3[8..12]
let m = &mut p3                  #   RefMut { value: &mut *ptr }: pops SRO s1, SRO s2
read m                           # let _z: i32 = *m;
let s = &m                       # let s: &i32 = &*m;
read s
write m                          # *m = 23;
read m
write b3[0..8]                   # drop(m)
let b4 = &cell c                 # c.borrow()
write b4[0..8]
let p4 = *const cell b4[8..12]
let s3 = &p4                     #   a read with Untagged: pops Uniq m (no longer protected or used)
read s3
let b5 = &cell c                 # c.borrow()
write b5[0..8]
let p5 = *const cell b5[8..12]
let s4 = &p5
read s3
read s4
read s3
read s4
write b5[0..8]
write b4[0..8]
