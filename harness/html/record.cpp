// Recording a lane: the trace runs on the model one event at a time, as
// `sbcheck replay` runs it, and after each event every allocation's stacks are
// copied out, with the removals the model reported while the event ran.
#include <cassert>

#include "harness/html/timeline.hpp"
#include "harness/sbt/print.hpp"
#include "model/sb/diagnostics.hpp"

namespace sbcheck::html {
namespace {

/// Hears the model's removals during one event.
class RemovalLog final : public sb::StackObserver {
 public:
  void removed(const sb::Removal& removal, ByteRange where) override { pending_.emplace_back(removal, where); }
  std::vector<std::pair<sb::Removal, ByteRange>> take() { return std::exchange(pending_, {}); }

 private:
  std::vector<std::pair<sb::Removal, ByteRange>> pending_;
};

/// "<3> (b)" or "<untagged>", as the text report names the granting pointer.
std::string reportTagName(const Lane& lane, sb::Tag tag) {
  auto found = lane.tagNames.find(tag.id);
  if (tag.untagged() || found == lane.tagNames.end()) return sb::toString(tag);
  return sb::toString(tag) + " (" + found->second + ")";
}

/// How the text report quotes an event's line: its `.sbt` text, or for a
/// `.cell` run the operation the probe wrote in the event's comment ("9: add s 2").
std::string lineText(const sbt::Event& event) {
  const std::string prefix = std::to_string(event.line) + ": ";
  if (event.comment.starts_with(prefix)) return event.comment.substr(prefix.size());
  return sbt::printEvent(event);
}

/// The removal in the text report's words ("... removed at line 8 (`write a`)
/// by a write access via <2> (x0): Unique grants the write; ...").
std::string whyRemoved(const Lane& lane, const sbt::Event& event, const sb::Removal& removal) {
  std::string text = std::string(removal.disabled ? "disabled" : "removed") + " at line " +
                     std::to_string(event.line) + " (`" + lineText(event) + "`)";
  if (!removal.deallocated) {
    text += " by a " + std::string(sb::name(removal.access)) + " access via " + reportTagName(lane, removal.granting.tag);
  }
  return text + ": " + sb::ruleText(removal);
}

/// Every allocation's stacks, now.
std::vector<AllocationState> snapshot(const sb::AnyModel& model, const sbt::TraceRunner& runner, sb::AllocId count) {
  std::vector<AllocationState> states;
  for (sb::AllocId alloc = 0; alloc < count; ++alloc) {
    AllocationState state{runner.allocationName(alloc), model.allocationSize(alloc), model.isLive(alloc), {}};
    if (state.live) {
      model.forEachStack(alloc, ByteRange{0, state.size},
                         [&](ByteRange run, const sb::Stack& stack) { state.runs.emplace_back(run, stack); });
    }
    states.push_back(std::move(state));
  }
  return states;
}

/// Names the tags this event's items carry that the lane has not named yet.
void learnNames(Lane& lane, const sbt::TraceRunner& runner, const std::vector<AllocationState>& states) {
  for (const AllocationState& state : states) {
    for (const auto& [run, stack] : state.runs) {
      for (const sb::Item& item : stack.items()) {
        if (lane.tagNames.contains(item.tag.id) || item.tag.untagged()) continue;
        if (const std::string* name = runner.boundName(item.tag)) lane.tagNames.emplace(item.tag.id, *name);
      }
    }
  }
}

}  // namespace

std::string tagLabel(const Lane& lane, sb::Tag tag) {
  if (tag.untagged()) return "untagged";
  auto found = lane.tagNames.find(tag.id);
  return found == lane.tagNames.end() ? sb::toString(tag) : found->second;
}

Lane recordLane(const sbt::Trace& trace, sb::AnyModel& model, std::string name,
                const std::optional<sbt::UbReport>& ub) {
  Lane lane;
  lane.name = std::move(name);
  sbt::TraceRunner runner(model, /*explaining=*/true);
  RemovalLog log;
  runner.observeRemovals(&log);
  sb::AllocId allocations = 0;
  for (const sbt::Event& event : trace.events) {
    Step step{event, sbt::printEvent(event), {}, {}, {}, {}, runner.step(event)};
    if (event.kind == sbt::EventKind::kAlloc) ++allocations;
    step.use = runner.lastUse();
    if (step.use) step.useAlloc = runner.allocationName(step.use->ptr.alloc);
    step.allocations = snapshot(model, runner, allocations);
    learnNames(lane, runner, step.allocations);
    for (const auto& [removal, bytes] : log.take()) {
      assert(step.use && "only an event that uses a pointer removes items");
      step.removed.push_back(RemovedItem{step.useAlloc, bytes, removal, whyRemoved(lane, event, removal)});
    }
    if (step.ub && ub && ub->line == step.ub->line) step.ub = ub;
    const bool stop = step.ub.has_value();
    lane.steps.push_back(std::move(step));
    if (stop) break;
  }
  runner.observeRemovals(nullptr);
  return lane;
}

std::string reportText(const sbt::UbReport& ub) {
  std::string text = "error: line " + std::to_string(ub.line) + " `" + ub.event + "`: " + ub.message + "\n";
  if (!ub.stack.empty()) text += "stack: " + ub.stack + "\n";
  for (const std::string& help : ub.help) text += "help: " + help + "\n";
  return text;
}

}  // namespace sbcheck::html
