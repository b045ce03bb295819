// The laws every policy shares (cell-format.md "Operations", "Rules every
// policy shares", "Outcomes"), checked on Cell<P> for each of the five policies:
// the set's methods, borrows and guards, leaks and iteration order, refusals
// that change nothing, and, through the interpreter, refusals that bind nothing.
// Where policies differ, see policy_test.cpp.
#include "model/cell/cell.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/run.hpp"
#include "tests/cell/support.hpp"

namespace sbcheck::cell {
namespace {

using tests::outcome;
using tests::snapshot;
using tests::take;

template <class P>
class CellLaws : public ::testing::Test {
 protected:
  using C = Cell<P>;

  /// The spec's "strict family": every policy but `generation`.
  static constexpr bool kStrictFamily = !std::is_same_v<P, Generation>;
  /// Every policy but `no-parent-ref` gives its iterators a reference.
  static constexpr bool kIteratorHoldsReference = !std::is_same_v<P, NoParentRef>;

  /// `op()` is refused with AlreadyBorrowed and leaves the object as it was.
  template <class Op>
  void expectRefusedChangingNothing(Op&& op, std::string_view what) {
    const std::string before = snapshot(*s);
    EXPECT_EQ(outcome(op()), "AlreadyBorrowed") << what;
    EXPECT_EQ(snapshot(*s), before) << what << " must change nothing";
  }

  void fill(std::initializer_list<std::uint32_t> keys) {
    for (const std::uint32_t key : keys) ASSERT_EQ(outcome(C::add(s, key)), "done") << "add " << key;
  }

