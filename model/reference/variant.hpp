// The variants of sb2.md's table as data: one struct of knobs each, read by
// the one reference implementation (rules.cpp) at named decision points.
// `Mutation` holds deliberate departures from the spec — test-only hooks
// that give the agreement property mutants to find; every real variant has
// them all off.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "model/reference/permission.hpp"

namespace sbcheck::reference {

/// What an access does to the items above its granting item.
enum class Discipline : std::uint8_t {
  kRemoveIncompatible,  ///< sb2: remove each item `kCompatible` rejects
  kPopAboveSrwGroup,    ///< sb2-stackwrite writes: pop all but an SRW granter's SRW group
  kDisableUnique,       ///< sb2-disable reads: every Unique above becomes Disabled
  kStrict,              ///< sb2-strict: pop from the first incompatible item up
};

/// Bugs on purpose (for mutant tests only). Each names the rule it breaks.
struct Mutation {
  /// Step 2 of an access uses this table instead of kCompatible.
  const CompatibleTable* compatible = nullptr;
  /// Removing (or disabling) a protected item is not UB.
  bool ignoreProtectors = false;
  /// A two-phase `&mut` skips the parent re-grant.
  bool noTwoPhaseRegrant = false;
  /// `&` / `*const` on UnsafeCell bytes is a strong SRO, as if frozen.
  bool cellSharedIsStrong = false;
  /// Step 1 searches from the bottom up.
  bool bottomUpSearch = false;
};

struct Variant {
  std::string_view name;
  Discipline read = Discipline::kRemoveIncompatible;
  Discipline write = Discipline::kRemoveIncompatible;
  /// A weak retag inserts above an SRW granter's SRW group (sb2-stackwrite).
  bool weakAboveSrwGroup = false;
  /// A two-phase `&mut` is a weak SRW(N) with no re-grant (sb2-disable).
  bool twoPhaseIsSharedReadWrite = false;
  /// Raw-pointer casts get fresh tags (sb2-tagged-raw).
  bool taggedRaw = false;
  Mutation mutation{};
};

/// The five variants, in sb2.md's table order.
std::span<const Variant> variants();
/// The variant named `name`, if there is one.
std::optional<Variant> findVariant(std::string_view name);

}  // namespace sbcheck::reference
