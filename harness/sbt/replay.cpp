// The trace runner: binds names to pointers, turns each event into model
// operations, and keeps what a report needs (names, lines, history).
#include "harness/sbt/replay.hpp"

#include <algorithm>
#include <cassert>

#include "harness/sbt/explain.hpp"
#include "harness/sbt/print.hpp"
#include "model/sb/diagnostics.hpp"

namespace sbcheck::sbt {
namespace {

sb::RetagKind retagKind(const Event& event) {
  switch (event.let) {
    case LetKind::kMutRef: return event.twoPhase ? sb::RetagKind::kTwoPhase : sb::RetagKind::kUnique;
    case LetKind::kSharedRef: return sb::RetagKind::kShared;
    case LetKind::kRawMut: return sb::RetagKind::kRawMut;
    case LetKind::kRawConst: return sb::RetagKind::kRawConst;
    case LetKind::kCopy: break;
  }
  assert(false && "copies are not retags");
  return sb::RetagKind::kUnique;
}

sb::Outcome alloc(World& world, sb::AnyModel& model, const Event& event) {
  const sb::Pointer ptr = model.allocate(event.size, event.untagged);
  world.allocNames.push_back(event.name);
  world.freedLines.push_back(0);
  world.bind(event.name, Binding{ptr, ByteRange{0, event.size}}, event.line);
  if (world.explaining) {
    world.history.created(ptr.tag, sb::Creation{event.line, event.untagged ? "untagged allocation" : "allocation",
                                                std::nullopt, ptr.alloc, ByteRange{0, event.size}});
  }
  return std::nullopt;
}

sb::Outcome let(World& world, sb::AnyModel& model, const Event& event) {
  const Binding parent = world.lookup(event.operand.name);
  const ByteRange range = event.operand.range.value_or(parent.range);
  world.history.beginEvent(event.line, parent.ptr.alloc);
  if (event.let == LetKind::kCopy) {
    if (sb::Outcome ub = model.copy(parent.ptr, range)) return ub;
    world.bind(event.name, Binding{parent.ptr, range}, event.line);
    return std::nullopt;
  }
  const std::vector<ByteRange> cells = event.allCell ? std::vector<ByteRange>{range} : event.cellRanges;
  const sb::RetagSpec spec{retagKind(event), cells, event.protect};
  world.lastUse = Use{parent.ptr, range};
  const sb::Retagged retagged = model.retag(parent.ptr, range, spec);
  if (retagged.ub) return retagged.ub;
  const sb::Pointer ptr{parent.ptr.alloc, retagged.tag};
  world.bind(event.name, Binding{ptr, range}, event.line);
  if (world.explaining) {
    world.history.created(ptr.tag, sb::Creation{event.line, printEvent(event), parent.ptr.tag, ptr.alloc, range});
  }
  return std::nullopt;
}

sb::Outcome access(World& world, sb::AnyModel& model, const Event& event, sb::AccessKind kind) {
  const Binding& target = world.lookup(event.operand.name);
  world.history.beginEvent(event.line, target.ptr.alloc);
  world.lastUse = Use{target.ptr, event.operand.range.value_or(target.range)};
  return model.access(kind, target.ptr, world.lastUse->bytes);
}

sb::Outcome dealloc(World& world, sb::AnyModel& model, const Event& event) {
  const Binding& target = world.lookup(event.operand.name);
  world.history.beginEvent(event.line, target.ptr.alloc);
  world.lastUse = Use{target.ptr, ByteRange{0, model.allocationSize(target.ptr.alloc)}};
  sb::Outcome ub = model.dealloc(target.ptr);
  if (!ub) world.freedLines[target.ptr.alloc] = event.line;
  return ub;
}

sb::Outcome run(World& world, sb::AnyModel& model, const Event& event) {
  switch (event.kind) {
    case EventKind::kAlloc: return alloc(world, model, event);
    case EventKind::kLet: return let(world, model, event);
    case EventKind::kCall:
      model.call();
      world.callLines.push_back(event.line);
      return std::nullopt;
    case EventKind::kReturn: {
      [[maybe_unused]] const bool wasOpen = model.ret();
      assert(wasOpen && "parseTrace rejects a return with no open frame");
      return std::nullopt;
    }
    case EventKind::kRead: return access(world, model, event, sb::AccessKind::Read);
    case EventKind::kWrite: return access(world, model, event, sb::AccessKind::Write);
    case EventKind::kDealloc: return dealloc(world, model, event);
  }
  return std::nullopt;
}

}  // namespace

/// Forwards each removal to the history first, then to one more observer.
class TraceRunner::Tee final : public sb::StackObserver {
 public:
  Tee(sb::History& history, sb::StackObserver& extra) : history_(history), extra_(extra) {}
  void removed(const sb::Removal& removal, ByteRange where) override {
    history_.removed(removal, where);
    extra_.removed(removal, where);
  }

