// The owner: a minimal stand-in for a Python object holding one shared cell —
// a reference count, the shared state and the data, in one heap allocation
// that is freed when the count reaches 0 — and Ref, one Python reference.
#pragma once

#include <boost/container/flat_set.hpp>
#include <cassert>
#include <cstdint>
#include <utility>

#include "model/cell/probe.hpp"
#include "model/mutant.hpp"

namespace sbcheck::cell {

/// The cell's manual borrow bookkeeping (rust-cpython's PySharedState).
struct SharedState {
  std::uint32_t borrows = 0;  ///< shared borrows held
  std::uint32_t leaks = 0;    ///< live leaks (strict family)
  std::uint64_t generation = 0;
  bool mutablyBorrowed = false;
};

/// What the cell guards: the set, and a word a `write G` rewrites without
/// changing the set.
struct Data {
  boost::container::flat_set<std::uint32_t> set;
  std::uint64_t writes = 0;
};

class Object {
 public:
  /// A new object with reference count 1.
  static Object* create(Probe& probe) { return new Object(probe); }
  /// For an explorer that branches: a copy of `from` (same base pointer, state
  /// and data) reporting to `probe`, with no references yet — each Ref the
  /// copy's holders share counts one, as the originals did.
  static Object* copyOf(const Object& from, Probe& probe) { return new Object(from, probe); }

  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

  void incref() { ++refcount_; }
  /// Frees the object (and its data) when the count reaches 0.
  void decref() {
    assert(refcount_ > 0 && "decref of a freed object");
    if (--refcount_ > (mutant::planted(mutant::Mutant::kCellFreedAtOne) ? 1u : 0u)) return;
    probe_->deallocated(base_);
    delete this;
  }

  std::uint32_t refcount() const { return refcount_; }
  Probe& probe() const { return *probe_; }
  PtrId base() const { return base_; }

  SharedState state;
  Data data;

 private:
  explicit Object(Probe& probe) : probe_(&probe), base_(probe.allocated()) {}
  Object(const Object& from, Probe& probe)
      : state(from.state), data(from.data), refcount_(0), probe_(&probe), base_(from.base_) {}
  ~Object() = default;

  std::uint32_t refcount_ = 1;
  Probe* probe_;
  PtrId base_;
};

/// One Python reference to an object: copying increfs, destruction decrefs.
class Ref {
 public:
  Ref() = default;
  /// Takes over a reference the caller already owns (from Object::create).
  static Ref adopt(Object* object) { return Ref(object); }
  /// A new reference to `object`.
  static Ref share(Object& object) {
    object.incref();
    return Ref(&object);
  }

  Ref(const Ref& other) : object_(other.object_) {
    if (object_ != nullptr) object_->incref();
  }
  Ref(Ref&& other) noexcept : object_(std::exchange(other.object_, nullptr)) {}
  Ref& operator=(Ref other) noexcept {
    std::swap(object_, other.object_);
    return *this;
  }
  ~Ref() { reset(); }

  void reset() {
    if (Object* object = std::exchange(object_, nullptr)) object->decref();
  }
  Object* get() const { return object_; }
  Object& operator*() const { return *object_; }
  Object* operator->() const { return object_; }
  explicit operator bool() const { return object_ != nullptr; }

 private:
  explicit Ref(Object* object) : object_(object) {}

  Object* object_ = nullptr;
};

}  // namespace sbcheck::cell
