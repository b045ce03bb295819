// The abstract cell against cell-format.md: the spec's example, every row of
// the policy table, generation's invalidation, exhausted iterators per family,
// and the values operations yield.
#include "harness/cellseq/abstract_cell.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "tests/cellseq/abstract_support.hpp"

namespace sbcheck::cellseq {
namespace {

using abstract_test::after;
using abstract_test::factsOf;
using abstract_test::kStrictFamily;
using abstract_test::outcomeOf;
using abstract_test::play;

TEST(AbstractExample, SpecExampleHoldsUnderStrict) {
  AbstractCell cell("strict");
  const auto shown = play(cell, R"(#! policies: strict
new s
add s 1
iter it = s
add s 2 !err          # a leak blocks mutable borrows
next it => 1
drop it
add s 2
len s => 2
)");
  EXPECT_EQ(shown, (std::vector<std::string>{"ok", "ok", "ok", "refused AlreadyBorrowed", "ok 1", "ok", "ok",
                                             "ok 2"}));
}

// ------------------------------------------------------------ policy table

/// The accesses a policy row speaks of, and the states it speaks of them in.
constexpr std::array<std::string_view, 7> kAccesses = {"borrow h = s", "borrow_mut h = s", "len s", "contains s 1",
                                                       "add s 2",      "discard s 1",      "iter j = s"};
constexpr std::array<std::string_view, 4> kStates = {"", "borrow g = s", "borrow_mut g = s", "iter it = s"};

/// One string per state (idle, shared guard held, mutable guard held, leak
/// alive), one character per access in kAccesses order: '.' succeeds, 'R' is
/// refused with AlreadyBorrowed.
void checkRow(std::string_view policy, const std::array<std::string_view, 4>& grid) {
  for (std::size_t s = 0; s < kStates.size(); ++s) {
    for (std::size_t a = 0; a < kAccesses.size(); ++a) {
      const std::string setup = "new s\nadd s 1\n" + std::string(kStates[s]) + "\n";
      AbstractCell cell = after(policy, setup);
      const auto namesBefore = cell.names();
      const auto factsBefore = factsOf(cell, 0);
      const std::string shown = outcomeOf(cell, kAccesses[a]);
      SCOPED_TRACE(std::string(policy) + ": '" + std::string(kAccesses[a]) + "' after '" + std::string(kStates[s]) + "'");
      if (grid[s][a] == 'R') {
        EXPECT_EQ(shown, "refused AlreadyBorrowed");
        EXPECT_EQ(cell.names(), namesBefore) << "a refused operation binds nothing";
        const auto factsAfter = factsOf(cell, 0);
        ASSERT_TRUE(factsAfter.has_value());
        EXPECT_EQ(factsAfter->refcount, factsBefore->refcount);
        EXPECT_EQ(factsAfter->set, factsBefore->set);
        EXPECT_EQ(factsAfter->liveLeaks, factsBefore->liveLeaks);
      } else {
        EXPECT_EQ(shown.substr(0, 2), "ok");
      }
    }
  }
}

//                                     idle       shared     mutable    leak
TEST(AbstractPolicyTable, StrictBorrowMutBlockedByLeaksAndBorrowsBorrowAndLeakByMutable) {
  checkRow("strict", {".......", ".R..RR.", "RRRRRRR", ".R..RR."});
}

TEST(AbstractPolicyTable, GenerationLeaksNeverBlockMutationGuardsDo) {
  checkRow("generation", {".......", ".R..RR.", "RRRRRRR", "......."});
}

TEST(AbstractPolicyTable, UncheckedLeakLeakIgnoresHeldMutableBorrow) {
  checkRow("unchecked-leak", {".......", ".R..RR.", "RRRRRR.", ".R..RR."});
}

TEST(AbstractPolicyTable, NoParentRefBorrowsLikeStrict) {
  checkRow("no-parent-ref", {".......", ".R..RR.", "RRRRRRR", ".R..RR."});
}

TEST(AbstractPolicyTable, UnguardedInnerMethodsSkipOnlyTheLeakCheck) {
  checkRow("unguarded-inner", {".......", ".R..RR.", "RRRRRRR", ".R....."});
}

TEST(AbstractPolicyTable, UncheckedLeakLeakTakenUnderMutableBorrowStillBlocksBorrowMut) {
  AbstractCell cell = after("unchecked-leak", "new s\nborrow_mut g = s\niter it = s\nwrite g\nrelease g\n");
  EXPECT_EQ(outcomeOf(cell, "borrow_mut h = s"), "refused AlreadyBorrowed");
  EXPECT_EQ(outcomeOf(cell, "add s 1"), "refused AlreadyBorrowed");
}

TEST(AbstractPolicyTable, UnguardedInnerMethodsChangeTheSetUnderALiveLeak) {
  AbstractCell cell = after("unguarded-inner", "new s\niter it = s\nadd s 4\ndiscard s 9\nlen s => 1\n");
  EXPECT_EQ(factsOf(cell, 0)->liveLeaks, 1);
}

TEST(AbstractPolicyTable, SharedBorrowsCoexist) {
  for (std::string_view policy : abstract_test::kAllPolicies) {
    SCOPED_TRACE(policy);
    after(policy, "new s\nadd s 1\nborrow g = s\nborrow h = s\niter it = s\niter j = s\nlen s => 1\n"
                  "contains s 1 => true\nread g => 1\nread h => 1\nnext it => 1\nnext j => 1\n");
  }
}

TEST(AbstractPolicyTable, ReleasingTheLastGuardUnblocks) {
  for (std::string_view policy : abstract_test::kAllPolicies) {
    SCOPED_TRACE(policy);
    after(policy, "new s\nborrow g = s\nborrow h = s\nrelease g\nadd s 1 !err\nrelease h\nadd s 1\n"
                  "borrow_mut m = s\nlen s !err\nrelease m\nlen s => 1\n");
  }
}

// ------------------------------------------------------------ generation

TEST(AbstractGeneration, MutatingMethodMakesOlderLeakRefusedWithRuntimeError) {
  AbstractCell cell = after("generation", "new s\nadd s 1\nadd s 2\niter it = s\nnext it => 1\nadd s 3\n");
  EXPECT_EQ(outcomeOf(cell, "next it"), "refused RuntimeError");
  EXPECT_EQ(outcomeOf(cell, "next it"), "refused RuntimeError") << "refused on every later use";
}

TEST(AbstractGeneration, BorrowMutBumpsWhenTakenEvenWithoutWrite) {
  AbstractCell cell = after("generation", "new s\nadd s 1\niter it = s\nborrow_mut g = s\nrelease g\n");
  EXPECT_EQ(outcomeOf(cell, "next it"), "refused RuntimeError");
}

TEST(AbstractGeneration, MutationThatChangesNothingStillInvalidates) {
  for (std::string_view change : {"add s 1", "discard s 7"}) {
    AbstractCell cell = after("generation", "new s\nadd s 1\niter it = s\n");
    EXPECT_EQ(outcomeOf(cell, change), "ok");
    EXPECT_EQ(outcomeOf(cell, "next it"), "refused RuntimeError") << change;
  }
}

TEST(AbstractGeneration, ExhaustedLeakIsRefusedToo) {
  AbstractCell cell = after("generation", "new s\niter it = s\nnext it => stop\nnext it => stop\nadd s 1\n");
  EXPECT_EQ(outcomeOf(cell, "next it"), "refused RuntimeError");
}

TEST(AbstractGeneration, ImmutableBorrowsAndRefusedMutationsDoNotBump) {
  AbstractCell cell = after("generation",
                            "new s\nadd s 1\niter it = s\nlen s\ncontains s 1\nborrow g = s\nread g\n"
                            "add s 2 !err\nborrow_mut m = s !err\nrelease g\niter j = s\ndrop j\n");
  EXPECT_EQ(outcomeOf(cell, "next it"), "ok 1");
}

TEST(AbstractGeneration, LeakFromTheCurrentGenerationIsFresh) {
  AbstractCell cell = after("generation", "new s\niter old = s\nadd s 5\niter it = s\n");
  EXPECT_EQ(outcomeOf(cell, "next it"), "ok 5");
  EXPECT_EQ(outcomeOf(cell, "next old"), "refused RuntimeError");
}

TEST(AbstractGeneration, GenerationIsPerObject) {
  AbstractCell cell = after("generation", "new s\nnew t\nadd t 1\niter it = s\nadd t 2\n");
  EXPECT_EQ(outcomeOf(cell, "next it"), "ok stop");
}

TEST(AbstractGeneration, StaleIteratorDropSucceedsAndGivesBackItsReference) {
  AbstractCell cell = after("generation", "new s\niter it = s\nadd s 1\nnext it !err\ndel s\n");
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{});
  EXPECT_EQ(outcomeOf(cell, "drop it"), "ok");
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{0});
}

