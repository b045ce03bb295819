// The abstract cell's names and objects against cell-format.md: reference
// counts and freeing (guards and iterators keep objects alive, no-parent-ref's
// dangling iterators are undefined), every sequence error, and refused
// operations binding nothing.
#include "harness/cellseq/abstract_cell.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "tests/cellseq/abstract_support.hpp"

namespace sbcheck::cellseq {
namespace {

using abstract_test::after;
using abstract_test::factsOf;
using abstract_test::firstError;
using abstract_test::kAllPolicies;
using abstract_test::kStrictFamily;
using abstract_test::outcomeOf;
using abstract_test::play;
using Kind = AbstractCell::NameKind;

// ------------------------------------------------------- reference counts

TEST(AbstractRefcount, NewRefAndDelCountPythonReferences) {
  AbstractCell cell = after("strict", "new s\n");
  EXPECT_EQ(factsOf(cell, 0)->refcount, 1);
  play(cell, "ref q = s\nref r = q\n");
  EXPECT_EQ(factsOf(cell, 0)->refcount, 3);
  play(cell, "del s\ndel r\n");
  EXPECT_EQ(factsOf(cell, 0)->refcount, 1);
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{});
}

TEST(AbstractRefcount, DelOfTheLastReferenceFrees) {
  AbstractCell cell = after("strict", "new s\nnew t\nadd s 1\nref q = s\ndel s\ndel q\n");
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{0});
  ASSERT_EQ(cell.liveObjects().size(), 1u);
  EXPECT_EQ(cell.liveObjects().front().id, 1);
}

TEST(AbstractRefcount, GuardsHoldAReferenceUntilRelease) {
  for (std::string_view policy : kAllPolicies) {
    SCOPED_TRACE(policy);
    AbstractCell cell = after(policy, "new s\nadd s 1\nborrow g = s\nborrow h = s\n");
    EXPECT_EQ(factsOf(cell, 0)->refcount, 3);
    EXPECT_EQ(factsOf(cell, 0)->sharedGuards, 2);
    play(cell, "del s\nread g => 1\nrelease g\n");
    EXPECT_EQ(cell.freedObjects(), std::vector<int>{});
    play(cell, "release h\n");
    EXPECT_EQ(cell.freedObjects(), std::vector<int>{0});

    AbstractCell mut = after(policy, "new s\nborrow_mut m = s\ndel s\nwrite m\nread m => 0\n");
    EXPECT_EQ(factsOf(mut, 0)->mutableGuards, 1);
    play(mut, "release m\n");
    EXPECT_EQ(mut.freedObjects(), std::vector<int>{0});
  }
}

TEST(AbstractRefcount, IteratorsHoldAReferenceExceptUnderNoParentRef) {
  for (std::string_view policy : kAllPolicies) {
    SCOPED_TRACE(policy);
    const bool holds = policy != "no-parent-ref";
    AbstractCell cell = after(policy, "new s\nadd s 1\niter it = s\n");
    EXPECT_EQ(factsOf(cell, 0)->refcount, holds ? 2 : 1);
    EXPECT_EQ(factsOf(cell, 0)->liveLeaks, 1);
    play(cell, "del s\n");
    EXPECT_EQ(cell.freedObjects().empty(), holds);
    if (!holds) continue;
    EXPECT_EQ(outcomeOf(cell, "next it"), "ok 1") << "the iterator keeps the object alive";
    EXPECT_EQ(outcomeOf(cell, "drop it"), "ok");
    EXPECT_EQ(cell.freedObjects(), std::vector<int>{0});
  }
}

TEST(AbstractRefcount, StrictFamilyExhaustionCanFreeTheObject) {
  for (std::string_view policy : {"strict", "unchecked-leak", "unguarded-inner"}) {
    AbstractCell cell = after(policy, "new s\nadd s 1\niter it = s\ndel s\nnext it => 1\n");
    EXPECT_EQ(cell.freedObjects(), std::vector<int>{}) << policy;
    EXPECT_EQ(outcomeOf(cell, "next it"), "ok stop");
    EXPECT_EQ(cell.freedObjects(), std::vector<int>{0}) << policy << ": the first stop gives back the last reference";
    EXPECT_EQ(outcomeOf(cell, "drop it"), "ok");
  }
}

