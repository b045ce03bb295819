// The model's report texts.
#include "model/sb/diagnostics.hpp"

namespace sbcheck::sb {

std::string_view kindId(UbKind kind) {
  switch (kind) {
    case UbKind::kNoGrantingItem: return "no-granting-item";
    case UbKind::kProtectedItemRemoved: return "protected-item-removed";
    case UbKind::kProtectedItemDeallocated: return "protected-item-deallocated";
    case UbKind::kUseAfterFree: return "use-after-free";
    case UbKind::kOutOfBounds: return "out-of-bounds";
  }
  return "unknown";
}

std::string retagDescription(RetagKind kind) {
  switch (kind) {
    case RetagKind::kUnique: return "&mut retag (Unique, strong)";
    case RetagKind::kTwoPhase: return "two-phase &mut retag (weak)";
    case RetagKind::kShared: return "& retag";
    case RetagKind::kRawMut: return "*mut cast (SharedReadWrite, weak)";
    case RetagKind::kRawConst: return "*const cast";
  }
  return "retag";
}

std::string ruleText(const Removal& removal) {
  if (removal.deallocated) return "the allocation was deallocated";
  const std::string granting(longName(removal.granting.perm));
  const std::string removed(longName(removal.item.perm));
  const std::string access(name(removal.access));
  switch (removal.discipline) {
    case Discipline::kRemoveIncompatible:
      return granting + " grants the " + access + "; " + removed + " above it is incompatible with " +
             access + "s";
    case Discipline::kPopAboveSrwGroup:
      return "stack-like writes pop every item above the granting " + granting +
             " (and its SharedReadWrite group)";
    case Discipline::kStrictStack:
      return "strict stack discipline: a " + access + " granted by " + granting +
             " pops everything from the first incompatible item up";
    case Discipline::kDisableUnique:
      return "a read granted by " + granting + " disables every Unique above it";
  }
  return "removed";
}

}  // namespace sbcheck::sb
