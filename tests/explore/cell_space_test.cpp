// The cell explorer: pinned state counts, the fixpoint of the issue's bounded
// universe, shortest counterexamples that re-fail and match the lengths the
// random search (`sbcheck check`) saved, verdicts that agree with the random
// suite's, determinism across threads, and limits that end a run cleanly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/cellseq/parse.hpp"
#include "harness/explore/cell_space.hpp"
#include "model/cell/policy.hpp"
#include "properties/check.hpp"

namespace sbcheck::explore {
namespace {

/// The sanitizer build is several times slower: there the issue's universe is
/// explored to this depth (its counts are a prefix of the full ones).
#ifdef NDEBUG
constexpr std::uint32_t kFullDepth = 0;
#else
constexpr std::uint32_t kFullDepth = 9;
#endif

CellExploreOptions optionsFor(std::string policy, cellseq::Universe universe = cellseq::kSmallUniverse,
                              std::uint32_t depth = 0) {
  CellExploreOptions options;
  options.policy = std::move(policy);
  options.universe = universe;
  options.limits.maxDepth = depth;
  options.limits.threads = 2;
  return options;
}

/// The first `depth + 1` entries of `counts` (all of them for depth 0).
std::vector<std::uint64_t> upTo(std::vector<std::uint64_t> counts, std::uint32_t depth) {
  if (depth != 0 && counts.size() > depth + 1) counts.resize(depth + 1);
  return counts;
}

const cellseq::Universe kTiny{1, 1, 1, 1, 1};

TEST(CellExplorer, PinsTheStatesOfATinyUniverse) {
  const CellExploration strict = exploreCell(optionsFor("strict", kTiny));
  EXPECT_EQ(strict.run.ending, Ending::kFixpoint);
  EXPECT_EQ(strict.run.statesPerDepth, (std::vector<std::uint64_t>{1, 1, 4, 10, 15, 14, 9, 4, 2, 0}));
  EXPECT_TRUE(strict.counterexamples.empty());
  const Exploration<CellMove> spec = exploreAbstractCell(optionsFor("strict", kTiny));
  EXPECT_EQ(spec.statesPerDepth, (std::vector<std::uint64_t>{1, 1, 4, 8, 10, 7, 3, 0}));
}

/// Distinct states of the spec alone in the issue's universe, per policy.
struct SpecCount {
  std::string_view policy;
  std::uint64_t states;
};
constexpr SpecCount kSpecCounts[] = {
    {"strict", 11'328}, {"generation", 24'528}, {"unchecked-leak", 15'651},
    {"no-parent-ref", 13'210}, {"unguarded-inner", 18'459},
};

TEST(CellExplorer, CountsTheSpecStatesOfTheIssuesUniverse) {
  for (const SpecCount& count : kSpecCounts) {
    const Exploration<CellMove> spec = exploreAbstractCell(optionsFor(std::string(count.policy)));
    EXPECT_EQ(spec.ending, Ending::kFixpoint) << count.policy;
    EXPECT_EQ(spec.states, count.states) << count.policy;
  }
}

TEST(CellExplorer, ReachesTheFixpointOfTheIssuesUniverseForStrict) {
  const CellExploration strict = exploreCell(optionsFor("strict", cellseq::kSmallUniverse, kFullDepth));
  const std::vector<std::uint64_t> pinned{1,    1,    7,    27,   94,   275,  761,  1767, 3536, 5769,
                                          7742, 8245, 7121, 5014, 3016, 1517, 666,  220,  40,   0};
  EXPECT_EQ(strict.run.statesPerDepth, upTo(pinned, kFullDepth));
  EXPECT_EQ(strict.run.ending, kFullDepth == 0 ? Ending::kFixpoint : Ending::kDepthBound);
  EXPECT_TRUE(strict.counterexamples.empty()) << strict.counterexamples.front().reason;
}

std::size_t savedLength(const std::string& stem) {
  std::ifstream in(std::filesystem::path(SBCHECK_SOURCE_DIR) / "corpus/cell" / (stem + ".cell"));
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = cellseq::parseSequence(text.str(), cell::kPolicyNames);
  const auto* sequence = std::get_if<cellseq::Sequence>(&parsed);
  return sequence != nullptr ? sequence->ops.size() : 0;
}

/// Under every policy, the explorer finds exactly the properties the random
/// suite asserts to fail (cell_properties_test.cpp), each at the length of the
/// counterexample `sbcheck check` saved, and each re-fails on a fresh run.
TEST(CellExplorer, AgreesWithTheRandomSuiteAndCheck) {
  for (const std::string_view policy : cell::kPolicyNames) {
    const CellExploration found = exploreCell(optionsFor(std::string(policy), cellseq::kSmallUniverse, 6));
    std::size_t next = 0;
    for (const properties::CellProperty& property : properties::cellProperties()) {
      SCOPED_TRACE(std::string(property.id) + " under " + std::string(policy));
      const bool failed = next < found.counterexamples.size() && found.counterexamples[next].property == &property;
      EXPECT_EQ(failed, !property.mustHold(policy));
      if (!failed) continue;
      const CellCounterexample& c = found.counterexamples[next++];
      EXPECT_EQ(c.sequence.ops.size(), savedLength(std::string(property.id) + "-" + std::string(policy)));
      const properties::CellProperty* only[] = {&property};
      const auto again = properties::checkSequence(c.sequence, policy, "sb2", only);
      ASSERT_TRUE(again.has_value());
      EXPECT_EQ(again->opIndex + 1, c.sequence.ops.size());
    }
  }
}

TEST(CellExplorer, GivesTheSameAnswerOnAnyNumberOfThreads) {
  CellExploreOptions one = optionsFor("unguarded-inner", cellseq::kSmallUniverse, 7);
  one.limits.threads = 1;
  CellExploreOptions four = one;
  four.limits.threads = 4;
  const CellExploration a = exploreCell(one), b = exploreCell(four);
  EXPECT_EQ(a.run.statesPerDepth, b.run.statesPerDepth);
  EXPECT_EQ(a.run.transitions, b.run.transitions);
  ASSERT_EQ(a.counterexamples.size(), b.counterexamples.size());
  for (std::size_t i = 0; i < a.counterexamples.size(); ++i) {
    EXPECT_EQ(a.counterexamples[i].sequence.ops, b.counterexamples[i].sequence.ops);
  }
}

TEST(CellExplorer, StopsCleanlyAtTheStateLimit) {
  CellExploreOptions options = optionsFor("generation");
  options.limits.maxStates = 500;
  const CellExploration run = exploreCell(options);
  EXPECT_EQ(run.run.ending, Ending::kStateLimit);
  EXPECT_EQ(run.run.states, 500u);
  EXPECT_LT(run.run.depthCompleted, 7u);
  // What was completed is reported: generation's flaw is 3 ops deep.
  ASSERT_FALSE(run.counterexamples.empty());
  EXPECT_EQ(run.counterexamples.front().sequence.ops.size(), 3u);
}

TEST(CellExplorer, StopsCleanlyAtTheTimeLimit) {
  CellExploreOptions options = optionsFor("unguarded-inner", cellseq::Universe{3, 2, 3, 3, 3});
  options.limits.maxSeconds = 0.05;
  const CellExploration run = exploreCell(options);
  EXPECT_EQ(run.run.ending, Ending::kTimeLimit);
  EXPECT_EQ(run.run.statesPerDepth.size(), run.run.depthCompleted + 1);
}

TEST(CellExplorer, MovesSpellTheCanonicalNames) {
  const cellseq::Op borrow = CellMove{cellseq::OpKind::kBorrowMut, 0, 3, 1}.op();
  EXPECT_EQ(borrow.name, "g3");
  EXPECT_EQ(borrow.source, "s1");
  const cellseq::Op add = CellMove{cellseq::OpKind::kAdd, 1, 0, 0}.op();
  EXPECT_EQ(add.name, "s0");
  EXPECT_EQ(add.key, 1);
  EXPECT_EQ(CellMove::of(borrow).op(), borrow);
  EXPECT_EQ(CellMove::of(CellMove{cellseq::OpKind::kNext, 0, 12, 0}.op()).name, 12);
}

}  // namespace
}  // namespace sbcheck::explore
