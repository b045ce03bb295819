// The trace errors that depend on earlier lines: unbound names, `return` and
// `protect` without an open frame, `cell[..]` ranges outside the new pointer's
// range, and a second `!ub`. Run over the whole file before anything runs.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "harness/sbt/trace.hpp"

namespace sbcheck::sbt {

/// Walks a trace's events in order, tracking what each line leaves behind:
/// which names are bound (with their static byte range), how many frames are
/// open, and where the `!ub` marker was.
class TraceChecker {
 public:
  /// Checks `event` against the events before it and records its effect.
  /// Returns the trace error's message, if any (then the checker stops being
  /// meaningful: the parser reports only the first error).
  std::optional<std::string> check(const Event& event);

 private:
  std::optional<std::string> checkLet(const Event& event);
  std::optional<std::string> checkOperand(const Operand& operand) const;
  std::optional<std::string> checkMarker(const Event& event);
  /// The range the operand covers: its own `[A..B]`, else its pointer's range.
  ByteRange rangeOf(const Operand& operand) const;

  /// Each nameable pointer's static range (alloc: [0, N); let: its operand's).
  std::map<std::string, ByteRange, std::less<>> ranges_;
  int openFrames_ = 0;
  std::optional<int> markerLine_;  ///< line of the `!ub` seen so far
};

}  // namespace sbcheck::sbt
