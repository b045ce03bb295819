// The borrow rules of cell-format.md ("Policies") as data and pure functions,
// read from the spec alone for the abstract cell (abstract_cell.hpp): one row
// of knobs per policy, and which borrow each policy refuses in which state.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace sbcheck::cellseq::abstract {

/// One row of the spec's policy table, reduced to the knobs where the
/// policies differ. Every policy shares the guard rules: a mutable borrow
/// (`borrow_mut`, `add`, `discard`) is refused while any guard is held, and an
/// immutable one (`borrow`, `len`, `contains`) while a mutable guard is held.
struct PolicyRules {
  std::string_view name;
  /// `generation`: leaks never block mutation; every successful mutable borrow
  /// bumps the generation when it is taken; a leak from an older generation is
  /// refused (RuntimeError) on every later `next`. An exhausted iterator keeps
  /// its leak and its reference until `drop` (the strict family's give-back on
  /// the first `stop` is not part of this row).
  bool generations;
  /// `borrow_mut G` is refused while any leak is alive (the strict family).
  bool borrowMutChecksLeaks;
  /// `add`/`discard` are refused while any leak is alive (the strict family
  /// except `unguarded-inner`, whose methods skip the shared state's leak check).
  bool methodsCheckLeaks;
  /// `iter` is refused while a mutable guard is held (all but `unchecked-leak`).
  bool leakChecksMutableGuard;
  /// An iterator holds a Python reference to its object (all but `no-parent-ref`).
  bool iteratorHoldsReference;
};

inline constexpr std::array<PolicyRules, 5> kPolicyRules = {{
    // name               generations  borrowMutChecksLeaks  methodsCheckLeaks  leakChecksMutableGuard  iteratorHoldsReference
    {"strict", false, true, true, true, true},
    {"generation", true, false, false, true, true},
    {"unchecked-leak", false, true, true, false, true},
    {"no-parent-ref", false, true, true, true, false},
    {"unguarded-inner", false, true, false, true, true},
}};

/// The row named `name`, or nullptr for a name the spec does not define.
const PolicyRules* findPolicyRules(std::string_view name);

/// The borrow an operation asks the object's shared state for.
enum class Access : std::uint8_t {
  kBorrow,          ///< `borrow G = P`
  kBorrowMut,       ///< `borrow_mut G = P`
  kReadingMethod,   ///< `len`, `contains`: "under the same rules as borrow"
  kMutatingMethod,  ///< `add`, `discard`: "under the same rules as borrow_mut", but see methodsCheckLeaks
  kLeak,            ///< `iter I = P` (`leak_immutable`)
};

/// What the borrow rules read: the object's held guards and live leaks.
struct BorrowCounts {
  int sharedGuards = 0;
  int mutableGuards = 0;
  int liveLeaks = 0;  ///< iterators whose leak is not given back
};

/// True when `policy` refuses `access` (with AlreadyBorrowed) in `counts`.
bool refuses(const PolicyRules& policy, Access access, const BorrowCounts& counts);

/// True when a successful `access` bumps the generation (only `generation`).
bool bumpsGeneration(const PolicyRules& policy, Access access);

}  // namespace sbcheck::cellseq::abstract
