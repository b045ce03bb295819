// The `sbcheck` executable as a user meets it: help for every command, exit
// statuses that mean something, FILE:LINE errors, and JSON output.
#include "tests/cli/cli_fixture.hpp"

namespace sbcheck {
namespace {

TEST_F(Cli, TopLevelHelpListsEveryCommand) {
  const CliResult result = run("--help");
  EXPECT_EQ(result.status, 0);
  for (const char* command : {"replay", "run", "check", "compare", "explore"}) {
    EXPECT_NE(result.out.find(command), std::string::npos) << command;
  }
}

TEST_F(Cli, EveryCommandExplainsItsFlags) {
  EXPECT_NE(run("replay --help").out.find("--verbose"), std::string::npos);
  EXPECT_NE(run("run --help").out.find("--emit-sbt"), std::string::npos);
  EXPECT_EQ(run("run --help").status, 0);
  EXPECT_NE(run("check --help").out.find("--save-to"), std::string::npos);
  EXPECT_NE(run("explore --help").out.find("--time-limit"), std::string::npos);
}

TEST_F(Cli, BadArgumentsExitTwo) {
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("frobnicate").status, 2);
  EXPECT_EQ(run("replay --no-such-flag x.sbt").status, 2);
  EXPECT_EQ(run("replay").status, 2);
  EXPECT_EQ(run("replay --model sb3 x.sbt").status, 2);
  EXPECT_EQ(run("run --policy lenient x.cell").status, 2);
  EXPECT_EQ(run("replay " + (dir_ / "missing.sbt").string()).status, 2);
  EXPECT_EQ(run("check --runs 0").status, 2);
  EXPECT_EQ(run("check --property nonsense").status, 2);
  EXPECT_EQ(run("check --seed -3").status, 2);
  EXPECT_EQ(run("explore").status, 2);
  EXPECT_EQ(run("explore --policy lenient").status, 2);
  EXPECT_EQ(run("explore --policy strict --keys 0").status, 2);
  EXPECT_EQ(run("explore --policy strict --bytes 2").status, 2);
  EXPECT_EQ(run("explore --policy strict --threads 0").status, 2);
}

TEST_F(Cli, MalformedTraceIsReportedWithItsLineAndExitsTwo) {
  const fs::path file = write("bad.sbt", "alloc x 4\n\nlet y=&x\n");
  const CliResult result = run("replay " + file.string());
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find(file.string() + ":3: "), std::string::npos) << result.err;
}

TEST_F(Cli, ReplayPassesAndFailsOnExpectations) {
  const fs::path good = write("good.sbt", "alloc x 4\nlet a = &mut x\nlet b = &a\nwrite a\nread b !ub\n");
  const fs::path wrong = write("wrong.sbt", "alloc x 4\nlet a = &mut x\nread a !ub\n");
  const CliResult pass = run("replay " + good.string());
  EXPECT_EQ(pass.status, 0) << pass.out;
  EXPECT_NE(pass.out.find("1 passed, 0 failed"), std::string::npos);
  const CliResult fail = run("replay " + wrong.string());
  EXPECT_EQ(fail.status, 1);
  EXPECT_NE(fail.out.find("FAIL"), std::string::npos);
}

TEST_F(Cli, ReplayReportNamesLineTagAndHistory) {
  const fs::path file = write("ub.sbt", "alloc x 4\nlet a = &mut x\nlet b = &a\nwrite a\nread b\n");
  const CliResult result = run("replay " + file.string());
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.out.find("line 5 `read b`"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("was created at line 3"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("was removed at line 4"), std::string::npos) << result.out;
}

TEST_F(Cli, ReplayJsonIsOneDocument) {
  const fs::path file = write("ok.sbt", "alloc x 4\nread x\n");
  const CliResult result = run("replay --json " + file.string());
  EXPECT_EQ(result.status, 0);
  ASSERT_FALSE(result.out.empty());
  EXPECT_EQ(result.out.front(), '{');
  EXPECT_NE(result.out.find("\"status\":\"pass\""), std::string::npos) << result.out;
}

TEST_F(Cli, RunReportsSequenceErrorsWithTheirLine) {
  const fs::path file = write("bad.cell", "new s\nnext s\n");
  const CliResult result = run("run " + file.string());
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find(file.string() + ":2: "), std::string::npos) << result.err;
}

