// The probe: the cell reports every memory operation it is about to perform —
// allocation, retag, read, write, deallocation, on its data and on its shared
// state — before performing it. A probe may veto an operation (the aliasing
// model found UB); the cell then stops without touching memory.
#pragma once

#include <cstdint>
#include <optional>

#include "model/sb/any_model.hpp"

namespace sbcheck::cell {

/// The two parts of an object's memory the model tells apart.
enum class Region : std::uint8_t {
  kState,  ///< the shared state: borrow and leak counters, generation
  kData,   ///< the set
};

/// A pointer as the probe knows it; ids are the probe's to give.
using PtrId = std::uint32_t;

class Probe {
 public:
  virtual ~Probe() = default;
  /// A new object's allocation; returns its base pointer.
  virtual PtrId allocated() = 0;
  /// A pointer derived from `parent` over `region`; empty means vetoed.
  virtual std::optional<PtrId> retag(PtrId parent, sb::RetagKind kind, Region region) = 0;
  /// A read or write through `ptr` of `region`; false means vetoed.
  virtual bool access(PtrId ptr, sb::AccessKind kind, Region region) = 0;
  /// Freeing the object `base` points to.
  virtual void deallocated(PtrId base) = 0;
};

/// Allows everything and tells no one.
class NullProbe final : public Probe {
 public:
  PtrId allocated() override { return 0; }
  std::optional<PtrId> retag(PtrId, sb::RetagKind, Region) override { return PtrId{0}; }
  bool access(PtrId, sb::AccessKind, Region) override { return true; }
  void deallocated(PtrId) override {}
};

}  // namespace sbcheck::cell
