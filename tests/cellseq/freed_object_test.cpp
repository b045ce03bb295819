// A buggy owner never crashes the harness: an object freed while references
// to it are still held (one decref too many) is reported through the probe as
// the model's use-after-free at the first touch, and nothing — no read, no
// write, no second free — reaches the freed memory. Run under ASan, these
// tests also show that no freed byte is read.
#include <gtest/gtest.h>

#include <memory>
#include <variant>

#include "harness/cellseq/direct_probe.hpp"
#include "harness/cellseq/model_probe.hpp"
#include "model/cell/cell.hpp"

// GCC 12's -Wuse-after-free cannot tell that decref frees only at count 0
// (see tests/cell/object_test.cpp); the ASan build checks the real thing.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic ignored "-Wuse-after-free"
#endif

namespace sbcheck::cellseq {
namespace {

using C = cell::Cell<cell::Strict>;

/// Two references to one new object, which the buggy owner then frees (it
/// decrefs twice for one reference): both references are left dangling.
struct FreedEarly {
  explicit FreedEarly(Probe& probe) : s(cell::Ref::adopt(cell::Object::create(probe))), t(s) {
    s->decref();
    s->decref();  // count 0: freed, with s and t still held
  }
  cell::Ref s;
  cell::Ref t;
};

TEST(FreedObject, TheProbeKnowsTheEarlyFree) {
  auto model = sb::AnyModel::create("sb2");
  ModelProbe probe(*model);
  FreedEarly world(probe);
  EXPECT_TRUE(probe.freed(world.s.base()));
  EXPECT_FALSE(world.s.live());
  EXPECT_FALSE(probe.halted()) << "freeing is not UB; touching it afterwards is";
}

TEST(FreedObject, AMethodOnADanglingReferenceIsTheModelsUseAfterFreeAndTouchesNothing) {
  auto model = sb::AnyModel::create("sb2");
  ModelProbe probe(*model);
  FreedEarly world(probe);
  EXPECT_TRUE(std::holds_alternative<Halted>(C::len(world.t)));
  ASSERT_TRUE(probe.ub().has_value());
  EXPECT_EQ(probe.ub()->kind, "use-after-free") << probe.ub()->message;
}

TEST(FreedObject, DroppingADanglingReferenceIsReportedAndNotPerformed) {
  auto model = sb::AnyModel::create("sb2");
  ModelProbe probe(*model);
  FreedEarly world(probe);
  world.t.reset();  // a decref would write the freed count
  ASSERT_TRUE(probe.ub().has_value());
  EXPECT_EQ(probe.ub()->kind, "use-after-free") << probe.ub()->message;
  EXPECT_FALSE(world.t);
}

TEST(FreedObject, CopyingADanglingReferenceIsReportedAndNotPerformed) {
  auto model = sb::AnyModel::create("sb2");
  ModelProbe probe(*model);
  FreedEarly world(probe);
  const cell::Ref u = world.s;  // an incref would write the freed count
  ASSERT_TRUE(probe.ub().has_value());
  EXPECT_EQ(probe.ub()->kind, "use-after-free") << probe.ub()->message;
  EXPECT_FALSE(u.live());
}

TEST(FreedObject, AfterDetachingTheProbeStillVetoesEveryTouchOfTheFreedObject) {
  auto model = sb::AnyModel::create("sb2");
  DirectProbe probe(*model);
  FreedEarly world(probe);
  probe.detach();  // tearing down: the model is told nothing, yet the memory stays untouched
  EXPECT_TRUE(std::holds_alternative<Halted>(C::borrowMut(world.t)));
  EXPECT_TRUE(std::holds_alternative<Halted>(C::add(world.s, 1)));
  world.t.reset();
  world.s.reset();
  EXPECT_FALSE(probe.ub().has_value()) << "detached: nothing reported";
}

TEST(FreedObject, ASecondFreeIsVetoed) {
  auto model = sb::AnyModel::create("sb2");
  DirectProbe probe(*model);
  const PtrId base = probe.allocate(cell::kObjectLayout);
  EXPECT_TRUE(probe.deallocate(base));
  EXPECT_FALSE(probe.deallocate(base));
  ASSERT_TRUE(probe.ub().has_value());
  EXPECT_EQ(probe.ub()->kind, sb::UbKind::kUseAfterFree);
}

TEST(FreedObject, AFreeAfterUbIsStillPerformed) {
  // The veto after UB guards memory; a free of a live object is no danger,
  // and refusing it would leak the object.
  auto model = sb::AnyModel::create("sb2");
  ModelProbe probe(*model);
  cell::Ref s = cell::Ref::adopt(cell::Object::create(probe));
  cell::Ref gone = cell::Ref::adopt(cell::Object::create(probe));
  gone->decref();  // freed under `gone`
  (void)C::len(gone);
  ASSERT_TRUE(probe.halted());
  const PtrId base = s.base();
  s.reset();
  EXPECT_TRUE(probe.freed(base));
}

}  // namespace
}  // namespace sbcheck::cellseq