TEST(AbstractGeneration, StrictFamilyHasNoRuntimeError) {
  for (std::string_view policy : kStrictFamily) {
    AbstractCell cell = after(policy, "new s\nadd s 1\niter it = s\nborrow g = s\nrelease g\n");
    EXPECT_EQ(outcomeOf(cell, "next it"), "ok 1") << policy;
  }
}

// ------------------------------------------------------ exhausted iterators

TEST(AbstractExhausted, StrictFamilyFirstStopGivesBackLeakAndReference) {
  for (std::string_view policy : kStrictFamily) {
    SCOPED_TRACE(policy);
    AbstractCell cell = after(policy, "new s\nadd s 1\niter it = s\nnext it => 1\n");
    EXPECT_EQ(factsOf(cell, 0)->liveLeaks, 1);
    EXPECT_EQ(outcomeOf(cell, "next it"), "ok stop");
    EXPECT_EQ(factsOf(cell, 0)->liveLeaks, 0);
    EXPECT_EQ(factsOf(cell, 0)->refcount, 1);
    EXPECT_EQ(outcomeOf(cell, "borrow_mut m = s"), "ok") << "no leak left to block it";
  }
}

TEST(AbstractExhausted, StrictFamilyLaterNextsStopWithoutReading) {
  for (std::string_view policy : kStrictFamily) {
    AbstractCell cell = after(policy, "new s\niter it = s\nnext it => stop\nadd s 3\nnext it => stop\n");
    EXPECT_EQ(outcomeOf(cell, "next it"), "ok stop") << policy << ": a later item is never yielded";
  }
}

