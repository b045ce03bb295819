// GoogleTest printers and helpers shared by the cellseq tests, so a failed
// expectation shows an op as its `.cell` line rather than raw bytes. Found by
// ADL, hence declared in the types' namespace.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <ostream>
#include <string_view>
#include <variant>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/print.hpp"

namespace sbcheck::cellseq {

inline void PrintTo(const Op& op, std::ostream* os) { *os << "line " << op.line << ": " << printOp(op); }

inline void PrintTo(const SequenceError& error, std::ostream* os) { *os << error.line << ": " << error.message; }

/// The policy names the tests pass as `knownPolicies`.
inline constexpr std::array<std::string_view, 5> kKnownPolicies = {"strict", "generation", "unchecked-leak",
                                                                    "no-parent-ref", "unguarded-inner"};

inline std::variant<Sequence, SequenceError> parseWithKnown(std::string_view text) {
  return parseSequence(text, kKnownPolicies);
}

}  // namespace sbcheck::cellseq
