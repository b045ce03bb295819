// GoogleTest helpers for CheckedMemory (target sbcheck::gtest): a failure
// message that carries the model's report and the `.sbt` trace to replay.
//
//   sbcheck::CheckedMemory memory;
//   MyCell cell(memory);
//   ...
//   EXPECT_TRUE(sbcheck::testing::noUb(memory));
//   EXPECT_TRUE(sbcheck::testing::ubOfKind(memory, "use-after-free"));
#pragma once

#include <gtest/gtest.h>
#include <sbcheck/checked_memory.hpp>

#include <string_view>

namespace sbcheck::testing {

/// Success when the model found no undefined behaviour; otherwise a failure
/// with its report and the trace that `sbcheck replay` replays.
inline ::testing::AssertionResult noUb(const CheckedMemory& memory) {
  if (!memory.undefined()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "the model found undefined behaviour:\n"
                                       << memory.report() << "\ntrace (sbcheck replay):\n"
                                       << memory.trace();
}

/// Success when the model found undefined behaviour of `kind`
/// ("use-after-free", "no-granting-item", ...); otherwise a failure saying
/// what it found instead, with the trace.
inline ::testing::AssertionResult ubOfKind(const CheckedMemory& memory, std::string_view kind) {
  if (memory.ubKind() == kind) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure() << "expected undefined behaviour of kind " << kind << ", found ";
  if (!memory.undefined()) return failure << "none; trace:\n" << memory.trace();
  return failure << memory.ubKind() << ":\n" << memory.report() << "\ntrace:\n" << memory.trace();
}

}  // namespace sbcheck::testing
