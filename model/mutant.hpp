// Planted bugs (mutants) behind one switch, to measure the harness's own
// bug-finding power: scripts/mutants.sh plants each in turn and checks that
// `check` and `explore` find it (docs/mutants.md). A mutation point is
// `mutant::planted(Mutant::kX)` at a one- or two-line change in model/cell/ or
// model/sb/. In the normal build it is the constant false and the optimiser
// removes it; in the mutants build (`sbcheck-mutants`, compiled with
// SBCHECK_MUTANTS) it is true for the one mutant the environment variable
// SBCHECK_MUTANT names, read once at startup. model/reference/ (the oracle)
// has no mutation points.
#pragma once

#include <cstdint>
#include <string_view>

namespace sbcheck::mutant {

/// Every mutant, one per mutation point; kMutants gives each its name.
enum class Mutant : std::uint8_t {
  kCellNoGenerationBump,
  kCellBorrowIgnoresMutable,
  kCellFreedAtOne,
  kCellReleaseKeepsMutable,
  kCellReleaseKeepsBorrow,
  kCellDropKeepsLeak,
  kCellNextWithoutProbe,
  kCellLeakIgnoresMutable,
  kCellBorrowMutIgnoresLeaks,
  kCellStaleLeakAccepted,
  kCellIteratorForgetsObject,
  kCellStopKeepsLeak,
  kCellNextStopsEarly,
  kCellBorrowMutIgnoresBorrows,
  kModelReadKeepsUnique,
  kModelPopIgnoresProtector,
  kModelDeallocIgnoresProtector,
  kModelNoTwoPhaseRegrant,
  kModelCellSharedIsStrong,
  kModelBottomUpSearch,
  kModelUniqueWriteKeepsSrw,
  kModelSroGrantsWrite,
  kModelReturnKeepsProtector,
  kModelWeakGrantOnTop,
  kModelStrongGrantSkipsAccess,
  kModelDeallocSkipsGrantCheck,
};

/// Where a mutant is planted: the finders that must catch it differ.
enum class Area : std::uint8_t { kCell, kModel };

struct Info {
  Mutant mutant;
  std::string_view name;  ///< the SBCHECK_MUTANT value
  Area area;
  std::string_view bug;   ///< what the planted bug does, in one line
};

// clang-format off
/// The one list of mutants, in enum order (checked below).
inline constexpr Info kMutants[] = {
  {Mutant::kCellNoGenerationBump, "cell-no-generation-bump", Area::kCell, "a mutable borrow no longer bumps the generation"},
  {Mutant::kCellBorrowIgnoresMutable, "cell-borrow-ignores-mutable", Area::kCell, "a shared borrow ignores a held mutable one"},
  {Mutant::kCellFreedAtOne, "cell-freed-at-one", Area::kCell, "an object is freed when its count reaches 1"},
  {Mutant::kCellReleaseKeepsMutable, "cell-release-keeps-mutable", Area::kCell, "releasing a mutable guard forgets to clear mutablyBorrowed"},
  {Mutant::kCellReleaseKeepsBorrow, "cell-release-keeps-borrow", Area::kCell, "releasing a shared guard forgets to decrement the borrow count"},
  {Mutant::kCellDropKeepsLeak, "cell-drop-keeps-leak", Area::kCell, "dropping an iterator forgets to decrement the leak count"},
  {Mutant::kCellNextWithoutProbe, "cell-next-without-probe", Area::kCell, "next reads the data without telling the probe"},
  {Mutant::kCellLeakIgnoresMutable, "cell-leak-ignores-mutable", Area::kCell, "a leak ignores a held mutable borrow in every policy"},
  {Mutant::kCellBorrowMutIgnoresLeaks, "cell-borrow-mut-ignores-leaks", Area::kCell, "borrow_mut ignores live leaks in the strict family"},
  {Mutant::kCellStaleLeakAccepted, "cell-stale-leak-accepted", Area::kCell, "next accepts a leak from an older generation"},
  {Mutant::kCellIteratorForgetsObject, "cell-iterator-forgets-object", Area::kCell, "an iterator holds no reference to its object in every policy"},
  {Mutant::kCellStopKeepsLeak, "cell-stop-keeps-leak", Area::kCell, "the first stop no longer gives the leak back"},
  {Mutant::kCellNextStopsEarly, "cell-next-stops-early", Area::kCell, "next stops one item before the end of the set"},
  {Mutant::kCellBorrowMutIgnoresBorrows, "cell-borrow-mut-ignores-borrows", Area::kCell, "borrow_mut ignores held shared borrows"},
  {Mutant::kModelReadKeepsUnique, "model-read-keeps-unique", Area::kModel, "a read keeps the Unique items above the granting item"},
  {Mutant::kModelPopIgnoresProtector, "model-pop-ignores-protector", Area::kModel, "an access removes protected items without UB"},
  {Mutant::kModelDeallocIgnoresProtector, "model-dealloc-ignores-protector", Area::kModel, "a deallocation removes protected items without UB"},
  {Mutant::kModelNoTwoPhaseRegrant, "model-no-two-phase-regrant", Area::kModel, "a two-phase retag no longer re-grants the parent"},
  {Mutant::kModelCellSharedIsStrong, "model-cell-shared-is-strong", Area::kModel, "& on UnsafeCell bytes is a strong SharedReadOnly, not a weak SharedReadWrite"},
  {Mutant::kModelBottomUpSearch, "model-bottom-up-search", Area::kModel, "the granting item is searched for from the bottom up"},
  {Mutant::kModelUniqueWriteKeepsSrw, "model-unique-write-keeps-srw", Area::kModel, "a write granted by Unique keeps SharedReadWrite items above (under-removal)"},
  {Mutant::kModelSroGrantsWrite, "model-sro-grants-write", Area::kModel, "grants table: SharedReadOnly grants writes"},
  {Mutant::kModelReturnKeepsProtector, "model-return-keeps-protector", Area::kModel, "a return leaves its call's protectors active"},
  {Mutant::kModelWeakGrantOnTop, "model-weak-grant-on-top", Area::kModel, "a weak retag pushes on top instead of inserting above the granting item"},
  {Mutant::kModelStrongGrantSkipsAccess, "model-strong-grant-skips-access", Area::kModel, "a strong retag skips its implied access"},
  {Mutant::kModelDeallocSkipsGrantCheck, "model-dealloc-skips-grant-check", Area::kModel, "a deallocation needs no item granting a write"},
};
// clang-format on

static_assert([] {
  for (std::size_t i = 0; i < std::size(kMutants); ++i) {
    if (static_cast<std::size_t>(kMutants[i].mutant) != i) return false;
  }
  return true;
}(), "kMutants lists every mutant once, in enum order");

namespace detail {
/// The mutant SBCHECK_MUTANT names, or null (mutant.cpp; mutants build only).
const Info* activeMutant();
}  // namespace detail

// The one switch. `planted` is deliberately not constexpr in the mutants
// build: a constexpr one would have to answer false under constant evaluation
// (`std::is_constant_evaluated`), and then a mutation point in the initializer
// of a `const bool` local, which the compiler first tries as a constant, would
// silently never fire. A constexpr caller (`grants`) stays usable in constant
// expressions wherever its mutation point is short-circuited away.
#if defined(SBCHECK_MUTANTS)
inline constexpr bool kMutantsBuild = true;
/// Whether `m` is the mutant planted in this run.
inline bool planted(Mutant m) {
  const Info* active = detail::activeMutant();
  return active != nullptr && active->mutant == m;
}
#else
inline constexpr bool kMutantsBuild = false;
/// The normal build plants nothing: every mutation point is this constant.
constexpr bool planted(Mutant) { return false; }
#endif

}  // namespace sbcheck::mutant
