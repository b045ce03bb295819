// Reading `.sbt` text into a Trace, with every trace error of sbt-format.md
// found before anything runs.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "harness/sbt/trace.hpp"

namespace sbcheck::sbt {

/// The first trace error of a file: reported as `FILE:LINE: message`.
struct TraceError {
  int line = 0;
  std::string message;  ///< lowercase, no final period
};

/// Parses and checks a whole trace: syntax, names (bound, not keywords),
/// `protect`/`return` placement, `cell[..]` ranges, `!ub` placement and count,
/// the `#! models:` header (names must be known models). Returns the first error.
std::variant<Trace, TraceError> parseTrace(std::string_view text);

}  // namespace sbcheck::sbt
