// The shrinkers' moves, one by one: values as well as events for `.sbt`
// traces, and for `.cell` sequences a binder with every use of its name, a
// name for another live one, two objects merged; and what ShrinkStats counts.
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/print.hpp"
#include "harness/cellseq/shrink.hpp"
#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"
#include "harness/sbt/shrink.hpp"
#include "properties/sbt_property.hpp"

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

}  // namespace
}  // namespace sbcheck
