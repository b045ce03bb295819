// The reference's per-byte rules of sb2.md — access, grant (retag) and
// dealloc — as numbered steps over one plain stack, with the variant's knobs
// read where the spec's variant table says they act.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/reference/stack.hpp"
#include "model/reference/variant.hpp"

namespace sbcheck::reference {

enum class UbKind : std::uint8_t {
  kNoGrantingItem,
  kProtectedItemRemoved,
  kProtectedItemDeallocated,
  kUseAfterFree,
  kOutOfBounds,
};

/// "no-granting-item", ... (the same words as the model's reports).
std::string_view kindName(UbKind kind);

/// What the rules need besides the stack.
struct Context {
  const Variant& variant;
  const std::vector<bool>& activeCalls;  ///< indexed by CallId; [0] is "no call"

  bool isProtected(const Item& item) const;
};

/// sb2.md "Access" at one byte.
[[nodiscard]] std::optional<UbKind> access(Stack& stack, Access access, TagId tag, const Context& cx);

enum class Strength : std::uint8_t { kStrong, kWeak };

/// sb2.md "Retag / reborrow" at one byte: grant `item` to a pointer derived
/// from `parent`.
[[nodiscard]] std::optional<UbKind> grant(Stack& stack, TagId parent, const Item& item, Strength strength,
                                          const Context& cx);

/// sb2.md "Deallocation", step 1 and the protector check, at one byte (the
/// caller frees the allocation once every byte passed).
[[nodiscard]] std::optional<UbKind> checkDealloc(const Stack& stack, TagId tag, const Context& cx);

}  // namespace sbcheck::reference
