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
#include "model/sb/any_model.hpp"
#include "model/sb/policy.hpp"

namespace sbcheck::properties {
namespace {

using sbt::ByteRange;
using sbt::Event;
using sbt::EventKind;
using sbt::LetKind;
using sbt::Trace;

/// Bytes where a tag lost its last item, and the event that took it.
struct Loss {
  ByteRange bytes;
  std::size_t event = 0;
  bool disabled = false;  ///< the tag still has items there, all Disabled
};

/// A pointer a granted event used: its tag at these bytes of its allocation.
struct Use {
  sb::Pointer ptr;
  ByteRange bytes;
};

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

/// Runs a trace's events on a model, as harness/sbt/replay.cpp does, keeping
/// per (allocation, tag) the bytes where the tag lost its last item.
class LossTracker {
 public:
  LossTracker(const Trace& trace, sb::AnyModel& model, TagScope scope)
      : trace_(trace), model_(model), scope_(scope) {
    model_.setObserver(&log_);
  }
  ~LossTracker() { model_.setObserver(nullptr); }
  LossTracker(const LossTracker&) = delete;
  LossTracker& operator=(const LossTracker&) = delete;

  /// Runs event `i`: false on UB (the trace ends there); `violation` is set
  /// when the model granted a use of a tag where it had lost every item.
  bool step(std::size_t i, std::optional<TraceViolation>& violation) {
    const Event& event = trace_.events[i];
    std::optional<Use> use;
    const sb::Outcome ub = run(event, use);
    const auto removals = log_.take();
    if (ub) return false;
    if (use && inScope(use->ptr.tag)) violation = grantedAfterLoss(i, *use);
    if (use) recordLosses(i, use->ptr.alloc, removals);
    return true;
  }

 private:
  struct Binding {
    sb::Pointer ptr;
    ByteRange range;
  };

  bool inScope(sb::Tag tag) const { return tag.untagged() == (scope_ == TagScope::kUntagged); }

  /// The model operations of one event; `use` is what a retag, access or
  /// dealloc went through (a copy, an alloc or a frame uses no item).
  sb::Outcome run(const Event& event, std::optional<Use>& use) {
    switch (event.kind) {
      case EventKind::kAlloc: {
        const sb::Pointer ptr = model_.allocate(event.size, event.untagged);
        allocNames_.push_back(event.name);
        names_.insert_or_assign(event.name, Binding{ptr, ByteRange{0, event.size}});
        return std::nullopt;
      }
      case EventKind::kLet: return let(event, use);
      case EventKind::kCall: model_.call(); return std::nullopt;
      case EventKind::kReturn: {
        [[maybe_unused]] const bool wasOpen = model_.ret();
        assert(wasOpen && "a well-formed trace returns only from an open frame");
        return std::nullopt;
      }
      case EventKind::kRead:
      case EventKind::kWrite: {
        const Binding& target = names_.at(event.operand.name);
        use = Use{target.ptr, event.operand.range.value_or(target.range)};
        const auto kind = event.kind == EventKind::kRead ? sb::AccessKind::Read : sb::AccessKind::Write;
        return model_.access(kind, use->ptr, use->bytes);
      }
      case EventKind::kDealloc: {
        const sb::Pointer ptr = names_.at(event.operand.name).ptr;
        use = Use{ptr, ByteRange{0, model_.allocationSize(ptr.alloc)}};
        return model_.dealloc(ptr);
      }
    }
    return std::nullopt;
  }

  sb::Outcome let(const Event& event, std::optional<Use>& use) {
    const Binding parent = names_.at(event.operand.name);
    const ByteRange range = event.operand.range.value_or(parent.range);
    if (event.let == LetKind::kCopy) {
      if (sb::Outcome ub = model_.copy(parent.ptr, range)) return ub;
      names_.insert_or_assign(event.name, Binding{parent.ptr, range});
      return std::nullopt;
    }
    const std::vector<ByteRange> cells = event.allCell ? std::vector<ByteRange>{range} : event.cellRanges;
    const sb::RetagSpec spec{retagKind(event), cells, event.protect};
    use = Use{parent.ptr, range};
    const sb::Retagged retagged = model_.retag(parent.ptr, range, spec);
    if (!retagged.ub) names_.insert_or_assign(event.name, Binding{sb::Pointer{parent.ptr.alloc, retagged.tag}, range});
    return retagged.ub;
  }

  static sb::RetagKind retagKind(const Event& event) {
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

  /// After event `i`, the bytes where a tag it removed items of has none left
  /// that grant anything. A freed allocation is skipped: every later use of it
  /// is UB (use after free), so nothing there is granted again.
  void recordLosses(std::size_t i, sb::AllocId alloc, const std::vector<std::pair<sb::Tag, ByteRange>>& removals) {
    if (!model_.isLive(alloc)) return;
    for (const auto& [tag, where] : removals) {
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
               tag + " at " + allocNames_[use.ptr.alloc] + "[" + std::to_string(byte) + "], but " + tag +
               " lost its last item there at event " + std::to_string(first->event + 1) + " (`" +
               sbt::printEvent(trace_.events[first->event]) + "`" + (first->disabled ? ", which disabled it" : "") +
               ")"};
  }

  const Trace& trace_;
  sb::AnyModel& model_;
  TagScope scope_;
  RemovalLog log_;
  std::map<std::string, Binding, std::less<>> names_;
  std::vector<std::string> allocNames_;  ///< by AllocId: the name its `alloc` bound
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
