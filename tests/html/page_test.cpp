// The page's stable hooks against the model: one row per event, the stacks
// of every row equal to `replay --verbose`'s, removals flagged where they
// happen, the UB row with the full text report, and the same bytes every time.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/html/page.hpp"
#include "harness/sbt/parse.hpp"
#include "tests/html/dom.hpp"

namespace sbcheck::html {
namespace {

namespace fs = std::filesystem;

std::string readText(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

sbt::Trace parsed(const std::string& text) {
  auto trace = sbt::parseTrace(text);
  EXPECT_TRUE(std::holds_alternative<sbt::Trace>(trace)) << text;
  return std::get<sbt::Trace>(trace);
}

std::string render(const std::string& text, const std::vector<std::string>& models) {
  const sbt::Trace trace = parsed(text);
  Page page{"test.sbt", "model", {}, splitLines(text), false};
  for (const std::string& name : models) {
    auto model = sb::AnyModel::create(name);
    page.lanes.push_back(recordLane(trace, *model, name));
  }
  return renderPage(page);
}

/// A cell's stack after the event, as sb::toString prints it: removed chips left out.
std::string stackText(const dom::Cell& cell) {
  std::string text = "[";
  for (const dom::Chip& chip : cell.chips) {
    if (chip.removed) continue;
    std::string_view perm = "????";
    for (sb::Permission p : sb::kAllPermissions) {
      if (sb::longName(p) == chip.perm) perm = sb::shortName(p);
    }
    if (text.size() > 1) text += ", ";
    text += std::string(perm) + " <" + (chip.tid == "0" ? "untagged" : chip.tid) + ">" + (chip.isProtected ? "*" : "");
  }
  return text + "]";
}

/// Checks one `replay --verbose` stack line ("x[0..4]: [...]") against a row:
/// every column overlapping those bytes shows that stack, and they cover them.
void expectStack(const dom::Row& row, const std::string& verbose) {
  const std::size_t colon = verbose.find(": ");
  const std::string place = verbose.substr(0, colon), stack = verbose.substr(colon + 2);
  if (stack == "freed") return;
  const std::size_t open = place.find('[');
  const std::string alloc = place.substr(0, open);
  const std::string bytes = place.substr(open + 1, place.size() - open - 2);
  const std::size_t dots = bytes.find("..");
  const std::uint64_t begin = std::stoull(bytes.substr(0, dots));
  const std::uint64_t end = dots == std::string::npos ? begin + 1 : std::stoull(bytes.substr(dots + 2));
  std::uint64_t covered = 0;
  for (const dom::Cell& cell : row.cells) {
    const std::size_t cellDots = cell.bytes.find("..");
    const std::uint64_t a = std::stoull(cell.bytes.substr(0, cellDots)), b = std::stoull(cell.bytes.substr(cellDots + 2));
    if (cell.alloc != alloc || b <= begin || end <= a) continue;
    EXPECT_EQ(stackText(cell), stack) << "line " << row.line << " " << alloc << "[" << cell.bytes << "]";
    covered += std::min(b, end) - std::max(a, begin);  // a column may reach past the bytes an event touched
  }
  EXPECT_EQ(covered, end - begin) << "line " << row.line << ": " << place << " not covered";
}

bool uniqueAllocNames(const sbt::Trace& trace) {
  std::set<std::string> names;
  for (const sbt::Event& event : trace.events) {
    if (event.kind == sbt::EventKind::kAlloc && !names.insert(event.name).second) return false;
  }
  return true;
}

TEST(HtmlPage, EveryCorpusTraceMatchesReplayVerboseRowByRow) {
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(SBCHECK_SOURCE_DIR) / "corpus" / "sbt")) {
    if (entry.path().extension() != ".sbt") continue;
    const std::string text = readText(entry.path());
    const sbt::Trace trace = parsed(text);
    std::vector<std::string> models = trace.models.empty() ? std::vector<std::string>{"sb2"} : trace.models;
    for (const std::string& name : models) {
      SCOPED_TRACE(entry.path().filename().string() + " [" + name + "]");
      auto model = sb::AnyModel::create(name);
      const sbt::ReplayResult replayed = sbt::replay(trace, *model, /*recordSteps=*/true);
      const std::vector<dom::Row> rows = dom::rows(render(text, {name}));
      ASSERT_EQ(rows.size(), replayed.steps.size() + (replayed.ub ? 1 : 0));
      for (std::size_t i = 0; i < replayed.steps.size(); ++i) {
        EXPECT_EQ(rows[i].line, replayed.steps[i].line);
        EXPECT_FALSE(rows[i].ub);
        if (!uniqueAllocNames(trace)) continue;
        for (const std::string& stack : replayed.steps[i].stacks) expectStack(rows[i], stack);
      }
      if (replayed.ub) {
        EXPECT_TRUE(rows.back().ub);
        EXPECT_EQ(rows.back().line, replayed.ub->line);
        EXPECT_NE(rows.back().html.find(escape(reportText(*replayed.ub))), std::string::npos);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
}

const char* const kFrozen =
    "alloc x 4\n"
    "let a = &mut x\n"
    "let b = &a\n"
    "write a\n"
    "read b !ub\n";

TEST(HtmlPage, TheRemovingRowStrikesTheItemWithTheRulesWords) {
  const std::vector<dom::Row> rows = dom::rows(render(kFrozen, {"sb2"}));
  ASSERT_EQ(rows.size(), 5u);
  ASSERT_EQ(rows[3].cells.size(), 1u);  // x's four bytes always agree: one column
  EXPECT_EQ(rows[3].cells[0].alloc, "x");
  EXPECT_EQ(rows[3].cells[0].bytes, "0..4");
  const std::vector<dom::Chip>& chips = rows[3].cells[0].chips;
  ASSERT_EQ(chips.size(), 3u);
  EXPECT_EQ(chips[0].tag, "x");
  EXPECT_EQ(chips[1].tag, "a");
  EXPECT_TRUE(chips[1].granting);
  EXPECT_EQ(chips[2].tag, "b");
  EXPECT_EQ(chips[2].perm, "SharedReadOnly");
  EXPECT_TRUE(chips[2].removed);
  EXPECT_EQ(chips[2].title, escape("SharedReadOnly b <3>; removed at line 4 (`write a`) by a write access via <2> (a): Unique "
                                   "grants the write; SharedReadOnly above it is incompatible with writes"));
  EXPECT_TRUE(rows[2].cells[0].chips[2].isNew);
  EXPECT_FALSE(rows[3].cells[0].chips[2].isNew);
}

TEST(HtmlPage, TheUbRowCarriesTheFullTextReport) {
  const sbt::Trace trace = parsed(kFrozen);
  auto model = sb::AnyModel::create("sb2");
  const sbt::ReplayResult replayed = sbt::replay(trace, *model);
  ASSERT_TRUE(replayed.ub);
  const std::vector<dom::Row> rows = dom::rows(render(kFrozen, {"sb2"}));
  ASSERT_TRUE(rows[4].ub);
  EXPECT_EQ(std::ranges::count_if(rows, [](const dom::Row& r) { return r.ub; }), 1);
  EXPECT_NE(rows[4].html.find(escape(reportText(*replayed.ub))), std::string::npos);
  EXPECT_NE(rows[4].html.find("no item grants &lt;3&gt; read access at x[0]"), std::string::npos);
}

TEST(HtmlPage, ADisabledItemIsTheOldOneStruckThenItsDisabledSelf) {
  const std::vector<dom::Row> rows =
      dom::rows(render("alloc x 1\nlet p1 = &mut x\nlet p2 = *mut p1\nread x\n", {"sb2-disable"}));
  ASSERT_EQ(rows.size(), 4u);
  const std::vector<dom::Chip>& chips = rows[3].cells[0].chips;
  ASSERT_EQ(chips.size(), 4u);
  EXPECT_TRUE(chips[0].granting);
  EXPECT_TRUE(chips[1].removed);
  EXPECT_EQ(chips[1].perm, "Unique");
  EXPECT_NE(chips[1].title.find("disabled at line 4"), std::string::npos) << chips[1].title;
  EXPECT_EQ(chips[2].perm, "Disabled");
  EXPECT_EQ(chips[2].tag, "p1");
  EXPECT_FALSE(chips[2].isNew);
  EXPECT_EQ(stackText(rows[3].cells[0]), "[Uniq <1>, Dis  <2>, SRW  <untagged>]");
}

TEST(HtmlPage, ProtectedItemsAreFlagged) {
  const std::vector<dom::Row> rows = dom::rows(render("alloc x 4\ncall\nlet a = &mut x protect\nreturn\n", {"sb2"}));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[2].cells[0].chips[1].isProtected);
  EXPECT_FALSE(rows[2].cells[0].chips[0].isProtected);
}

TEST(HtmlPage, BytesWhoseStacksDifferGetTheirOwnColumns) {
  const std::vector<dom::Row> rows = dom::rows(render("alloc x 8\nlet a = &x[0..4]\nread x[4..8]\n", {"sb2"}));
  ASSERT_EQ(rows.size(), 3u);
  ASSERT_EQ(rows[1].cells.size(), 2u);
  EXPECT_EQ(rows[1].cells[0].bytes, "0..4");
  EXPECT_EQ(rows[1].cells[1].bytes, "4..8");
  EXPECT_EQ(stackText(rows[1].cells[0]), "[Uniq <1>, SRO  <2>]");
  EXPECT_EQ(stackText(rows[1].cells[1]), "[Uniq <1>]");
  EXPECT_TRUE(rows[2].cells[1].chips[0].granting);
  EXPECT_FALSE(rows[2].cells[0].chips[0].granting);
}

TEST(HtmlPage, SeveralModelsSideBySideWithTheFirstDifferenceMarked) {
  const std::string text = "alloc x 4\nlet a = &mut x\nlet p = *mut a\nlet q = &mut a\nwrite p\n";
  const std::string page = render(text, {"sb2", "sb2-tagged-raw"});
  const std::vector<dom::Row> rows = dom::rows(page);
  ASSERT_FALSE(rows.empty());
  for (const dom::Row& row : rows) {
    ASSERT_EQ(row.cells.size(), 2u);
    EXPECT_EQ(row.cells[0].lane, "sb2");
    EXPECT_EQ(row.cells[1].lane, "sb2-tagged-raw");
  }
  std::size_t marked = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].html.find(" data-first-difference") == std::string::npos) continue;
    ++marked;
    EXPECT_EQ(rows[i].line, 3);  // the raw cast: untagged in sb2, a fresh tag in sb2-tagged-raw
    EXPECT_EQ(rows[i].cells[0].chips.back().tag, "untagged");
    EXPECT_EQ(rows[i].cells[1].chips.back().tag, "p");
  }
  EXPECT_EQ(marked, 1u);
}

TEST(HtmlPage, SameInputSameBytes) {
  const std::string text = readText(fs::path(SBCHECK_SOURCE_DIR) / "corpus" / "sbt" / "seed_foo.sbt");
  const std::string first = render(text, {"sb2", "sb2-strict"});
  EXPECT_EQ(first, render(text, {"sb2", "sb2-strict"}));
  EXPECT_EQ(first.find("http"), std::string::npos) << "a page needs no network";
}

}  // namespace
}  // namespace sbcheck::html
