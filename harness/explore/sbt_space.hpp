// The `.sbt` half of the explorer (`sbcheck explore --model`): every borrow
// trace over a bounded universe — one allocation, a few live pointers — run
// breadth first on one or more model variants at once. Every event is checked
// against the model's laws, and for every ordered pair of variants the
// explorer finds the shortest trace the first accepts and the second rejects.
//
// A state is the product of the variants' model states (one per variant, all
// driven by the same trace) and one table of the pointers a trace may still
// use. A trace stops at its first UB: a move that is UB under any variant is
// terminal for the product. States are told apart by their canonical form
// (sbt_form.hpp: up to renaming tags and pointers, with dead items written
// anonymously). Live tags alone do not bound the stacks — dead items between
// live ones can pile up (a raw pointer's `SRW <untagged>` above a dead `&mut`,
// over and over) — so the universe also bounds each byte's stack as that
// form writes it.
#pragma once

#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/explore/bfs.hpp"
#include "harness/sbt/replay.hpp"
#include "harness/sbt/trace.hpp"
#include "model/reference/memory.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck::explore {

/// Inline storage for the few pointers, variants and calls of a state: a
/// state is copied for every move.
template <class T, std::size_t N>
using Small = boost::container::small_vector<T, N>;

/// Limits of the representation: a set of bytes is one byte, and so are a
/// slot, a tag's canonical name and a call's depth.
inline constexpr std::uint32_t kMaxTraceBytes = 8;
inline constexpr std::uint32_t kMaxTraceTags = 100;
inline constexpr std::uint32_t kMaxTraceFrames = 100;

/// The bounded universe of traces: every trace that starts with `alloc x
/// <bytes>` (either base), then any events over `x` and the pointers its lets
/// bind — each `let` names a new pointer `pN` and may retire an older one;
/// at most `tags` are alive at a time — such that no stack gets taller than
/// `height` items (as the canonical form writes them) before the last event.
///
/// The defaults are "the documented `.sbt` bound" (state counts pinned in
/// tests/explore/sbt_space_test.cpp): every variant reaches its fixpoint in
/// about 0.1 s and every pair of variants in 0.5–3.5 s, and it holds a
/// shortest trace for each of the 20 ordered pairs of variants (3–7 events).
///   bytes 1: the rules act per location; a second byte (with single-byte
///     operands) multiplies the states about a hundredfold.
///   tags 2: holds every shortest difference (the seed's named ones too);
///     with 3 no pair's is shorter, and pairs take 2–8 times the states.
///   height 5: above what those traces build; 6 multiplies a pair's states
///     by up to 8.
///   frames 0: protectors multiply the states 10- to 30-fold (frames 1 with
///     tags 1 costs about what the defaults do).
struct TraceUniverse {
  std::uint32_t bytes = 1;    ///< the allocation's size, 1..kMaxTraceBytes
  std::uint32_t tags = 2;     ///< pointers alive at once besides `x`, 1..kMaxTraceTags
  std::uint32_t height = 5;   ///< items on one byte's stack, as the canonical form writes them
  std::uint32_t frames = 0;   ///< `call`s open at once, up to kMaxTraceFrames; `protect` needs one
  bool taggedBase = true;     ///< `alloc x N` (a local) may start a trace
  bool untaggedBase = true;   ///< `alloc x N untagged` (heap memory) may start a trace
  bool twoPhaseCell = true;   ///< `&mut X twophase cell`
  bool dealloc = true;        ///< `dealloc X`
  /// Also check laws where they are known to fail (removed untagged items
  /// under all but sb2-tagged-raw), to show their shortest counterexample.
  bool expectedFailures = false;
};

/// The `let` forms the universe uses; each operand is a pointer's own bytes or
/// one of them. Left out: `*const cell X` (the same item as `*mut X` under
/// every variant), `cell[..]` ranges (on one byte: `&cell X` or `&X`), and
/// copies `let Y = X` (a second name for a pointer the table already holds).
enum class LetChoice : std::uint8_t {
  kMut,              ///< `&mut X`
  kMutTwoPhase,      ///< `&mut X twophase`
  kMutTwoPhaseCell,  ///< `&mut X twophase cell`
  kShared,           ///< `&X`
  kSharedCell,       ///< `&cell X`
  kRawMut,           ///< `*mut X`
  kRawConst,         ///< `*const X`
};

