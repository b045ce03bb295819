// The trace errors that depend on earlier lines (sbt-format.md): names bound
// before use, frames open for `return` and `protect`, `cell[..]` ranges inside
// the new pointer's range, at most one `!ub`.
#include "harness/sbt/check.hpp"

#include <cassert>

#include "harness/text/source.hpp"

namespace sbcheck::sbt {
namespace {

std::string show(ByteRange range) {
  return "[" + std::to_string(range.begin) + ".." + std::to_string(range.end) + "]";
}

bool inside(ByteRange inner, ByteRange outer) {
  return outer.begin <= inner.begin && inner.end <= outer.end;
}

}  // namespace

std::optional<std::string> TraceChecker::check(const Event& event) {
  switch (event.kind) {
    case EventKind::kAlloc:
      ranges_.insert_or_assign(event.name, ByteRange{0, event.size});
      return std::nullopt;
    case EventKind::kLet:
      return checkLet(event);
    case EventKind::kCall:
      ++openFrames_;
      return std::nullopt;
    case EventKind::kReturn:
      if (openFrames_ == 0) return "'return' with no open frame (no 'call' before it)";
      --openFrames_;
      return std::nullopt;
    case EventKind::kRead:
    case EventKind::kWrite:
    case EventKind::kDealloc:
      if (auto error = checkOperand(event.operand)) return error;
      return checkMarker(event);
  }
  assert(false && "every EventKind is handled above");
  return std::nullopt;
}

std::optional<std::string> TraceChecker::checkLet(const Event& event) {
  if (auto error = checkOperand(event.operand)) return error;
  if (event.protect && openFrames_ == 0) return "'protect' needs an open frame (no 'call' before it)";
  const ByteRange range = rangeOf(event.operand);
  for (const ByteRange cell : event.cellRanges) {
    if (!inside(cell, range)) {
      return "cell" + show(cell) + " lies outside the new pointer's range " + show(range);
    }
  }
  if (auto error = checkMarker(event)) return error;
  // Bound only now: `let x = &x` reborrows the old `x`, then shadows it.
  ranges_.insert_or_assign(event.name, range);
  return std::nullopt;
}

std::optional<std::string> TraceChecker::checkOperand(const Operand& operand) const {
  if (!ranges_.contains(operand.name)) return "unbound name " + text::quoted(operand.name);
  return std::nullopt;
}

std::optional<std::string> TraceChecker::checkMarker(const Event& event) {
  if (!event.expectUb) return std::nullopt;
  if (markerLine_) {
    return "a second '!ub' (the first is on line " + std::to_string(*markerLine_) +
           "; a trace stops at its first UB)";
  }
  markerLine_ = event.line;
  return std::nullopt;
}

ByteRange TraceChecker::rangeOf(const Operand& operand) const {
  if (operand.range) return *operand.range;
  const auto found = ranges_.find(operand.name);
  assert(found != ranges_.end() && "operand checked to be bound");
  return found->second;
}

}  // namespace sbcheck::sbt
