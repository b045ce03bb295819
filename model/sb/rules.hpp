// The core per-location rules of sb2.md — access, grant (retag) and dealloc —
// as numbered steps, over one borrow stack. A variant's knobs act at the named
// decision points; the rules are written once.
#pragma once

#include <optional>
#include <vector>

#include "model/mutant.hpp"
#include "model/sb/item.hpp"
#include "model/sb/policy.hpp"
#include "model/sb/range_map.hpp"
#include "model/sb/stack.hpp"

namespace sbcheck::sb {

/// Why an item left a stack (or, in sb2-disable, lost its permission): the
/// line of a tag's history that explains a later "no item grants it".
struct Removal {
  Item item;            ///< as it was before the removal
  Item granting;        ///< the item that granted the access (unset for dealloc)
  AccessKind access = AccessKind::Write;
  Discipline discipline = Discipline::kRemoveIncompatible;
  bool disabled = false;     ///< turned Disabled rather than removed
  bool deallocated = false;  ///< removed by a deallocation
};

/// Told of every removal; the history behind UB reports is one of these.
class StackObserver {
 public:
  virtual ~StackObserver() = default;
  virtual void removed(const Removal& removal, ByteRange where) = 0;
};

enum class UbKind : std::uint8_t {
  kNoGrantingItem,             ///< step 1 of an access, retag or dealloc found nothing
  kProtectedItemRemoved,       ///< step 2 would remove (or disable) a protected item
  kProtectedItemDeallocated,   ///< dealloc would remove a protected item
  kUseAfterFree,
  kOutOfBounds,
};

/// UB found on one stack: the kind, the access that was looked for, and the
/// item involved (the protected one, or the unsuitable one a weak retag found).
struct StackUb {
  UbKind kind;
  AccessKind access;
  Item item{};
};

/// What the rules need besides the stack: which calls are active, who to tell
/// about removals, and which bytes the stack stands for (for that telling).
struct RuleContext {
  const std::vector<bool>* activeCalls;  ///< indexed by CallId
  StackObserver* observer;
  ByteRange where;