/// One event of a trace, as the explorer stores it per state. Pointers are
/// slots of the state's table; slot 0 is `x`.
struct TraceMove {
  enum class Op : std::uint8_t { kAlloc, kLet, kRead, kWrite, kDealloc, kCall, kReturn };
  Op op = Op::kAlloc;
  LetChoice let = LetChoice::kMut;
  bool protect = false;     ///< a `let` ending in `protect`
  bool untagged = false;    ///< `alloc x N untagged`
  std::uint8_t source = 0;  ///< the operand's slot (let, read, write, dealloc)
  std::uint8_t target = 0;  ///< the slot a `let` binds
  std::uint8_t begin = 0;   ///< the operand's bytes [begin, end)
  std::uint8_t end = 0;
};
static_assert(sizeof(TraceMove) <= 8, "stored once per visited state");

/// The laws checked on every event, per variant.
enum class TraceLaw : std::uint8_t {
  kStackInvariants,      ///< Stack::checkInvariants on every byte (S1, S2, C1)
  kRemovedItemsTagged,   ///< removed items never grant access (properties/sbt_property.hpp), tagged tags
  kRemovedItemsUntagged, ///< the same for `Untagged`
  /// The variant agrees with the plain reference under the same variant
  /// (properties/model_agreement.hpp): same verdict, same tag made, same
  /// stack on every byte (equal neighbours merged) after every event.
  kAgreesWithReference,
};
inline constexpr TraceLaw kTraceLaws[] = {TraceLaw::kStackInvariants, TraceLaw::kRemovedItemsTagged,
                                          TraceLaw::kRemovedItemsUntagged, TraceLaw::kAgreesWithReference};
/// "stack-invariants", "removed-items-never-grant", "removed-untagged-items-never-grant",
/// "model-agrees-with-reference".
std::string_view lawId(TraceLaw law);
/// Whether `law` must hold under variant `model` (removedItemsMustHold).
bool lawMustHold(std::string_view model, TraceLaw law);

/// The finding slots of `models` variants: per variant and law, then per
/// ordered pair (accepts, rejects), accepts != rejects, row by row.
std::size_t lawSlotOf(std::size_t model, TraceLaw law);
std::size_t differenceSlotOf(std::size_t models, std::size_t accepts, std::size_t rejects);

/// Traces over a TraceUniverse, run on several variants at once, as a Space
/// for explore(). Finding slots: per variant and law (lawSlot), then per
/// ordered pair (i, j), i != j, "i accepts, j rejects" (differenceSlot).
class TraceSpace {
 public:
  struct Slot {
    bool live = false;
    std::uint32_t name = 0;  ///< 0: `x`; n: `pn`, the n-th `let` (not part of the canonical form)
    sb::ByteRange range;
  };
  /// What one variant knows of one slot's pointer.
  struct Held {
    sb::Tag tag;
    std::uint8_t lost = 0;  ///< bytes where the tag lost its last item (the law's memory)
  };
  struct State {
    Small<std::shared_ptr<const sb::AnyModel>, 2> models;  ///< shared until a move changes one
    /// Per variant, the reference driven by the same moves (kAgreesWithReference).
    /// Not part of the canonical form: where it agrees it adds nothing.
    Small<std::shared_ptr<const reference::Memory>, 2> references;
    Small<Slot, 3> slots;                                  ///< [0]: `x`; then `tags` slots
    Small<Held, 6> held;                                   ///< [slot * models + model]
    Small<std::uint8_t, 2> untaggedLost;                   ///< per variant, where its law is checked
    Small<sb::CallId, 2> calls;                            ///< open, innermost last
    sb::CallId nextCall = 1;                               ///< Model::call numbers calls from 1
    bool allocated = false;
    std::uint32_t lets = 0;  ///< names given so far
  };
  using Move = TraceMove;
  /// Per tag id, the bytes where it has an item that grants something.
  using Presence = Small<std::pair<std::uint64_t, std::uint8_t>, 6>;
  using Presences = Small<Presence, 2>;  ///< per variant

  /// What this space looks for.
  enum class Checks : std::uint8_t {
    kEverything,       ///< every law of every variant, and every difference
    kDifferencesOnly,  ///< differences only: no law, no reference driven (exploreModels checks laws one variant at a time)
  };

  /// `models` are names AnyModel::create knows; the universe within the limits above.
  /// `references`, one per model, are what kAgreesWithReference compares
  /// each with; empty: the reference variant of the same name (tests pass
  /// deliberately wrong ones, to see the law find them).
  TraceSpace(std::vector<std::string> models, const TraceUniverse& universe,
             std::vector<reference::Variant> references = {}, Checks checks = Checks::kEverything);

  State root() const;
  std::uint64_t fingerprint(const State& state) const;
  std::size_t findingSlots() const;
  void expand(const State& state, Sink<State, Move>& sink) const;

