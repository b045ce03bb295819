// An iterator over an object's set, reading through a leaked reference. It
// remembers its object's probe and base pointer itself: under `no-parent-ref`
// the object may already be gone, and asking it would read freed memory.
#pragma once

#include <optional>

#include <sbcheck/result.hpp>

#include "model/cell/object.hpp"
#include "model/mutant.hpp"

namespace sbcheck::cell {

class Iterator {
 public:
  struct Leak {
    Object* object;             ///< not owned; alive only while someone holds it
    std::optional<Ref> holder;  ///< the iterator's own reference, policy permitting
    PtrId ptr;                  ///< the leaked reference's pointer
    const Data* data;           ///< the leaked reference itself
    std::uint64_t generation;   ///< the object's generation when leaked
    bool counted;               ///< the leak is in the shared state's leak count
  };

  explicit Iterator(Leak leak)
      : leak_(std::move(leak)), probe_(&leak_.object->probe()), base_(leak_.object->base()) {}
  Iterator(Iterator&& other) noexcept
      : leak_(std::move(other.leak_)), probe_(other.probe_), base_(other.base_),
        position_(other.position_), released_(std::exchange(other.released_, true)) {}
  Iterator& operator=(Iterator&&) = delete;
  /// For an explorer that branches: this iterator over `object` (a copy of
  /// its object, or null when that is freed), reporting to `probe`.
  Iterator(const Iterator& from, Object* object, Probe& probe)
      : leak_{object, holderFor(from, object, probe), from.leak_.ptr, object != nullptr ? &object->data : nullptr,
              from.leak_.generation, from.leak_.counted},
        probe_(&probe), base_(from.base_), position_(from.position_), released_(from.released_) {}
  ~Iterator() { (void)drop(); }

  const Leak& leak() const { return leak_; }
  std::size_t position() const { return position_; }
  bool released() const { return released_; }
  Probe& probe() const { return *probe_; }
  PtrId base() const { return base_; }

  /// The item at the position, read through the leak; `stop` when exhausted.
  Result<Next> readNext() {
    const bool told = mutant::planted(mutant::Mutant::kCellNextWithoutProbe) || probe_->access(leak_.ptr, Access::kRead, kDataBytes);
    if (!told) return Halted{};
    const std::size_t end = leak_.data->set.size() - (mutant::planted(mutant::Mutant::kCellNextStopsEarly) && !leak_.data->set.empty() ? 1 : 0);
    if (position_ >= end) return Next{0, /*stop=*/true};
    return Next{*leak_.data->set.nth(position_++), /*stop=*/false};
  }

  /// Gives back the leak (if counted) and the reference; later calls do nothing.
  Result<Done> drop() {
    if (released_) return Done{};
    if (leak_.counted) {
      if (!probe_->access(base_, Access::kWrite, kStateBytes)) return Halted{};
      if (!mutant::planted(mutant::Mutant::kCellDropKeepsLeak)) --leak_.object->state.leaks;
    }
    released_ = true;
    leak_.holder.reset();
    return Done{};
  }

  /// Forgets the leak without touching memory: for tearing down after the
  /// object is known to be gone (only possible when the iterator holds no
  /// reference to it).
  void abandon() {
    assert(!leak_.holder && "an iterator holding its object keeps it alive");
    released_ = true;
  }

 private:
  /// The copy's own reference: to the copied object, or dangling when a buggy
  /// owner freed it under a holding iterator.
  static std::optional<Ref> holderFor(const Iterator& from, Object* object, Probe& probe) {
    if (!from.leak_.holder) return std::nullopt;
    return object != nullptr ? Ref::share(*object) : Ref::dangling(probe, from.base_);
  }

  Leak leak_;
  Probe* probe_;
  PtrId base_;
  std::size_t position_ = 0;
  bool released_ = false;
};

}  // namespace sbcheck::cell
