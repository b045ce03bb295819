// Permissions, access kinds and the two finite tables of sb2.md: `grants` and
// `compatible`. Everything else in the model is built from these two relations.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/mutant.hpp"

namespace sbcheck::sb {

/// What an item lets its tag do (sb2.md "State"); `Disabled` exists only in
/// the `sb2-disable` variant.
enum class Permission : std::uint8_t { Unique, SharedReadWrite, SharedReadOnly, Disabled };

enum class AccessKind : std::uint8_t { Read, Write };

inline constexpr Permission kAllPermissions[] = {Permission::Unique, Permission::SharedReadWrite,
                                                 Permission::SharedReadOnly, Permission::Disabled};
inline constexpr AccessKind kAllAccessKinds[] = {AccessKind::Read, AccessKind::Write};

/// sb2.md "Access" step 1: Unique and SRW grant read+write, SRO grants read only.
constexpr bool grants(Permission perm, AccessKind access) {
  switch (perm) {
    case Permission::Unique:
    case Permission::SharedReadWrite: return true;
    case Permission::SharedReadOnly: return access == AccessKind::Read || mutant::planted(mutant::Mutant::kModelSroGrantsWrite);
    case Permission::Disabled: return false;
  }
  return false;
}

/// sb2.md "Access" step 2's table: may `other`, above the granting item, stay?
/// Rows are the granting item's permission, columns the other item's.
constexpr bool compatible(Permission granting, AccessKind access, Permission other) {
  const bool isRead = access == AccessKind::Read;
  switch (granting) {
    case Permission::Unique:
      switch (other) {
        case Permission::Unique: return false;                 // never
        case Permission::SharedReadWrite: return isRead || mutant::planted(mutant::Mutant::kModelUniqueWriteKeepsSrw);  // read only
        case Permission::SharedReadOnly: return isRead;        // read only
        case Permission::Disabled: return isRead;              // grants nothing; kept like SRW
      }
      break;
    case Permission::SharedReadWrite:
      switch (other) {
        case Permission::Unique: return false;                 // never
        case Permission::SharedReadWrite: return true;         // always
        case Permission::SharedReadOnly: return isRead;        // read only
        case Permission::Disabled: return isRead;
      }
      break;
    case Permission::SharedReadOnly:
      // By the invariant only SRO sits above an SRO, and SRO never grants writes.
      return isRead && other == Permission::SharedReadOnly;
    case Permission::Disabled: return false;                   // never grants, so never granting
  }
  return false;
}

/// Fixed-width names so printed stacks line up.
constexpr std::string_view shortName(Permission perm) {
  switch (perm) {
    case Permission::Unique: return "Uniq";
    case Permission::SharedReadWrite: return "SRW ";
    case Permission::SharedReadOnly: return "SRO ";
    case Permission::Disabled: return "Dis ";
  }
  return "????";
}

/// The spec's own words, for sentences.
constexpr std::string_view longName(Permission perm) {
  switch (perm) {
    case Permission::Unique: return "Unique";
    case Permission::SharedReadWrite: return "SharedReadWrite";
    case Permission::SharedReadOnly: return "SharedReadOnly";
    case Permission::Disabled: return "Disabled";
  }
  return "?";
}

constexpr std::string_view name(AccessKind access) {
  return access == AccessKind::Read ? "read" : "write";
}

}  // namespace sbcheck::sb
