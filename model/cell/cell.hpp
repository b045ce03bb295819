// The shared-reference cell: borrowing, borrowing mutably, leaking to
// iterators and advancing them, and the Python methods built on borrows — one
// implementation, with the policy's knobs read at named decision points.
// Every memory access goes through the object's probe first.
#pragma once

#include "model/cell/guard.hpp"
#include "model/cell/iterator.hpp"
#include "model/cell/policy.hpp"
#include "model/mutant.hpp"

namespace sbcheck::cell {

template <CellPolicy P>
class Cell {
 public:
  /// `borrow`: refused while a mutable borrow is held.
  static Result<Guard> borrow(const Ref& object) {
    if (!readState(object)) return Halted{};
    Object& o = *object;
    if (o.state.mutablyBorrowed && !mutant::planted(mutant::Mutant::kCellBorrowIgnoresMutable)) return Refusal::kAlreadyBorrowed;
    if (!writeState(object)) return Halted{};
    ++o.state.borrows;
    const std::optional<PtrId> ptr = object.probe().retag(object.base(), Retag::kShared, kDataBytes);
    if (!ptr) return Halted{};
    return Guard(object, *ptr, &o.data, /*isMutable=*/false);
  }

  /// `borrow_mut`: refused while any borrow is held, or (strict family) any leak lives.
  static Result<Guard> borrowMut(const Ref& object) { return acquireMutable(object, /*checkLeaks=*/!P::kGenerations); }

  /// `leak_immutable`, for an iterator.
  static Result<Iterator> leak(const Ref& object) {
    if (!readState(object)) return Halted{};
    Object& o = *object;
    const bool checksMutable = P::kLeakChecksMutableBorrow && !mutant::planted(mutant::Mutant::kCellLeakIgnoresMutable);
    if (checksMutable && o.state.mutablyBorrowed) return Refusal::kAlreadyBorrowed;
    if constexpr (!P::kGenerations) {
      if (!writeState(object)) return Halted{};
      ++o.state.leaks;
    }
    // As the seed's leak_immutable: a raw pointer to the data, then `&*ptr`.
    const std::optional<PtrId> raw = object.probe().retag(object.base(), Retag::kRawMut, kDataBytes);
    if (!raw) return Halted{};
    const std::optional<PtrId> ptr = object.probe().retag(*raw, Retag::kShared, kDataBytes);
    if (!ptr) return Halted{};
    std::optional<Ref> holder;
    if constexpr (P::kIteratorHoldsObject)
      if (!mutant::planted(mutant::Mutant::kCellIteratorForgetsObject)) holder = object;
    return Iterator(Iterator::Leak{&o, std::move(holder), *ptr, &o.data, o.state.generation, !P::kGenerations});
  }

  /// `next`: the next item, or `stop`.
  static Result<Next> next(Iterator& it) {
    if constexpr (P::kGenerations) {
      // A leak from an older generation is refused on every use, exhausted or not.
      if (!it.probe().access(it.base(), Access::kRead, kStateBytes)) return Halted{};
      const bool stale = it.leak().object->state.generation != it.leak().generation;
      if (stale && !mutant::planted(mutant::Mutant::kCellStaleLeakAccepted)) return Refusal::kInvalidated;
    } else if (it.released()) {
      return Next{0, /*stop=*/true};  // exhausted: stop, touching nothing
    }
    Result<Next> item = it.readNext();
    const Next* value = std::get_if<Next>(&item);
    if constexpr (!P::kGenerations) {
      // The first `stop` gives the leak and the reference back.
      const bool givesBack = value != nullptr && value->stop && !mutant::planted(mutant::Mutant::kCellStopKeepsLeak);
      if (givesBack && std::holds_alternative<Halted>(it.drop())) return Halted{};
    }
    return item;
  }

  static Result<std::uint64_t> len(const Ref& object) {
    return withShared(object, [](Guard& guard) { return guard.read(); });
  }
  static Result<bool> contains(const Ref& object, std::uint32_t key) {
    return withShared(object, [key](Guard& guard) { return guard.contains(key); });
  }
  static Result<Done> add(const Ref& object, std::uint32_t key) {
    return withMutable(object, [key](Guard& guard) { return guard.insert(key); });
  }
  static Result<Done> discard(const Ref& object, std::uint32_t key) {
    return withMutable(object, [key](Guard& guard) { return guard.erase(key); });
  }

 private:
  // Through the reference, not the object: it may be freed, and the probe
  // (which then vetoes) must be asked before its memory is read.
  static bool readState(const Ref& object) {
    return object.probe().access(object.base(), Access::kRead, kStateBytes);
  }
  static bool writeState(const Ref& object) {
    return object.probe().access(object.base(), Access::kWrite, kStateBytes);
  }

  static Result<Guard> acquireMutable(const Ref& object, bool checkLeaks) {
    if (!readState(object)) return Halted{};
    Object& o = *object;
    const SharedState& state = o.state;
    checkLeaks = checkLeaks && !mutant::planted(mutant::Mutant::kCellBorrowMutIgnoresLeaks);
    const bool borrowed = state.borrows > 0 && !mutant::planted(mutant::Mutant::kCellBorrowMutIgnoresBorrows);
    if (state.mutablyBorrowed || borrowed || (checkLeaks && state.leaks > 0)) {
      return Refusal::kAlreadyBorrowed;
    }
    if (!writeState(object)) return Halted{};
    o.state.mutablyBorrowed = true;
    if constexpr (P::kGenerations)  // bumped when the borrow is taken
      if (!mutant::planted(mutant::Mutant::kCellNoGenerationBump)) ++o.state.generation;
    const std::optional<PtrId> ptr = object.probe().retag(object.base(), Retag::kMut, kDataBytes);
    if (!ptr) return Halted{};
    return Guard(object, *ptr, &o.data, /*isMutable=*/true);
  }

  /// A reading method: a temporary shared borrow, used, then released.
  template <class Use>
  static auto withShared(const Ref& object, Use&& use) -> decltype(use(std::declval<Guard&>())) {
    return withGuard(borrow(object), std::forward<Use>(use));
  }
  /// A mutating method: a temporary mutable borrow. Under `unguarded-inner`
  /// it skips the leak check (the review's second hole), honouring guards.
  template <class Use>
  static Result<Done> withMutable(const Ref& object, Use&& use) {
    return withGuard(acquireMutable(object, /*checkLeaks=*/!P::kGenerations && P::kMutatorsCheckLeaks),
                     std::forward<Use>(use));
  }

  template <class Use>
  static auto withGuard(Result<Guard> acquired, Use&& use) -> decltype(use(std::declval<Guard&>())) {
    if (auto* refusal = std::get_if<Refusal>(&acquired)) return *refusal;
    if (std::holds_alternative<Halted>(acquired)) return Halted{};
    Guard& guard = std::get<Guard>(acquired);
    auto result = use(guard);
    if (std::holds_alternative<Halted>(result)) return result;
    if (std::holds_alternative<Halted>(guard.release())) return Halted{};
    return result;
  }
};

}  // namespace sbcheck::cell
