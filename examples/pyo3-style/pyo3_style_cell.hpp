// PyO3's design: the iterator holds its owner and re-borrows on every
// `next` (a shared borrow for the length of the call, through the one borrow
// counter), so no reference into the data survives between calls — there is
// no leak at all. Mutation while iterating is allowed; the iterator goes on
// from its position over the set as it is then.
#pragma once

#include <sbcheck/adapter.hpp>

#include <iterator>

#include "flag_guards.hpp"

namespace example {

struct Pyo3StyleCell : FlagGuards {
  struct Iterator {
    Handle owner;
    std::size_t position = 0;
  };

  static sbcheck::Result<Iterator> iter(Object& o) { return Iterator{o}; }
  static sbcheck::Result<sbcheck::Next> next(Iterator& it) {
    return withGuard(it.owner, false, [&it](SetObject& s) {
      if (it.position >= s.set.size()) return sbcheck::Next{0, true};
      return sbcheck::Next{*std::next(s.set.begin(), static_cast<long>(it.position++)), false};
    });
  }
  static sbcheck::Result<sbcheck::Done> drop(Iterator&) { return sbcheck::Done{}; }
  static bool leakLive(const Iterator&) { return false; }  // nothing is lent between calls
};

static_assert(sbcheck::CellAdapter<Pyo3StyleCell>);

}  // namespace example
