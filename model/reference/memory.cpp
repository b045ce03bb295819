// The reference's operations over whole allocations: bounds and liveness
// first, then the per-byte rules on each byte in offset order.
#include "model/reference/memory.hpp"

#include <cassert>

namespace sbcheck::reference {

Pointer Memory::allocate(std::uint64_t size, bool untaggedBase) {
  assert(size >= 1 && size <= kMaxAllocationBytes && "the caller keeps allocations small");
  const TagId base = untaggedBase ? kUntagged : freshTag();
  allocations_.push_back(Allocation{size, true, std::vector<Stack>(size, Stack{Item{Perm::Unique, base, kNoCall}})});
  return Pointer{allocations_.size() - 1, base};
}

std::optional<UbKind> Memory::checkUsable(Pointer ptr, ByteRange range) const {
  if (!isLive(ptr.alloc)) return UbKind::kUseAfterFree;
  if (range.end > size(ptr.alloc)) return UbKind::kOutOfBounds;
  return std::nullopt;
}

bool Memory::inCell(std::span<const ByteRange> cells, std::uint64_t byte) {
  for (const ByteRange& cell : cells) {
    if (cell.begin <= byte && byte < cell.end) return true;
  }
  return false;
}

Retagged Memory::retag(Pointer parent, ByteRange range, const Retag& retag) {
  if (auto ub = checkUsable(parent, range)) return {kUntagged, ub};
  const bool raw = retag.kind == RetagKind::kRawMut || retag.kind == RetagKind::kRawConst;
  const TagId tag = raw && !variant_.taggedRaw ? kUntagged : freshTag();
  const CallId protector = retag.protect && !frames_.empty() ? frames_.back() : kNoCall;
  std::vector<Stack>& bytes = allocations_[parent.alloc].bytes;
  // The new item, byte by byte (sb2.md's retag table).
  for (std::uint64_t b = range.begin; b < range.end; ++b) {
    const bool cell = inCell(retag.cells, b);
    Perm perm = Perm::Unique;
    Strength strength = Strength::kStrong;
    switch (retag.kind) {
      case RetagKind::kUnique: break;
      case RetagKind::kTwoPhase:
        strength = Strength::kWeak;
        if (variant_.twoPhaseIsSharedReadWrite) perm = Perm::SharedReadWrite;
        break;
      case RetagKind::kShared:
      case RetagKind::kRawConst:
        if (cell && !variant_.mutation.cellSharedIsStrong) {
          perm = Perm::SharedReadWrite, strength = Strength::kWeak;
        } else {
          perm = Perm::SharedReadOnly;
        }
        break;
      case RetagKind::kRawMut: perm = Perm::SharedReadWrite, strength = Strength::kWeak; break;
    }
    if (auto ub = grant(bytes[b], parent.tag, Item{perm, tag, protector}, strength, context())) return {tag, ub};
  }
  // The two-phase re-grant: a shared reborrow of the parent from the new tag,
  // never protected, after every byte got the new item.
  const bool regrant = retag.kind == RetagKind::kTwoPhase && !variant_.twoPhaseIsSharedReadWrite &&
                       !variant_.mutation.noTwoPhaseRegrant;
  for (std::uint64_t b = range.begin; regrant && b < range.end; ++b) {
    const bool cell = inCell(retag.cells, b);
    const Item item{cell ? Perm::SharedReadWrite : Perm::SharedReadOnly, parent.tag, kNoCall};
    if (auto ub = grant(bytes[b], tag, item, cell ? Strength::kWeak : Strength::kStrong, context())) return {tag, ub};
  }
  return {tag, std::nullopt};
}

std::optional<UbKind> Memory::access(Access access, Pointer ptr, ByteRange range) {
  if (auto ub = checkUsable(ptr, range)) return ub;
  for (std::uint64_t b = range.begin; b < range.end; ++b) {
    if (auto ub = reference::access(allocations_[ptr.alloc].bytes[b], access, ptr.tag, context())) return ub;
  }
  return std::nullopt;
}

std::optional<UbKind> Memory::dealloc(Pointer ptr) {
  Allocation& allocation = allocations_[ptr.alloc];
  if (auto ub = checkUsable(ptr, ByteRange{0, allocation.size})) return ub;
  for (const Stack& stack : allocation.bytes) {
    if (auto ub = checkDealloc(stack, ptr.tag, context())) return ub;
  }
  allocation.live = false;
  allocation.bytes.clear();
  return std::nullopt;
}

std::optional<UbKind> Memory::copy(Pointer ptr, ByteRange range) const {
  if (range.end > size(ptr.alloc)) return UbKind::kOutOfBounds;
  return std::nullopt;
}

void Memory::call() {
  frames_.push_back(static_cast<CallId>(active_.size()));
  active_.push_back(true);
}

void Memory::ret() {
  if (frames_.empty()) return;
  active_[frames_.back()] = false;
  frames_.pop_back();
}

}  // namespace sbcheck::reference
