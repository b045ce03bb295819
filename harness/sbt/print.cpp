// Writing a Trace back as canonical `.sbt` text: single spaces, modifiers in
// the spec's order, so parseTrace(printTrace(t)) gives back t's models and events.
#include "harness/sbt/print.hpp"

#include <algorithm>

namespace sbcheck::sbt {
namespace {

std::string printRange(ByteRange range) {
  return "[" + std::to_string(range.begin) + ".." + std::to_string(range.end) + "]";
}

std::string printOperand(const Operand& operand) {
  return operand.range ? operand.name + printRange(*operand.range) : operand.name;
}

/// `&mut x`, `&cell x`, `&x`, `*mut x`, `*const cell x`, `*const x` or `x`.
std::string printRhs(const Event& event) {
  const std::string operand = printOperand(event.operand);
  switch (event.let) {
    case LetKind::kMutRef: return "&mut " + operand;
    case LetKind::kSharedRef: return event.allCell ? "&cell " + operand : "&" + operand;
    case LetKind::kRawMut: return "*mut " + operand;
    case LetKind::kRawConst: return event.allCell ? "*const cell " + operand : "*const " + operand;
    case LetKind::kCopy: return operand;
  }
  return operand;
}

/// `twophase`, `cell` / `cell[..]`..., `protect`, in the spec's order (`!ub` is
/// added for every kind by printEvent).
std::string printModifiers(const Event& event) {
  std::string text;
  if (event.twoPhase) text += " twophase";
  // For `&` and `*const` a whole-cell borrow is written in the operator instead.
  if (event.allCell && event.let == LetKind::kMutRef) text += " cell";
  for (const ByteRange range : event.cellRanges) text += " cell" + printRange(range);
  if (event.protect) text += " protect";
  return text;
}

std::string printBody(const Event& event) {
  switch (event.kind) {
    case EventKind::kAlloc:
      return "alloc " + event.name + " " + std::to_string(event.size) + (event.untagged ? " untagged" : "");
    case EventKind::kLet: return "let " + event.name + " = " + printRhs(event) + printModifiers(event);
    case EventKind::kCall: return "call";
    case EventKind::kReturn: return "return";
    case EventKind::kRead: return "read " + printOperand(event.operand);
    case EventKind::kWrite: return "write " + printOperand(event.operand);
    case EventKind::kDealloc: return "dealloc " + printOperand(event.operand);
  }
  return {};
}

/// A comment stays on its line: a newline in it would start a new event.
std::string oneLine(std::string comment) {
  std::replace_if(comment.begin(), comment.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return comment;
}

}  // namespace

std::string printEvent(const Event& event) {
  return printBody(event) + (event.expectUb ? " !ub" : "");
}

std::string printTrace(const Trace& trace) {
  std::string text;
  if (!trace.models.empty()) {
    text += "#! models: ";
    for (std::size_t i = 0; i < trace.models.size(); ++i) text += (i == 0 ? "" : ", ") + trace.models[i];
    text += "\n";
  }
  for (const Event& event : trace.events) {
    text += printEvent(event);
    if (!event.comment.empty()) text += "  # " + oneLine(event.comment);
    text += "\n";
  }
  return text;
}

}  // namespace sbcheck::sbt
