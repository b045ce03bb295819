// The owner: a minimal stand-in for a Python object holding one shared cell —
// a reference count, the shared state and the data, in one heap allocation
// that is freed when the count reaches 0 — and Ref, one Python reference.
#pragma once

#include <boost/container/flat_set.hpp>
#include <cstdint>
#include <utility>

#include "model/cell/layout.hpp"
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
  /// Frees the object (and its data) when the count reaches 0, unless the
  /// probe vetoes the free (the object then stays, as the cell must not free it).
  void decref() {
    if (--refcount_ > (mutant::planted(mutant::Mutant::kCellFreedAtOne) ? 1u : 0u)) return;
    if (!probe_->deallocate(base_)) return;
    delete this;
  }

  std::uint32_t refcount() const { return refcount_; }
  Probe& probe() const { return *probe_; }
  PtrId base() const { return base_; }

  SharedState state;
  Data data;

 private:
  explicit Object(Probe& probe) : probe_(&probe), base_(probe.allocate(kObjectLayout)) {}
  Object(const Object& from, Probe& probe)
      : state(from.state), data(from.data), refcount_(0), probe_(&probe), base_(from.base_) {}
  ~Object() = default;

  std::uint32_t refcount_ = 1;
  Probe* probe_;
  PtrId base_;
};

/// One Python reference to an object: copying increfs, destruction decrefs.
/// It keeps its object's probe and base pointer itself, so that a reference a
/// buggy cell left to a freed object is recognised — through the probe, before
/// the object's memory is read — and never touches it.
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
  /// For an explorer that branches: a reference to an object already freed,
  /// known only by its probe and base pointer (it holds no object).
  static Ref dangling(Probe& probe, PtrId base) {
    Ref ref;
    ref.probe_ = &probe;
    ref.base_ = base;
    return ref;
  }

  /// A new reference to other's object. Taking one to a freed object writes
  /// freed memory: reported as reset() reports it, and not performed.
  Ref(const Ref& other) : object_(other.object_), probe_(other.probe_), base_(other.base_) {
    if (probe_ != nullptr && countTouchable()) object_->incref();
  }
  Ref(Ref&& other) noexcept
      : object_(std::exchange(other.object_, nullptr)), probe_(std::exchange(other.probe_, nullptr)),
        base_(other.base_) {}
  Ref& operator=(Ref other) noexcept {
    std::swap(object_, other.object_);
    std::swap(probe_, other.probe_);
    std::swap(base_, other.base_);
    return *this;
  }
  ~Ref() { reset(); }

  /// Drops the reference. Dropping one to a freed object is a write to freed
  /// memory (the count lives in the object): it is reported to the probe as a
  /// write of the shared state, and never performed.
  void reset() {
    if (probe_ != nullptr && countTouchable()) object_->decref();
    object_ = nullptr;
    probe_ = nullptr;
  }
  /// The object; it may be freed (ask probe().freed(base()) before reading it).
  Object* get() const { return object_; }
  Object& operator*() const { return *object_; }
  Object* operator->() const { return object_; }
  /// Whether this refers to an object (freed or not).
  explicit operator bool() const { return probe_ != nullptr; }
  /// The probe of the object referred to.
  Probe& probe() const { return *probe_; }
  /// The object's base pointer.
  PtrId base() const { return base_; }
  /// Whether the object is there to touch, as far as the probe knows.
  bool live() const { return object_ != nullptr && !probe_->freed(base_); }

 private:
  explicit Ref(Object* object) : object_(object), probe_(&object->probe()), base_(object->base()) {}

  /// Whether the reference count may be touched. If not (the object is
  /// freed), the write it would be is reported — vetoed or not, it is never
  /// performed: the harness must not crash.
  bool countTouchable() const {
    if (live()) return true;
    (void)probe_->access(base_, Access::kWrite, kStateBytes);
    return false;
  }

  Object* object_ = nullptr;
  Probe* probe_ = nullptr;  ///< null when empty
  PtrId base_ = 0;
};

}  // namespace sbcheck::cell
