// `sbcheck fuzz-import` as fuzz.sh uses it: a crash input becomes a shrunk
// corpus file that `sbcheck run` replays with the same verdict; an input
// that fails nothing, and bad arguments, say so in the exit status.
#include <random>
#include <vector>

#include "properties/fuzz_findings.hpp"
#include "tests/cli/cli_fixture.hpp"

namespace sbcheck {
namespace {

/// A random input in which the target under `policy` finds a flaw.
std::vector<std::uint8_t> crashFor(const char* policy) {
  const auto scope = properties::cellFuzzScope(policy);
  std::mt19937_64 random(7);
  for (;;) {
    std::vector<std::uint8_t> bytes(90);
    for (std::uint8_t& byte : bytes) byte = static_cast<std::uint8_t>(random());
    if (properties::findCellFlaw(bytes, *scope)) return bytes;
  }
}

class FuzzImport : public Cli {
 protected:
  fs::path writeBytes(const std::string& name, const std::vector<std::uint8_t>& bytes) {
    return write(name, std::string(bytes.begin(), bytes.end()));
  }
};

TEST_F(FuzzImport, ACrashBecomesAShrunkFileThatRunReplays) {
  const fs::path crash = writeBytes("crash-1", crashFor("unchecked-leak"));
  const CliResult imported = run("fuzz-import --policy unchecked-leak --save-to out " + crash.string());
  ASSERT_EQ(imported.status, 0) << imported.out << imported.err;
  EXPECT_NE(imported.out.find("XFAIL "), std::string::npos) << imported.out;
  std::vector<fs::path> saved;
  for (const auto& entry : fs::directory_iterator(dir_ / "out")) saved.push_back(entry.path());
  ASSERT_EQ(saved.size(), 1u);
  EXPECT_EQ(saved[0].extension(), ".cell");
  EXPECT_NE(slurp(saved[0]).find("# found by: sbcheck fuzz-import"), std::string::npos);
  const CliResult replay = run("run " + saved[0].string());
  EXPECT_EQ(replay.status, 0) << replay.out << replay.err;
  // Importing the same crash again finds the file already there.
  const CliResult again = run("fuzz-import --json --policy unchecked-leak --save-to out " + crash.string());
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.out.find("\"save_status\":\"already_in_corpus\""), std::string::npos) << again.out;
}

TEST_F(FuzzImport, AnInputThatFailsNothingExitsOne) {
  const fs::path empty = write("empty", "");
  const CliResult cell = run("fuzz-import --no-save " + empty.string());
  EXPECT_EQ(cell.status, 1);
  EXPECT_NE(cell.out.find("no failure"), std::string::npos) << cell.out;
  EXPECT_EQ(run("fuzz-import --target sbt_laws --no-save " + empty.string()).status, 1);
}

TEST_F(FuzzImport, BadArgumentsExitTwo) {
  const fs::path empty = write("empty", "");
  EXPECT_EQ(run("fuzz-import --help").status, 0);
  EXPECT_NE(run("fuzz-import --help").out.find("--target"), std::string::npos);
  EXPECT_EQ(run("fuzz-import").status, 2);
  EXPECT_EQ(run("fuzz-import --target parse_sbt " + empty.string()).status, 2);
  EXPECT_EQ(run("fuzz-import --policy lenient " + empty.string()).status, 2);
  EXPECT_EQ(run("fuzz-import --target sbt_laws --policy strict " + empty.string()).status, 2);
  EXPECT_EQ(run("fuzz-import --no-save " + (dir_ / "missing").string()).status, 2);
}

}  // namespace
}  // namespace sbcheck