TEST(AbstractRefcount, NoParentRefNextAfterFreeIsUndefined) {
  AbstractCell cell = after("no-parent-ref", "new s\nadd s 1\nadd s 2\niter it = s\nnext it => 1\ndel s\n");
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{0});
  EXPECT_TRUE(cell.liveObjects().empty());
  EXPECT_EQ(outcomeOf(cell, "next it"), "undefined");
}

TEST(AbstractRefcount, NoParentRefDropWithLeakAfterFreeIsUndefined) {
  AbstractCell cell = after("no-parent-ref", "new s\niter it = s\nborrow g = s\ndel s\nrelease g\n");
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{0});
  EXPECT_EQ(outcomeOf(cell, "drop it"), "undefined") << "giving the leak back writes the freed leak counter";
}

TEST(AbstractRefcount, NoParentRefGivenBackLeakTouchesNothingAfterFree) {
  AbstractCell cell = after("no-parent-ref", "new s\niter it = s\nnext it => stop\ndel s\n");
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{0});
  EXPECT_EQ(outcomeOf(cell, "next it"), "ok stop");
  EXPECT_EQ(outcomeOf(cell, "drop it"), "ok");
}

TEST(AbstractRefcount, NoParentRefDropBeforeFreeIsDefined) {
  AbstractCell cell = after("no-parent-ref", "new s\niter it = s\ndrop it\ndel s\n");
  EXPECT_EQ(cell.freedObjects(), std::vector<int>{0});
}

TEST(AbstractRefcount, UndefinedOperationChangesNothing) {  // decision D4
  AbstractCell cell = after("no-parent-ref", "new s\niter it = s\ndel s\n");
  const auto names = cell.names();
  EXPECT_EQ(outcomeOf(cell, "drop it"), "undefined");
  EXPECT_EQ(cell.names(), names);
  EXPECT_EQ(cell.objectOf("it"), 0) << "an iterator still names its freed object";
}

TEST(AbstractRefcount, NamesAndObjectOfFollowBindings) {
  AbstractCell cell = after("strict", "new s\nnew t\nref q = t\nborrow g = s\nborrow_mut m = t\n");
  play(cell, "release m\niter it = t\n");
  using Name = AbstractCell::Name;
  EXPECT_EQ(cell.names(), (std::vector<Name>{{"g", Kind::kSharedGuard}, {"it", Kind::kIterator},
                                             {"q", Kind::kObject}, {"s", Kind::kObject}, {"t", Kind::kObject}}));
  EXPECT_EQ(cell.objectOf("g"), 0);
  EXPECT_EQ(cell.objectOf("q"), 1);
  EXPECT_EQ(cell.objectOf("it"), 1);
  EXPECT_EQ(cell.objectOf("m"), -1);
  EXPECT_EQ(cell.objectOf("nope"), -1);
}

// ------------------------------------------------------------ sequence errors

/// `text` commits a sequence error at `line` under every policy.
void expectErrorAt(std::string_view text, int line) {
  for (std::string_view policy : kAllPolicies) {
    const auto error = firstError(policy, text);
    ASSERT_TRUE(error.has_value()) << policy << ": no sequence error in:\n" << text;
    EXPECT_EQ(error->line, line) << policy << ": " << error->message << "\nin:\n" << text;
    EXPECT_FALSE(error->message.empty());
  }
}

TEST(AbstractSequenceErrors, BindingABoundNameWhateverThePolicyWouldAnswer) {
  expectErrorAt("new s\nnew s\n", 2);
  expectErrorAt("new s\nnew t\nref t = s\n", 3);
  expectErrorAt("new s\nborrow g = s\nborrow g = s\n", 3);
  expectErrorAt("new s\nborrow_mut g = s\nborrow g = s\n", 3);  // borrow would be refused
  expectErrorAt("new s\nborrow_mut g = s\nborrow_mut g = s\n", 3);
  expectErrorAt("new s\niter it = s\nborrow_mut it = s\n", 3);
  expectErrorAt("new s\nborrow_mut g = s\niter g = s\n", 3);
  expectErrorAt("new s\nborrow g = s\nnew g\n", 3);
}

