// The built-in cell through the public adapter API (<sbcheck/adapter.hpp>):
// each `.cell` operation is one call of the policy's cell, so the five
// policies can be driven exactly as a user's cell is.
#pragma once

#include <sbcheck/adapter.hpp>

#include "model/cell/cell.hpp"

namespace sbcheck::cell {

template <CellPolicy P>
struct Adapter {
  using Object = Ref;
  using Guard = cell::Guard;
  using Iterator = cell::Iterator;

  static Result<Object> make(Probe& probe) { return Ref::adopt(cell::Object::create(probe)); }
  static Result<Guard> borrow(Object& object) { return Cell<P>::borrow(object); }
  static Result<Guard> borrowMut(Object& object) { return Cell<P>::borrowMut(object); }
  static Result<std::uint64_t> read(Guard& guard) { return guard.read(); }
  static Result<Done> write(Guard& guard) { return guard.write(); }
  static Result<Done> release(Guard& guard) { return guard.release(); }
  static Result<Iterator> iter(Object& object) { return Cell<P>::leak(object); }
  static Result<Next> next(Iterator& it) { return Cell<P>::next(it); }
  static Result<Done> drop(Iterator& it) { return it.drop(); }
  static Result<std::uint64_t> len(Object& object) { return Cell<P>::len(object); }
  static Result<bool> contains(Object& object, std::uint32_t key) { return Cell<P>::contains(object, key); }
  static Result<Done> add(Object& object, std::uint32_t key) { return Cell<P>::add(object, key); }
  static Result<Done> discard(Object& object, std::uint32_t key) { return Cell<P>::discard(object, key); }
  static bool leakLive(const Iterator& it) { return !it.released(); }
};

static_assert(CellAdapter<Adapter<Strict>> && AdapterTellsLeaks<Adapter<Strict>>);

}  // namespace sbcheck::cell
