// The pages `check`, `explore` and `compare` draw beside each file they save
// (X.cell or X.sbt -> X.html): there, self-contained, one row per event the
// file's runs ran, `data-ub` exactly when a run reports UB, the same bytes as
// `run --html` / `replay --html` give for that file; none with --no-html or
// when nothing is saved.
#include <map>

#include "harness/html/beside.hpp"
#include "tests/cli/cli_fixture.hpp"
#include "tests/html/dom.hpp"

namespace sbcheck {
namespace {

/// How a saved file is drawn: under its own policies or models (`lanes`
/// empty), or under these, side by side.
struct Drawn {
  fs::path file;  ///< relative to the scratch folder, as the command named it
  std::vector<std::string> lanes;
  std::string model = "sb2";  ///< a `.cell` file's model
};

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ",") + name;
  return text;
}

class SavedPages : public Cli {
 protected:
  /// The `.cell` and `.sbt` files saved into `cx`, relative, sorted.
  std::vector<fs::path> savedFiles() {
    std::vector<fs::path> files;
    if (!fs::exists(dir_ / "cx")) return files;
    for (const auto& entry : fs::directory_iterator(dir_ / "cx")) {
      const fs::path ext = entry.path().extension();
      if (ext == ".cell" || ext == ".sbt") files.push_back(fs::path("cx") / entry.path().filename());
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  std::size_t pagesBelow(const fs::path& dir) {
    std::size_t pages = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) pages += entry.path().extension() == ".html";
    return pages;
  }

  /// The line of each event one lane ran: from the probe's comment in `run
  /// --emit-sbt` for a `.cell`, from `replay --verbose` for a `.sbt`.
  std::vector<int> laneLines(const Drawn& d, const std::string& lane) {
    std::vector<int> lines;
    if (d.file.extension() == ".cell") {
      const std::string policy = lane.empty() ? "" : " --policy " + lane;
      std::istringstream in(run("run --emit-sbt --model " + d.model + policy + " " + d.file.string()).out);
      for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        lines.push_back(std::stoi(line.substr(line.find("# ") + 2)));
      }
      return lines;
    }
    const std::string prefix = "  [" + lane + "] ";
    std::istringstream in(run("replay --verbose --model " + lane + " " + d.file.string()).out);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind(prefix, 0) == 0) lines.push_back(std::stoi(line.substr(prefix.size())));
    }
    return lines;
  }

  /// Rows the page must have: lanes are aligned by line, so per line as many
  /// rows as the lane that ran the most events there.
  std::size_t rowsFor(const Drawn& d, const std::vector<std::string>& lanes) {
    std::map<int, std::size_t> rows;
    for (const std::string& lane : lanes) {
      std::map<int, std::size_t> counts;
      for (int line : laneLines(d, lane)) ++counts[line];
      for (const auto& [line, count] : counts) rows[line] = std::max(rows[line], count);
    }
    std::size_t total = 0;
    for (const auto& [line, count] : rows) total += count;
    return total;
  }

  /// The lanes, named: a `.sbt` file's own models from its first line; a
  /// `.cell` file's own policies stay "" (run without --policy).
  std::vector<std::string> lanesOf(const Drawn& d) {
    if (!d.lanes.empty()) return d.lanes;
    if (d.file.extension() == ".cell") return {""};
    const std::string text = slurp(dir_ / d.file);
    const std::string header = "#! models: ";
    EXPECT_EQ(text.rfind(header, 0), 0u) << d.file;
    return {text.substr(header.size(), text.find('\n') - header.size())};
  }

  /// Whether the file's runs report UB, as the commands' JSON says.
  bool reportsUb(const Drawn& d, const std::vector<std::string>& lanes) {
    bool ub = false;
    for (const std::string& lane : lanes) {
      const std::string args = d.file.extension() == ".cell"
                                   ? "run --json --model " + d.model + (lane.empty() ? "" : " --policy " + lane)
                                   : "replay --json --model " + lane;
      ub = ub || run(args + " " + d.file.string()).out.find("\"ub\":{") != std::string::npos;
    }
    return ub;
  }

  /// Every check the page beside `d.file` must pass; its rows, for more.
  std::vector<html::dom::Row> expectPage(const Drawn& d) {
    const fs::path page = html::pageBeside(dir_ / d.file);
    EXPECT_TRUE(fs::exists(page)) << d.file;
    const std::string text = slurp(page);
    EXPECT_EQ(text.rfind("<!DOCTYPE html>", 0), 0u) << page;
    EXPECT_TRUE(text.ends_with("</html>\n")) << page;
    for (const char* remote : {"http://", "https://", " src=", "<link"}) {
      EXPECT_EQ(text.find(remote), std::string::npos) << page << " loads " << remote;
    }
    const std::vector<std::string> lanes = lanesOf(d);
    const auto rows = html::dom::rows(text);
    EXPECT_EQ(rows.size(), rowsFor(d, lanes)) << page;
    const bool ubRow = std::ranges::any_of(rows, [](const html::dom::Row& row) { return row.ub; });
    EXPECT_EQ(ubRow, reportsUb(d, lanes)) << page;
    // Byte for byte the page `run --html` / `replay --html` draws for the file
    // (`run` draws one policy or the file's own, so two policies have no twin).
    const bool cell = d.file.extension() == ".cell";
    if (!cell || d.lanes.size() <= 1) {
      const std::string args = cell ? "run --model " + d.model + (d.lanes.empty() ? "" : " --policy " + d.lanes[0])
                                    : "replay" + (d.lanes.empty() ? std::string() : " --model " + joined(d.lanes));
      run(args + " --html twin.html " + d.file.string());
      EXPECT_TRUE(text == slurp(dir_ / "twin.html")) << page << " is not what '" << args << " --html' draws";
    }
    return rows;
  }

  static bool marksADifference(const std::vector<html::dom::Row>& rows) {
    return std::ranges::any_of(rows, [](const html::dom::Row& row) {
      return row.html.find("data-first-difference") != std::string::npos;
    });
  }
};