 private:
  sb::History& history_;
  sb::StackObserver& extra_;
};

TraceRunner::TraceRunner(sb::AnyModel& model, bool explaining)
    : model_(model), world_(std::make_unique<World>(model, explaining)) {
  if (explaining) model_.setObserver(&world_->history);
}

TraceRunner::~TraceRunner() { model_.setObserver(nullptr); }

std::optional<UbReport> TraceRunner::step(const Event& event, const std::string* lineText) {
  world_->lastUse.reset();
  if (world_->explaining) world_->lineTexts.try_emplace(event.line, lineText != nullptr ? *lineText : printEvent(event));
  sb::Outcome ub = run(*world_, model_, event);
  if (!ub) return std::nullopt;
  if (!world_->explaining) return UbReport{event.line, {}, std::string(sb::kindId(ub->kind)), {}, {}, {}};
  UbReport report = explain(*world_, event, *ub);
  if (lineText != nullptr) {
    // Reported in the caller's terms (a `.cell` line), naming the model's event.
    report.help.insert(report.help.begin(), "the model's event: `" + report.event + "`");
    report.event = *lineText;
  }
  return report;
}

Step TraceRunner::stacksAfter(const Event& event) const {
  Step step{event.line, printEvent(event), {}};
  if (event.kind == EventKind::kCall || event.kind == EventKind::kReturn) return step;
  const bool binds = event.kind == EventKind::kAlloc || event.kind == EventKind::kLet;
  const Binding& subject = world_->lookup(binds ? event.name : event.operand.name);
  const sb::AllocId alloc = subject.ptr.alloc;
  if (!model_.isLive(alloc)) {
    step.stacks.push_back(world_->allocNames[alloc] + ": freed");
    return step;
  }
  ByteRange range = binds ? subject.range : event.operand.range.value_or(subject.range);
  if (event.kind == EventKind::kDealloc) range = ByteRange{0, model_.allocationSize(alloc)};
  range.end = std::min(range.end, model_.allocationSize(alloc));
  model_.forEachStack(alloc, range, [&](ByteRange run, const sb::Stack& stack) {
    step.stacks.push_back(world_->place(alloc, run) + ": " + sb::toString(stack));
  });
  return step;
}

const std::optional<Use>& TraceRunner::lastUse() const { return world_->lastUse; }

const std::string& TraceRunner::allocationName(sb::AllocId alloc) const { return world_->allocNames[alloc]; }

UserTerms& TraceRunner::terms() { return world_->terms; }

const std::string* TraceRunner::boundName(sb::Tag tag) const {
  if (tag.untagged()) return nullptr;
  auto found = world_->tagNames.find(tag.id);
  return found == world_->tagNames.end() ? nullptr : &found->second;
}

void TraceRunner::observeRemovals(sb::StackObserver* observer) {
  if (!world_->explaining) return;
  tee_ = observer != nullptr ? std::make_unique<Tee>(world_->history, *observer) : nullptr;
  model_.setObserver(tee_ ? static_cast<sb::StackObserver*>(tee_.get()) : &world_->history);
}

ReplayResult replay(const Trace& trace, sb::AnyModel& model, bool recordSteps) {
  ReplayResult result;
  TraceRunner runner(model, /*explaining=*/true);
  for (const Event& event : trace.events) {
    result.ub = runner.step(event);
    if (result.ub) break;
    if (recordSteps) result.steps.push_back(runner.stacksAfter(event));
  }
  return result;
}

std::optional<int> expectedUbLine(const Trace& trace) {
  for (const Event& event : trace.events) {
    if (event.expectUb) return event.line;
  }
  return std::nullopt;
}

std::string verdictText(std::optional<int> expected, std::optional<int> got) {
  const std::string gotText = got ? "UB at line " + std::to_string(*got) : "no UB";
  if (expected == got) return expected ? gotText + ", as expected" : "no UB, as expected";
  return (expected ? "expected UB at line " + std::to_string(*expected) : std::string("expected no UB")) + "; got " +
         gotText;
}

}  // namespace sbcheck::sbt

namespace sbcheck::sbt {

std::optional<UbReport> firstUb(const Trace& trace, sb::AnyModel& model) {
  TraceRunner runner(model, /*explaining=*/false);
  for (const Event& event : trace.events) {
    if (std::optional<UbReport> ub = runner.step(event)) return ub;
  }
  return std::nullopt;
}

}  // namespace sbcheck::sbt
