// A held borrow of an object's data: shared (`borrow`) or mutable
// (`borrow_mut`). It holds a Python reference to its object until released.
#pragma once

#include <sbcheck/result.hpp>

#include "model/cell/object.hpp"
#include "model/mutant.hpp"

namespace sbcheck::cell {

class Guard {
 public:
  Guard(Ref object, PtrId ptr, Data* data, bool isMutable)
      : object_(std::move(object)), ptr_(ptr), data_(data), mutable_(isMutable) {}
  Guard(Guard&& other) noexcept = default;
  Guard& operator=(Guard&&) = delete;
  ~Guard() { (void)release(); }

  bool isMutable() const { return mutable_; }
  /// The borrowed pointer.
  PtrId ptr() const { return ptr_; }
  /// For an explorer that branches: this guard, over `object` (a copy of its
  /// object, or a dangling reference when that is freed).
  Guard copyFor(Ref object) const {
    Data* data = object.get() != nullptr ? &object->data : nullptr;
    return Guard(std::move(object), ptr_, data, mutable_);
  }
  /// The reference to the guarded object; empty once released.
  const Ref& object() const { return object_; }

  /// Reads the set through the guard: its length.
  Result<std::uint64_t> read() {
    if (!probe().access(ptr_, Access::kRead, kDataBytes)) return Halted{};
    return std::uint64_t{data_->set.size()};
  }
  Result<bool> contains(std::uint32_t key) {
    if (!probe().access(ptr_, Access::kRead, kDataBytes)) return Halted{};
    return data_->set.contains(key);
  }
  /// Writes through a mutable guard, leaving the set as it is.
  Result<Done> write() {
    return mutate([](Data& data) { ++data.writes; });
  }
  Result<Done> insert(std::uint32_t key) {
    return mutate([key](Data& data) { data.set.insert(key); });
  }
  Result<Done> erase(std::uint32_t key) {
    return mutate([key](Data& data) { data.set.erase(key); });
  }

  /// Gives the borrow back to the shared state and drops the reference.
  Result<Done> release() {
    if (!object_) return Done{};
    if (!probe().access(object_.base(), Access::kWrite, kStateBytes)) return Halted{};
    SharedState& state = object_->state;
    if (mutable_) {
      if (!mutant::planted(mutant::Mutant::kCellReleaseKeepsMutable)) state.mutablyBorrowed = false;
    } else {
      if (!mutant::planted(mutant::Mutant::kCellReleaseKeepsBorrow)) --state.borrows;
    }
    object_.reset();
    return Done{};
  }

 private:
  Probe& probe() const { return object_.probe(); }

  template <class Change>
  Result<Done> mutate(Change&& change) {
    assert(mutable_ && "the runner rejects writes through shared guards");
    if (!probe().access(ptr_, Access::kWrite, kDataBytes)) return Halted{};
    change(*data_);
    return Done{};
  }

  Ref object_;  // empty once released
  PtrId ptr_;
  Data* data_;
  bool mutable_;
};

}  // namespace sbcheck::cell
