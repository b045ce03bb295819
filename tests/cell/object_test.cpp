// Object and Ref: Python reference counting (cell-format.md "The object") —
// adopt, share, copy, move, assign, reset — and the object freed, and reported
// freed to the probe exactly once, when its count reaches 0 and not before.
#include "model/cell/object.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "tests/cell/support.hpp"

// GCC 12's -Wuse-after-free cannot tell that decref frees only at count 0: with
// two references to one object in one test and both decrefs inlined (-O2), the
// second looks like a use after the first's `delete this`. The ASan build
// checks the real thing.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic ignored "-Wuse-after-free"
#endif

namespace sbcheck::cell {
namespace {

using tests::RecordingProbe;

TEST(Object, CreateStartsWithCountOneAndReportsOneAllocation) {
  RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
  EXPECT_EQ(s->refcount(), 1u);
  EXPECT_EQ(s->base(), 0u);
  EXPECT_EQ(probe.take(), (std::vector<std::string>{"alloc #0"}));
}

TEST(Object, ANewObjectHoldsAnEmptySetAndAnIdleSharedState) {
  RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
  EXPECT_EQ(tests::snapshot(*s), "refs=1 borrows=0 leaks=0 generation=0 mutable=no set={} writes=0");
}

TEST(Ref, DefaultIsEmpty) {
  Ref empty;
  EXPECT_FALSE(empty);
  EXPECT_EQ(empty.get(), nullptr);
}

TEST(Ref, AdoptTakesOverTheCreatorsReferenceWithoutCounting) {
  RecordingProbe probe;
  Object* object = Object::create(probe);
  Ref s = Ref::adopt(object);
  EXPECT_TRUE(s);
  EXPECT_EQ(s.get(), object);
  EXPECT_EQ(object->refcount(), 1u);
}

TEST(Ref, ShareAddsAReference) {
  RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
  Ref t = Ref::share(*s);
  EXPECT_EQ(t.get(), s.get());
  EXPECT_EQ(s->refcount(), 2u);
  t.reset();
  EXPECT_EQ(s->refcount(), 1u);
}

TEST(Ref, CopyAddsAReference) {
  RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
  Ref t = s;  // the copy is the point
  EXPECT_EQ(t.get(), s.get());
  EXPECT_EQ(s->refcount(), 2u);
  t.reset();
  EXPECT_EQ(s->refcount(), 1u);
}

TEST(Ref, CopyOfAnEmptyRefIsEmpty) {
  Ref empty;
  Ref copy = empty;
  EXPECT_FALSE(copy);
}

TEST(Ref, MoveTransfersTheReferenceWithoutCounting) {
  RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
  Object* object = s.get();
  Ref t = std::move(s);
  EXPECT_FALSE(s);  // a moved-from Ref is empty
  EXPECT_EQ(t.get(), object);
  EXPECT_EQ(object->refcount(), 1u);
  EXPECT_EQ(probe.deallocations(0), 0);
}

TEST(Ref, AssigningDropsTheOldObjectAndSharesTheNewOne) {
  RecordingProbe probe;
  Ref a = Ref::adopt(Object::create(probe));  // #0
  Ref b = Ref::adopt(Object::create(probe));  // #1
  a = b;
  EXPECT_EQ(probe.deallocations(0), 1) << "#0 lost its only reference";
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(b->refcount(), 2u);
  a.reset();
  EXPECT_EQ(b->refcount(), 1u);
}

TEST(Ref, MoveAssigningDropsTheOldObjectAndTakesTheNewOneWithoutCounting) {
  RecordingProbe probe;
  Ref a = Ref::adopt(Object::create(probe));  // #0
  Ref b = Ref::adopt(Object::create(probe));  // #1
  Object* second = b.get();
  a = std::move(b);
  EXPECT_EQ(probe.deallocations(0), 1);
  EXPECT_EQ(a.get(), second);
  EXPECT_EQ(second->refcount(), 1u);
  EXPECT_EQ(probe.deallocations(1), 0);
}

TEST(Ref, SelfAssignmentKeepsTheCount) {
  RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
  Ref& alias = s;
  s = alias;
  EXPECT_EQ(s->refcount(), 1u);
  EXPECT_EQ(probe.deallocations(0), 0);
}

TEST(Ref, ResetDropsTheReferenceAndEmpties) {
  RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
  Ref t = s;
  t.reset();
  EXPECT_FALSE(t);
  EXPECT_EQ(s->refcount(), 1u);
  t.reset();  // resetting an empty Ref does nothing
  EXPECT_EQ(s->refcount(), 1u);
}

TEST(Ref, ObjectIsFreedExactlyWhenTheCountReachesZero) {
  RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
  Ref t = Ref::share(*s);
  Ref u = t;
  (void)probe.take();
  s.reset();
  t.reset();
  EXPECT_EQ(probe.deallocations(0), 0) << "one reference is left";
  EXPECT_EQ(u->refcount(), 1u);
  u.reset();
  EXPECT_EQ(probe.deallocations(0), 1);
  EXPECT_EQ(probe.take(), (std::vector<std::string>{"dealloc #0"})) << "freeing touches nothing first";
}

TEST(Ref, DestroyingTheLastRefFreesTheObjectOnce) {
  RecordingProbe probe;
  {
    Ref s = Ref::adopt(Object::create(probe));
    { Ref t = s; }
    EXPECT_EQ(probe.deallocations(0), 0);
  }
  EXPECT_EQ(probe.deallocations(0), 1);
}

TEST(Ref, EachObjectIsFreedUnderItsOwnBase) {
  RecordingProbe probe;
  Ref a = Ref::adopt(Object::create(probe));
  Ref b = Ref::adopt(Object::create(probe));
  EXPECT_EQ(a->base(), 0u);
  EXPECT_EQ(b->base(), 1u);
  b.reset();
  EXPECT_EQ(probe.deallocations(1), 1);
  EXPECT_EQ(probe.deallocations(0), 0);
  a.reset();
  EXPECT_EQ(probe.deallocations(0), 1);
  EXPECT_EQ(probe.deallocations(1), 1);
}

}  // namespace
}  // namespace sbcheck::cell
