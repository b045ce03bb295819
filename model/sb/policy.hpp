// The variant concept and the five named variants of sb2.md's table. A variant
// is a bundle of compile-time knobs read at named decision points of the one
// model (rules.hpp); it never copies the model.
#pragma once

#include <concepts>
#include <string_view>

namespace sbcheck::sb {

/// What an access does to the items above its granting item (sb2.md "Access"
/// step 2 and the variants' rows).
enum class Discipline : std::uint8_t {
  /// sb2: remove each incompatible item; compatible items in between stay.
  kRemoveIncompatible,
  /// sb2-stackwrite writes: pop everything above the granting item except the
  /// contiguous SharedReadWrite group directly above a SharedReadWrite granter.
  kPopAboveSrwGroup,
  /// sb2-disable reads: every Unique above becomes Disabled; nothing is removed.
  kDisableUnique,
  /// sb2-strict: pop from the top until every remaining item above is compatible.
  kStrictStack,
};

// clang-format off
/// A model variant. Each knob names the sb2.md rule it changes.
template <class P>
concept ModelPolicy = requires {
  /// The name used by `--model` and `#! models:`.
  { P::kName } -> std::convertible_to<std::string_view>;
  /// Step 2 of an access for reads, and for writes (also inside a strong retag).
  { P::kReadDiscipline } -> std::convertible_to<Discipline>;
  { P::kWriteDiscipline } -> std::convertible_to<Discipline>;
  /// A weak retag inserts above the granting item's SharedReadWrite group
  /// instead of directly above the granting item.
  { P::kWeakInsertAboveSrwGroup } -> std::convertible_to<bool>;
  /// A two-phase `&mut` grants a weak SharedReadWrite(N), inserted like a
  /// `*mut`, with no parent re-grant.
  { P::kTwoPhaseIsSharedReadWrite } -> std::convertible_to<bool>;
  /// Raw-pointer casts get fresh tags instead of `Untagged`.
  { P::kTaggedRawPointers } -> std::convertible_to<bool>;
};
// clang-format on

/// miri 17643af86, 2019-04-30.
struct Sb2 {
  static constexpr std::string_view kName = "sb2";
  static constexpr Discipline kReadDiscipline = Discipline::kRemoveIncompatible;
  static constexpr Discipline kWriteDiscipline = Discipline::kRemoveIncompatible;
  static constexpr bool kWeakInsertAboveSrwGroup = false;
  static constexpr bool kTwoPhaseIsSharedReadWrite = false;
  static constexpr bool kTaggedRawPointers = false;
};

/// miri f676f2265, 2019-05-15: stack-like writes.
struct Sb2StackWrite : Sb2 {
  static constexpr std::string_view kName = "sb2-stackwrite";
  static constexpr Discipline kWriteDiscipline = Discipline::kPopAboveSrwGroup;
  static constexpr bool kWeakInsertAboveSrwGroup = true;
};

/// miri 4b9e1544c + 9c161b80d, 2019-05-17: stack-like writes, reads disable.
struct Sb2Disable : Sb2StackWrite {
  static constexpr std::string_view kName = "sb2-disable";
  static constexpr Discipline kReadDiscipline = Discipline::kDisableUnique;
  static constexpr bool kTwoPhaseIsSharedReadWrite = true;
};

/// The strict stack discipline the seed rejects.
struct Sb2Strict : Sb2 {
  static constexpr std::string_view kName = "sb2-strict";
  static constexpr Discipline kReadDiscipline = Discipline::kStrictStack;
  static constexpr Discipline kWriteDiscipline = Discipline::kStrictStack;
};

/// Later miri's `-Zmiri-tag-raw-pointers`.
struct Sb2TaggedRaw : Sb2 {
  static constexpr std::string_view kName = "sb2-tagged-raw";
  static constexpr bool kTaggedRawPointers = true;
};

static_assert(ModelPolicy<Sb2> && ModelPolicy<Sb2StackWrite> && ModelPolicy<Sb2Disable> &&
              ModelPolicy<Sb2Strict> && ModelPolicy<Sb2TaggedRaw>);

/// Calls `fn.template operator()<P>()` for every variant, in table order: the
/// one list of variants (the CLI factory and typed tests derive from it).
template <class Fn>
constexpr void forEachVariant(Fn&& fn) {
  fn.template operator()<Sb2>();
  fn.template operator()<Sb2StackWrite>();
  fn.template operator()<Sb2Disable>();
  fn.template operator()<Sb2Strict>();
  fn.template operator()<Sb2TaggedRaw>();
}

}  // namespace sbcheck::sb
