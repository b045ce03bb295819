// CPython's rule for set iterators (Objects/setobject.c, setiter_iternext)
// on a leaked reference: mutation is allowed while iterating, and `next`
// raises RuntimeError only when the set's *size* changed since the iterator
// was made. The iterator keeps its object alive and reads the data through
// a shared reference made once, at `iter` — the leak.
#pragma once

#include <sbcheck/adapter.hpp>

#include <iterator>

#include "flag_guards.hpp"

namespace example {

struct SizeCheckCell : FlagGuards {
  struct Iterator {
    Handle object;
    sbcheck::PtrId leak;
    std::size_t sizeWhenMade;
    std::size_t position = 0;
  };

  static sbcheck::Result<Iterator> iter(Object& o) {
    if (!o->touchState(sbcheck::Access::kRead)) return sbcheck::Halted{};
    if (o->borrowFlag < 0) return sbcheck::Refusal::kAlreadyBorrowed;
    const auto raw = o->probe.retag(o->base, sbcheck::Retag::kRawMut, kData);
    const auto leak = raw ? o->probe.retag(*raw, sbcheck::Retag::kShared, kData) : std::nullopt;
    if (!leak) return sbcheck::Halted{};
    return Iterator{o, *leak, o->set.size()};
  }
  static sbcheck::Result<sbcheck::Next> next(Iterator& it) {
    if (!it.object->touchState(sbcheck::Access::kRead)) return sbcheck::Halted{};
    if (it.object->set.size() != it.sizeWhenMade) return sbcheck::Refusal::kInvalidated;  // CPython's check
    if (!it.object->probe.access(it.leak, sbcheck::Access::kRead, kData)) return sbcheck::Halted{};
    if (it.position >= it.object->set.size()) return sbcheck::Next{0, true};
    return sbcheck::Next{*std::next(it.object->set.begin(), static_cast<long>(it.position++)), false};
  }
  static sbcheck::Result<sbcheck::Done> drop(Iterator&) { return sbcheck::Done{}; }
};

static_assert(sbcheck::CellAdapter<SizeCheckCell>);

}  // namespace example
