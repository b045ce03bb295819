// The probe: the cell reports every memory operation it is about to perform —
// allocation, retag, read, write, deallocation, on its data and on its shared
// state — before performing it. A probe may veto any operation but the
// allocation (the aliasing model found UB, or the object is already freed);
// the cell then stops without touching, or freeing, the memory. So a buggy
// cell that frees an object early, twice, or uses it afterwards is reported,
// never a crash of the harness.
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
  /// Freeing the object `base` points to; false means vetoed (a second free,
  /// or one the model forbids): the object must then not be freed.
  [[nodiscard]] virtual bool deallocate(PtrId base) = 0;
  /// Whether the object `base` points to was freed, as far as this probe
  /// knows: asked before touching what the model does not see (the reference
  /// count), so a freed object's memory is never read.
  virtual bool freed(PtrId base) const = 0;
};

/// Allows everything and tells no one: the cell's plain memory operations.
class NullProbe final : public Probe {
 public:
  PtrId allocated() override { return 0; }
  std::optional<PtrId> retag(PtrId, sb::RetagKind, Region) override { return PtrId{0}; }
  bool access(PtrId, sb::AccessKind, Region) override { return true; }
  bool deallocate(PtrId) override { return true; }
  bool freed(PtrId) const override { return false; }
};

}  // namespace sbcheck::cell
