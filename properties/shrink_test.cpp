// The shrinkers' moves, one by one: values as well as events for `.sbt`
// traces, and for `.cell` sequences a binder with every use of its name, a
// name for another live one, two objects merged; and what ShrinkStats counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/print.hpp"
#include "harness/cellseq/shrink.hpp"
#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"
#include "harness/sbt/shrink.hpp"
#include "model/cell/policy.hpp"
#include "properties/cell_property.hpp"
#include "properties/sbt_property.hpp"
#include "properties/search.hpp"

namespace sbcheck {
namespace {

sbt::Trace trace(std::string_view text) {
  auto parsed = sbt::parseTrace(text);
  if (const auto* error = std::get_if<sbt::TraceError>(&parsed)) {
    ADD_FAILURE() << "line " << error->line << ": " << error->message;
    return {};
  }
  return std::get<sbt::Trace>(std::move(parsed));
}

bool untaggedFails(const sbt::Trace& t) {
  return properties::checkRemovedItemsNeverGrant(t, "sb2-stackwrite", properties::TagScope::kUntagged).has_value();
}

// Seed 4's trace as `check` once reported it "minimal".
constexpr std::string_view kLargeValues =
    "alloc x 1048576\n"
    "let p = *const x cell[126984..655168] cell[751893..835662] cell[849013..894621]\n"
    "let q = &mut x\n"
    "let r = *mut x\n"
    "let s = &mut r twophase cell[213870..813183]\n";

TEST(SbtShrink, ShrinksSizesRangesAndRetagKindsNotOnlyEvents) {
  ASSERT_TRUE(untaggedFails(trace(kLargeValues)));
  ShrinkStats stats;
  const sbt::Trace shrunk = sbt::shrinkWhile(trace(kLargeValues), untaggedFails, &stats);
  EXPECT_EQ(sbt::printTrace(shrunk),
            "alloc x 1\n"
            "let p = *mut x\n"
            "let q = &mut x\n"
            "let r = *mut x\n"
            "let s = &mut p\n");
  EXPECT_EQ(stats.removals, 0);
  EXPECT_GT(stats.valueSteps, 0);
  EXPECT_TRUE(stats.locallyMinimal);
  EXPECT_TRUE(sbt::locallyMinimal(shrunk, untaggedFails));
}

TEST(SbtShrink, ATraceWithASimplerFailingStepIsNotLocallyMinimal) {
  EXPECT_FALSE(sbt::locallyMinimal(trace(kLargeValues), untaggedFails));
  EXPECT_FALSE(sbt::locallyMinimal(trace("alloc x 1\nlet p = *mut x\nwrite x\nlet q = *mut x\nread p\nread p\n"),
                                   untaggedFails));
}

TEST(SbtShrink, ShadowedNamesDoNotMakeItLoop) {
  // `p` is bound twice; renaming an operand to a shadowed name once kept a
  // no-op step 5000 times.
  ShrinkStats stats;
  const sbt::Trace shrunk =
      sbt::shrinkWhile(trace("alloc p 12\nlet m = *const p\nwrite p\nlet p = *mut p\nread p\n"), untaggedFails, &stats);
  EXPECT_EQ(sbt::printTrace(shrunk), "alloc x 1\nlet p = *mut x\nwrite x\nlet q = *mut x\nread p\n");
  EXPECT_LT(stats.steps(), 20);
  EXPECT_TRUE(stats.locallyMinimal);
}

// ---- .cell sequences ------------------------------------------------------------

cellseq::Sequence sequence(std::string_view text) {
  auto parsed = cellseq::parseSequence(text, cell::kPolicyNames);
  if (const auto* error = std::get_if<cellseq::SequenceError>(&parsed)) {
    ADD_FAILURE() << "line " << error->line << ": " << error->message;
    return {};
  }
  return std::get<cellseq::Sequence>(std::move(parsed));
}

std::string oneLine(const cellseq::Sequence& s) {
  std::string out;
  for (const cellseq::Op& op : s.ops) out += (out.empty() ? "" : "; ") + cellseq::printOp(op);
  return out;
}

/// Shrinks `text` as `sbcheck check` does, for `property` under `policy`.
properties::Counterexample shrunk(std::string_view text, std::string_view propertyId, std::string_view policy) {
  properties::SearchOptions options;
  options.policy = std::string(policy);
  const properties::CellProperty* property = properties::findCellProperty(propertyId);
  options.properties = {property};
  const cellseq::Sequence found = sequence(text);
  const properties::CellProperty* const only[] = {property};
  const std::optional<properties::Violation> violation = properties::checkSequence(found, policy, "sb2", only);
  if (!violation) {
    ADD_FAILURE() << propertyId << " holds of " << oneLine(found) << " under " << policy;
    return {};
  }
  return properties::shrink(found, *violation, options);
}

// `sbcheck check --seed 3` stopped here at 6 ops: a leak never given back (an
// iterator made under a mutable borrow, unchecked-leak), with an unused
// `iter it0` and its `next` that no single deletion could take.
TEST(CellShrink, RemovesAnIteratorWithItsUses) {
  const properties::Counterexample c = shrunk(
      "new s0\niter it0 = s0\nnext it0\nborrow_mut g0 = s0\niter it1 = s0\nread g0\n", "oracle", "unchecked-leak");
  EXPECT_EQ(c.sequence.ops.size(), 4u) << oneLine(c.sequence);
  EXPECT_EQ(c.originalLength, 6u);
  EXPECT_GE(c.shrink.removals, 1);
  EXPECT_TRUE(c.shrink.locallyMinimal);
  EXPECT_EQ(c.shrinkSteps, c.shrink.removals + c.shrink.valueSteps);
}

// `sbcheck check --seed 2` stopped here at 7 ops: an alias and a
// `borrow`/`release` pair kept.
TEST(CellShrink, InlinesAnAliasAndRemovesABorrowWithItsRelease) {
  const properties::Counterexample c =
      shrunk("new s0\nref s1 = s0\ndel s0\niter it0 = s1\nborrow g0 = s1\ndel s1\nrelease g0\n",
             "parents-outlive-iterators", "no-parent-ref");
  EXPECT_EQ(oneLine(c.sequence), "new s0; iter it0 = s0; del s0");
  EXPECT_TRUE(c.shrink.locallyMinimal);
}

/// Fails while well-formed under strict with an `add` or `discard` on some object.
bool touchesAKey(const cellseq::Sequence& s) {
  if (!cellseq::wellFormedUnder(s, "strict")) return false;
  return std::ranges::any_of(s.ops, [](const cellseq::Op& op) {
    return op.kind == cellseq::OpKind::kAdd || op.kind == cellseq::OpKind::kDiscard;
  });
}

TEST(CellShrink, RemovesABinderWithEveryNameBoundFromIt) {
  // Deleting any one op of s0's family (or any chunk of them) leaves a name unbound.
  ShrinkStats stats;
  const cellseq::Sequence result = cellseq::shrinkWhile(
      sequence("new a\nref b = a\niter i = b\nnew c\nnext i\nborrow g = b\ndiscard c 1000\nrelease g\ndrop i\n"),
      touchesAKey, &stats);
  EXPECT_EQ(oneLine(result), "new s0; add s0 0");
  EXPECT_GE(stats.removals, 1);
  EXPECT_GE(stats.valueSteps, 2) << "a lower key, and add for discard";
  EXPECT_TRUE(stats.locallyMinimal);
}

TEST(CellShrink, MergesTwoObjects) {
  // One `add` on each of two objects; the predicate wants two `add`s.
  const auto twoAdds = [](const cellseq::Sequence& s) {
    return cellseq::wellFormedUnder(s, "strict") &&
           std::ranges::count_if(s.ops, [](const cellseq::Op& op) { return op.kind == cellseq::OpKind::kAdd; }) >= 2;
  };
  ShrinkStats stats;
  const cellseq::Sequence result = cellseq::shrinkWhile(sequence("new a\nnew b\nadd a 0\nadd b 0\n"), twoAdds, &stats);
  EXPECT_EQ(oneLine(result), "new s0; add s0 0; add s0 0");
  EXPECT_TRUE(stats.locallyMinimal);
}

TEST(CellShrink, ReplacesAGuardByAnotherLiveOne) {
  // Two shared borrows; the predicate wants a read and a borrow, so the
  // second guard's read can go to the first and the second borrow can go.
  const auto readsAGuard = [](const cellseq::Sequence& s) {
    return cellseq::wellFormedUnder(s, "strict") &&
           std::ranges::any_of(s.ops, [](const cellseq::Op& op) { return op.kind == cellseq::OpKind::kRead; }) &&
           std::ranges::count_if(s.ops, [](const cellseq::Op& op) { return op.kind == cellseq::OpKind::kBorrow; }) >= 1;
  };
  const cellseq::Sequence result =
      cellseq::shrinkWhile(sequence("new a\nborrow g = a\nborrow h = a\nread h\n"), readsAGuard);
  EXPECT_EQ(oneLine(result), "new s0; borrow g0 = s0; read g0");
}

TEST(CellShrink, ASequenceWithASimplerFailingStepIsNotLocallyMinimal) {
  EXPECT_FALSE(cellseq::locallyMinimal(sequence("new a\ndiscard a 3\n"), touchesAKey));
  EXPECT_TRUE(cellseq::locallyMinimal(sequence("new a\nadd a 0\n"), touchesAKey));
}

}  // namespace
}  // namespace sbcheck