TEST_F(Cli, EmittedTraceReplaysToTheSameVerdict) {
  const fs::path cell = write("hole.cell", "#! policies: no-parent-ref\nnew s\niter it = s\ndel s\nnext it\n");
  const CliResult emitted = run("run --emit-sbt " + cell.string());
  const fs::path sbt = write("hole.sbt", emitted.out);
  const CliResult replayed = run("replay " + sbt.string());
  EXPECT_EQ(replayed.status, 0) << emitted.out << replayed.out;
  EXPECT_NE(emitted.out.find("!ub"), std::string::npos);
}

TEST_F(Cli, CheckPrintsTheSeedFirstAndExitsZeroWhenEverythingHolds) {
  const CliResult result = run("check --policy strict --runs 60 --seed 5 --save-to " + (dir_ / "cx").string());
  EXPECT_EQ(result.status, 0) << result.out;
  EXPECT_EQ(result.out.rfind("seed: 5\n", 0), 0u) << result.out;
  EXPECT_FALSE(fs::exists(dir_ / "cx"));
}

TEST_F(Cli, CheckSavesAMinimalCounterexampleThatRunReplays) {
  const std::string args = "check --policy no-parent-ref --property parents-outlive-iterators --runs 500 --seed 9 "
                           "--save-to " + (dir_ / "cx").string();
  // A known flaw of the policy, found: the run passes (exit 0) and keeps it.
  const CliResult first = run(args);
  EXPECT_EQ(first.status, 0) << first.out;
  const fs::path saved = dir_ / "cx" / "parents-outlive-iterators-no-parent-ref.cell";
  ASSERT_TRUE(fs::exists(saved)) << first.out;
  const CliResult replayed = run("run " + saved.string());
  EXPECT_EQ(replayed.status, 0) << slurp(saved) << replayed.out;
  // The same seed finds the same sequence, which is not saved twice.
  const CliResult second = run(args);
  EXPECT_NE(second.out.find("already in the corpus"), std::string::npos) << second.out;
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "cx"), fs::directory_iterator{}), 2);  // and its .html
  EXPECT_TRUE(fs::exists(dir_ / "cx" / "parents-outlive-iterators-no-parent-ref.html"));
}

TEST_F(Cli, CheckJsonNamesEachPropertyAndPolicy) {
  const CliResult result = run("check --json --policy strict --property oracle --runs 20 --seed 1 --save-to " +
                               (dir_ / "cx").string());
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(result.out.rfind("{\"version\":\"", 0), 0u) << result.out;
  EXPECT_NE(result.out.find("\"seed\":1,"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"status\":\"holds\""), std::string::npos) << result.out;
}

TEST_F(Cli, ExploreSavesAShortestCounterexampleThatRunReplays) {
  const CliResult result = run("explore --policy unchecked-leak --depth 4 --save-to " + (dir_ / "cx").string());
  EXPECT_EQ(result.status, 0) << result.out;  // both known flaws of the policy found
  EXPECT_NE(result.out.find("XFAIL mutable-borrows-block-leaks  (a known flaw of this policy)"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("depth bound after depth 4"), std::string::npos) << result.out;
  const fs::path saved = dir_ / "cx" / "explore-mutable-borrows-block-leaks-unchecked-leak.cell";
  ASSERT_TRUE(fs::exists(saved)) << result.out;
  const CliResult replayed = run("run " + saved.string());
  EXPECT_EQ(replayed.status, 0) << slurp(saved) << replayed.out;
}

TEST_F(Cli, ExploreJsonReportsTheRunAndEachProperty) {
  const CliResult result = run("explore --json --policy strict --depth 3 --save-to " + (dir_ / "cx").string());
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("\"mode\":\"cell\",\"policy\":\"strict\""), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"states_per_depth\":[1,1,7,27]"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"ending\":\"depth_bound\""), std::string::npos) << result.out;
}

TEST_F(Cli, ExploreStopsAtTheStateLimitWithWhatItCompleted) {
  const CliResult result = run("explore --policy strict --max-states 100 --save-to " + (dir_ / "cx").string());
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("state limit after depth 3: 100 distinct states"), std::string::npos) << result.out;
}

TEST_F(Cli, ExploreTracesRunsAModelsBoundToItsFixpoint) {
  const CliResult result = run("explore --model sb2 --save-to " + (dir_ / "sx").string());
  EXPECT_EQ(result.status, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("fixpoint after depth"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("PASS  sb2: removed-items-never-grant"), std::string::npos) << result.out;
  EXPECT_EQ(run("explore --model sb3").status, 2);
  EXPECT_EQ(run("explore --model sb2 --objects 2").status, 2);
}

}  // namespace
}  // namespace sbcheck
