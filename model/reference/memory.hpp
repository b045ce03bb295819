// The reference model's whole state: allocations (one plain stack per byte),
// calls, fresh tags; and the operations a trace performs, each applying
// rules.hpp to every byte it covers, in offset order.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "harness/sbt/trace.hpp"
#include "model/reference/rules.hpp"
#include "model/reference/stack.hpp"
#include "model/reference/variant.hpp"

namespace sbcheck::reference {

using sbt::ByteRange;

struct Pointer {
  std::size_t alloc = 0;
  TagId tag = kUntagged;
};

/// sb2.md's retag table rows.
enum class RetagKind : std::uint8_t { kUnique, kTwoPhase, kShared, kRawMut, kRawConst };

struct Retag {
  RetagKind kind = RetagKind::kUnique;
  /// Allocation offsets inside an UnsafeCell; for kTwoPhase they concern the re-grant.
  std::span<const ByteRange> cells;
  bool protect = false;
};

struct Retagged {
  TagId tag = kUntagged;
  std::optional<UbKind> ub;
};

/// The reference keeps a vector per byte, so it takes allocations of at most
/// this many bytes (the trace generator's "small" sizes are 1..16; its huge
/// ones start at 2^20).
inline constexpr std::uint64_t kMaxAllocationBytes = 256;

class Memory {
 public:
  explicit Memory(const Variant& variant) : variant_(variant) {}

  const Variant& variant() const { return variant_; }

  /// Every byte starts as `[Unique(base)]`, base fresh or Untagged; `size`
  /// is at most kMaxAllocationBytes.
  Pointer allocate(std::uint64_t size, bool untaggedBase);
  [[nodiscard]] Retagged retag(Pointer parent, ByteRange range, const Retag& retag);
  [[nodiscard]] std::optional<UbKind> access(Access access, Pointer ptr, ByteRange range);
  [[nodiscard]] std::optional<UbKind> dealloc(Pointer ptr);
  /// Touches no memory: only the bounds are checked, even after a free.
  [[nodiscard]] std::optional<UbKind> copy(Pointer ptr, ByteRange range) const;
  void call();
  void ret();

  std::size_t allocations() const { return allocations_.size(); }
  std::uint64_t size(std::size_t alloc) const { return allocations_[alloc].size; }
  bool isLive(std::size_t alloc) const { return allocations_[alloc].live; }
  /// The stacks of a live allocation, one per byte.
  const std::vector<Stack>& stacks(std::size_t alloc) const { return allocations_[alloc].bytes; }

 private:
  struct Allocation {
    std::uint64_t size = 0;
    bool live = true;
    std::vector<Stack> bytes;
  };

  Context context() const { return Context{variant_, active_}; }
  std::optional<UbKind> checkUsable(Pointer ptr, ByteRange range) const;
  static bool inCell(std::span<const ByteRange> cells, std::uint64_t byte);
  TagId freshTag() { return nextTag_++; }

  Variant variant_;
  std::vector<Allocation> allocations_;
  std::vector<bool> active_ = {false};  // indexed by CallId
  std::vector<CallId> frames_;          // innermost last
  TagId nextTag_ = 1;
};

}  // namespace sbcheck::reference
