// Replays every file under corpus/ — `.sbt` traces on the models they name,
// `.cell` sequences under the policies they name — found at run time, so a
// new corpus file needs no build change.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/run.hpp"
#include "harness/sbt/parse.hpp"
#include "harness/sbt/replay.hpp"
#include "model/cell/policy.hpp"

namespace sbcheck {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpusFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(SBCHECK_SOURCE_DIR) / "corpus")) {
    const auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".sbt" || extension == ".cell")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void replayTrace(const std::string& text) {
  auto parsed = sbt::parseTrace(text);
  if (auto* error = std::get_if<sbt::TraceError>(&parsed)) FAIL() << "line " << error->line << ": " << error->message;
  const sbt::Trace& trace = std::get<sbt::Trace>(parsed);
  std::vector<std::string> models = trace.models.empty() ? std::vector<std::string>{"sb2"} : trace.models;
  for (const std::string& name : models) {
    auto model = sb::AnyModel::create(name);
    const sbt::ReplayResult result = sbt::replay(trace, *model);
    const std::optional<int> got = result.ub ? std::optional<int>(result.ub->line) : std::nullopt;
    EXPECT_EQ(got, sbt::expectedUbLine(trace))
        << "under " << name << (result.ub ? ": " + result.ub->message : std::string(": no UB"));
  }
}

void runSequence(const std::string& text) {
  auto parsed = cellseq::parseSequence(text, cell::kPolicyNames);
  if (auto* error = std::get_if<cellseq::SequenceError>(&parsed)) FAIL() << "line " << error->line << ": " << error->message;
  const cellseq::Sequence& sequence = std::get<cellseq::Sequence>(parsed);
  for (const cellseq::RunOptions& options : cellseq::policiesOf(sequence)) {
    const cellseq::PolicyRun run = cellseq::runSequence(sequence, options);
    ASSERT_FALSE(run.error) << "under " << run.policy << ", line " << run.error->line << ": " << run.error->message;
    for (const cellseq::Mismatch& m : run.mismatches) {
      ADD_FAILURE() << "under " << run.policy << ", line " << m.line << " `" << m.op << "`: expected " << m.expected
                    << ", got " << m.actual;
    }
    EXPECT_EQ(run.ub.has_value(), run.unsafeDeclared)
        << "under " << run.policy << (run.ub ? ": UB at line " + std::to_string(run.ub->line) + ": " + run.ub->message
                                              : std::string(": no UB, but declared unsafe"));
  }
}

class CorpusFile : public testing::TestWithParam<fs::path> {};

TEST_P(CorpusFile, GetsItsStatedVerdict) {
  const fs::path& path = GetParam();
  const std::string text = readText(path);
  if (path.extension() == ".sbt") {
    replayTrace(text);
  } else {
    runSequence(text);
  }
}

std::string testName(const testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, fs::path(SBCHECK_SOURCE_DIR) / "corpus").string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusFile, testing::ValuesIn(corpusFiles()), testName);

TEST(Corpus, HoldsTheSeedExamplesAndTheReviewHoles) {
  // The corpus is what CI replays forever; an empty one would test nothing.
  std::size_t traces = 0, sequences = 0;
  for (const fs::path& path : corpusFiles()) (path.extension() == ".sbt" ? traces : sequences) += 1;
  EXPECT_GE(traces, 5u);
  EXPECT_GE(sequences, 3u);
}

}  // namespace
}  // namespace sbcheck
