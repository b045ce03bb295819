// GoogleTest printers for the model's value types, so failed expectations show
// stacks as `[Uniq <1>, SRO  <2>]` rather than raw bytes. Shared by the model
// test files; found by ADL, hence declared in the types' namespace.
#pragma once

#include <ostream>

#include "model/sb/any_model.hpp"
#include "model/sb/stack.hpp"

namespace sbcheck::sb {

inline void PrintTo(const ByteRange& range, std::ostream* os) {
  *os << "[" << range.begin << ".." << range.end << ")";
}
inline void PrintTo(const Tag& tag, std::ostream* os) { *os << toString(tag); }
inline void PrintTo(const Item& item, std::ostream* os) { *os << toString(item); }
inline void PrintTo(const Stack& stack, std::ostream* os) { *os << toString(stack); }

inline const char* kindName(UbKind kind) {
  switch (kind) {
    case UbKind::kNoGrantingItem: return "no-granting-item";
    case UbKind::kProtectedItemRemoved: return "protected-item-removed";
    case UbKind::kProtectedItemDeallocated: return "protected-item-deallocated";
    case UbKind::kUseAfterFree: return "use-after-free";
    case UbKind::kOutOfBounds: return "out-of-bounds";
  }
  return "?";
}

inline void PrintTo(const StackUb& ub, std::ostream* os) {
  *os << kindName(ub.kind) << " (" << name(ub.access) << ", item " << toString(ub.item) << ")";
}

inline void PrintTo(const Ub& ub, std::ostream* os) {
  *os << kindName(ub.kind) << " op=" << static_cast<int>(ub.op) << " " << name(ub.access) << " tag "
      << toString(ub.tag) << " alloc " << ub.alloc << " offset " << ub.offset << " item "
      << toString(ub.item);
}

}  // namespace sbcheck::sb
