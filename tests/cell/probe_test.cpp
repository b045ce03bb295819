// What the cell tells its probe: the exact memory operations of each cell
// operation, in order (the model sees nothing else), and that a veto stops the
// operation before the vetoed access happens: the result is Halted and memory
// the cell was not allowed to write is unchanged.
#include <sbcheck/probe.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "model/cell/cell.hpp"
#include "tests/cell/support.hpp"

namespace sbcheck::cell {
namespace {

using tests::outcome;
using tests::take;
using Events = std::vector<std::string>;

/// A probe and one object `s` (base #0), with the allocation already taken.
struct ProbeTest : ::testing::Test {
  ProbeTest() { (void)probe.take(); }
  tests::RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
};

using StrictCell = Cell<Strict>;
using GenerationCell = Cell<Generation>;

// ---- Borrows ---------------------------------------------------------------------

TEST_F(ProbeTest, BorrowReadsTheStateWritesItThenRetagsASharedReference) {
  auto g = take(StrictCell::borrow(s));
  ASSERT_TRUE(g);
  EXPECT_EQ(probe.take(), (Events{"read #0 state", "write #0 state", "retag #0 shared data -> #1"}));
  EXPECT_EQ(outcome(g->read()), "0");
  EXPECT_EQ(probe.take(), (Events{"read #1 data"}));
  EXPECT_EQ(outcome(g->release()), "done");
  EXPECT_EQ(probe.take(), (Events{"write #0 state"}));
}

TEST_F(ProbeTest, BorrowMutReadsTheStateWritesItThenRetagsAUniqueReference) {
  auto m = take(StrictCell::borrowMut(s));
  ASSERT_TRUE(m);
  EXPECT_EQ(probe.take(), (Events{"read #0 state", "write #0 state", "retag #0 unique data -> #1"}));
  EXPECT_EQ(outcome(m->write()), "done");
  EXPECT_EQ(outcome(m->read()), "0");
  EXPECT_EQ(probe.take(), (Events{"write #1 data", "read #1 data"}));
  EXPECT_EQ(outcome(m->release()), "done");
  EXPECT_EQ(probe.take(), (Events{"write #0 state"}));
}

TEST_F(ProbeTest, ARefusalReadsTheStateAndNothingElse) {
  auto g = take(StrictCell::borrow(s));
  ASSERT_TRUE(g);
  (void)probe.take();
  EXPECT_EQ(outcome(StrictCell::borrowMut(s)), "AlreadyBorrowed");
  EXPECT_EQ(outcome(StrictCell::add(s, 1)), "AlreadyBorrowed");
  EXPECT_EQ(probe.take(), (Events{"read #0 state", "read #0 state"}));
}

TEST_F(ProbeTest, AReadingMethodIsATemporarySharedBorrow) {
  EXPECT_EQ(outcome(StrictCell::contains(s, 3)), "false");
  EXPECT_EQ(probe.take(),
            (Events{"read #0 state", "write #0 state", "retag #0 shared data -> #1", "read #1 data", "write #0 state"}));
}

TEST_F(ProbeTest, AMutatingMethodIsATemporaryMutableBorrow) {
  EXPECT_EQ(outcome(StrictCell::add(s, 3)), "done");
  EXPECT_EQ(probe.take(), (Events{"read #0 state", "write #0 state", "retag #0 unique data -> #1", "write #1 data",
                                  "write #0 state"}));
}

// ---- Leaks and iterators -----------------------------------------------------------

TEST_F(ProbeTest, StrictLeakCountsItselfThenTakesARawMutAndASharedReferenceOfIt) {
  auto it = take(StrictCell::leak(s));
  ASSERT_TRUE(it);
  EXPECT_EQ(probe.take(), (Events{"read #0 state", "write #0 state", "retag #0 raw-mut data -> #1",
                                  "retag #1 shared data -> #2"}));
}

TEST_F(ProbeTest, GenerationLeakReadsTheStateAndCountsNothing) {
  auto it = take(GenerationCell::leak(s));
  ASSERT_TRUE(it);
  EXPECT_EQ(probe.take(), (Events{"read #0 state", "retag #0 raw-mut data -> #1", "retag #1 shared data -> #2"}));
}

TEST_F(ProbeTest, StrictNextReadsThroughTheLeakAndTheFirstStopGivesTheLeakBack) {
  ASSERT_EQ(outcome(StrictCell::add(s, 4)), "done");
  auto it = take(StrictCell::leak(s));  // leak is #3
  ASSERT_TRUE(it);
  (void)probe.take();
  EXPECT_EQ(outcome(StrictCell::next(*it)), "4");
  EXPECT_EQ(probe.take(), (Events{"read #3 data"}));
  EXPECT_EQ(outcome(StrictCell::next(*it)), "stop");
  EXPECT_EQ(probe.take(), (Events{"read #3 data", "write #0 state"}));
  EXPECT_EQ(outcome(StrictCell::next(*it)), "stop");
  EXPECT_EQ(outcome(it->drop()), "done");
  EXPECT_EQ(probe.take(), Events{}) << "an exhausted strict iterator touches nothing";
}

TEST_F(ProbeTest, GenerationNextReadsTheGenerationThenTheData) {
  auto it = take(GenerationCell::leak(s));  // leak is #2
  ASSERT_TRUE(it);
  (void)probe.take();
  EXPECT_EQ(outcome(GenerationCell::next(*it)), "stop");
  EXPECT_EQ(outcome(GenerationCell::next(*it)), "stop");
  EXPECT_EQ(probe.take(), (Events{"read #0 state", "read #2 data", "read #0 state", "read #2 data"}));
}

TEST_F(ProbeTest, GenerationStaleNextReadsTheGenerationOnly) {
  auto it = take(GenerationCell::leak(s));
  ASSERT_TRUE(it);
  ASSERT_EQ(outcome(GenerationCell::add(s, 1)), "done");
  (void)probe.take();
  EXPECT_EQ(outcome(GenerationCell::next(*it)), "RuntimeError");
  EXPECT_EQ(probe.take(), (Events{"read #0 state"}));
}

TEST_F(ProbeTest, DroppingALiveStrictIteratorWritesTheState) {
  auto it = take(StrictCell::leak(s));
  ASSERT_TRUE(it);
  (void)probe.take();
  EXPECT_EQ(outcome(it->drop()), "done");
  EXPECT_EQ(probe.take(), (Events{"write #0 state"}));
}

TEST_F(ProbeTest, DroppingAGenerationIteratorTouchesNothing) {
  auto it = take(GenerationCell::leak(s));
  ASSERT_TRUE(it);
  (void)probe.take();
  EXPECT_EQ(outcome(it->drop()), "done");
  EXPECT_EQ(probe.take(), Events{});
}

// ---- Freeing -----------------------------------------------------------------------

TEST_F(ProbeTest, FreeingIsReportedOnceWhenTheIteratorGivesBackTheLastReference) {
  auto it = take(StrictCell::leak(s));
  ASSERT_TRUE(it);
  s.reset();  // del s
  (void)probe.take();
  EXPECT_EQ(outcome(it->drop()), "done");
  EXPECT_EQ(probe.take(), (Events{"write #0 state", "dealloc #0"}));
  it.reset();
  EXPECT_EQ(probe.deallocations(0), 1);
}

TEST_F(ProbeTest, NoParentRefFreeingIsReportedAtTheLastDel) {
  auto it = take(Cell<NoParentRef>::leak(s));
  ASSERT_TRUE(it);
  (void)probe.take();
  s.reset();  // del s
  EXPECT_EQ(probe.take(), (Events{"dealloc #0"}));
  it->abandon();  // using it now would be the use-after-free (sanitizer_test.cpp)
}

// ---- Vetoes: every operation, vetoed at each of its memory operations --------------

/// The world an operation runs in: one object and what the setup holds.
struct World {
  tests::RecordingProbe probe;
  Ref s = Ref::adopt(Object::create(probe));
  std::optional<Guard> g;
  std::optional<Iterator> it;

