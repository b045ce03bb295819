// The cell's properties, run against every policy: each holds on random
// sequences where it must, and is shown to fail — asserted, not skipped —
// where it must not, with a counterexample of the shortest possible length
// (minimality_test.cpp proves no shorter one exists) that fails the same way
// every time and replays from its corpus file.
//
// SBCHECK_PROPERTY_RUNS sets the sequences per (property, policy) pair
// (default 400); the acceptance run is SBCHECK_PROPERTY_RUNS=100000.
#include <gtest/gtest.h>

#include <cstdlib>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/run.hpp"
#include "model/cell/policy.hpp"
#include "properties/counterexample_file.hpp"

namespace sbcheck::properties {
namespace {

int runsPerPair() {
  const char* runs = std::getenv("SBCHECK_PROPERTY_RUNS");
  return runs != nullptr ? std::atoi(runs) : 400;
}

struct Case {
  std::string_view property;
  std::string_view policy;
};

/// The length of the shortest failing sequence, where the property fails.
std::size_t shortestFailure(const Case& c) {
  if (c.property == "oracle") return 4;  // e.g. new, iter, del, drop
  return 3;                              // e.g. new, iter, add
}

std::vector<Case> allCases() {
  std::vector<Case> cases;
  for (const CellProperty& property : cellProperties()) {
    for (const std::string_view policy : cell::kPolicyNames) cases.push_back(Case{property.id, policy});
  }
  return cases;
}

SearchOptions optionsFor(const Case& c) {
  SearchOptions options;
  options.policy = std::string(c.policy);
  options.properties = {findCellProperty(c.property)};
  options.runs = runsPerPair();
  options.seed = 20261121;
  return options;
}

class CellProperty_ : public testing::TestWithParam<Case> {};

TEST_P(CellProperty_, HoldsWhereItMustAndFailsMinimallyWhereItMustNot) {
  const Case c = GetParam();
  const CellProperty& property = *findCellProperty(c.property);
  const SearchOptions options = optionsFor(c);
  const SearchResult result = search(options);
  if (property.mustHold(c.policy)) {
    EXPECT_FALSE(result.counterexample) << "line " << result.counterexample->violation.opIndex + 1 << ": "
                                        << result.counterexample->violation.reason;
    EXPECT_EQ(result.runs, options.runs);
    return;
  }
  ASSERT_TRUE(result.counterexample) << property.title << " was expected to fail under " << c.policy;
  const Counterexample& found = *result.counterexample;
  EXPECT_EQ(found.sequence.ops.size(), shortestFailure(c)) << counterexampleFile(found, options);
  EXPECT_TRUE(failsDeterministically(found.sequence, found.violation, options));

  // The saved file replays under `sbcheck run`: its outcomes as written, and
  // `#! unsafe:` exactly when the model reports UB.
  auto parsed = cellseq::parseSequence(counterexampleFile(found, options), cell::kPolicyNames);
  ASSERT_TRUE(std::holds_alternative<cellseq::Sequence>(parsed));
  for (const cellseq::RunOptions& run : cellseq::policiesOf(std::get<cellseq::Sequence>(parsed))) {
    const cellseq::PolicyRun replayed = cellseq::runSequence(std::get<cellseq::Sequence>(parsed), run);
    EXPECT_TRUE(replayed.passed()) << counterexampleFile(found, options);
  }
}

std::string caseName(const testing::TestParamInfo<Case>& info) {
  std::string name = std::string(info.param.property) + "_" + std::string(info.param.policy);
  for (char& ch : name) {
    if (ch == '-') ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryPolicy, CellProperty_, testing::ValuesIn(allCases()), caseName);

TEST(CellProperties, GenerationGrantsAMutableBorrowWhileALeakLivesByDesign) {
  EXPECT_FALSE(findCellProperty("leaks-block-mutable-borrows")->mustHold("generation"));
  EXPECT_TRUE(findCellProperty("mutable-borrows-block-leaks")->mustHold("generation"));
}

TEST(CellProperties, OnlyStrictAndGenerationAreSound) {
  for (const std::string_view policy : cell::kPolicyNames) {
    EXPECT_EQ(findCellProperty("oracle")->mustHold(policy), policy == "strict" || policy == "generation") << policy;
  }
}

}  // namespace
}  // namespace sbcheck::properties
