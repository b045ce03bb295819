// The reference's reading of each `.sbt` event (sbt-format.md "Events").
#include "model/reference/interpreter.hpp"

#include <cassert>
#include <vector>

namespace sbcheck::reference {
namespace {

RetagKind retagKind(const sbt::Event& event) {
  switch (event.let) {
    case sbt::LetKind::kMutRef: return event.twoPhase ? RetagKind::kTwoPhase : RetagKind::kUnique;
    case sbt::LetKind::kSharedRef: return RetagKind::kShared;
    case sbt::LetKind::kRawMut: return RetagKind::kRawMut;
    case sbt::LetKind::kRawConst: return RetagKind::kRawConst;
    case sbt::LetKind::kCopy: break;
  }
  assert(false && "a copy is no retag");
  return RetagKind::kUnique;
}

}  // namespace

std::optional<UbKind> Interpreter::let(const sbt::Event& event) {
  assert(names_.count(event.operand.name) && "parseTrace rejects unbound names");
  const Binding parent = names_.at(event.operand.name);
  const ByteRange range = event.operand.range.value_or(parent.range);
  if (event.let == sbt::LetKind::kCopy) {
    if (auto ub = memory_.copy(parent.ptr, range)) return ub;
    names_[event.name] = Binding{parent.ptr, range};
    return std::nullopt;
  }
  const std::vector<ByteRange> cells = event.allCell ? std::vector<ByteRange>{range} : event.cellRanges;
  const Retagged made = memory_.retag(parent.ptr, range, Retag{retagKind(event), cells, event.protect});
  if (made.ub) return made.ub;
  names_[event.name] = Binding{Pointer{parent.ptr.alloc, made.tag}, range};
  return std::nullopt;
}

std::optional<UbKind> Interpreter::step(const sbt::Event& event) {
  switch (event.kind) {
    case sbt::EventKind::kAlloc:
      names_[event.name] = Binding{memory_.allocate(event.size, event.untagged), ByteRange{0, event.size}};
      return std::nullopt;
    case sbt::EventKind::kLet: return let(event);
    case sbt::EventKind::kCall: memory_.call(); return std::nullopt;
    case sbt::EventKind::kReturn: memory_.ret(); return std::nullopt;
    case sbt::EventKind::kRead:
    case sbt::EventKind::kWrite: {
      const Binding& target = names_.at(event.operand.name);
      const Access access = event.kind == sbt::EventKind::kRead ? Access::Read : Access::Write;
      return memory_.access(access, target.ptr, event.operand.range.value_or(target.range));
    }
    case sbt::EventKind::kDealloc: return memory_.dealloc(names_.at(event.operand.name).ptr);
  }
  return std::nullopt;
}

}  // namespace sbcheck::reference