TEST_F(SavedPages, CheckDrawsEachCounterexampleItSaves) {
  const CliResult cells = run("check --policy unchecked-leak --property oracle --seed 3 --save-to cx");
  EXPECT_EQ(cells.status, 0) << cells.out << cells.err;
  EXPECT_NE(cells.out.find("saved: cx/oracle-unchecked-leak.cell and cx/oracle-unchecked-leak.html"),
            std::string::npos)
      << cells.out;
  const CliResult traces = run("check --property removed-items-never-grant --model sb2 --seed 2 --runs 100 --save-to cx");
  EXPECT_EQ(traces.status, 0) << traces.out << traces.err;
  const std::vector<fs::path> files = savedFiles();
  ASSERT_EQ(files.size(), 2u) << cells.out << traces.out;
  for (const fs::path& file : files) expectPage(Drawn{file, {}});
}

TEST_F(SavedPages, CheckJsonNamesThePageAndAFileAlreadyThereGetsNone) {
  const std::string args = "check --json --policy unchecked-leak --property oracle --seed 3 --save-to cx";
  const CliResult first = run(args);
  EXPECT_NE(first.out.find("\"saved\":\"cx/oracle-unchecked-leak.cell\",\"already_in_corpus\":null,\"not_saved\":null,"
                           "\"html\":\"cx/oracle-unchecked-leak.html\""),
            std::string::npos)
      << first.out;
  fs::remove(dir_ / "cx" / "oracle-unchecked-leak.html");
  const CliResult second = run(args);  // nothing saved: nothing drawn
  EXPECT_NE(second.out.find("\"save_status\":\"already_in_corpus\""), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("\"html\":null"), std::string::npos) << second.out;
  EXPECT_EQ(pagesBelow(dir_), 0u);
}