TEST(AbstractExhausted, StrictFamilyExhaustedIteratorOutlivesItsObject) {
  for (std::string_view policy : kStrictFamily) {
    AbstractCell cell = after(policy, "new s\niter it = s\nnext it => stop\ndel s\n");
    EXPECT_EQ(cell.freedObjects(), std::vector<int>{0}) << policy;
    EXPECT_EQ(outcomeOf(cell, "next it"), "ok stop") << policy;
    EXPECT_EQ(outcomeOf(cell, "drop it"), "ok") << policy;
  }
}

TEST(AbstractExhausted, GenerationKeepsLeakAndReferenceUntilDrop) {
  AbstractCell cell = after("generation", "new s\nadd s 1\niter it = s\nnext it => 1\nnext it => stop\n");
  EXPECT_EQ(factsOf(cell, 0)->liveLeaks, 1);
  EXPECT_EQ(factsOf(cell, 0)->refcount, 2);
  EXPECT_EQ(outcomeOf(cell, "next it"), "ok stop") << "stop again while not stale";
  play(cell, "del s\n");
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{});
  EXPECT_EQ(outcomeOf(cell, "drop it"), "ok");
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{0});
}

// ------------------------------------------------------------------ values

TEST(AbstractValues, IteratorsYieldAscendingThenStop) {
  for (std::string_view policy : abstract_test::kAllPolicies) {
    AbstractCell cell(policy);
    const auto shown = play(cell, "new s\nadd s 5\nadd s 2147483647\nadd s 0\nadd s 3\niter it = s\nnext it\n"
                                  "next it\nnext it\nnext it\nnext it\n");
    EXPECT_EQ(std::vector<std::string>(shown.end() - 5, shown.end()),
              (std::vector<std::string>{"ok 0", "ok 3", "ok 5", "ok 2147483647", "ok stop"}))
        << policy;
  }
}

TEST(AbstractValues, IteratorsAreIndependent) {
  after("strict", "new s\nadd s 1\nadd s 2\niter a = s\niter b = s\nnext a => 1\nnext a => 2\nnext b => 1\n"
                  "next a => stop\nnext b => 2\n");
}

TEST(AbstractValues, LenReadAndContainsSeeTheSet) {
  after("strict", "new s\nadd s 1\nadd s 1\nadd s 9\nlen s => 2\ncontains s 9 => true\ncontains s 2 => false\n"
                  "discard s 9\ndiscard s 4\nlen s => 1\nborrow g = s\nread g => 1\nrelease g\n");
}

TEST(AbstractValues, WriteLeavesTheSetUnchanged) {
  after("strict", "new s\nadd s 3\nborrow_mut m = s\nwrite m\nwrite m\nread m => 1\nrelease m\ncontains s 3 => true\n");
}

TEST(AbstractValues, ReferencesShareOneSet) {
  after("strict", "new s\nref q = s\nadd q 4\ncontains s 4 => true\niter it = q\nadd s 5 !err\n");
}

TEST(AbstractValues, CopiesAreIndependent) {
  AbstractCell cell = after("strict", "new s\n");
  AbstractCell copy = cell;
  play(copy, "add s 1\n");
  EXPECT_EQ(outcomeOf(cell, "len s"), "ok 0");
  cell = copy;
  EXPECT_EQ(outcomeOf(cell, "len s"), "ok 1");
}

}  // namespace
}  // namespace sbcheck::cellseq
