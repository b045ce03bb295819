// Registered designs are checked like the built-in policies: the search
// generates, checks and shrinks on the design's own cell, holds it to the
// oracle (memory safety, and the reference's outcomes when it names one) and
// to what it promises; `.cell` files may name it.
#include <gtest/gtest.h>

#include <sbcheck/registry.hpp>

#include "harness/cellseq/designs.hpp"
#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/run.hpp"
#include "model/cell/adapter.hpp"
#include "properties/search.hpp"

namespace sbcheck {
namespace {

/// Two designs standing in for a user's: a sound one that says it behaves
/// as `strict`, and one whose iterators do not keep their object alive.
const Registry& designs() {
  static const Registry registry = [] {
    Registry r;
    r.add<cell::Adapter<cell::Strict>>(
        {"strict-again", {"leaks-block-mutable-borrows", "mutable-borrows-block-leaks", "parents-outlive-iterators"}, "strict"});
    r.add<cell::Adapter<cell::NoParentRef>>({"dangling", {"mutable-borrows-block-leaks"}, ""});
    return r;
  }();
  cellseq::useDesigns(registry);
  return registry;
}

properties::SearchOptions optionsFor(const std::string& design, std::string_view property) {
  designs();
  properties::SearchOptions options;
  options.policy = design;
  options.properties = {properties::findCellProperty(property)};
  options.runs = 300;
  options.seed = 7;
  return options;
}

TEST(Design, TheNamesRunsMayUseIncludeTheDesigns) {
  designs();
  const auto names = cellseq::policyNames();
  EXPECT_EQ(names.size(), 7u);
  EXPECT_EQ(names[5], "strict-again");
  EXPECT_EQ(cellseq::specPolicyOf("dangling"), "strict");
  EXPECT_EQ(cellseq::specPolicyOf("generation"), "generation");
  EXPECT_EQ(cellseq::userDesign("strict"), nullptr);
}

TEST(Design, ASoundDesignHoldsEverythingItPromises) {
  for (const char* property : {"oracle", "leaks-block-mutable-borrows", "parents-outlive-iterators"}) {
    const properties::SearchResult result = properties::search(optionsFor("strict-again", property));
    EXPECT_EQ(result.runs, 300) << property;
    EXPECT_FALSE(result.counterexample) << property << ": " << result.counterexample->violation.reason;
  }
}

TEST(Design, AUseAfterFreeIsFoundAndShrunkToItsMinimum) {
  const properties::SearchResult result = properties::search(optionsFor("dangling", "oracle"));
  ASSERT_TRUE(result.counterexample);
  EXPECT_EQ(result.counterexample->sequence.ops.size(), 4u);  // new, iter, del, next
  EXPECT_NE(result.counterexample->violation.reason.find("use-after-free"), std::string::npos);
  EXPECT_TRUE(properties::findCellProperty("oracle")->mustHold("dangling"));
  EXPECT_FALSE(properties::findCellProperty("parents-outlive-iterators")->mustHold("dangling"));  // not promised
}

TEST(Design, ACellFileMayNameADesign) {
  designs();
  auto parsed = cellseq::parseSequence("#! policies: dangling\n#! unsafe: dangling\nnew s\niter it = s\ndel s\nnext it\n",
                                       cellseq::policyNames());
  ASSERT_TRUE(std::holds_alternative<cellseq::Sequence>(parsed));
  const auto runs = cellseq::policiesOf(std::get<cellseq::Sequence>(parsed));
  ASSERT_EQ(runs.size(), 1u);
  const cellseq::PolicyRun run = cellseq::runSequence(std::get<cellseq::Sequence>(parsed), runs[0]);
  EXPECT_TRUE(run.passed());
  ASSERT_TRUE(run.ub);
  EXPECT_EQ(run.ub->line, 6);
}

TEST(Design, BadDesignsAreToldWhy) {
  const std::vector<std::string_view> ids = {"oracle", "parents-outlive-iterators"};
  EXPECT_NE(cellseq::designError({"My Cell", {}, ""}, ids).find("lowercase"), std::string::npos);
  EXPECT_NE(cellseq::designError({"strict", {}, ""}, ids).find("built-in"), std::string::npos);
  EXPECT_NE(cellseq::designError({"mine", {"fast"}, ""}, ids).find("promises 'fast'"), std::string::npos);
  EXPECT_NE(cellseq::designError({"mine", {"oracle"}, ""}, ids).find("promises 'oracle'"), std::string::npos);
  EXPECT_NE(cellseq::designError({"mine", {}, "lenient"}, ids).find("reference"), std::string::npos);
  EXPECT_EQ(cellseq::designError({"mine", {"parents-outlive-iterators"}, "generation"}, ids), "");
}

}  // namespace
}  // namespace sbcheck
