// sb2.md's access, grant and dealloc rules, one byte at a time, written for
// obviousness rather than speed: linear scans, one erase per removed item.
#include "model/reference/rules.hpp"

namespace sbcheck::reference {
namespace {

bool compatible(const Context& cx, Perm granting, Access access, Perm other) {
  const CompatibleTable& table = cx.variant.mutation.compatible ? *cx.variant.mutation.compatible : kCompatible;
  return table[static_cast<int>(granting)][static_cast<int>(access)][static_cast<int>(other)];
}

/// Removes the item at `i`; UB if an active call protects it.
std::optional<UbKind> removeAt(Stack& stack, std::size_t i, const Context& cx) {
  if (cx.isProtected(stack[i])) return UbKind::kProtectedItemRemoved;
  stack.erase(stack.begin() + static_cast<std::ptrdiff_t>(i));
  return std::nullopt;
}

/// Removes every item from `from` to the top, top first.
std::optional<UbKind> popFrom(Stack& stack, std::size_t from, const Context& cx) {
  while (stack.size() > from) {
    if (auto ub = removeAt(stack, stack.size() - 1, cx)) return ub;
  }
  return std::nullopt;
}

/// One past the SRW items directly above `g`, if `g` is SRW; else `g + 1`.
std::size_t srwGroupEnd(const Stack& stack, std::size_t g) {
  std::size_t end = g + 1;
  if (stack[g].perm != Perm::SharedReadWrite) return end;
  while (end < stack.size() && stack[end].perm == Perm::SharedReadWrite) ++end;
  return end;
}

}  // namespace

std::string_view kindName(UbKind kind) {
  switch (kind) {
    case UbKind::kNoGrantingItem: return "no-granting-item";
    case UbKind::kProtectedItemRemoved: return "protected-item-removed";
    case UbKind::kProtectedItemDeallocated: return "protected-item-deallocated";
    case UbKind::kUseAfterFree: return "use-after-free";
    case UbKind::kOutOfBounds: return "out-of-bounds";
  }
  return "unknown";
}

bool Context::isProtected(const Item& item) const {
  return !variant.mutation.ignoreProtectors && item.protector != kNoCall && activeCalls[item.protector];
}

std::optional<UbKind> access(Stack& stack, Access access, TagId tag, const Context& cx) {
  // 1. Find the granting item.
  const std::optional<std::size_t> found = findGranting(stack, access, tag, cx.variant.mutation.bottomUpSearch);
  if (!found) return UbKind::kNoGrantingItem;
  const std::size_t g = *found;
  const Perm granting = stack[g].perm;
  // 2. Deal with the items above it, as the variant says.
  switch (access == Access::Read ? cx.variant.read : cx.variant.write) {
    case Discipline::kRemoveIncompatible:
      for (std::size_t i = stack.size(); i-- > g + 1;) {
        if (compatible(cx, granting, access, stack[i].perm)) continue;
        if (auto ub = removeAt(stack, i, cx)) return ub;
      }
      return std::nullopt;
    case Discipline::kPopAboveSrwGroup: return popFrom(stack, srwGroupEnd(stack, g), cx);
    case Discipline::kStrict: {
      std::size_t firstIncompatible = g + 1;
      while (firstIncompatible < stack.size() && compatible(cx, granting, access, stack[firstIncompatible].perm)) {
        ++firstIncompatible;
      }
      return popFrom(stack, firstIncompatible, cx);
    }
    case Discipline::kDisableUnique:
      for (std::size_t i = g + 1; i < stack.size(); ++i) {
        if (stack[i].perm != Perm::Unique) continue;
        if (cx.isProtected(stack[i])) return UbKind::kProtectedItemRemoved;
        stack[i].perm = Perm::Disabled;
      }
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<UbKind> grant(Stack& stack, TagId parent, const Item& item, Strength strength, const Context& cx) {
  if (strength == Strength::kStrong) {
    // 1. An access with the parent's tag: a write if the new item grants writes.
    const Access implied = grants(item.perm, Access::Write) ? Access::Write : Access::Read;
    if (auto ub = access(stack, implied, parent, cx)) return ub;
    // 2. Push the new item on top.
    stack.push_back(item);
    return std::nullopt;
  }
  // 1. Find the item granting the parent write access.
  const std::optional<std::size_t> g = findGranting(stack, Access::Write, parent, cx.variant.mutation.bottomUpSearch);
  if (!g) return UbKind::kNoGrantingItem;
  // 2. Insert directly above it (or above its SRW group); remove nothing.
  const std::size_t at = cx.variant.weakAboveSrwGroup ? srwGroupEnd(stack, *g) : *g + 1;
  stack.insert(stack.begin() + static_cast<std::ptrdiff_t>(at), item);
  return std::nullopt;
}

std::optional<UbKind> checkDealloc(const Stack& stack, TagId tag, const Context& cx) {
  if (!findGranting(stack, Access::Write, tag, cx.variant.mutation.bottomUpSearch)) return UbKind::kNoGrantingItem;
  for (const Item& item : stack) {
    if (cx.isProtected(item)) return UbKind::kProtectedItemDeallocated;
  }
  return std::nullopt;
}

}  // namespace sbcheck::reference