TEST_F(SavedPages, ExplorePolicyDrawsEachShortestCounterexample) {
  const CliResult result = run("explore --policy unchecked-leak --depth 4 --save-to cx");
  EXPECT_EQ(result.status, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("cx/explore-oracle-unchecked-leak.cell and cx/explore-oracle-unchecked-leak.html"),
            std::string::npos)
      << result.out;
  const std::vector<fs::path> files = savedFiles();
  ASSERT_EQ(files.size(), 2u) << result.out;
  for (const fs::path& file : files) expectPage(Drawn{file, {}});
  const CliResult json = run("explore --json --policy unchecked-leak --depth 4 --model sb2-strict --save-to json");
  EXPECT_NE(json.out.find("\"html\":\"json/explore-"), std::string::npos) << json.out;
}

TEST_F(SavedPages, ExploreModelDrawsADifferenceUnderBothModels) {
  const CliResult result = run("explore --model sb2,sb2-strict --depth 7 --save-to cx");
  EXPECT_EQ(result.status, 0) << result.out << result.err;
  const std::vector<fs::path> files = savedFiles();
  ASSERT_EQ(files.size(), 4u) << result.out;  // two directions, a file per model
  for (const fs::path& file : files) {
    EXPECT_NE(result.out.find(html::pageBeside(file).string()), std::string::npos) << result.out;
    // The accepting model first, as the finding names them.
    const bool sb2First = file.filename().string().rfind("explore-differ-sb2-accepts-", 0) == 0;
    const auto rows = expectPage(Drawn{file, sb2First ? std::vector<std::string>{"sb2", "sb2-strict"}
                                                       : std::vector<std::string>{"sb2-strict", "sb2"}});
    EXPECT_TRUE(marksADifference(rows)) << file;
  }
  const CliResult json = run("explore --json --model sb2,sb2-strict --depth 7 --save-to json");
  EXPECT_NE(json.out.find("\"html\":\"json/explore-differ-"), std::string::npos) << json.out;
}

TEST_F(SavedPages, CompareDrawsEachCounterexampleAndDistinguishingExample) {
  const CliResult result = run("compare --policies strict,unchecked-leak --models sb2,sb2-strict --runs 50 --save-to cx");
  EXPECT_EQ(result.status, 0) << result.out << result.err;
  const std::vector<fs::path> files = savedFiles();
  ASSERT_GE(files.size(), 6u) << result.out;
  int policyPairs = 0, modelPairs = 0;
  for (const fs::path& file : files) {
    EXPECT_NE(result.out.find("saved: " + file.string() + " and " + html::pageBeside(file).string()), std::string::npos)
        << result.out;
    const std::string name = file.filename().string();
    if (name.rfind("differ-strict-unchecked-leak--", 0) == 0) {
      ++policyPairs;
      const auto rows = expectPage(Drawn{file, {"strict", "unchecked-leak"}});
      EXPECT_TRUE(marksADifference(rows)) << file;
      std::set<std::string> lanes;
      for (const auto& row : rows) {
        for (const auto& cell : row.cells) lanes.insert(cell.lane);
      }
      EXPECT_EQ(lanes, (std::set<std::string>{"strict", "unchecked-leak"})) << file;
    } else if (name.rfind("differ-", 0) == 0) {
      ++modelPairs;
      const bool sb2First = name.rfind("differ-sb2-accepts-", 0) == 0;
      const auto rows = expectPage(Drawn{file, sb2First ? std::vector<std::string>{"sb2", "sb2-strict"}
                                                         : std::vector<std::string>{"sb2-strict", "sb2"}});
      EXPECT_TRUE(marksADifference(rows)) << file;
    } else {
      expectPage(Drawn{file, {}});  // a matrix counterexample, under its policy
    }
  }
  EXPECT_EQ(policyPairs, 1);  // the other policy's file is the matrix's, already saved
  EXPECT_EQ(modelPairs, 4);
  const CliResult json = run("compare --json --policies strict,unchecked-leak --models sb2,sb2-strict --runs 50 "
                             "--save-to json");
  EXPECT_NE(json.out.find("\"files\":[{\"save_status\":\"saved\",\"saved\":\"json/differ-sb2-accepts-sb2-strict-"
                          "rejects--sb2.sbt\",\"already_in_corpus\":null,\"not_saved\":null,\"html\":\"json/differ-sb2-"
                          "accepts-sb2-strict-rejects--sb2.html\"}"),
            std::string::npos)
      << json.out;
}