TEST(AbstractSequenceErrors, UsingANameNeverBound) {
  for (std::string_view line : {"ref q = s", "del s", "add s 1", "discard s 1", "len s", "contains s 1",
                                "borrow g = s", "borrow_mut g = s", "read g", "write g", "release g",
                                "iter it = s", "next it", "drop it"}) {
    expectErrorAt("new x\n" + std::string(line) + "\n", 2);
  }
}

TEST(AbstractSequenceErrors, UsingANameDeletedReleasedOrDropped) {
  expectErrorAt("new s\nref q = s\ndel s\nlen s\n", 4);
  expectErrorAt("new s\ndel s\nnew t\niter it = s\n", 4);
  expectErrorAt("new s\nborrow g = s\nrelease g\nread g\n", 4);
  expectErrorAt("new s\nborrow_mut g = s\nrelease g\nrelease g\n", 4);
  expectErrorAt("new s\niter it = s\ndrop it\nnext it\n", 4);
  expectErrorAt("new s\niter it = s\ndrop it\ndrop it\n", 4);
}

TEST(AbstractSequenceErrors, UsingANameOfTheWrongKind) {
  const std::string setup = "new s\nborrow g = s\niter it = s\n";
  for (std::string_view line : {"next s", "drop s", "read s", "write s", "release s", "add it 1", "len it",
                                "del it", "ref q = it", "borrow h = it", "iter j = it", "write g", "next g",
                                "del g", "contains g 1", "iter j = g", "release it", "read it"}) {
    expectErrorAt(setup + std::string(line) + "\n", 4);
  }
  expectErrorAt("new s\nborrow_mut m = s\ndrop m\n", 3);
  expectErrorAt("new s\nborrow_mut m = s\nborrow_mut n = m\n", 3);
}

TEST(AbstractSequenceErrors, KeyOutOfRange) {  // decision D5
  AbstractCell cell("strict");
  play(cell, "new s\n");
  Op op;
  op.line = 2;
  op.kind = OpKind::kAdd;
  op.name = "s";
  op.key = std::int64_t{1} << 31;
  auto result = cell.apply(op);
  ASSERT_TRUE(std::holds_alternative<SequenceError>(result));
  EXPECT_EQ(std::get<SequenceError>(result).line, 2);
}

// --------------------------------------------------- refused binds nothing

TEST(AbstractRefused, RefusedBindingLeavesTheNameUnbound) {
  for (std::string_view policy : kStrictFamily) {
    SCOPED_TRACE(policy);
    AbstractCell cell = after(policy, "new s\niter it = s\nborrow_mut m = s !err\n");
    EXPECT_EQ(cell.objectOf("m"), -1);
    EXPECT_EQ(outcomeOf(cell, "write m"), "error: 'm' is not bound");
    play(cell, "drop it\nborrow_mut m = s\n");
    EXPECT_EQ(cell.objectOf("m"), 0) << "m was never bound, so binding it now is no rebinding";
  }
}

TEST(AbstractRefused, RefusedBorrowAndIterBindNothing) {
  for (std::string_view policy : kAllPolicies) {
    SCOPED_TRACE(policy);
    AbstractCell cell = after(policy, "new s\nborrow_mut m = s\nborrow g = s !err\n");
    const bool leakChecks = policy != "unchecked-leak";
    if (leakChecks) play(cell, "iter it = s !err\n");
    EXPECT_EQ(cell.objectOf("g"), -1);
    if (leakChecks) {
      EXPECT_EQ(cell.objectOf("it"), -1);
    }
    EXPECT_EQ(factsOf(cell, 0)->refcount, 2);
    EXPECT_EQ(factsOf(cell, 0)->sharedGuards, 0);
    EXPECT_EQ(factsOf(cell, 0)->liveLeaks, 0);
    play(cell, "release m\nborrow g = s\niter it = s\n");
  }
}

TEST(AbstractRefused, RefusedMutationLeavesTheSetUnchanged) {
  AbstractCell cell = after("strict", "new s\nadd s 1\nborrow g = s\nadd s 2 !err\ndiscard s 1 !err\n");
  EXPECT_EQ(factsOf(cell, 0)->set, std::vector<std::uint32_t>{1});
}

}  // namespace
}  // namespace sbcheck::cellseq
