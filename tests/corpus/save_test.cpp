// Saving into the corpus: a file is reported saved only once it is on disk,
// identical content is found whatever its comments, a known flaw keeps one
// file (a shorter example replaces it), and the corpus is the project's.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "harness/corpus.hpp"
#include "harness/output_file.hpp"

namespace sbcheck {
namespace {

namespace fs = std::filesystem;

class Save : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sbcheck_save_" + std::to_string(::getpid()) + "_" + testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::size_t files() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {})); }
  fs::path dir_;
};

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(Save, AWriteThatFailsAtFlushIsReported) {
  EXPECT_EQ(writeFile(dir_ / "ok.txt", "text"), std::nullopt);
  EXPECT_EQ(read(dir_ / "ok.txt"), "text");
  const std::optional<std::string> full = writeFile("/dev/full", std::string(1 << 16, 'x'));
  ASSERT_TRUE(full.has_value());
  EXPECT_NE(full->find("No space left"), std::string::npos) << *full;
}

TEST_F(Save, UnwritablePlacesAreFoundBeforeAnythingIsWritten) {
  std::ofstream(dir_ / "file") << "x";
  EXPECT_EQ(checkWritableDirectory(dir_ / "new" / "deeper"), std::nullopt);
  EXPECT_FALSE(fs::exists(dir_ / "new"));
  EXPECT_EQ(checkWritableDirectory(dir_ / "file"), "not a directory");
  EXPECT_TRUE(checkWritableDirectory(dir_ / "file" / "below").has_value());
  EXPECT_TRUE(checkWritableDirectory("/proc/sbcheck").has_value());
  EXPECT_EQ(checkWritableFile(dir_ / "report.md"), std::nullopt);
  EXPECT_EQ(checkWritableFile(dir_), "is a directory");
  EXPECT_TRUE(checkWritableFile(dir_ / "missing" / "report.md").has_value());
  EXPECT_EQ(files(), 1u);  // probes leave nothing behind
}

TEST_F(Save, IdenticalContentIsAlreadyInTheCorpusWhateverItsComments) {
  const Saved first = saveToCorpus(dir_, "flaw", ".cell", "# one\nnew s\n");
  EXPECT_EQ(first.status, SaveStatus::kSaved);
  const Saved again = saveToCorpus(dir_, "other", ".cell", "# two\nnew s\n");
  EXPECT_EQ(again.status, SaveStatus::kAlreadyInCorpus);
  EXPECT_EQ(again.path, first.path);
  EXPECT_EQ(saveToCorpus(dir_, "flaw", ".cell", "new s\nnew t\n").path, dir_ / "flaw-2.cell");
}

TEST_F(Save, AKnownFlawKeepsOneFileAndAShorterExampleReplacesIt) {
  saveToCorpus(dir_, "oracle-p", ".cell", "new s\nnew t\nnew u\n", Dedup::kByFlaw);
  EXPECT_EQ(saveToCorpus(dir_, "oracle-p", ".cell", "new a\nnew b\nnew c\nnew d\n", Dedup::kByFlaw).status,
            SaveStatus::kAlreadyInCorpus);
  const Saved shorter = saveToCorpus(dir_, "oracle-p", ".cell", "new s\n", Dedup::kByFlaw);
  EXPECT_EQ(shorter.status, SaveStatus::kReplaced);
  EXPECT_EQ(read(dir_ / "oracle-p.cell"), "new s\n");
  EXPECT_EQ(files(), 1u);
}

TEST_F(Save, ALostFileSaysSoAndIsNotCreated) {
  const Saved lost = saveToCorpus(dir_ / "x" / "y", "f", ".cell", "new s\n");
  EXPECT_TRUE(lost.created());
  std::ofstream(dir_ / "blocker") << "x";
  const Saved blocked = saveToCorpus(dir_ / "blocker" / "corpus", "f", ".cell", "new s\n");
  EXPECT_TRUE(blocked.lost());
  EXPECT_FALSE(blocked.created());
  EXPECT_EQ(blocked.statusId(), "not_saved");
  EXPECT_NE(blocked.text().find("NOT SAVED"), std::string::npos);
}

TEST_F(Save, TheCorpusIsTheFirstOneAboveTheWorkingDirectory) {
  fs::create_directories(dir_ / "project" / "corpus");
  fs::create_directories(dir_ / "project" / "src" / "deep");
  EXPECT_EQ(findCorpus(dir_ / "project" / "src" / "deep"), dir_ / "project" / "corpus");
  EXPECT_EQ(findCorpus(dir_ / "project"), dir_ / "project" / "corpus");
  EXPECT_EQ(SaveTarget::corpus(std::nullopt).save("cell", "f", ".cell", "new s\n").status, SaveStatus::kNowhere);
  EXPECT_EQ(SaveTarget::off().save("cell", "f", ".cell", "new s\n").status, SaveStatus::kDryRun);
  EXPECT_EQ(SaveTarget::corpus(dir_ / "project" / "corpus").folder("sbt"), dir_ / "project" / "corpus" / "sbt");
}

}  // namespace
}  // namespace sbcheck
