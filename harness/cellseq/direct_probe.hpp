// The fast checking probe: each memory operation goes straight to the model
// by pointer id, with no names or text; the first UB vetoes everything after.
#pragma once

#include <optional>
#include <vector>

#include "harness/cellseq/checking_probe.hpp"

namespace sbcheck::cellseq {

class DirectProbe final : public CheckingProbe {
 public:
  explicit DirectProbe(sb::AnyModel& model) : model_(model) { pointers_.reserve(64); }
  /// For an explorer that branches: `other`'s pointers, over `model` (a copy of other's).
  DirectProbe(const DirectProbe& other, sb::AnyModel& model)
      : model_(model), pointers_(other.pointers_), ub_(other.ub_), detached_(other.detached_) {}

  /// The model's pointer for `ptr`.
  sb::Pointer pointer(PtrId ptr) const { return pointers_[ptr].ptr; }

  /// The model's first UB, if any.
  const std::optional<sb::Ub>& ub() const { return ub_; }

  void setOp(const Op&) override {}
  void detach() override { detached_ = true; }
  bool freed(PtrId base) const override { return pointers_[base].freed; }
  /// Whether `ptr` points into an object already freed.
  bool freedUnder(PtrId ptr) const { return pointers_[pointers_[ptr].base].freed; }
  bool halted() const override { return ub_.has_value(); }

  PtrId allocate(const Layout& layout) override {
    const sb::Pointer base = model_.allocate(layout.size, /*untaggedBase=*/true);  // heap memory
    return remember(base, kSelf);
  }

  std::optional<PtrId> retag(PtrId parent, Retag kind, Bytes bytes) override {
    if (detached_) return remember(pointers_[parent].ptr, pointers_[parent].base);
    if (ub_) return std::nullopt;
    const sb::ByteRange range = rangeOf(bytes);
    const std::span<const sb::ByteRange> cells = inCell(kind) ? std::span(&range, 1) : std::span<const sb::ByteRange>();
    const sb::Retagged retagged = model_.retag(pointers_[parent].ptr, range, sb::RetagSpec{retagOf(kind), cells, false});
    if (retagged.ub) {
      ub_ = retagged.ub;
      return std::nullopt;
    }
    return remember(sb::Pointer{pointers_[parent].ptr.alloc, retagged.tag}, pointers_[parent].base);
  }

  bool access(PtrId ptr, Access kind, Bytes bytes) override {
    if (!detached_ && !ub_) ub_ = model_.access(accessOf(kind), pointers_[ptr].ptr, rangeOf(bytes));
    // A freed object's memory is never touched, whatever the model says.
    return !freedUnder(ptr) && (detached_ || !ub_);
  }

  bool deallocate(PtrId base) override {
    const bool halted = ub_.has_value();
    if (!detached_ && !ub_) ub_ = model_.dealloc(pointers_[base].ptr);
    // Vetoed: a second free, or a free the model forbids (not one after UB).
    if (pointers_[base].freed || (!halted && ub_)) return false;
    pointers_[base].freed = true;
    return true;
  }

 private:
  static constexpr PtrId kSelf = ~PtrId{0};
  struct Pointer {
    sb::Pointer ptr;
    PtrId base;
    bool freed = false;
  };

  PtrId remember(sb::Pointer ptr, PtrId base) {
    const auto id = static_cast<PtrId>(pointers_.size());
    pointers_.push_back(Pointer{ptr, base == kSelf ? id : base});
    return id;
  }

  sb::AnyModel& model_;
  std::vector<Pointer> pointers_;
  std::optional<sb::Ub> ub_;
  bool detached_ = false;
};

}  // namespace sbcheck::cellseq
