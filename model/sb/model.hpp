// The SB2 model over a whole program state: allocations with per-byte borrow
// stacks, active calls, fresh tags. It applies the per-location rules of
// rules.hpp to each run of bytes an operation covers, in offset order.
#pragma once

#include <optional>
#include <vector>

#include "model/mutant.hpp"
#include "model/sb/any_model.hpp"
#include "model/sb/policy.hpp"
#include "model/sb/rules.hpp"

namespace sbcheck::sb {

template <ModelPolicy P>
class Model final : public AnyModel {
 public:
  Model() : active_(1, false) {}

  std::string_view name() const override { return P::kName; }
  std::unique_ptr<AnyModel> clone() const override { return std::make_unique<Model>(*this); }
  bool itemsActAlone() const override { return kItemsActAlone<P>; }

  Pointer allocate(std::uint64_t size, bool untaggedBase) override {
    assert(size >= 1 && "the trace checker rejects empty allocations");
    const Tag base = untaggedBase ? kUntagged : freshTag();
    allocations_.push_back(Allocation{size, RangeMap<Stack>(size, Stack(Item{base}))});
    return Pointer{static_cast<AllocId>(allocations_.size() - 1), base};
  }

  Retagged retag(Pointer parent, ByteRange range, const RetagSpec& spec) override {
    if (Outcome ub = checkUsable(parent, range, Operation::kRetag)) {
      ub->retag = spec.kind;
      return {kUntagged, ub};
    }
    const bool raw = spec.kind == RetagKind::kRawMut || spec.kind == RetagKind::kRawConst;
    const Tag tag = raw && !P::kTaggedRawPointers ? kUntagged : freshTag();
    const CallId protector = spec.protect && !frames_.empty() ? frames_.back() : kNoCall;
    Outcome ub = forEachSegment(range, spec.cellRanges, [&](ByteRange bytes, bool inCell) {
      const auto [perm, strength] = newItem(spec.kind, inCell);
      return grantOn(parent, bytes, Item{tag, protector, perm}, strength, Operation::kRetag, spec.kind);
    });
    if (!ub && spec.kind == RetagKind::kTwoPhase && !P::kTwoPhaseIsSharedReadWrite &&
        !mutant::planted(mutant::Mutant::kModelNoTwoPhaseRegrant)) {
      // The re-grant: a shared reborrow of the parent tag from the new one.
      ub = forEachSegment(range, spec.cellRanges, [&](ByteRange bytes, bool inCell) {
        const Item regrant{parent.tag, kNoCall, inCell ? Permission::SharedReadWrite : Permission::SharedReadOnly};
        return grantOn(Pointer{parent.alloc, tag}, bytes, regrant,
                       inCell ? Strength::kWeak : Strength::kStrong, Operation::kTwoPhaseRegrant,
                       spec.kind);
      });
    }
    return {tag, ub};
  }

  Outcome access(AccessKind kind, Pointer ptr, ByteRange range) override {
    if (Outcome ub = checkUsable(ptr, range, Operation::kAccess)) {
      ub->access = kind;
      return ub;
    }
    if (kind == AccessKind::Read && readChangesNothingOn(ptr, range)) return std::nullopt;
    return onStacks(ptr, range, Operation::kAccess, [&](Stack& stack, const RuleContext& cx) {
      return sbcheck::sb::access<P>(stack, kind, ptr.tag, cx);
    });
  }

  Outcome dealloc(Pointer ptr) override {
    const std::uint64_t size = allocations_[ptr.alloc].size;
    if (Outcome ub = checkUsable(ptr, ByteRange{0, size}, Operation::kDealloc)) return ub;
    Outcome ub = onStacks(ptr, ByteRange{0, size}, Operation::kDealloc,
                          [&](Stack& stack, const RuleContext& cx) { return sbcheck::sb::dealloc(stack, ptr.tag, cx); });
    if (!ub) allocations_[ptr.alloc].stacks.reset();
    return ub;
  }

  Outcome copy(Pointer ptr, ByteRange range) override {
    if (range.end > allocations_[ptr.alloc].size) return failure(UbKind::kOutOfBounds, Operation::kCopy, ptr, range.begin);
    return std::nullopt;
  }

  void call() override {
    frames_.push_back(static_cast<CallId>(active_.size()));
    active_.push_back(true);
  }

  bool ret() override {
    if (frames_.empty()) return false;
    if (!mutant::planted(mutant::Mutant::kModelReturnKeepsProtector)) active_[frames_.back()] = false;
    frames_.pop_back();
    return true;
  }

  std::uint64_t allocationSize(AllocId alloc) const override { return allocations_[alloc].size; }
  bool isLive(AllocId alloc) const override { return allocations_[alloc].stacks.has_value(); }

