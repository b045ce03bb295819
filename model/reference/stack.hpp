// The reference's item and per-byte borrow stack: a plain std::vector, bottom
// first, searched linearly. No caches, no range map, no dedup.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/reference/permission.hpp"

namespace sbcheck::reference {

/// 0 is `Untagged`; tagged ids are fresh from 1, in creation order.
using TagId = std::uint64_t;
inline constexpr TagId kUntagged = 0;
/// Calls are numbered from 1 in the order they are made; 0 is "no protector".
using CallId = std::uint32_t;
inline constexpr CallId kNoCall = 0;

/// `(perm, tag, protector)` of sb2.md "State".
struct Item {
  Perm perm = Perm::Unique;
  TagId tag = kUntagged;
  CallId protector = kNoCall;

  friend bool operator==(const Item&, const Item&) = default;
};

using Stack = std::vector<Item>;

/// Step 1 of an access: from the top down (or, mutated, bottom up), the first
/// item with `tag` whose permission grants `access`.
std::optional<std::size_t> findGranting(const Stack& stack, Access access, TagId tag, bool bottomUp = false);

/// The stack with each run of equal neighbouring items written once. sb2.md's
/// dedup (a retag does not insert an item equal to a neighbour) never changes
/// a verdict (docs/decisions.md): equal neighbours are granted, kept and
/// removed together. So a dedup-free stack and a deduplicating one are
/// compared in this form.
Stack mergeEqualNeighbours(const Stack& stack);

/// `Uniq <3>*` (`*` = protected).
std::string toString(const Item& item);
/// `[Uniq <1>, SRW <untagged>, SRO <3>*]`.
std::string toString(const Stack& stack);

}  // namespace sbcheck::reference
