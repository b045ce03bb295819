// "Removed items never grant access" over `.sbt` traces: a small event runner
// that hears every removal, notes where a tag lost its last item, and flags a
// later use of that tag the model still grants; the random search and shrinker.
#include "properties/sbt_property.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "harness/sbt/print.hpp"
#include "harness/sbt/replay.hpp"
#include "model/sb/any_model.hpp"
#include "model/sb/policy.hpp"

namespace sbcheck::properties {
namespace {

using sbt::ByteRange;
using sbt::Event;
using sbt::Trace;

/// Bytes where a tag lost its last item, and the event that took it.
struct Loss {
  ByteRange bytes;
  std::size_t event = 0;
  bool disabled = false;  ///< the tag still has items there, all Disabled
};

using sbt::Use;

/// Hears every removal during one event (all in that event's allocation).
class RemovalLog final : public sb::StackObserver {
 public:
  void removed(const sb::Removal& removal, ByteRange where) override {
    removals_.emplace_back(removal.item.tag, where);
  }
  std::vector<std::pair<sb::Tag, ByteRange>> take() { return std::exchange(removals_, {}); }

 private:
  std::vector<std::pair<sb::Tag, ByteRange>> removals_;
};

/// Runs a trace's events on a model (sbt::TraceRunner), keeping per
/// (allocation, tag) the bytes where the tag lost its last item.
class LossTracker {
 public:
  LossTracker(const Trace& trace, sb::AnyModel& model, TagScope scope)
      : trace_(trace), model_(model), scope_(scope), runner_(model, /*explaining=*/false) {
    model_.setObserver(&log_);
  }
  ~LossTracker() { model_.setObserver(nullptr); }
  LossTracker(const LossTracker&) = delete;
  LossTracker& operator=(const LossTracker&) = delete;

  /// Runs event `i`: false on UB (the trace ends there); `violation` is set
  /// when the model granted a use of a tag where it had lost every item.
  bool step(std::size_t i, std::optional<TraceViolation>& violation) {
    const bool ub = runner_.step(trace_.events[i]).has_value();
    const auto removals = log_.take();
    if (ub) return false;
    const std::optional<Use>& use = runner_.lastUse();
    if (use && inScope(use->ptr.tag)) violation = grantedAfterLoss(i, *use);
    if (use) recordLosses(i, use->ptr.alloc, removals);
    return true;
  }

 private:
  bool inScope(sb::Tag tag) const { return tag.untagged() == (scope_ == TagScope::kUntagged); }

  /// After event `i`, the bytes where a tag it removed items of has none left
  /// that grant anything. A freed allocation is skipped: every later use of it
  /// is UB (use after free), so nothing there is granted again.
  void recordLosses(std::size_t i, sb::AllocId alloc, const std::vector<std::pair<sb::Tag, ByteRange>>& removals) {
    if (!model_.isLive(alloc)) return;
    for (const auto& removal : removals) {
      // Named copies, not a structured binding: clang 14 (the fuzz build)
      // cannot capture a structured binding in the lambda below.
      const sb::Tag tag = removal.first;
      const ByteRange where = removal.second;
      if (!inScope(tag)) continue;
      std::vector<Loss>& losses = losses_[{alloc, tag.id}];
      model_.forEachStack(alloc, where, [&](ByteRange run, const sb::Stack& stack) {
        bool present = false;
        bool disabled = false;
        for (const sb::Item& item : stack.items()) {
          if (item.tag != tag) continue;
          (item.perm == sb::Permission::Disabled ? disabled : present) = true;
        }
        const Loss loss{run, i, disabled};
        const bool repeated = !losses.empty() && losses.back().event == i && losses.back().bytes == run;
        if (!present && !repeated) losses.push_back(loss);
      });
    }
  }

  /// The lowest byte of `use` where its tag had lost every item before event
  /// `i` (the earliest such loss there), as a violation.
  std::optional<TraceViolation> grantedAfterLoss(std::size_t i, const Use& use) const {
    const auto found = losses_.find({use.ptr.alloc, use.ptr.tag.id});
    if (found == losses_.end()) return std::nullopt;
    const Loss* first = nullptr;
    std::uint64_t byte = 0;
    for (const Loss& loss : found->second) {
      const std::uint64_t begin = std::max(loss.bytes.begin, use.bytes.begin);
      if (begin >= std::min(loss.bytes.end, use.bytes.end)) continue;
      if (first == nullptr || begin < byte) {
        first = &loss;
        byte = begin;
      }
    }
    if (first == nullptr) return std::nullopt;
    const std::string tag = sb::toString(use.ptr.tag);
    return TraceViolation{
        i, "`" + sbt::printEvent(trace_.events[i]) + "` (event " + std::to_string(i + 1) + ") is granted via " +
               tag + " at " + runner_.allocationName(use.ptr.alloc) + "[" + std::to_string(byte) + "], but " + tag +
               " lost its last item there at event " + std::to_string(first->event + 1) + " (`" +
               sbt::printEvent(trace_.events[first->event]) + "`" + (first->disabled ? ", which disabled it" : "") +
               ")"};
  }

  const Trace& trace_;
  sb::AnyModel& model_;
  TagScope scope_;
  sbt::TraceRunner runner_;
  RemovalLog log_;
  std::map<std::pair<sb::AllocId, std::uint64_t>, std::vector<Loss>> losses_;  ///< by (alloc, tag id)
};

}  // namespace

std::optional<TraceViolation> checkRemovedItemsNeverGrant(const Trace& trace, std::string_view model,
                                                          TagScope scope) {
  const std::unique_ptr<sb::AnyModel> aliasing = sb::AnyModel::create(model);
  assert(aliasing && "callers pass a known model name");
  LossTracker tracker(trace, *aliasing, scope);
  std::optional<TraceViolation> violation;
  for (std::size_t i = 0; i < trace.events.size() && !violation; ++i) {
    if (!tracker.step(i, violation)) break;
  }
  return violation;
}

bool removedItemsMustHold(std::string_view model, TagScope scope) {
  if (scope == TagScope::kTagged) return true;
  // Untagged items come and go with raw pointers unless those are tagged; then
  // only an untagged allocation's base is Untagged, and nothing removes it.
  bool taggedRaw = false;
  sb::forEachVariant([&]<class P>() {
    if (P::kName == model) taggedRaw = P::kTaggedRawPointers;
  });
  return taggedRaw;
}

}  // namespace sbcheck::properties
