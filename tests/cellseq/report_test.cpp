// A `.cell` run's UB report speaks the file's language first: the pointer as
// the `.cell` operation and name that made it ("the leak of iterator it"), the
// bytes as the object's parts ("object s's data"), and the model's tag and
// bytes after, for experts.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "harness/cellseq/run.hpp"
#include "tests/cellseq/printers.hpp"

namespace sbcheck::cellseq {
namespace {

/// The report of the run of `text` under `policy`; fails the test when there is none.
sbt::UbReport reportOf(std::string_view text, std::string_view policy) {
  auto parsed = parseWithKnown(text);
  EXPECT_TRUE(std::holds_alternative<Sequence>(parsed));
  if (!std::holds_alternative<Sequence>(parsed)) return {};
  const PolicyRun run = runSequence(std::get<Sequence>(parsed), RunOptions{policy, "sb2", true, false});
  EXPECT_TRUE(run.ub.has_value()) << text;
  return run.ub.value_or(sbt::UbReport{});
}

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

constexpr std::string_view kUnguardedInner =
    "new s\n"          // 1
    "add s 1\n"        // 2
    "iter it = s\n"    // 3
    "add s 2\n"        // 4: unguarded-inner skips the leak check
    "next it => 1\n";  // 5

TEST(CellReport, TheFailingPointerIsNamedByTheOperationAndNameThatMadeItThenByTheModelsTag) {
  const sbt::UbReport report = reportOf(kUnguardedInner, "unguarded-inner");
  EXPECT_EQ(report.line, 5);
  EXPECT_EQ(report.event, "next it => 1");
  EXPECT_EQ(report.message,
            "read access via the leak of iterator it (line 3, <2> leak4) at object s's data (obj1[16..48]): "
            "no item grants <2> read access at obj1[16]");
}

TEST(CellReport, TheHistorySaysWhichCellLinesMadeAndRemovedTheItem) {
  const sbt::UbReport report = reportOf(kUnguardedInner, "unguarded-inner");
  ASSERT_EQ(report.help.size(), 3U);
  EXPECT_EQ(report.help[0], "the model's event: `read leak4[16..48]`");
  EXPECT_EQ(report.help[1],
            "the leak of iterator it (line 3, <2> leak4) was created at line 3 (`iter it = s`) as "
            "`let leak4 = &raw3[16..48]` from <untagged>, for object s's data (obj1[16..48])");
  EXPECT_TRUE(mentions(report.help[2],
                       "the SharedReadOnly item of the leak of iterator it (line 3, <2> leak4) at object s's data "
                       "(obj1[16..48]) was removed at line 4 (`add s 2`)"))
      << report.help[2];
}

TEST(CellReport, AGuardsMutableBorrowIsNamedByItsGuard) {
  const sbt::UbReport report = reportOf(
      "new s\nadd s 1\nborrow_mut g = s\niter it = s\nread g => 1\n", "unchecked-leak");
  EXPECT_EQ(report.line, 5);
  EXPECT_TRUE(mentions(report.message, "read access via the mutable borrow of guard g (line 3, <2> mut3)"))
      << report.message;
}

TEST(CellReport, UseAfterFreeNamesTheObject) {
  const sbt::UbReport report = reportOf("new s\nadd s 1\niter it = s\ndel s\nnext it\n", "no-parent-ref");
  EXPECT_EQ(report.kind, "use-after-free");
  EXPECT_TRUE(mentions(report.message, "use after free (object s (obj1) was freed at line 4)")) << report.message;
}

}  // namespace
}  // namespace sbcheck::cellseq