  tests::RecordingProbe probe;  // first: it outlives every object
  Ref s = Ref::adopt(Object::create(probe));
};

TYPED_TEST_SUITE(CellLaws, tests::Policies, tests::PolicyName);

// ---- The set's methods -------------------------------------------------------

TYPED_TEST(CellLaws, NewObjectIsEmpty) {
  using C = typename TestFixture::C;
  EXPECT_EQ(outcome(C::len(this->s)), "0");
  EXPECT_EQ(outcome(C::contains(this->s, 0)), "false");
}

TYPED_TEST(CellLaws, AddedKeysAreContainedAndCounted) {
  using C = typename TestFixture::C;
  EXPECT_EQ(outcome(C::add(this->s, 3)), "done");
  EXPECT_EQ(outcome(C::add(this->s, 9)), "done");
  EXPECT_EQ(outcome(C::contains(this->s, 3)), "true");
  EXPECT_EQ(outcome(C::contains(this->s, 9)), "true");
  EXPECT_EQ(outcome(C::contains(this->s, 4)), "false");
  EXPECT_EQ(outcome(C::len(this->s)), "2");
}

TYPED_TEST(CellLaws, AddingAPresentKeySucceedsAndKeepsTheSet) {
  using C = typename TestFixture::C;
  this->fill({3});
  EXPECT_EQ(outcome(C::add(this->s, 3)), "done");
  EXPECT_EQ(outcome(C::len(this->s)), "1");
}

TYPED_TEST(CellLaws, DiscardRemovesAKeyAndSucceedsOnAnAbsentOne) {
  using C = typename TestFixture::C;
  this->fill({3, 4});
  EXPECT_EQ(outcome(C::discard(this->s, 3)), "done");
  EXPECT_EQ(outcome(C::contains(this->s, 3)), "false");
  EXPECT_EQ(outcome(C::discard(this->s, 3)), "done");
  EXPECT_EQ(outcome(C::len(this->s)), "1");
}

TYPED_TEST(CellLaws, KeysSpanZeroToTwoToThe31MinusOne) {
  using C = typename TestFixture::C;
  constexpr std::uint32_t kMax = 2147483647;
  this->fill({kMax, 0});
  EXPECT_EQ(outcome(C::contains(this->s, kMax)), "true");
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(it);
  EXPECT_EQ(outcome(C::next(*it)), "0");
  EXPECT_EQ(outcome(C::next(*it)), "2147483647");
  EXPECT_EQ(outcome(C::next(*it)), "stop");
}

TYPED_TEST(CellLaws, MethodsLeaveNoBorrowBehind) {
  using C = typename TestFixture::C;
  this->fill({1});
  (void)C::len(this->s);
  (void)C::contains(this->s, 1);
  (void)C::discard(this->s, 1);
  EXPECT_EQ(this->s->state.borrows, 0u);
  EXPECT_FALSE(this->s->state.mutablyBorrowed);
  EXPECT_EQ(this->s->refcount(), 1u) << "a method's temporary borrow gives its reference back";
}

// ---- Iteration ---------------------------------------------------------------

TYPED_TEST(CellLaws, IterationYieldsTheSetInAscendingOrder) {
  using C = typename TestFixture::C;
  this->fill({5, 1, 30, 3, 2});
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(it);
  std::string yielded;
  for (int i = 0; i < 6; ++i) yielded += outcome(C::next(*it)) + " ";
  EXPECT_EQ(yielded, "1 2 3 5 30 stop ");
}

TYPED_TEST(CellLaws, IteratingAnEmptySetStopsAtOnceAndKeepsStopping) {
  using C = typename TestFixture::C;
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(it);
  EXPECT_EQ(outcome(C::next(*it)), "stop");
  EXPECT_EQ(outcome(C::next(*it)), "stop");
  EXPECT_EQ(outcome(C::next(*it)), "stop");
}

TYPED_TEST(CellLaws, IteratorsOverOneObjectAdvanceIndependently) {
  using C = typename TestFixture::C;
  this->fill({1, 2});
  auto first = take(C::leak(this->s));
  auto second = take(C::leak(this->s));
  ASSERT_TRUE(first && second);
  EXPECT_EQ(outcome(C::next(*first)), "1");
  EXPECT_EQ(outcome(C::next(*first)), "2");
  EXPECT_EQ(outcome(C::next(*second)), "1");
}

TYPED_TEST(CellLaws, LeakIsGrantedWhileASharedBorrowIsHeld) {
  using C = typename TestFixture::C;
  this->fill({4});
  auto g = take(C::borrow(this->s));
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(g && it);
  EXPECT_EQ(outcome(C::next(*it)), "4");
}

TYPED_TEST(CellLaws, ReadingIsGrantedWhileALeakLives) {
  using C = typename TestFixture::C;
  this->fill({4});
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(it);
  EXPECT_EQ(outcome(C::len(this->s)), "1");
  EXPECT_EQ(outcome(C::contains(this->s, 4)), "true");
  auto g = take(C::borrow(this->s));
  ASSERT_TRUE(g);
  EXPECT_EQ(outcome(g->read()), "1");
  EXPECT_EQ(outcome(C::next(*it)), "4") << "reading does not disturb a leak";
}

TYPED_TEST(CellLaws, IteratorReferenceFollowsThePolicy) {
  using C = typename TestFixture::C;
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(it);
  EXPECT_EQ(this->s->refcount(), TestFixture::kIteratorHoldsReference ? 2u : 1u);
  EXPECT_EQ(outcome(it->drop()), "done");
  EXPECT_EQ(this->s->refcount(), 1u);
}

TYPED_TEST(CellLaws, ExhaustingAnIteratorReleasesItsLeakAndReferenceOnlyInTheStrictFamily) {
  using C = typename TestFixture::C;
  this->fill({1});
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(it);
  const std::uint32_t heldCount = this->s->refcount();
  EXPECT_EQ(outcome(C::next(*it)), "1");
  EXPECT_EQ(this->s->refcount(), heldCount) << "an item does not release anything";
  EXPECT_EQ(outcome(C::next(*it)), "stop");
  if constexpr (TestFixture::kStrictFamily) {
    EXPECT_EQ(this->s->state.leaks, 0u);
    EXPECT_EQ(this->s->refcount(), 1u);
  } else {
    EXPECT_EQ(this->s->refcount(), 2u) << "generation: an exhausted iterator keeps its reference until dropped";
  }
}

TYPED_TEST(CellLaws, DroppingAnIteratorLetsMutationBackIn) {
  using C = typename TestFixture::C;
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(it);
  EXPECT_EQ(outcome(it->drop()), "done");
  EXPECT_EQ(this->s->state.leaks, 0u);
  EXPECT_EQ(outcome(C::borrowMut(this->s)), "granted");
  EXPECT_EQ(outcome(C::add(this->s, 1)), "done");
}

TYPED_TEST(CellLaws, DroppingAnExhaustedIteratorSucceedsAndDroppingAgainDoesNothing) {
  using C = typename TestFixture::C;
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(it);
  EXPECT_EQ(outcome(C::next(*it)), "stop");
  const std::string before = snapshot(*this->s);
  EXPECT_EQ(outcome(it->drop()), "done");
  const std::string dropped = snapshot(*this->s);
  EXPECT_EQ(outcome(it->drop()), "done");
  EXPECT_EQ(snapshot(*this->s), dropped);
  EXPECT_EQ(this->s->refcount(), 1u);
  if constexpr (TestFixture::kStrictFamily) {
    EXPECT_EQ(dropped, before) << "exhaustion already gave everything back";
  }
}

// ---- Guards ------------------------------------------------------------------

TYPED_TEST(CellLaws, SharedBorrowsCoexist) {
  using C = typename TestFixture::C;
  auto g1 = take(C::borrow(this->s));
  auto g2 = take(C::borrow(this->s));
  ASSERT_TRUE(g1 && g2);
  EXPECT_EQ(this->s->state.borrows, 2u);
  EXPECT_FALSE(g1->isMutable());
}

TYPED_TEST(CellLaws, ReadThroughAGuardYieldsTheLength) {
  using C = typename TestFixture::C;
  this->fill({1, 2});
  {
    auto g = take(C::borrow(this->s));
    ASSERT_TRUE(g);
    EXPECT_EQ(outcome(g->read()), "2");
  }
  auto m = take(C::borrowMut(this->s));
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->isMutable());
  EXPECT_EQ(outcome(m->read()), "2");
}

TYPED_TEST(CellLaws, WriteThroughAGuardLeavesTheSetUnchanged) {
  using C = typename TestFixture::C;
  this->fill({1, 7});
  {
    auto m = take(C::borrowMut(this->s));
    ASSERT_TRUE(m);
    EXPECT_EQ(outcome(m->write()), "done");
    EXPECT_EQ(outcome(m->write()), "done");
    EXPECT_EQ(outcome(m->read()), "2");
    EXPECT_EQ(this->s->data.writes, 2u) << "write is a real write to the data";
  }
  auto it = take(C::leak(this->s));
  ASSERT_TRUE(it);
  EXPECT_EQ(outcome(C::next(*it)), "1");
  EXPECT_EQ(outcome(C::next(*it)), "7");
  EXPECT_EQ(outcome(C::next(*it)), "stop");
}

TYPED_TEST(CellLaws, AGuardHoldsAReferenceUntilReleased) {
  using C = typename TestFixture::C;
  auto g1 = take(C::borrow(this->s));
  auto g2 = take(C::borrow(this->s));
  ASSERT_TRUE(g1 && g2);
  EXPECT_EQ(this->s->refcount(), 3u);
  EXPECT_EQ(outcome(g1->release()), "done");
  EXPECT_EQ(this->s->refcount(), 2u);
  EXPECT_EQ(outcome(g2->release()), "done");
  EXPECT_EQ(this->s->refcount(), 1u);
}

TYPED_TEST(CellLaws, AGuardKeepsItsObjectAliveAfterTheLastName) {
  using C = typename TestFixture::C;
  this->fill({1, 2, 3});
  auto m = take(C::borrowMut(this->s));
  ASSERT_TRUE(m);
  this->s.reset();  // del s
  EXPECT_EQ(this->probe.deallocations(0), 0);
  EXPECT_EQ(outcome(m->read()), "3");
  EXPECT_EQ(outcome(m->write()), "done");
  EXPECT_EQ(outcome(m->release()), "done");
  EXPECT_EQ(this->probe.deallocations(0), 1) << "the guard held the last reference";
}

TYPED_TEST(CellLaws, ReleasingTwiceGivesTheBorrowBackOnce) {
  using C = typename TestFixture::C;
  auto g1 = take(C::borrow(this->s));
  auto g2 = take(C::borrow(this->s));
  ASSERT_TRUE(g1 && g2);
  EXPECT_EQ(outcome(g1->release()), "done");
  EXPECT_EQ(outcome(g1->release()), "done");
  g1.reset();  // and destroying a released guard releases nothing more
  EXPECT_EQ(this->s->state.borrows, 1u);
  EXPECT_EQ(this->s->refcount(), 2u);
}

TYPED_TEST(CellLaws, ReleasingABorrowLetsTheOtherKindIn) {
  using C = typename TestFixture::C;
  auto g = take(C::borrow(this->s));
  ASSERT_TRUE(g);
  EXPECT_EQ(outcome(g->release()), "done");
  auto m = take(C::borrowMut(this->s));
  ASSERT_TRUE(m);
  EXPECT_EQ(outcome(m->release()), "done");
  EXPECT_EQ(outcome(C::borrow(this->s)), "granted");
  EXPECT_EQ(outcome(C::add(this->s, 1)), "done");
}

// ---- Refusals ----------------------------------------------------------------

TYPED_TEST(CellLaws, MutationIsRefusedWhileASharedBorrowIsHeld) {
  using C = typename TestFixture::C;
  this->fill({1});
  auto g = take(C::borrow(this->s));
  ASSERT_TRUE(g);
  this->expectRefusedChangingNothing([&] { return C::borrowMut(this->s); }, "borrow_mut");
  this->expectRefusedChangingNothing([&] { return C::add(this->s, 2); }, "add");
  this->expectRefusedChangingNothing([&] { return C::discard(this->s, 1); }, "discard");
}

TYPED_TEST(CellLaws, EverythingButLeakIsRefusedWhileAMutableBorrowIsHeld) {
  using C = typename TestFixture::C;
  this->fill({1});
  auto m = take(C::borrowMut(this->s));
  ASSERT_TRUE(m);
  this->expectRefusedChangingNothing([&] { return C::borrow(this->s); }, "borrow");
  this->expectRefusedChangingNothing([&] { return C::borrowMut(this->s); }, "borrow_mut");
  this->expectRefusedChangingNothing([&] { return C::len(this->s); }, "len");
  this->expectRefusedChangingNothing([&] { return C::contains(this->s, 1); }, "contains");
  this->expectRefusedChangingNothing([&] { return C::add(this->s, 2); }, "add");
  this->expectRefusedChangingNothing([&] { return C::discard(this->s, 1); }, "discard");
}

TYPED_TEST(CellLaws, ARefusedBorrowTakesNoReference) {
  using C = typename TestFixture::C;
  auto m = take(C::borrowMut(this->s));
  ASSERT_TRUE(m);
  {
    auto refused = C::borrow(this->s);
    EXPECT_EQ(outcome(refused), "AlreadyBorrowed");
    EXPECT_EQ(this->s->refcount(), 2u) << "only the held guard's reference";
  }
  EXPECT_EQ(outcome(m->release()), "done");
  EXPECT_EQ(this->s->refcount(), 1u);
}

// ---- Through the interpreter: a refused operation binds nothing ----------------

/// Runs `text` under P and fails with every mismatch and error if it does not pass.
template <class P>
void expectSequencePasses(std::string_view text) {
  auto parsed = cellseq::parseSequence(text, kPolicyNames);
  ASSERT_TRUE(std::holds_alternative<cellseq::Sequence>(parsed)) << std::get<cellseq::SequenceError>(parsed).message;
  const cellseq::PolicyRun run = cellseq::runSequence(std::get<cellseq::Sequence>(parsed), {.policy = P::kName});
  if (run.error) ADD_FAILURE() << "line " << run.error->line << ": " << run.error->message;
  for (const cellseq::Mismatch& m : run.mismatches) {
    ADD_FAILURE() << "line " << m.line << " (" << m.op << "): expected " << m.expected << ", got " << m.actual;
  }
  if (run.ub) ADD_FAILURE() << "UB at line " << run.ub->line << ": " << run.ub->message;
  EXPECT_TRUE(run.passed());
}

TYPED_TEST(CellLaws, ARefusedBorrowMutBindsNothing) {
  expectSequencePasses<TypeParam>(
      "new s\n"
      "borrow g = s\n"
      "borrow_mut m = s !err\n"
      "release g\n"
      "borrow_mut m = s   # m is free: the refusal bound nothing\n"
      "write m\n"
      "release m\n");
}

TYPED_TEST(CellLaws, ARefusedBorrowBindsNothing) {
  expectSequencePasses<TypeParam>(
      "new s\n"
      "add s 4\n"
      "borrow_mut m = s\n"
      "borrow g = s !err\n"
      "release m\n"
      "borrow g = s\n"
      "read g => 1\n"
      "release g\n");
}

}  // namespace
}  // namespace sbcheck::cell
