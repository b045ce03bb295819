// A deliberately plain sb2 model for the benchmarks to compare sb::Model
// against: one std::vector<Item> per byte (no range map), linear top-down
// scans, one vector::erase per removed item. It follows sb2.md's access and
// retag rules (strong, weak, dedup) word for word and nothing more: no
// protectors, no UnsafeCell ranges, no two-phase borrows, no dealloc, no
// variants. Its only job is to be obviously correct and obviously naive.
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <vector>

#include "model/sb/any_model.hpp"
#include "model/sb/item.hpp"
#include "model/sb/permission.hpp"
#include "model/sb/range_map.hpp"

namespace sbcheck::bench {

/// sb2 with one plain vector per byte; the API mirrors sb::Model's allocate,
/// retag and access, so the same benchmark scenario drives either.
class BaselineModel {
 public:
  using Pointer = sb::Pointer;
  using Outcome = sb::Outcome;

  /// Every byte starts as `[Unique(base)]`.
  Pointer allocate(std::uint64_t size, bool untaggedBase) {
    const sb::Tag base = untaggedBase ? sb::kUntagged : freshTag();
    allocations_.emplace_back(size, ByteStack{sb::Item{base}});
    return Pointer{static_cast<sb::AllocId>(allocations_.size() - 1), base};
  }

  /// `&mut` (kUnique), `&` outside UnsafeCell (kShared) and `*mut` (kRawMut).
  [[nodiscard]] sb::Retagged retag(Pointer parent, sb::ByteRange range, const sb::RetagSpec& spec) {
    assert(spec.cellRanges.empty() && !spec.protect && "the baseline has no cells or protectors");
    sb::Item item;
    bool strong = true;
    switch (spec.kind) {
      case sb::RetagKind::kUnique: item = {freshTag(), sb::kNoCall, sb::Permission::Unique}; break;
      case sb::RetagKind::kShared: item = {freshTag(), sb::kNoCall, sb::Permission::SharedReadOnly}; break;
      case sb::RetagKind::kRawMut:
        item = {sb::kUntagged, sb::kNoCall, sb::Permission::SharedReadWrite};
        strong = false;
        break;
      case sb::RetagKind::kTwoPhase:
      case sb::RetagKind::kRawConst: assert(false && "not supported by the baseline"); break;
    }
    for (std::uint64_t byte = range.begin; byte < range.end; ++byte) {
      ByteStack& stack = allocations_[parent.alloc][byte];
      const bool ok = strong ? grantStrong(stack, parent.tag, item) : grantWeak(stack, parent.tag, item);
      if (!ok) return {sb::kUntagged, failure(parent, byte, sb::AccessKind::Write)};
    }
    return {item.tag, std::nullopt};
  }

  [[nodiscard]] Outcome access(sb::AccessKind kind, Pointer ptr, sb::ByteRange range) {
    for (std::uint64_t byte = range.begin; byte < range.end; ++byte) {
      if (!accessByte(allocations_[ptr.alloc][byte], kind, ptr.tag)) return failure(ptr, byte, kind);
    }
    return std::nullopt;
  }

  const std::vector<sb::Item>& stackAt(sb::AllocId alloc, std::uint64_t byte) const {
    return allocations_[alloc][byte];
  }

 private:
  using ByteStack = std::vector<sb::Item>;  // bottom first

  /// Access step 1: top-down, the first item with `tag` that grants `kind`.
  static std::optional<std::size_t> findGranting(const ByteStack& stack, sb::AccessKind kind, sb::Tag tag) {
    for (std::size_t i = stack.size(); i-- > 0;) {
      if (stack[i].tag == tag && sb::grants(stack[i].perm, kind)) return i;
    }
    return std::nullopt;
  }

  /// sb2.md "Access", both steps, at one byte; false means UB.
  static bool accessByte(ByteStack& stack, sb::AccessKind kind, sb::Tag tag) {
    const std::optional<std::size_t> g = findGranting(stack, kind, tag);
    if (!g) return false;
    const sb::Permission granting = stack[*g].perm;
    for (std::size_t i = stack.size(); i-- > *g + 1;) {
      if (!sb::compatible(granting, kind, stack[i].perm)) stack.erase(stack.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return true;
  }

  /// Strong: an access with the parent (a write if the new item grants
  /// writes), then push, unless the top item equals the new one.
  static bool grantStrong(ByteStack& stack, sb::Tag parent, const sb::Item& item) {
    const sb::AccessKind implied = sb::grants(item.perm, sb::AccessKind::Write) ? sb::AccessKind::Write : sb::AccessKind::Read;
    if (!accessByte(stack, implied, parent)) return false;
    if (stack.back() != item) stack.push_back(item);
    return true;
  }

  /// Weak: directly above the item granting the parent write access, unless
  /// a neighbour at that position equals the new item.
  static bool grantWeak(ByteStack& stack, sb::Tag parent, const sb::Item& item) {
    const std::optional<std::size_t> g = findGranting(stack, sb::AccessKind::Write, parent);
    if (!g) return false;
    const std::size_t position = *g + 1;
    if (stack[*g] == item || (position < stack.size() && stack[position] == item)) return true;
    stack.insert(stack.begin() + static_cast<std::ptrdiff_t>(position), item);
    return true;
  }

  static sb::Ub failure(Pointer ptr, std::uint64_t byte, sb::AccessKind kind) {
    sb::Ub ub;
    ub.kind = sb::UbKind::kNoGrantingItem;
    ub.access = kind;
    ub.tag = ptr.tag;
    ub.alloc = ptr.alloc;
    ub.offset = byte;
    return ub;
  }

  sb::Tag freshTag() { return sb::Tag{nextTag_++}; }

  std::vector<std::vector<ByteStack>> allocations_;  // [alloc][byte]
  std::uint64_t nextTag_ = 1;
};

}  // namespace sbcheck::bench
