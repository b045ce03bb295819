// `--html` and `--html-dir` on replay and run: pages written, output paths
// checked before the run, and the `.cell` lines beside the model's events.
#include "tests/cli/cli_fixture.hpp"
#include "tests/html/dom.hpp"

namespace sbcheck {
namespace {

using HtmlCli = Cli;

const std::string kCorpus = std::string(SBCHECK_SOURCE_DIR) + "/corpus";

TEST_F(HtmlCli, ReplayWritesOnePage) {
  const CliResult result = run("replay --html page.html " + kCorpus + "/sbt/seed_foo.sbt");
  EXPECT_EQ(result.status, 0) << result.err;
  const std::string page = slurp(dir_ / "page.html");
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  const auto rows = html::dom::rows(page);
  ASSERT_FALSE(rows.empty());
  EXPECT_TRUE(rows.back().ub);
}

TEST_F(HtmlCli, AnUnwritablePathFailsBeforeTheRun) {
  const CliResult result = run("replay --html /nonexistent/dir/page.html " + kCorpus + "/sbt/seed_foo.sbt");
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find("sbcheck: cannot write to /nonexistent/dir/page.html: "), std::string::npos) << result.err;
  EXPECT_EQ(result.out.find("PASS"), std::string::npos) << "nothing runs when an output cannot be written";
  const CliResult dir = run("run --html-dir /proc/nope " + kCorpus + "/cell/oracle-unguarded-inner.cell");
  EXPECT_EQ(dir.status, 2);
  EXPECT_NE(dir.err.find("sbcheck: cannot write to /proc/nope: "), std::string::npos) << dir.err;
}

TEST_F(HtmlCli, HtmlTakesOneFile) {
  const CliResult result = run("replay --html page.html " + kCorpus + "/sbt");
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find("--html takes exactly one FILE"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(dir_ / "page.html"));
}

TEST_F(HtmlCli, RunPutsTheCellLinesBesideTheirEvents) {
  const std::string file = kCorpus + "/cell/oracle-unguarded-inner.cell";
  const CliResult result = run("run --html page.html " + file);
  EXPECT_EQ(result.status, 0) << result.err;
  const std::string trace = run("run --emit-sbt " + file).out;
  std::vector<int> lines;  // the .cell line of each event, from the comment the probe writes
  std::istringstream in(trace);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t hash = line.find("# ");
    ASSERT_NE(hash, std::string::npos) << line;
    lines.push_back(std::stoi(line.substr(hash + 2)));
  }
  const auto rows = html::dom::rows(slurp(dir_ / "page.html"));
  ASSERT_EQ(rows.size(), lines.size());
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].line, lines[i]);
  ASSERT_TRUE(rows.back().ub);
  EXPECT_EQ(rows.back().cells.front().lane, "unguarded-inner");
  EXPECT_NE(rows.back().html.find("the leak of iterator it"), std::string::npos) << "the report in the file's terms";
}

TEST_F(HtmlCli, HtmlDirWritesAGalleryWithVerdicts) {
  const CliResult result = run("replay --html-dir gallery " + kCorpus + "/sbt/seed_foo.sbt " + kCorpus +
                               "/sbt/seed_test_disjoint.sbt");
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir_ / "gallery" / "seed_foo.sbt.html"));
  EXPECT_TRUE(fs::exists(dir_ / "gallery" / "seed_test_disjoint.sbt.html"));
  const std::string index = slurp(dir_ / "gallery" / "index.html");
  EXPECT_NE(index.find("href=\"seed_foo.sbt.html\""), std::string::npos);
  EXPECT_NE(index.find("model sb2: PASS: UB at line"), std::string::npos) << index;
}

TEST_F(HtmlCli, HelpNamesTheFlags) {
  EXPECT_NE(run("replay --help").out.find("--html-dir DIR"), std::string::npos);
  EXPECT_NE(run("run --help").out.find("--html FILE"), std::string::npos);
}

}  // namespace
}  // namespace sbcheck