TEST_F(SavedPages, NoHtmlWritesNone) {
  for (const std::string args : {"check --policy unchecked-leak --property oracle --seed 3",
                                  "check --property removed-items-never-grant --model sb2 --seed 2 --runs 100",
                                  "explore --policy unchecked-leak --depth 4", "explore --model sb2,sb2-strict --depth 5",
                                  "compare --policies strict,unchecked-leak --models sb2,sb2-strict --runs 50"}) {
    const CliResult result = run(args + " --no-html --save-to cx");
    EXPECT_LE(result.status, 1) << args << '\n' << result.err;
    EXPECT_NE(result.out.find("saved: cx/"), std::string::npos) << args << '\n' << result.out;
    EXPECT_EQ(result.out.find(".html"), std::string::npos) << args << '\n' << result.out;
  }
  EXPECT_EQ(pagesBelow(dir_), 0u);
}

TEST_F(SavedPages, NothingSavedNothingDrawn) {
  for (const std::string args : {"check --policy unchecked-leak --property oracle --seed 3 --no-save",
                                  "check --policy unchecked-leak --property oracle --seed 3",  // no corpus/ here
                                  "explore --policy unchecked-leak --depth 4 --no-save",
                                  "explore --model sb2,sb2-strict --depth 5 --no-save",
                                  "compare --policies strict,unchecked-leak --models sb2,sb2-strict --runs 50 --no-save"}) {
    const CliResult result = run(args);
    EXPECT_LE(result.status, 1) << args << '\n' << result.err;
  }
  EXPECT_EQ(pagesBelow(dir_), 0u);
}

TEST_F(SavedPages, HelpNamesNoHtml) {
  for (const char* command : {"check", "explore", "compare"}) {
    const std::string help = run(std::string(command) + " --help").out;
    EXPECT_NE(help.find("--no-html"), std::string::npos) << command;
    EXPECT_NE(help.find("X.html"), std::string::npos) << command;
  }
}

// The same, without the CLI: what saveDrawn writes is the file's page.
TEST_F(SavedPages, SaveDrawnWritesTheFilesPageOnlyForAFileItWrote) {
  const std::string text = "#! policies: unchecked-leak\n#! unsafe: unchecked-leak\nnew s\nborrow_mut g = s\n"
                           "iter it = s\nread g\n";
  const SaveTarget target = SaveTarget::into(dir_ / "cx").drawPages(true);
  const Saved saved = html::saveDrawn(target, "cell", "flaw", ".cell", text, html::Drawing{});
  ASSERT_TRUE(saved.created());
  EXPECT_EQ(saved.page, dir_ / "cx" / "flaw.html");
  const auto page = html::drawFile(saved.path.string(), text, /*cell=*/true, html::Drawing{});
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(slurp(saved.page), html::renderPage(*page));
  const Saved again = html::saveDrawn(target, "cell", "flaw", ".cell", text, html::Drawing{});
  EXPECT_EQ(again.status, SaveStatus::kAlreadyInCorpus);
  EXPECT_TRUE(again.page.empty());
  const SaveTarget plain = SaveTarget::into(dir_ / "plain");
  EXPECT_TRUE(html::saveDrawn(plain, "cell", "flaw", ".cell", text, html::Drawing{}).page.empty());
  EXPECT_FALSE(fs::exists(dir_ / "plain" / "flaw.html"));
}

}  // namespace
}  // namespace sbcheck
