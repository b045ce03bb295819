// The one virtual seam between the harness and the model variants: the
// operations a trace performs, UB as data, and the name -> model factory.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "model/sb/range_map.hpp"
#include "model/sb/rules.hpp"
#include "model/sb/stack.hpp"

namespace sbcheck::sb {

using AllocId = std::uint32_t;

/// A pointer value: which allocation, which tag. (Its byte range is the
/// harness's business: every operation names the bytes it covers.)
struct Pointer {
  AllocId alloc = 0;
  Tag tag;
};

/// The kinds of retag in sb2.md's table.
enum class RetagKind : std::uint8_t { kUnique, kTwoPhase, kShared, kRawMut, kRawConst };

struct RetagSpec {
  RetagKind kind = RetagKind::kUnique;
  /// Bytes (allocation offsets, ascending, disjoint, inside the retag's range)
  /// inside an UnsafeCell. For `kTwoPhase` they concern the parent re-grant.
  std::span<const ByteRange> cellRanges;
  /// Protected by the innermost active call.
  bool protect = false;
};

/// What was being done when UB was found.
enum class Operation : std::uint8_t { kAccess, kRetag, kTwoPhaseRegrant, kDealloc, kCopy };

/// UB as the model reports it. The diagnostics turn it into text.
struct Ub {
  UbKind kind = UbKind::kNoGrantingItem;
  Operation op = Operation::kAccess;
  AccessKind access = AccessKind::Read;  ///< the access that was looked for
  RetagKind retag = RetagKind::kUnique;  ///< for kRetag / kTwoPhaseRegrant
  Tag tag;                               ///< the tag whose use failed
  AllocId alloc = 0;
  std::uint64_t offset = 0;  ///< first byte where it failed
  Item item{};               ///< the protected item, when there is one
};

/// Empty means "no UB".
using Outcome = std::optional<Ub>;

struct Retagged {
  Tag tag;     ///< the new pointer's tag (Untagged for raw casts in sb2)
  Outcome ub;
};

class AnyModel {
 public:
  virtual ~AnyModel() = default;

  virtual std::string_view name() const = 0;
  /// An independent copy of the whole state (for explorers that branch).
  virtual std::unique_ptr<AnyModel> clone() const = 0;
  /// rules.hpp's kItemsActAlone for this variant.
  virtual bool itemsActAlone() const = 0;

  /// A fresh allocation of `size` >= 1 bytes: `[Unique(base)]` on every byte,
  /// `base` fresh, or `Untagged` when `untaggedBase`.
  virtual Pointer allocate(std::uint64_t size, bool untaggedBase) = 0;
  [[nodiscard]] virtual Retagged retag(Pointer parent, ByteRange range, const RetagSpec& spec) = 0;
  [[nodiscard]] virtual Outcome access(AccessKind access, Pointer ptr, ByteRange range) = 0;
  [[nodiscard]] virtual Outcome dealloc(Pointer ptr) = 0;
  /// A copy touches no memory: only its range must lie in the allocation.
  [[nodiscard]] virtual Outcome copy(Pointer ptr, ByteRange range) = 0;
  virtual void call() = 0;
  /// Leaves the innermost call; false if none is open.
  virtual bool ret() = 0;

  /// Size of an allocation, live or freed.
  virtual std::uint64_t allocationSize(AllocId alloc) const = 0;
  virtual bool isLive(AllocId alloc) const = 0;
  /// Visits the stacks covering `range` of a live allocation, run by run.
  virtual void forEachStack(AllocId alloc, ByteRange range,
                            const std::function<void(ByteRange, const Stack&)>& visit) const = 0;

  /// Who hears of removals (for histories); null for none.
  virtual void setObserver(StackObserver* observer) = 0;

  /// The variant named `name`, or null.
  static std::unique_ptr<AnyModel> create(std::string_view name);
  /// Every variant's name, in sb2.md's table order.
  static std::span<const std::string_view> names();
};

}  // namespace sbcheck::sb