  World() = default;
  World(const World&) = delete;
  World& operator=(const World&) = delete;
  ~World() {
    probe.allowAll();  // let the teardown give everything back
    it.reset();
    g.reset();
  }

  /// Everything a vetoed operation might have changed.
  std::string snapshot() const {
    std::string text = tests::snapshot(*s) + (g ? " guard" : "");
    if (it) text += " it@" + std::to_string(it->position()) + (it->released() ? " released" : "");
    return text;
  }
};

/// An operation on a world, as its outcome; what it grants is kept in the world.
using Operation = std::function<std::string(World&)>;

struct Scenario {
  std::string name;
  std::function<void(World&)> setup;
  Operation op;
};

template <class T>
std::string keep(Result<T>&& result, std::optional<T>& into) {
  const std::string text = outcome(result);
  if (T* value = std::get_if<T>(&result)) into.emplace(std::move(*value));
  return text;
}

template <class P>
std::vector<Scenario> scenarios() {
  using C = Cell<P>;
  auto filled = [](World& w) { ASSERT_EQ(outcome(C::add(w.s, 1)), "done"); };
  auto borrowed = [](World& w) { w.g.emplace(std::move(std::get<Guard>(C::borrow(w.s)))); };
  auto mutablyBorrowed = [](World& w) { w.g.emplace(std::move(std::get<Guard>(C::borrowMut(w.s)))); };
  auto leaked = [](World& w) { w.it.emplace(std::move(std::get<Iterator>(C::leak(w.s)))); };
  std::vector<Scenario> list = {
      {"borrow", filled, [](World& w) { return keep(C::borrow(w.s), w.g); }},
      {"borrow_mut", filled, [](World& w) { return keep(C::borrowMut(w.s), w.g); }},
      {"iter", filled, [](World& w) { return keep(C::leak(w.s), w.it); }},
      {"len", filled, [](World& w) { return outcome(C::len(w.s)); }},
      {"contains", filled, [](World& w) { return outcome(C::contains(w.s, 1)); }},
      {"add", filled, [](World& w) { return outcome(C::add(w.s, 2)); }},
      {"discard", filled, [](World& w) { return outcome(C::discard(w.s, 1)); }},
      {"read", borrowed, [](World& w) { return outcome(w.g->read()); }},
      {"write", mutablyBorrowed, [](World& w) { return outcome(w.g->write()); }},
      {"release (shared)", borrowed, [](World& w) { return outcome(w.g->release()); }},
      {"release (mutable)", mutablyBorrowed, [](World& w) { return outcome(w.g->release()); }},
      {"next (item)", [=](World& w) { filled(w); leaked(w); }, [](World& w) { return outcome(C::next(*w.it)); }},
      {"next (first stop)", leaked, [](World& w) { return outcome(C::next(*w.it)); }},
      {"drop", leaked, [](World& w) { return outcome(w.it->drop()); }},
  };
  if constexpr (std::is_same_v<P, Generation>) {
    list.push_back({"next (stale)", [=](World& w) { leaked(w); filled(w); },
                    [](World& w) { return outcome(C::next(*w.it)); }});
  }
  return list;
}

template <class P>
class Vetoes : public ::testing::Test {};
TYPED_TEST_SUITE(Vetoes, tests::Policies, tests::PolicyName);

TYPED_TEST(Vetoes, AVetoHaltsTheOperationBeforeTheVetoedAccess) {
  for (const Scenario& scenario : scenarios<TypeParam>()) {
    Events unvetoed;
    {
      World w;
      scenario.setup(w);
      (void)w.probe.take();
      const std::string result = scenario.op(w);
      ASSERT_NE(result, "halted") << scenario.name;
      unvetoed = w.probe.take();
    }
    for (std::size_t k = 0; k < unvetoed.size(); ++k) {
      SCOPED_TRACE(scenario.name + ", vetoing operation " + std::to_string(k) + ": " + unvetoed[k]);
      World w;
      scenario.setup(w);
      (void)w.probe.take();
      const std::string before = w.snapshot();
      w.probe.allowOnly(k);
      EXPECT_EQ(scenario.op(w), "halted");
      const Events events = w.probe.take();
      ASSERT_GT(events.size(), k);
      EXPECT_EQ(Events(events.begin(), events.begin() + static_cast<std::ptrdiff_t>(k)),
                Events(unvetoed.begin(), unvetoed.begin() + static_cast<std::ptrdiff_t>(k)))
          << "the same requests up to the veto";
      const std::string vetoed = unvetoed[k].substr(0, unvetoed[k].find(" -> "));
      EXPECT_EQ(events[k], vetoed + " (vetoed)") << "the veto struck the operation it was aimed at";
      for (std::size_t later = k + 1; later < events.size(); ++later) {
        EXPECT_TRUE(events[later].ends_with("(vetoed)")) << "performed after the veto: " << events[later];
      }
      const bool wroteBeforeVeto =
          std::any_of(events.begin(), events.begin() + static_cast<std::ptrdiff_t>(k),
                      [](const std::string& e) { return e.starts_with("write"); });
      if (!wroteBeforeVeto) {
        EXPECT_EQ(w.snapshot(), before) << "nothing was allowed to write, so nothing changed";
      }
    }
  }
}

TEST(Veto, AVetoedFirstAccessLeavesTheObjectUntouched) {
  World w;
  ASSERT_EQ(outcome(StrictCell::add(w.s, 1)), "done");
  const std::string before = w.snapshot();
  w.probe.allowOnly(0);
  EXPECT_EQ(outcome(StrictCell::add(w.s, 2)), "halted");
  EXPECT_EQ(outcome(StrictCell::borrowMut(w.s)), "halted");
  EXPECT_EQ(outcome(StrictCell::borrow(w.s)), "halted");
  EXPECT_EQ(outcome(StrictCell::leak(w.s)), "halted");
  EXPECT_EQ(outcome(StrictCell::len(w.s)), "halted");
  EXPECT_EQ(w.snapshot(), before);
}

TEST(Veto, AVetoedDataWriteLeavesTheSetUnchanged) {
  World w;
  ASSERT_EQ(outcome(StrictCell::add(w.s, 1)), "done");
  (void)w.probe.take();
  w.probe.allowOnly(3);  // read state, write state, retag; then the data write
  EXPECT_EQ(outcome(StrictCell::add(w.s, 2)), "halted");
  const Events events = w.probe.take();
  ASSERT_GE(events.size(), 4u);
  EXPECT_EQ(events[3], "write #2 data (vetoed)");
  EXPECT_EQ(w.s->data.set.size(), 1u);
  EXPECT_FALSE(w.s->data.set.contains(2));
}

TEST(Veto, AVetoedReleaseKeepsTheBorrowAndTheReference) {
  World w;
  w.g.emplace(std::move(std::get<Guard>(StrictCell::borrowMut(w.s))));
  const std::string before = w.snapshot();
  w.probe.allowOnly(0);
  EXPECT_EQ(outcome(w.g->release()), "halted");
  EXPECT_EQ(w.snapshot(), before);
  EXPECT_TRUE(w.s->state.mutablyBorrowed);
  EXPECT_EQ(w.s->refcount(), 2u);
}

}  // namespace
}  // namespace sbcheck::cell
