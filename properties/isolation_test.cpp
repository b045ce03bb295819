// check --fork: a crash or a hang where the probe cannot see it fails the
// sequence that caused it, which is shrunk like any failure, and the harness
// goes on. A property that aborts stands in for a user's cell that crashes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "harness/isolation.hpp"
#include "properties/isolated_check.hpp"
#include "properties/search.hpp"

namespace sbcheck::properties {
namespace {

TEST(RunIsolated, GivesTheChildsResultAndNoneOfItsChanges) {
  int counter = 0;
  const auto result = runIsolated(
      [&] {
        ++counter;
        return std::string("done\nwith lines");
      },
      5);
  ASSERT_TRUE(std::holds_alternative<std::string>(result));
  EXPECT_EQ(std::get<std::string>(result), "done\nwith lines");
  EXPECT_EQ(counter, 0) << "the child's memory is its own";
}

TEST(RunIsolated, ASignalIsACrashNamingIt) {
  const auto result = runIsolated([]() -> std::string { std::abort(); }, 5);
  ASSERT_TRUE(std::holds_alternative<ChildCrash>(result));
  EXPECT_NE(std::get<ChildCrash>(result).reason.find("signal 6"), std::string::npos) << std::get<ChildCrash>(result).reason;
}

TEST(RunIsolated, AnExitWithoutAResultIsACrash) {
  const auto result = runIsolated([]() -> std::string { ::_exit(7); }, 5);
  ASSERT_TRUE(std::holds_alternative<ChildCrash>(result));
  EXPECT_EQ(std::get<ChildCrash>(result).reason, "exited with status 7 before giving a result");
}

TEST(RunIsolated, AHangIsKilledAfterTheTimeout) {
  const auto result = runIsolated(
      []() -> std::string {
        for (;;) ::pause();
      },
      1);
  ASSERT_TRUE(std::holds_alternative<ChildCrash>(result));
  EXPECT_EQ(std::get<ChildCrash>(result).reason, "no result within 1 s (killed)");
}

TEST(RunSupervised, GivesTheChildsExitStatusAndNoneOfItsChanges) {
  int counter = 0;
  bool crashed = false;
  const int status = runSupervised(
      [&] {
        ++counter;
        return 3;
      },
      [&](const ChildCrash&) {
        crashed = true;
        return 0;
      });
  EXPECT_EQ(status, 3);
  EXPECT_FALSE(crashed);
  EXPECT_EQ(counter, 0) << "the child's memory is its own";
}

TEST(RunSupervised, ACrashOfTheChildIsToldToTheParent) {
  std::string reason;
  const int status = runSupervised([]() -> int { std::abort(); },
                                   [&](const ChildCrash& crash) {
                                     reason = crash.reason;
                                     return 9;
                                   });
  EXPECT_EQ(status, 9);
  EXPECT_NE(reason.find("signal 6"), std::string::npos) << reason;
}

/// Aborts the process on the first `iter`: a cell that crashes there.
std::optional<std::string> abortOnIter(const Step& step) {
  if (step.op.kind == cellseq::OpKind::kIter) std::abort();
  return std::nullopt;
}
const CellProperty kAbortsOnIter{"aborts-on-iter", "aborts on iter", {"strict"}, &abortOnIter};

TEST(CheckFork, ACrashFailsRunsToCompletionWithAShrunkSequence) {
  SearchOptions options;
  options.policy = "strict";
  options.properties = {&kAbortsOnIter};
  options.runs = 200;
  options.seed = 7;
  options.isolate = true;
  const SearchResult result = search(options);
  ASSERT_TRUE(result.counterexample) << "no sequence reached an iter in 200 runs";
  const Counterexample& c = *result.counterexample;
  EXPECT_EQ(c.violation.property, &kRunsToCompletion);
  EXPECT_NE(c.violation.reason.find("the run crashed: killed by signal 6"), std::string::npos) << c.violation.reason;
  ASSERT_EQ(c.sequence.ops.size(), 2u) << "new s; iter it = s";
  EXPECT_EQ(c.sequence.ops[0].kind, cellseq::OpKind::kNew);
  EXPECT_EQ(c.sequence.ops[1].kind, cellseq::OpKind::kIter);
  EXPECT_TRUE(c.shrink.locallyMinimal);
  EXPECT_TRUE(failsDeterministically(c.sequence, c.violation, options));
}

TEST(CheckFork, ASoundRunFindsNothingInChildrenEither) {
  SearchOptions options;
  options.policy = "strict";
  for (const CellProperty& property : cellProperties()) options.properties.push_back(&property);
  options.runs = 50;
  options.seed = 7;
  options.isolate = true;
  EXPECT_FALSE(search(options).counterexample);
}

TEST(CheckFork, AViolationFoundInAChildIsTheSameAsInProcess) {
  SearchOptions options;
  options.policy = "unchecked-leak";
  for (const CellProperty& property : cellProperties()) options.properties.push_back(&property);
  options.seed = 3;
  const SearchResult inProcess = search(options);
  options.isolate = true;
  const SearchResult forked = search(options);
  ASSERT_TRUE(inProcess.counterexample && forked.counterexample);
  EXPECT_EQ(forked.counterexample->violation.property, inProcess.counterexample->violation.property);
  EXPECT_EQ(forked.counterexample->violation.reason, inProcess.counterexample->violation.reason);
  EXPECT_EQ(forked.counterexample->sequence.ops.size(), inProcess.counterexample->sequence.ops.size());
  EXPECT_EQ(forked.counterexample->foundAtRun, inProcess.counterexample->foundAtRun);
}

}  // namespace
}  // namespace sbcheck::properties