  bool isProtected(const Item& item) const {
    return item.protector != kNoCall && (*activeCalls)[item.protector];
  }
  void tell(const Removal& removal) const {
    if (observer != nullptr) observer->removed(removal, where);
  }
};

namespace detail {

/// Removes every item from `from` upward, top-down; a protected one is UB.
inline std::optional<StackUb> popFrom(Stack& stack, std::size_t from, const Item& granting,
                                      AccessKind access, Discipline discipline,
                                      const RuleContext& cx) {
  std::optional<StackUb> ub;
  stack.removeAbove(from - 1, [&](const Item& item) {
    if (cx.isProtected(item) && !mutant::planted(mutant::Mutant::kModelPopIgnoresProtector)) {
      ub = StackUb{UbKind::kProtectedItemRemoved, access, item};
      return Stack::Verdict::kStop;
    }
    cx.tell(Removal{item, granting, access, discipline});
    return Stack::Verdict::kRemove;
  });
  return ub;
}

/// Access step 2 under one discipline.
template <Discipline D>
std::optional<StackUb> removeAbove(Stack& stack, std::size_t g, AccessKind access,
                                   const RuleContext& cx) {
  const Item granting = stack[g];
  if constexpr (D == Discipline::kRemoveIncompatible) {
    // Keep compatible items, wherever they sit; remove the others.
    std::optional<StackUb> ub;
    stack.removeAbove(g, [&](const Item& other) {
      if (compatible(granting.perm, access, other.perm)) return Stack::Verdict::kKeep;
      if (cx.isProtected(other) && !mutant::planted(mutant::Mutant::kModelPopIgnoresProtector)) {
        ub = StackUb{UbKind::kProtectedItemRemoved, access, other};
        return Stack::Verdict::kStop;
      }
      cx.tell(Removal{other, granting, access, D});
      return Stack::Verdict::kRemove;
    });
    return ub;
  } else if constexpr (D == Discipline::kPopAboveSrwGroup) {
    // Stack-like: only a SharedReadWrite granter's own SRW group survives.
    return detail::popFrom(stack, stack.srwGroupEnd(g), granting, access, D, cx);
  } else if constexpr (D == Discipline::kStrictStack) {
    // Pop from the top until everything left above the granter is compatible.
    std::size_t firstIncompatible = g + 1;
    while (firstIncompatible < stack.size() &&
           compatible(granting.perm, access, stack[firstIncompatible].perm)) {
      ++firstIncompatible;
    }
    return detail::popFrom(stack, firstIncompatible, granting, access, D, cx);
  } else {
    static_assert(D == Discipline::kDisableUnique);
    // Unique items above lose all their rights but keep their place, so they
    // still separate the SharedReadWrite groups below and above them.
    for (std::size_t i = stack.size(); i-- > g + 1;) {
      const Item other = stack[i];
      if (other.perm != Permission::Unique) continue;
      if (cx.isProtected(other)) return StackUb{UbKind::kProtectedItemRemoved, access, other};
      stack.setPermission(i, Permission::Disabled);
      cx.tell(Removal{other, granting, access, D, /*disabled=*/true});
    }
    return std::nullopt;
  }
}

}  // namespace detail

/// sb2.md "Access": a read or write with `tag` at the bytes `stack` stands for.
template <ModelPolicy P>
std::optional<StackUb> access(Stack& stack, AccessKind access, Tag tag, const RuleContext& cx) {
  // Step 1: find the granting item, from the top down.
  const std::optional<std::size_t> g = stack.findGranting(access, tag);
  if (!g) return StackUb{UbKind::kNoGrantingItem, access};
  // Step 2: deal with the items above it, as the variant says. Under every
  // discipline a read only ever removes or disables Unique items (the table's
  // read columns), so with none above the granting item there is nothing to do.
  if (access == AccessKind::Read) {
    if (!stack.hasUniqueAbove(*g) || mutant::planted(mutant::Mutant::kModelReadKeepsUnique)) return std::nullopt;
    return detail::removeAbove<P::kReadDiscipline>(stack, *g, access, cx);
  }
  return detail::removeAbove<P::kWriteDiscipline>(stack, *g, access, cx);
}

/// Whether every rule of variant P treats stack items one at a time: its
/// disciplines remove or disable each item for its own permission, and weak
/// grants go directly above the granting item. Then an item no pointer can
/// use again (its tag dead, no protector) changes no verdict and no other
/// item's fate, and an explorer may forget it. Under the other disciplines an
/// item's neighbours matter: sb2-strict pops from the first incompatible item,
/// sb2-stackwrite keeps or inserts by SharedReadWrite groups.
template <ModelPolicy P>
inline constexpr bool kItemsActAlone =
    (P::kReadDiscipline == Discipline::kRemoveIncompatible || P::kReadDiscipline == Discipline::kDisableUnique) &&
    (P::kWriteDiscipline == Discipline::kRemoveIncompatible || P::kWriteDiscipline == Discipline::kDisableUnique) &&
    !P::kWeakInsertAboveSrwGroup;

/// Whether a read with `tag` is granted and leaves the stack as it is (step 2
/// has nothing to do): lets the model skip splitting runs for such reads.
inline bool readChangesNothing(const Stack& stack, Tag tag) {
  const std::optional<std::size_t> g = stack.findGranting(AccessKind::Read, tag);
  return g && !stack.hasUniqueAbove(*g);
}

enum class Strength : std::uint8_t { kStrong, kWeak };

/// sb2.md "Retag / reborrow", for one location: grant `item` to a pointer
/// derived from `parent`.
template <ModelPolicy P>
std::optional<StackUb> grant(Stack& stack, Tag parent, Item item, Strength strength,
                             const RuleContext& cx) {
  std::size_t position;
  if (strength == Strength::kStrong) {
    // Strong: an access with the parent's tag (a write if the new item grants
    // writes), which may be UB and may remove items; then push on top.
    const AccessKind implied = grants(item.perm, AccessKind::Write) ? AccessKind::Write : AccessKind::Read;
    if (!mutant::planted(mutant::Mutant::kModelStrongGrantSkipsAccess))
      if (auto ub = sbcheck::sb::access<P>(stack, implied, parent, cx)) return ub;
    position = stack.size();
  } else {
    // Weak: find the item granting the parent write access and insert the new
    // item directly above it (or, per variant, above its SRW group); remove nothing.
    assert(item.perm != Permission::SharedReadOnly && "weak items grant writes (S2)");
    const std::optional<std::size_t> g = stack.findGranting(AccessKind::Write, parent);
    if (!g) return StackUb{UbKind::kNoGrantingItem, AccessKind::Write};
    position = P::kWeakInsertAboveSrwGroup ? stack.srwGroupEnd(*g) : *g + 1;
    if (mutant::planted(mutant::Mutant::kModelWeakGrantOnTop)) position = stack.size();
  }
  // Dedup: an item equal to its neighbour at the insertion point adds nothing.
  const bool duplicate =
      stack[position - 1] == item || (position < stack.size() && stack[position] == item);
  if (!duplicate) stack.insert(position, item);
  assert(stack.checkInvariants() && "a grant keeps S1 and S2");
  return std::nullopt;
}

/// sb2.md "Deallocation", for one location.
inline std::optional<StackUb> dealloc(Stack& stack, Tag tag, const RuleContext& cx) {
  // Step 1: an item must grant `tag` write access.
  if (!stack.findGranting(AccessKind::Write, tag) && !mutant::planted(mutant::Mutant::kModelDeallocSkipsGrantCheck)) {
    return StackUb{UbKind::kNoGrantingItem, AccessKind::Write};
  }
  // Step 2: every item goes; a protected one is UB.
  for (const Item& item : stack.items()) {
    if (cx.isProtected(item) && !mutant::planted(mutant::Mutant::kModelDeallocIgnoresProtector)) return StackUb{UbKind::kProtectedItemDeallocated, AccessKind::Write, item};
  }
  for (const Item& item : stack.items()) {
    Removal removal{item, Item{}, AccessKind::Write};
    removal.deallocated = true;
    cx.tell(removal);
  }
  stack.clear();
  return std::nullopt;
}

}  // namespace sbcheck::sb
