// Tags, call ids and the borrow-stack item (sb2.md "State").
#pragma once

#include <cstdint>
#include <string>

#include "model/sb/permission.hpp"

namespace sbcheck::sb {

/// A pointer's tag: `Tagged(n)` with n >= 1, or `Untagged` (id 0), which all
/// raw pointers share in SB2. Ids are fresh and never reused within a run.
struct Tag {
  std::uint64_t id = 0;

  constexpr bool untagged() const { return id == 0; }
  friend constexpr bool operator==(Tag, Tag) = default;
};

inline constexpr Tag kUntagged{0};

/// A function call frame; 0 means "no protector".
using CallId = std::uint32_t;
inline constexpr CallId kNoCall = 0;

/// One entry of a borrow stack: which tag may do what, and the call (if any)
/// that protects the entry from removal.
struct Item {
  Tag tag;
  CallId protector = kNoCall;
  Permission perm = Permission::Unique;

  friend constexpr bool operator==(const Item&, const Item&) = default;
};

static_assert(sizeof(Item) == 16, "items are copied a lot; keep them two words");

/// `<3>` or `<untagged>`.
std::string toString(Tag tag);
/// `Uniq <3>*` (`*` = protected).
std::string toString(const Item& item);

}  // namespace sbcheck::sb
