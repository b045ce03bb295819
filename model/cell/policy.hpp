// The cell's policies (cell-format.md "Policies"): compile-time knobs read at
// named decision points of the one cell (cell.hpp), never copies of it.
#pragma once

#include <array>
#include <concepts>
#include <string_view>

namespace sbcheck::cell {

// clang-format off
template <class P>
concept CellPolicy = requires {
  /// The name used by `--policy` and `#! policies:`.
  { P::kName } -> std::convertible_to<std::string_view>;
  /// Generation counting: leaks never block mutation; every mutable borrow
  /// bumps the generation; a leak from an older generation is refused; an
  /// exhausted iterator keeps its leak. Otherwise leaks are counted and
  /// `borrow_mut` is refused while any is alive (the strict family).
  { P::kGenerations } -> std::convertible_to<bool>;
  /// `leak` is refused while a mutable borrow is held.
  { P::kLeakChecksMutableBorrow } -> std::convertible_to<bool>;
  /// An iterator holds a Python reference to its object.
  { P::kIteratorHoldsObject } -> std::convertible_to<bool>;
  /// `add`/`discard` go through the shared state's leak check.
  { P::kMutatorsCheckLeaks } -> std::convertible_to<bool>;
};
// clang-format on

/// The seed as landed.
struct Strict {
  static constexpr std::string_view kName = "strict";
  static constexpr bool kGenerations = false;
  static constexpr bool kLeakChecksMutableBorrow = true;
  static constexpr bool kIteratorHoldsObject = true;
  static constexpr bool kMutatorsCheckLeaks = true;
};

/// rust-cpython's `sharedref`, hg-cpython 5.3.
struct Generation : Strict {
  static constexpr std::string_view kName = "generation";
  static constexpr bool kGenerations = true;
};

/// The review's "mutable borrow followed by immutable borrows" hole.
struct UncheckedLeak : Strict {
  static constexpr std::string_view kName = "unchecked-leak";
  static constexpr bool kLeakChecksMutableBorrow = false;
};

/// The object can die before its iterator.
struct NoParentRef : Strict {
  static constexpr std::string_view kName = "no-parent-ref";
  static constexpr bool kIteratorHoldsObject = false;
};

/// The review's "borrow_mut the inner object directly" hole.
struct UnguardedInner : Strict {
  static constexpr std::string_view kName = "unguarded-inner";
  static constexpr bool kMutatorsCheckLeaks = false;
};

static_assert(CellPolicy<Strict> && CellPolicy<Generation> && CellPolicy<UncheckedLeak> &&
              CellPolicy<NoParentRef> && CellPolicy<UnguardedInner>);

/// Calls `fn.template operator()<P>()` for every policy, in the spec's order:
/// the one list of policies.
template <class Fn>
constexpr void forEachPolicy(Fn&& fn) {
  fn.template operator()<Strict>();
  fn.template operator()<Generation>();
  fn.template operator()<UncheckedLeak>();
  fn.template operator()<NoParentRef>();
  fn.template operator()<UnguardedInner>();
}

/// Every policy's name, in forEachPolicy's order.
inline constexpr auto kPolicyNames = [] {
  std::array<std::string_view, 5> names{};
  std::size_t next = 0;
  forEachPolicy([&]<class P>() { names[next++] = P::kName; });
  return names;
}();

}  // namespace sbcheck::cell