  void forEachStack(AllocId alloc, ByteRange range,
                    const std::function<void(ByteRange, const Stack&)>& visit) const override {
    const auto& stacks = allocations_[alloc].stacks;
    if (stacks) stacks->forEach(range, visit);
  }

  void setObserver(StackObserver* observer) override { observer_ = observer; }

 private:
  struct Allocation {
    std::uint64_t size;
    std::optional<RangeMap<Stack>> stacks;  // empty once freed
  };

  Tag freshTag() { return Tag{nextTag_++}; }

  /// sb2.md's retag table: the new item's permission and strength.
  static std::pair<Permission, Strength> newItem(RetagKind kind, bool inCell) {
    switch (kind) {
      case RetagKind::kUnique: return {Permission::Unique, Strength::kStrong};
      case RetagKind::kTwoPhase:
        if constexpr (P::kTwoPhaseIsSharedReadWrite) return {Permission::SharedReadWrite, Strength::kWeak};
        return {Permission::Unique, Strength::kWeak};
      case RetagKind::kShared:
      case RetagKind::kRawConst:
        if (inCell && !mutant::planted(mutant::Mutant::kModelCellSharedIsStrong)) return {Permission::SharedReadWrite, Strength::kWeak};
        return {Permission::SharedReadOnly, Strength::kStrong};
      case RetagKind::kRawMut: return {Permission::SharedReadWrite, Strength::kWeak};
    }
    return {Permission::Unique, Strength::kStrong};
  }

  /// A read that changes no stack need not split the runs it covers.
  bool readChangesNothingOn(Pointer ptr, ByteRange range) const {
    return allocations_[ptr.alloc].stacks->allOf(
        range, [&](const Stack& stack) { return sbcheck::sb::readChangesNothing(stack, ptr.tag); });
  }

  /// Use after free, then out of bounds.
  Outcome checkUsable(Pointer ptr, ByteRange range, Operation op) const {
    if (!isLive(ptr.alloc)) return failure(UbKind::kUseAfterFree, op, ptr, range.begin);
    if (range.end > allocations_[ptr.alloc].size) return failure(UbKind::kOutOfBounds, op, ptr, range.begin);
    return std::nullopt;
  }

  static Ub failure(UbKind kind, Operation op, Pointer ptr, std::uint64_t offset) {
    Ub ub;
    ub.kind = kind;
    ub.op = op;
    ub.tag = ptr.tag;
    ub.alloc = ptr.alloc;
    ub.offset = offset;
    return ub;
  }

  Outcome grantOn(Pointer parent, ByteRange bytes, Item item, Strength strength, Operation op,
                  RetagKind kind) {
    Outcome ub = onStacks(parent, bytes, op, [&](Stack& stack, const RuleContext& cx) {
      return grant<P>(stack, parent.tag, item, strength, cx);
    });
    if (ub) ub->retag = kind;
    return ub;
  }

  /// Runs `rule` on each stack of `range`, in offset order, until UB.
  template <class Rule>
  Outcome onStacks(Pointer ptr, ByteRange range, Operation op, Rule&& rule) {
    Outcome ub;
    allocations_[ptr.alloc].stacks->forEach(range, [&](ByteRange run, Stack& stack) {
      const RuleContext cx{&active_, observer_, run};
      if (std::optional<StackUb> found = rule(stack, cx)) {
        ub = failure(found->kind, op, ptr, run.begin);
        ub->access = found->access;
        ub->item = found->item;
        return false;
      }
      return true;
    });
    return ub;
  }

  /// Splits `range` at the UnsafeCell ranges and calls `step(bytes, inCell)`
  /// on each piece in offset order, until UB.
  template <class Step>
  static Outcome forEachSegment(ByteRange range, std::span<const ByteRange> cells, Step&& step) {
    std::uint64_t at = range.begin;
    for (const ByteRange& cell : cells) {
      if (at < cell.begin)
        if (Outcome ub = step(ByteRange{at, cell.begin}, false)) return ub;
      if (Outcome ub = step(cell, true)) return ub;
      at = cell.end;
    }
    if (at < range.end) return step(ByteRange{at, range.end}, false);
    return std::nullopt;
  }

  std::vector<Allocation> allocations_;
  std::vector<bool> active_;     // indexed by CallId; [0] is "no call"
  std::vector<CallId> frames_;   // innermost last
  std::uint64_t nextTag_ = 1;
  StackObserver* observer_ = nullptr;
};

extern template class Model<Sb2>;
extern template class Model<Sb2StackWrite>;
extern template class Model<Sb2Disable>;
extern template class Model<Sb2Strict>;
extern template class Model<Sb2TaggedRaw>;

}  // namespace sbcheck::sb
