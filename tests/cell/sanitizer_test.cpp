// The no-parent-ref use-after-free for real: the aliasing model reports it at
// the `next it` line of the sequence below, and — in builds with
// AddressSanitizer only — running the same operations on the cell with a probe
// that never vetoes makes ASan report a heap-use-after-free at that same line.
// The model and the sanitizer agree on where.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <variant>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/print.hpp"
#include "harness/cellseq/run.hpp"
#include "model/cell/cell.hpp"

namespace sbcheck::cell {
namespace {

/// The review's question ("what is keeping the backing memory alive?") under
/// a policy where nothing is.
constexpr std::string_view kUseAfterFree =
    "new s\n"
    "add s 7\n"
    "iter it = s\n"
    "del s\n"
    "next it\n";
constexpr int kNextLine = 5;

cellseq::Sequence parsed(std::string_view text) {
  auto result = cellseq::parseSequence(text, kPolicyNames);
  if (const auto* error = std::get_if<cellseq::SequenceError>(&result)) {
    ADD_FAILURE() << "line " << error->line << ": " << error->message;
    return {};
  }
  return std::get<cellseq::Sequence>(std::move(result));
}

TEST(NoParentRefUseAfterFree, ModelReportsUseAfterFreeAtTheNextLine) {
  const cellseq::PolicyRun run =
      cellseq::runSequence(parsed(kUseAfterFree), {.policy = NoParentRef::kName, .unsafeDeclared = true});
  ASSERT_FALSE(run.error) << run.error->message;
  ASSERT_TRUE(run.ub) << "the model saw no UB";
  EXPECT_EQ(run.ub->line, kNextLine) << run.ub->message;
  EXPECT_EQ(run.ub->kind, "use-after-free") << run.ub->message;
  ASSERT_EQ(run.outcomes.size(), 5u) << "every line up to `next it` ran";
  EXPECT_EQ(run.outcomes.back().kind, cellseq::Outcome::Kind::kUndefined);
  EXPECT_TRUE(run.passed());
}

TEST(NoParentRefUseAfterFree, StrictRunsTheSameSequenceWithoutUb) {
  const cellseq::PolicyRun run = cellseq::runSequence(parsed(kUseAfterFree), {.policy = Strict::kName});
  ASSERT_FALSE(run.error) << run.error->message;
  EXPECT_FALSE(run.ub) << run.ub->message;
  ASSERT_EQ(run.outcomes.size(), 5u);
  EXPECT_EQ(cellseq::describe(run.outcomes.back()), "=> 7") << "the iterator kept the object alive";
}

#if defined(__SANITIZE_ADDRESS__)

/// Runs kUseAfterFree's operations on Cell<NoParentRef> directly, with a probe
/// that never vetoes, printing "sbcheck-line N: OP" before each line's operation.
void runUnchecked() {
  using C = Cell<NoParentRef>;
  NullProbe probe;
  Ref s;
  std::optional<Iterator> it;
  for (const cellseq::Op& op : parsed(kUseAfterFree).ops) {
    std::fprintf(stderr, "sbcheck-line %d: %s\n", op.line, cellseq::printOp(op).c_str());
    switch (op.kind) {
      case cellseq::OpKind::kNew: s = Ref::adopt(Object::create(probe)); break;
      case cellseq::OpKind::kAdd: (void)C::add(s, static_cast<std::uint32_t>(op.key)); break;
      case cellseq::OpKind::kIter: it.emplace(std::move(std::get<Iterator>(C::leak(s)))); break;
      case cellseq::OpKind::kDel: s.reset(); break;
      case cellseq::OpKind::kNext: (void)C::next(*it); break;
      default: std::fprintf(stderr, "sbcheck: unexpected operation\n"); std::abort();
    }
  }
  std::fprintf(stderr, "sbcheck-line end\n");
  it->abandon();
}

TEST(NoParentRefUseAfterFreeDeathTest, AddressSanitizerReportsHeapUseAfterFreeAtTheSameLine) {
  testing::FLAGS_gtest_death_test_style = "threadsafe";
  // The report must follow line 5's marker with no other marker in between
  // (ASan prints only a rule of '=' before its report).
  EXPECT_DEATH(runUnchecked(),
               "sbcheck-line 5: next it\n[=\n]*==[0-9]+==ERROR: AddressSanitizer: heap-use-after-free");
}

#endif  // __SANITIZE_ADDRESS__

}  // namespace
}  // namespace sbcheck::cell
