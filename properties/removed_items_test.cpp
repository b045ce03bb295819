// "Removed items never grant access" over random `.sbt` traces: it holds for
// tagged tags under every variant and for Untagged under sb2-tagged-raw, and
// the search finds (and shrinks) the Untagged counterexample everywhere else.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <variant>

#include "harness/seeds.hpp"
#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"
#include "model/sb/any_model.hpp"
#include "model/sb/policy.hpp"
#include "properties/sbt_property.hpp"

namespace sbcheck::properties {
namespace {

constexpr std::uint64_t kSeed = 20190430;  // the SB2 announcement's date
/// Enough for every size from 0 to 100 ten times over, and about a second of
/// CPU per search in the dev build (ASan+UBSan); `sbcheck` runs longer searches.
constexpr int kRuns = 1000;

sbt::Trace parseOk(std::string_view text) {
  auto parsed = sbt::parseTrace(text);
  if (const auto* error = std::get_if<sbt::TraceError>(&parsed)) {
    ADD_FAILURE() << "line " << error->line << ": " << error->message;
    return {};
  }
  return std::get<sbt::Trace>(std::move(parsed));
}

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TraceSearchOptions options(std::string_view model, TagScope scope, int runs) {
  TraceSearchOptions options;
  options.model = std::string(model);
  options.scope = scope;
  options.runs = runs;
  options.seed = kSeed;
  return options;
}

// ---- checkRemovedItemsNeverGrant on hand-written traces ----------------------

/// The raw pointer's SRW <untagged> goes, a second cast puts one back, and the
/// first raw pointer reads again.
constexpr std::string_view kReGrantedRawPointer =
    "alloc x 2\n"
    "let p = *mut x\n"
    "write x\n"
    "let q = *mut x\n"
    "read p\n";

TEST(CheckRemovedItemsNeverGrant, FlagsARawPointerThatReadsAgainAfterItsItemWasRemoved) {
  const std::optional<TraceViolation> violation =
      checkRemovedItemsNeverGrant(parseOk(kReGrantedRawPointer), "sb2", TagScope::kUntagged);
  ASSERT_TRUE(violation);
  EXPECT_EQ(violation->eventIndex, 4u);
  EXPECT_TRUE(mentions(violation->reason, "`read p` (event 5) is granted via <untagged> at x[0]")) << violation->reason;
  EXPECT_TRUE(mentions(violation->reason, "lost its last item there at event 3 (`write x`)")) << violation->reason;
}

TEST(CheckRemovedItemsNeverGrant, CountsOnlyTheTagsInScope) {
  EXPECT_FALSE(checkRemovedItemsNeverGrant(parseOk(kReGrantedRawPointer), "sb2", TagScope::kTagged));
  // With tagged raw pointers `p`'s item is gone for good: `read p` is UB.
  for (const TagScope scope : {TagScope::kTagged, TagScope::kUntagged}) {
    EXPECT_FALSE(checkRemovedItemsNeverGrant(parseOk(kReGrantedRawPointer), "sb2-tagged-raw", scope));
  }
}

TEST(CheckRemovedItemsNeverGrant, AcceptsATraceWhoseRemovedTagIsRefusedLater) {
  // `z`'s SRO goes with the write through `y`; the read through `z` is UB, so
  // the trace ends there and nothing was granted after the removal.
  const sbt::Trace trace = parseOk(
      "alloc x 4\n"
      "let y = &mut x\n"
      "let z = &y\n"
      "read z\n"
      "write y\n"
      "read y\n"
      "read z\n"
      "write y\n");
  for (const std::string_view model : sb::AnyModel::names()) {
    EXPECT_FALSE(checkRemovedItemsNeverGrant(trace, model, TagScope::kTagged)) << model;
  }
}

TEST(CheckRemovedItemsNeverGrant, TreatsADisabledItemAsLost) {
  // sb2-disable: the read through `x` disables `y`'s Unique; `y` is refused.
  const sbt::Trace trace = parseOk(
      "alloc x 1\n"
      "let y = &mut x\n"
      "read x\n"
      "read y\n");
  EXPECT_FALSE(checkRemovedItemsNeverGrant(trace, "sb2-disable", TagScope::kTagged));
}

TEST(CheckRemovedItemsNeverGrant, LooksOnlyAtTheBytesThatLostTheTag) {
  // `write x[1..2]` removes <untagged> from byte 1 only; byte 0 keeps it.
  const sbt::Trace trace = parseOk(
      "alloc x 2\n"
      "let p = *mut x\n"
      "write x[1..2]\n"
      "read p[0..1]\n"
      "let q = *mut x\n"
      "read p[0..2]\n");
  const std::optional<TraceViolation> violation = checkRemovedItemsNeverGrant(trace, "sb2", TagScope::kUntagged);
  ASSERT_TRUE(violation);
  EXPECT_EQ(violation->eventIndex, 5u);
  EXPECT_TRUE(mentions(violation->reason, "at x[1]")) << violation->reason;
}

TEST(RemovedItemsMustHold, ForTaggedTagsEverywhereAndForUntaggedOnlyWithTaggedRawPointers) {
  for (const std::string_view model : sb::AnyModel::names()) {
    EXPECT_TRUE(removedItemsMustHold(model, TagScope::kTagged)) << model;
    EXPECT_EQ(removedItemsMustHold(model, TagScope::kUntagged), model == "sb2-tagged-raw") << model;
  }
}

// ---- the random search ---------------------------------------------------------

template <class P>
class RemovedItemsNeverGrantTaggedUnderEveryVariant : public ::testing::Test {};

using Policies = ::testing::Types<sb::Sb2, sb::Sb2StackWrite, sb::Sb2Disable, sb::Sb2Strict, sb::Sb2TaggedRaw>;

struct PolicyName {
  template <class P>
  static std::string GetName(int) {
    std::string name(P::kName);
    std::replace(name.begin(), name.end(), '-', '_');  // '-' means "exclude" in --gtest_filter
    return name;
  }
};

TYPED_TEST_SUITE(RemovedItemsNeverGrantTaggedUnderEveryVariant, Policies, PolicyName);

TYPED_TEST(RemovedItemsNeverGrantTaggedUnderEveryVariant, SearchFindsNoViolation) {
  const TraceSearchResult result = searchTraces(options(TypeParam::kName, TagScope::kTagged, kRuns));
  EXPECT_EQ(result.runs, kRuns);
  if (result.counterexample) {
    ADD_FAILURE() << result.counterexample->violation.reason << "\n" << sbt::printTrace(result.counterexample->trace);
  }
}

TYPED_TEST(RemovedItemsNeverGrantTaggedUnderEveryVariant, UntaggedHoldsOnlyWhereRawPointersAreTagged) {
  const TraceSearchResult result = searchTraces(options(TypeParam::kName, TagScope::kUntagged, kRuns));
  if (removedItemsMustHold(TypeParam::kName, TagScope::kUntagged)) {
    EXPECT_FALSE(result.counterexample) << result.counterexample->violation.reason << "\n"
                                        << sbt::printTrace(result.counterexample->trace);
    EXPECT_EQ(result.runs, kRuns);
    return;
  }
  ASSERT_TRUE(result.counterexample) << "no counterexample in " << result.runs << " runs";
  EXPECT_LE(result.counterexample->trace.events.size(), 8u) << sbt::printTrace(result.counterexample->trace);
}

TEST(RemovedItemsNeverGrant, FailsForUntaggedRawPointers) {
  const TraceSearchOptions search = options("sb2", TagScope::kUntagged, kRuns);
  const TraceSearchResult result = searchTraces(search);
  ASSERT_TRUE(result.counterexample) << "no counterexample in " << result.runs << " runs";
  const TraceCounterexample& found = *result.counterexample;
  std::cout << "found at run " << found.foundAtRun << ", shrunk from " << found.originalLength << " to "
            << found.trace.events.size() << " events: " << found.shrink.removals << " removals, "
            << found.shrink.valueSteps << " value steps" << (found.shrink.locallyMinimal ? ", locally minimal" : "")
            << ":\n"
            << sbt::printTrace(found.trace) << "# " << found.violation.reason << "\n";
  EXPECT_LE(found.trace.events.size(), 8u);
  EXPECT_TRUE(found.shrink.locallyMinimal);
  EXPECT_EQ(found.shrinkSteps, found.shrink.removals + found.shrink.valueSteps);
  EXPECT_EQ(found.violation.eventIndex + 1, found.trace.events.size()) << "the granted use ends the trace";
  EXPECT_TRUE(mentions(found.violation.reason, "<untagged>")) << found.violation.reason;
  EXPECT_TRUE(traceFailsDeterministically(found.trace, found.violation, search));
  // The shrunk trace is a well-formed file that prints back unchanged.
  const std::string text = sbt::printTrace(found.trace);
  EXPECT_EQ(sbt::printTrace(parseOk(text)), text);
}

// `sbcheck check --property removed-items-never-grant --model sb2-stackwrite
// --seed S` once reported `alloc x 1048576` with `cell[126984..655168]` ranges
// as minimal (seed 4). Seeded as check_command.cpp seeds it (one stream per
// property, scope and variant), every seed from 1 to 10 now shrinks values
// too, to the same 5 events on a 1-byte allocation, proven locally minimal.
TEST(RemovedItemsShrink, SeedsOneToTenOfCheckUnderStackWriteReachTheSameSmallTrace) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    TraceSearchOptions search = options("sb2-stackwrite", TagScope::kUntagged, 1000);  // check's default --runs
    search.seed = streamSeed(seed, "removed-items-never-grant/untagged/sb2-stackwrite");
    const TraceSearchResult result = searchTraces(search);
    ASSERT_TRUE(result.counterexample) << "seed " << seed;
    const TraceCounterexample& found = *result.counterexample;
    const std::string text = sbt::printTrace(found.trace);
    EXPECT_EQ(found.trace.events.size(), 5u) << "seed " << seed << ":\n" << text;
    ASSERT_FALSE(found.trace.events.empty());
    const sbt::Event& alloc = found.trace.events.front();
    EXPECT_EQ(alloc.kind, sbt::EventKind::kAlloc) << "seed " << seed << ":\n" << text;
    EXPECT_LE(alloc.size, 2u) << "seed " << seed << ":\n" << text;
    for (const sbt::Event& event : found.trace.events) {
      EXPECT_TRUE(event.cellRanges.empty() && !event.operand.range) << "seed " << seed << ":\n" << text;
    }
    EXPECT_TRUE(found.shrink.locallyMinimal) << "seed " << seed;
    EXPECT_EQ(found.shrinkSteps, found.shrink.removals + found.shrink.valueSteps);
  }
}

TEST(RemovedItemsSearch, TracesUseEveryEventKindAndRetagForm) {
  sbt::TraceGenStats stats;
  TraceSearchOptions search = options("sb2", TagScope::kTagged, 500);
  search.stats = &stats;
  EXPECT_FALSE(searchTraces(search).counterexample);
  std::cout << stats.render();
  EXPECT_EQ(stats.traces, 500);
  for (const long count : stats.eventKinds) EXPECT_GT(count, 0);
  for (const long count : stats.letForms) EXPECT_GT(count, 0);
  EXPECT_GT(stats.untaggedAllocs, 0);
  EXPECT_GT(stats.protects, 0);
  EXPECT_GT(stats.operandRanges, 0);
  EXPECT_GE(stats.maxDepth, 2) << "frames nest";
  EXPECT_GT(stats.formsPerTrace.size(), 5u) << "swarm: traces differ in how many kinds they use";
}

}  // namespace
}  // namespace sbcheck::properties
