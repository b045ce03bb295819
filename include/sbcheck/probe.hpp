// The instrumentation a cell reports its memory work through: before each
// allocation, retag, read, write and deallocation the cell tells a probe,
// which may veto it. Under sbcheck the probe is the aliasing model: an
// operation the model calls undefined behaviour is vetoed and reported, and
// the cell stops without touching (or freeing) the memory — so a buggy cell
// is reported, never a crash of the harness. With NullProbe the same cell code
// does its plain memory work and reports to no one.
//
// The rules for a cell:
// - Report an operation *before* performing it; when the probe says no
//   (an empty optional, or false), do not perform it, and stop (return
//   sbcheck::Halted from the operation).
// - Reach an object through what your owner keeps outside it (its base
//   PtrId and the probe) and ask freed() before touching what the model does
//   not see (a reference count): a freed object's memory must never be read.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace sbcheck {

/// A pointer as a probe knows it: ids are the probe's to give.
using PtrId = std::uint32_t;

/// Bytes `[begin, end)` of an allocation, offsets from its start.
struct Bytes {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

/// A named part of an allocation; reports speak of it ("object s's data").
struct Region {
  std::string_view name;  ///< "data", "shared state"
  Bytes bytes;
};

/// What an allocation is: its size and the regions the cell names in it.
/// The regions' names must outlive the probe (string literals do).
struct Layout {
  std::uint64_t size = 0;
  std::span<const Region> regions;
};

/// How a new pointer is derived from its parent: Rust's reference and
/// pointer kinds, each a retag in Stacked Borrows.
enum class Retag : std::uint8_t {
  kMut,                ///< `&mut T`: a unique reference
  kTwoPhaseMut,        ///< `&mut T` as a two-phase borrow (a method call's receiver)
  kShared,             ///< `&T` with no interior mutability: read-only
  kSharedInteriorMut,  ///< `&T` where T is inside an `UnsafeCell`: shared, writable
  kRawMut,             ///< `*mut T`
  kRawConst,           ///< `*const T`
};

/// A memory access.
enum class Access : std::uint8_t {
  kRead,
  kWrite,
};

/// What a cell tells before each memory operation. Every call but allocate()
/// may veto; a vetoed operation must not be performed.
class Probe {
 public:
  virtual ~Probe() = default;
  /// A new allocation of `layout`; returns its base pointer.
  virtual PtrId allocate(const Layout& layout) = 0;
  /// A pointer derived from `parent` over `bytes`; empty means vetoed.
  [[nodiscard]] virtual std::optional<PtrId> retag(PtrId parent, Retag kind, Bytes bytes) = 0;
  /// A read or write of `bytes` through `ptr`; false means vetoed.
  [[nodiscard]] virtual bool access(PtrId ptr, Access kind, Bytes bytes) = 0;
  /// Freeing the allocation `base` points to; false means vetoed (a second
  /// free, or one the model forbids): it must then not be freed.
  [[nodiscard]] virtual bool deallocate(PtrId base) = 0;
  /// Whether the allocation `base` points to was freed, as far as this probe
  /// knows: ask before touching what the model does not see.
  virtual bool freed(PtrId base) const = 0;
};

/// Allows everything and tells no one: the cell's plain memory operations.
class NullProbe final : public Probe {
 public:
  PtrId allocate(const Layout&) override { return 0; }
  std::optional<PtrId> retag(PtrId, Retag, Bytes) override { return PtrId{0}; }
  bool access(PtrId, Access, Bytes) override { return true; }
  bool deallocate(PtrId) override { return true; }
  bool freed(PtrId) const override { return false; }
};

}  // namespace sbcheck