  /// The canonical form (sbt_form.hpp) the fingerprint hashes.
  std::string canonicalForm(const State& state) const;
  std::size_t lawSlot(std::size_t model, TraceLaw law) const;
  std::size_t differenceSlot(std::size_t accepts, std::size_t rejects) const;
  /// "sb2: removed-items-never-grant", "sb2 accepts, sb2-strict rejects".
  std::string slotName(std::size_t slot) const;
  /// The law's variant, or the pair (accepts, rejects).
  std::vector<std::string> slotModels(std::size_t slot) const;
  /// Whether a finding in `slot` is a bug: a law that must hold there.
  bool slotMustHold(std::size_t slot) const;
  /// Whether `slot` is looked for at all: a law known to fail is only with
  /// TraceUniverse::expectedFailures.
  bool slotChecked(std::size_t slot) const;
  /// The trace a path from the root spells: `x` for the allocation, `p1`,
  /// `p2`, ... for the lets in order, lines from 1, no header or markers.
  sbt::Trace traceOf(std::span<const Move> path) const;

  const std::vector<std::string>& models() const { return names_; }

 private:
  struct Ran;

  std::vector<Move> operations(const State& state) const;
  Small<std::uint8_t, 4> targets(const State& state) const;
  void letOperations(const State& state, std::uint8_t slot, sb::ByteRange bytes, std::vector<Move>& out) const;
  sb::Outcome perform(sb::AnyModel& model, const State& state, std::size_t m, const Move& move, sb::Tag& made) const;
  std::optional<reference::UbKind> perform(reference::Memory& memory, const State& state, std::size_t m,
                                           const Move& move, reference::TagId& made) const;
  Ran run(const State& state, const Move& move, const Presences& before) const;
  void checkLaws(const State& state, const Move& move, Ran& ran) const;
  void checkAgreement(const State& state, const Move& move, Ran& ran) const;
  void compareVerdicts(const State& state, const Move& move, Ran& ran) const;
  void updateLosses(const State& state, const Presences& before, Ran& ran) const;
  std::optional<std::uint8_t> lostBytes(const State& state, std::size_t m, sb::Tag tag) const;
  State bind(const Ran& ran, const Move& move) const;
  void forgetUseless(State& state, const Presences& presence) const;
  Presences presence(const State& state) const;
  std::string canonicalForm(const State& state, std::size_t& tallest) const;
  sbt::Event eventOf(const State& state, const Move& move) const;
  std::string quoted(const State& state, const Move& move) const;
  const Held& held(const State& state, std::size_t slot, std::size_t m) const {
    return state.held[slot * names_.size() + m];
  }

  std::vector<std::string> names_;
  TraceUniverse universe_;
  std::vector<bool> untaggedChecked_;  ///< per variant: is kRemovedItemsUntagged checked
  std::vector<reference::Variant> references_;  ///< per variant
  Checks checks_;
};

/// One finding slot's outcome.
struct TraceFinding {
  std::string name;                 ///< TraceSpace::slotName
  std::vector<std::string> models;  ///< TraceSpace::slotModels: one for a law, two for a difference
  bool mustHold = false;            ///< a law that must hold: a trace here is a bug
  bool checked = true;              ///< false: a law known to fail, not looked for (no trace says nothing)
  std::optional<sbt::Trace> trace;  ///< the shortest one; its last event is the violating one
  std::string reason;
};

struct ModelExploration {
  std::vector<std::string> models;
  TraceUniverse universe;
  Exploration<TraceMove> run;
  std::vector<TraceFinding> findings;  ///< per finding slot, in TraceSpace's order

  const TraceFinding& law(std::string_view model, TraceLaw law) const;
  /// The shortest trace `accepts` runs to its end and `rejects` finds UB in at
  /// its last event, if the universe holds one. Both are explored models.
  const TraceFinding& difference(std::string_view accepts, std::string_view rejects) const;
};

/// Explores `models` together over `universe` (`references` as for TraceSpace),
/// telling `onFinding` (when given) of each finding with a trace as soon as it is found.
/// With several models, each variant's laws are explored on that variant alone
/// and each pair's differences on that pair alone (a product of every variant
/// is far larger than all of those runs together); the run's figures are then
/// the sums over the runs (its depth the least completed, its ending the first
/// stop before a fixpoint), each run within `limits`. A trace is cut where one
/// of the explored variants finds UB, so these runs see at least every trace
/// the product would.
ModelExploration exploreModels(std::span<const std::string> models, const TraceUniverse& universe,
                               const Limits& limits, std::span<const reference::Variant> references = {},
                               const std::function<void(const TraceFinding&)>& onFinding = {});

/// A trace's verdict under one variant, on a fresh model: its first UB (line
/// and kind only), or none.
std::optional<sbt::UbReport> firstUbUnder(const sbt::Trace& trace, std::string_view model);

}  // namespace sbcheck::explore
