// The Python object the example cells keep their data in: a reference
// count, a borrow flag, the set, in one allocation the probe is told of,
// and Handle, one Python reference to it (copy = incref, destroy = decref;
// the object is freed, through the probe, when the count reaches 0).
#pragma once

#include <sbcheck/probe.hpp>
#include <sbcheck/result.hpp>

#include <cstdint>
#include <set>
#include <utility>

namespace example {

inline constexpr sbcheck::Bytes kState{0, 16};  // reference count, borrow flag
inline constexpr sbcheck::Bytes kData{16, 48};  // the set
inline constexpr sbcheck::Region kRegions[] = {{"state", kState}, {"data", kData}};
inline constexpr sbcheck::Layout kLayout{48, kRegions};

struct SetObject {
  explicit SetObject(sbcheck::Probe& p) : probe(p), base(p.allocate(kLayout)) {}
  sbcheck::Probe& probe;
  sbcheck::PtrId base;
  std::uint32_t refcount = 1;
  int borrowFlag = 0;  // PyO3's BorrowFlag: n shared borrows, -1 one mutable
  std::set<std::uint32_t> set;

  /// The state (count, flag) through the object's own pointer.
  bool touchState(sbcheck::Access kind) { return probe.access(base, kind, kState); }
};

class Handle {
 public:
  static Handle adopt(SetObject* object) { return Handle(object); }
  Handle(const Handle& other) : object_(other.object_) {
    if (object_->touchState(sbcheck::Access::kWrite)) ++object_->refcount;
  }
  Handle(Handle&& other) noexcept : object_(std::exchange(other.object_, nullptr)) {}
  Handle& operator=(const Handle&) = delete;
  ~Handle() {
    if (object_ == nullptr) return;  // moved from
    if (!object_->touchState(sbcheck::Access::kWrite) || --object_->refcount > 0) return;
    if (object_->probe.deallocate(object_->base)) delete object_;
  }
  SetObject* operator->() const { return object_; }
  SetObject& operator*() const { return *object_; }

 private:
  explicit Handle(SetObject* object) : object_(object) {}
  SetObject* object_;
};

}  // namespace example
