// What both example cells share: objects, guards and the methods, on one
// borrow counter (PyO3's BorrowFlag: n shared borrows, -1 one mutable). A
// cell derives from it and adds its own iterators; the adapter's functions
// are found in this base.
#pragma once

#include <sbcheck/result.hpp>

#include <variant>

#include "set_object.hpp"

namespace example {

struct FlagGuards {
  using Object = Handle;
  struct Guard {
    Handle object;
    sbcheck::PtrId ptr;
    bool isMutable;
  };

  static sbcheck::Result<Object> make(sbcheck::Probe& probe) { return Handle::adopt(new SetObject(probe)); }
  static sbcheck::Result<Guard> borrow(Object& o) { return take(o, false); }
  static sbcheck::Result<Guard> borrowMut(Object& o) { return take(o, true); }
  static sbcheck::Result<std::uint64_t> read(Guard& g) {
    if (!g.object->probe.access(g.ptr, sbcheck::Access::kRead, kData)) return sbcheck::Halted{};
    return std::uint64_t{g.object->set.size()};
  }
  static sbcheck::Result<sbcheck::Done> write(Guard& g) {
    if (!g.object->probe.access(g.ptr, sbcheck::Access::kWrite, kData)) return sbcheck::Halted{};
    return sbcheck::Done{};
  }
  static sbcheck::Result<sbcheck::Done> release(Guard& g) {
    if (!g.object->touchState(sbcheck::Access::kWrite)) return sbcheck::Halted{};
    g.object->borrowFlag = g.isMutable ? 0 : g.object->borrowFlag - 1;
    return sbcheck::Done{};
  }

  static sbcheck::Result<std::uint64_t> len(Object& o) {
    return withGuard(o, false, [](SetObject& s) { return std::uint64_t{s.set.size()}; });
  }
  static sbcheck::Result<bool> contains(Object& o, std::uint32_t key) {
    return withGuard(o, false, [key](SetObject& s) { return s.set.contains(key); });
  }
  static sbcheck::Result<sbcheck::Done> add(Object& o, std::uint32_t key) {
    return withGuard(o, true, [key](SetObject& s) { s.set.insert(key); return sbcheck::Done{}; });
  }
  static sbcheck::Result<sbcheck::Done> discard(Object& o, std::uint32_t key) {
    return withGuard(o, true, [key](SetObject& s) { s.set.erase(key); return sbcheck::Done{}; });
  }

 protected:
  /// Takes a borrow: refused while a mutable one is held (and, for a mutable
  /// one, while any is held); a `&` or `&mut` to the data.
  static sbcheck::Result<Guard> take(Object& o, bool isMutable) {
    if (!o->touchState(sbcheck::Access::kRead)) return sbcheck::Halted{};
    if (o->borrowFlag < 0 || (isMutable && o->borrowFlag > 0)) return sbcheck::Refusal::kAlreadyBorrowed;
    if (!o->touchState(sbcheck::Access::kWrite)) return sbcheck::Halted{};
    o->borrowFlag = isMutable ? -1 : o->borrowFlag + 1;
    const auto ptr = o->probe.retag(o->base, isMutable ? sbcheck::Retag::kMut : sbcheck::Retag::kShared, kData);
    if (!ptr) return sbcheck::Halted{};
    return Guard{o, *ptr, isMutable};
  }
  /// A method: a temporary borrow, `use` run after its access is told, released.
  template <class Use>
  static auto withGuard(Object& o, bool isMutable, Use use) -> sbcheck::Result<decltype(use(*o))> {
    sbcheck::Result<Guard> taken = take(o, isMutable);
    if (auto* refusal = std::get_if<sbcheck::Refusal>(&taken)) return *refusal;
    if (std::holds_alternative<sbcheck::Halted>(taken)) return sbcheck::Halted{};
    Guard& g = std::get<Guard>(taken);
    const auto kind = isMutable ? sbcheck::Access::kWrite : sbcheck::Access::kRead;
    if (!o->probe.access(g.ptr, kind, kData)) return sbcheck::Halted{};
    auto result = use(*o);
    if (std::holds_alternative<sbcheck::Halted>(release(g))) return sbcheck::Halted{};
    return result;
  }
};

}  // namespace example
