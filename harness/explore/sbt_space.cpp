// Borrow traces as an explorer space: the moves a state allows, their effect
// on every variant, the laws and verdicts compared on each event, what a
// state forgets, and the traces its paths spell.
#include "harness/explore/sbt_space.hpp"

#include <algorithm>
#include <cassert>

#include "harness/explore/sbt_form.hpp"
#include "harness/sbt/print.hpp"
#include "model/sb/diagnostics.hpp"
#include "properties/model_agreement.hpp"
#include "properties/sbt_property.hpp"

namespace sbcheck::explore {
namespace {

using Op = TraceMove::Op;
using sb::ByteRange;
using sb::Tag;

constexpr std::size_t kLawCount = std::size(kTraceLaws);

/// Which of several shortest traces a search reports is the first in move
/// order: plain forms first, so that the reported one reads like the seed's.
constexpr LetChoice kLetOrder[] = {LetChoice::kMut,       LetChoice::kRawMut,      LetChoice::kShared,
                                   LetChoice::kRawConst,  LetChoice::kSharedCell,  LetChoice::kMutTwoPhase,
                                   LetChoice::kMutTwoPhaseCell};

std::uint8_t maskOf(ByteRange range) {
  const unsigned upTo = (1u << range.end) - 1u;
  return static_cast<std::uint8_t>(upTo & ~((1u << range.begin) - 1u));
}

std::string nameOf(std::uint32_t name) { return name == 0 ? "x" : "p" + std::to_string(name); }

sb::RetagKind retagKind(LetChoice let) {
  switch (let) {
    case LetChoice::kMut: return sb::RetagKind::kUnique;
    case LetChoice::kMutTwoPhase:
    case LetChoice::kMutTwoPhaseCell: return sb::RetagKind::kTwoPhase;
    case LetChoice::kShared:
    case LetChoice::kSharedCell: return sb::RetagKind::kShared;
    case LetChoice::kRawMut: return sb::RetagKind::kRawMut;
    case LetChoice::kRawConst: return sb::RetagKind::kRawConst;
  }
  return sb::RetagKind::kUnique;
}

/// The `let` event's operator and modifiers.
void setLetForm(sbt::Event& event, LetChoice let) {
  const sb::RetagKind kind = retagKind(let);
  event.let = kind == sb::RetagKind::kRawMut     ? sbt::LetKind::kRawMut
              : kind == sb::RetagKind::kRawConst ? sbt::LetKind::kRawConst
              : kind == sb::RetagKind::kShared   ? sbt::LetKind::kSharedRef
                                                 : sbt::LetKind::kMutRef;
  event.twoPhase = kind == sb::RetagKind::kTwoPhase;
  event.allCell = let == LetChoice::kSharedCell || let == LetChoice::kMutTwoPhaseCell;
}

/// The bytes where `tag` has an item.
std::uint8_t bytesOf(const TraceSpace::Presence& presence, Tag tag) {
  for (const auto& [id, bytes] : presence) {
    if (id == tag.id) return bytes;
  }
  return 0;
}

/// Visits the stack of every byte, in offset order (a run of bytes sharing a
/// stack once per byte: the canonical form reads byte by byte).
template <class Visit>
void forEachByte(const sb::AnyModel& model, std::uint32_t bytes, Visit&& visit) {
  model.forEachStack(0, ByteRange{0, bytes}, [&](ByteRange run, const sb::Stack& stack) {
    for (std::uint64_t b = run.begin; b < run.end; ++b) visit(b, stack);
  });
}

}  // namespace

std::string_view lawId(TraceLaw law) {
  switch (law) {
    case TraceLaw::kStackInvariants: return "stack-invariants";
    case TraceLaw::kRemovedItemsTagged: return "removed-items-never-grant";
    case TraceLaw::kRemovedItemsUntagged: return "removed-untagged-items-never-grant";
    case TraceLaw::kAgreesWithReference: return properties::kModelAgreementId;
  }
  return "?";
}

bool lawMustHold(std::string_view model, TraceLaw law) {
  return law != TraceLaw::kRemovedItemsUntagged || properties::removedItemsMustHold(model, properties::TagScope::kUntagged);
}

/// One move run on every variant: the variants after it, their verdicts and
/// the findings. A `let`'s new pointer is not bound yet (bind does that).
struct TraceSpace::Ran {
  State child;
  Small<sb::Outcome, 2> ub;  ///< per variant
  Small<Tag, 2> made;        ///< per variant: the tag an `alloc` or `let` made
  Small<std::optional<reference::UbKind>, 2> referenceUb;  ///< per variant
  Small<reference::TagId, 2> referenceMade;                ///< per variant
  Presences after;           ///< per variant, when no variant found UB
  bool anyUb = false;
  std::vector<std::pair<std::size_t, std::string>> findings;
};

TraceSpace::TraceSpace(std::vector<std::string> models, const TraceUniverse& universe,
                       std::vector<reference::Variant> references, Checks checks)
    : names_(std::move(models)), universe_(universe), references_(std::move(references)), checks_(checks) {
  const bool byName = references_.empty();
  assert(!names_.empty() && universe_.bytes >= 1 && universe_.bytes <= kMaxTraceBytes && universe_.tags >= 1 &&
         universe_.tags <= kMaxTraceTags && universe_.frames <= kMaxTraceFrames && (universe_.taggedBase || universe_.untaggedBase) &&
         "the CLI checks the universe");
  for (const std::string& name : names_) {
    untaggedChecked_.push_back(universe_.expectedFailures || lawMustHold(name, TraceLaw::kRemovedItemsUntagged));
    if (byName) {
      const std::optional<reference::Variant> variant = reference::findVariant(name);
      assert(variant && "every variant has a reference");
      references_.push_back(*variant);
    }
  }
  assert(references_.size() == names_.size() && "one reference per model");
}

TraceSpace::State TraceSpace::root() const {
  State state;
  for (const std::string& name : names_) {
    state.models.push_back(sb::AnyModel::create(name));
    assert(state.models.back() && "a known model");
  }
  if (checks_ == Checks::kEverything) {
    for (const reference::Variant& variant : references_) state.references.push_back(std::make_shared<reference::Memory>(variant));
  }
  state.slots.resize(universe_.tags + 1);
  state.held.resize(state.slots.size() * names_.size());
  state.untaggedLost.assign(names_.size(), 0);
  return state;
}

std::size_t TraceSpace::findingSlots() const { return names_.size() * (kLawCount + names_.size() - 1); }
std::size_t TraceSpace::lawSlot(std::size_t model, TraceLaw law) const { return lawSlotOf(model, law); }
std::size_t TraceSpace::differenceSlot(std::size_t accepts, std::size_t rejects) const {
  return differenceSlotOf(names_.size(), accepts, rejects);
}

std::vector<std::string> TraceSpace::slotModels(std::size_t slot) const {
  const std::size_t n = names_.size();
  if (slot < n * kLawCount) return {names_[slot / kLawCount]};
  const std::size_t i = (slot - n * kLawCount) / (n - 1), k = (slot - n * kLawCount) % (n - 1);
  return {names_[i], names_[k < i ? k : k + 1]};
}

std::string TraceSpace::slotName(std::size_t slot) const {
  const std::vector<std::string> models = slotModels(slot);
  if (models.size() == 1) return models[0] + ": " + std::string(lawId(kTraceLaws[slot % kLawCount]));
  return models[0] + " accepts, " + models[1] + " rejects";
}

bool TraceSpace::slotMustHold(std::size_t slot) const {
  return slot < names_.size() * kLawCount && lawMustHold(names_[slot / kLawCount], kTraceLaws[slot % kLawCount]);
}

bool TraceSpace::slotChecked(std::size_t slot) const {
  const std::size_t m = slot / kLawCount;
  if (slot >= names_.size() * kLawCount) return true;
  if (checks_ == Checks::kDifferencesOnly) return false;
  return kTraceLaws[slot % kLawCount] != TraceLaw::kRemovedItemsUntagged || untaggedChecked_[m];
}

// ---- moves ------------------------------------------------------------------

/// Where a `let` may bind its pointer: the lowest free slot (slots are
/// interchangeable), or in place of any live pointer but `x` — retiring a
/// pointer a trace no longer uses even while slots are free, so that a bigger
/// universe holds every trace of a smaller one: under the height bound, a
/// pointer kept alive keeps its items from being written anonymously.
Small<std::uint8_t, 4> TraceSpace::targets(const State& state) const {
  Small<std::uint8_t, 4> into;
  bool free = false;
  for (std::size_t s = 1; s < state.slots.size(); ++s) {
    if (state.slots[s].live || !free) into.push_back(static_cast<std::uint8_t>(s));
    free = free || !state.slots[s].live;
  }
  return into;
}

void TraceSpace::letOperations(const State& state, std::uint8_t slot, ByteRange bytes, std::vector<Move>& out) const {
  const auto begin = static_cast<std::uint8_t>(bytes.begin), end = static_cast<std::uint8_t>(bytes.end);
  for (const LetChoice let : kLetOrder) {
    if (let == LetChoice::kMutTwoPhaseCell && !universe_.twoPhaseCell) continue;
    out.push_back(Move{Op::kLet, let, false, false, slot, 0, begin, end});
    const bool reference = let != LetChoice::kRawMut && let != LetChoice::kRawConst;
    if (reference && !state.calls.empty()) out.push_back(Move{Op::kLet, let, true, false, slot, 0, begin, end});
  }
}

/// Every move but a `let`'s choice of slot: the allocation first; then per
/// live pointer, over its bytes and over each single one of them, read, write
/// and each `let`; its dealloc; call and return. A freed allocation allows
/// nothing: every use of it is UB under every variant, no law or difference.
std::vector<TraceMove> TraceSpace::operations(const State& state) const {
  std::vector<Move> out;
  if (!state.allocated) {
    if (universe_.taggedBase) out.push_back(Move{Op::kAlloc, {}, false, false, 0, 0, 0, 0});
    if (universe_.untaggedBase) out.push_back(Move{Op::kAlloc, {}, false, true, 0, 0, 0, 0});
    return out;
  }
  if (!state.models.front()->isLive(0)) return out;
  for (std::uint8_t s = 0; s < state.slots.size(); ++s) {
    const ByteRange range = state.slots[s].range;
    if (!state.slots[s].live) continue;
    Small<ByteRange, 4> ranges{range};
    for (std::uint64_t b = range.begin; range.size() > 1 && b < range.end; ++b) ranges.push_back({b, b + 1});
    for (const ByteRange bytes : ranges) {
      const auto begin = static_cast<std::uint8_t>(bytes.begin), end = static_cast<std::uint8_t>(bytes.end);
      out.push_back(Move{Op::kRead, {}, false, false, s, 0, begin, end});
      out.push_back(Move{Op::kWrite, {}, false, false, s, 0, begin, end});
      letOperations(state, s, bytes, out);
    }
    if (universe_.dealloc) out.push_back(Move{Op::kDealloc, {}, false, false, s, 0, 0, 0});
  }
  if (state.calls.size() < universe_.frames) out.push_back(Move{Op::kCall, {}, false, false, 0, 0, 0, 0});
  if (!state.calls.empty()) out.push_back(Move{Op::kReturn, {}, false, false, 0, 0, 0, 0});
  return out;
}

// ---- running a move ---------------------------------------------------------

sb::Outcome TraceSpace::perform(sb::AnyModel& model, const State& state, std::size_t m, const Move& move,
                                Tag& made) const {
  const sb::Pointer ptr{0, held(state, move.source, m).tag};
  const ByteRange bytes{move.begin, move.end};
  switch (move.op) {
    case Op::kAlloc: made = model.allocate(universe_.bytes, move.untagged).tag; return std::nullopt;
    case Op::kLet: {
      const ByteRange cell[] = {bytes};
      const bool inCell = move.let == LetChoice::kSharedCell || move.let == LetChoice::kMutTwoPhaseCell;
      const sb::RetagSpec spec{retagKind(move.let), std::span<const ByteRange>(cell, inCell ? 1 : 0), move.protect};
      const sb::Retagged retagged = model.retag(ptr, bytes, spec);
      made = retagged.tag;
      return retagged.ub;
    }
    case Op::kRead: return model.access(sb::AccessKind::Read, ptr, bytes);
    case Op::kWrite: return model.access(sb::AccessKind::Write, ptr, bytes);
    case Op::kDealloc: return model.dealloc(ptr);
    case Op::kCall: model.call(); return std::nullopt;
    case Op::kReturn: model.ret(); return std::nullopt;
  }
  return std::nullopt;
}

std::optional<reference::UbKind> TraceSpace::perform(reference::Memory& memory, const State& state, std::size_t m,
                                                    const Move& move, reference::TagId& made) const {
  const reference::Pointer ptr{0, held(state, move.source, m).tag.id};
  const ByteRange bytes{move.begin, move.end};
  switch (move.op) {
    case Op::kAlloc: made = memory.allocate(universe_.bytes, move.untagged).tag; return std::nullopt;
    case Op::kLet: {
      const ByteRange cell[] = {bytes};
      const bool inCell = move.let == LetChoice::kSharedCell || move.let == LetChoice::kMutTwoPhaseCell;
      reference::RetagKind kind = reference::RetagKind::kUnique;
      switch (retagKind(move.let)) {
        case sb::RetagKind::kUnique: kind = reference::RetagKind::kUnique; break;
        case sb::RetagKind::kTwoPhase: kind = reference::RetagKind::kTwoPhase; break;
        case sb::RetagKind::kShared: kind = reference::RetagKind::kShared; break;
        case sb::RetagKind::kRawMut: kind = reference::RetagKind::kRawMut; break;
        case sb::RetagKind::kRawConst: kind = reference::RetagKind::kRawConst; break;
      }
      const reference::Retagged retagged =
          memory.retag(ptr, bytes, reference::Retag{kind, std::span<const ByteRange>(cell, inCell ? 1 : 0), move.protect});
      made = retagged.tag;
      return retagged.ub;
    }
    case Op::kRead: return memory.access(reference::Access::Read, ptr, bytes);
    case Op::kWrite: return memory.access(reference::Access::Write, ptr, bytes);
    case Op::kDealloc: return memory.dealloc(ptr);
    case Op::kCall: memory.call(); return std::nullopt;
    case Op::kReturn: memory.ret(); return std::nullopt;
  }
  return std::nullopt;
}

TraceSpace::Ran TraceSpace::run(const State& state, const Move& move, const Presences& before) const {
  const std::size_t n = names_.size();
  Ran ran{state, Small<sb::Outcome, 2>(n), Small<Tag, 2>(n), Small<std::optional<reference::UbKind>, 2>(n),
          Small<reference::TagId, 2>(n), {}, false, {}};
  for (std::size_t m = 0; m < n; ++m) {
    std::unique_ptr<sb::AnyModel> model = state.models[m]->clone();
    ran.ub[m] = perform(*model, state, m, move, ran.made[m]);
    ran.anyUb = ran.anyUb || ran.ub[m].has_value();
    ran.child.models[m] = std::move(model);
    if (checks_ == Checks::kDifferencesOnly) continue;
    auto memory = std::make_shared<reference::Memory>(*state.references[m]);
    ran.referenceUb[m] = perform(*memory, state, m, move, ran.referenceMade[m]);
    ran.child.references[m] = std::move(memory);
  }
  if (move.op == Op::kAlloc) ran.child.allocated = true;
  if (move.op == Op::kCall) ran.child.calls.push_back(ran.child.nextCall++);
  if (move.op == Op::kReturn) ran.child.calls.pop_back();
  if (checks_ == Checks::kEverything) {
    checkLaws(state, move, ran);
    checkAgreement(state, move, ran);
  }
  compareVerdicts(state, move, ran);
  if (!ran.anyUb) updateLosses(state, before, ran);
  return ran;
}

std::string TraceSpace::quoted(const State& state, const Move& move) const {
  return "`" + sbt::printEvent(eventOf(state, move)) + "`";
}

/// Each variant that ran the move without UB: its stacks keep S1, S2 and C1,
/// and the move's use of a tag (an access, a retag's parent, a dealloc) is
/// not granted where that tag lost its last item (sbt_property.hpp).
void TraceSpace::checkLaws(const State& state, const Move& move, Ran& ran) const {
  for (std::size_t m = 0; m < names_.size(); ++m) {
    if (ran.ub[m]) continue;  // the trace ends here for this variant: nothing was granted
    std::string broken;
    forEachByte(*ran.child.models[m], universe_.bytes, [&](std::uint64_t b, const sb::Stack& stack) {
      if (broken.empty() && !stack.checkInvariants()) broken = "x[" + std::to_string(b) + "]: " + sb::toString(stack);
    });
    if (!broken.empty()) {
      ran.findings.emplace_back(lawSlot(m, TraceLaw::kStackInvariants),
                                "after " + quoted(state, move) + " the stack of " + broken + " breaks S1, S2 or C1");
    }
    if (move.op != Op::kLet && move.op != Op::kRead && move.op != Op::kWrite && move.op != Op::kDealloc) continue;
    const Tag tag = held(state, move.source, m).tag;
    const std::uint8_t bytes = move.op == Op::kDealloc ? maskOf({0, universe_.bytes}) : maskOf({move.begin, move.end});
    const std::optional<std::uint8_t> lost = lostBytes(state, m, tag);
    if (!lost || (*lost & bytes) == 0) continue;
    ran.findings.emplace_back(
        lawSlot(m, tag.untagged() ? TraceLaw::kRemovedItemsUntagged : TraceLaw::kRemovedItemsTagged),
        quoted(state, move) + " is granted via " + sb::toString(tag) + ", which had lost its last item on those bytes");
  }
}

/// Each variant against its reference: the same verdict; without UB, the
/// same tag made and the same stack on every byte (properties/model_agreement.hpp).
void TraceSpace::checkAgreement(const State& state, const Move& move, Ran& ran) const {
  for (std::size_t m = 0; m < names_.size(); ++m) {
    const std::size_t slot = lawSlot(m, TraceLaw::kAgreesWithReference);
    const std::optional<reference::UbKind>& refUb = ran.referenceUb[m];
    if (ran.ub[m].has_value() != refUb.has_value()) {
      const std::string model = ran.ub[m] ? "finds " + std::string(sb::kindId(ran.ub[m]->kind)) : "finds no UB";
      const std::string ref = refUb ? "finds " + std::string(reference::kindName(*refUb)) : "finds no UB";
      ran.findings.emplace_back(slot, quoted(state, move) + ": the model " + model + ", the reference " + ref);
      continue;
    }
    if (ran.ub[m]) continue;  // both end the trace here
    if ((move.op == Op::kAlloc || move.op == Op::kLet) && ran.made[m].id != ran.referenceMade[m]) {
      ran.findings.emplace_back(slot, quoted(state, move) + " makes " + sb::toString(ran.made[m]) +
                                          " in the model, another tag in the reference");
      continue;
    }
    const sb::AnyModel& model = *ran.child.models[m];
    const reference::Memory& ref = *ran.child.references[m];
    if (!ran.child.allocated) continue;
    if (model.isLive(0) != ref.isLive(0)) {
      ran.findings.emplace_back(slot, "after " + quoted(state, move) + " x is freed in only one of the model and the reference");
      continue;
    }
    if (!model.isLive(0)) continue;
    std::string difference;
    forEachByte(model, universe_.bytes, [&](std::uint64_t b, const sb::Stack& stack) {
      if (difference.empty()) {
        difference = properties::compareStacks("x[" + std::to_string(b) + "]", properties::toReferenceStack(stack),
                                               ref.stacks(0)[b]);
      }
    });
    if (!difference.empty()) ran.findings.emplace_back(slot, "after " + quoted(state, move) + ", " + difference);
  }
}

/// "i accepts, j rejects": the move is UB under j but not under i, on a trace
/// no variant rejected before (after the first UB a run stops).
void TraceSpace::compareVerdicts(const State& state, const Move& move, Ran& ran) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    for (std::size_t j = 0; j < names_.size(); ++j) {
      if (ran.ub[i] || !ran.ub[j]) continue;
      ran.findings.emplace_back(differenceSlot(i, j), quoted(state, move) + ": " + names_[j] + " finds " +
                                                          std::string(sb::kindId(ran.ub[j]->kind)));
    }
  }
}

/// The law's memory of `tag` under variant `m`: where it lost its last item;
/// nothing when the law is not checked for it there.
std::optional<std::uint8_t> TraceSpace::lostBytes(const State& state, std::size_t m, Tag tag) const {
  if (tag.untagged()) return untaggedChecked_[m] ? std::optional(state.untaggedLost[m]) : std::nullopt;
  for (std::size_t s = 0; s < state.slots.size(); ++s) {
    if (state.slots[s].live && held(state, s, m).tag == tag) return held(state, s, m).lost;
  }
  assert(false && "a used tag is held by a live pointer");
  return std::nullopt;
}

/// A tag that had an item (granting anything) on a byte before the move and
/// has none after lost it there, for good. A freed allocation is skipped (as
/// in sbt_property.cpp): every later use of it is UB.
void TraceSpace::updateLosses(const State& state, const Presences& before, Ran& ran) const {
  ran.after = presence(ran.child);
  if (checks_ == Checks::kDifferencesOnly || !ran.child.models.front()->isLive(0)) return;  // no law remembers
  const std::size_t n = names_.size();
  const auto lostNow = [&](std::size_t m, Tag tag) {
    return static_cast<std::uint8_t>(bytesOf(before[m], tag) & ~bytesOf(ran.after[m], tag));
  };
  for (std::size_t m = 0; m < n; ++m) {
    for (std::size_t s = 0; s < state.slots.size(); ++s) {
      const Tag tag = held(state, s, m).tag;
      if (state.slots[s].live && !tag.untagged()) ran.child.held[s * n + m].lost |= lostNow(m, tag);
    }
    if (untaggedChecked_[m]) ran.child.untaggedLost[m] |= lostNow(m, sb::kUntagged);
  }
}

// ---- the state after a move ---------------------------------------------------

TraceSpace::State TraceSpace::bind(const Ran& ran, const Move& move) const {
  State next = ran.child;
  if (move.op == Op::kAlloc || move.op == Op::kLet) {
    const bool alloc = move.op == Op::kAlloc;
    const std::size_t slot = alloc ? 0 : move.target;
    next.slots[slot] = Slot{true, alloc ? 0 : ++next.lets,
                            alloc ? ByteRange{0, universe_.bytes} : ByteRange{move.begin, move.end}};
    for (std::size_t m = 0; m < names_.size(); ++m) next.held[slot * names_.size() + m] = Held{ran.made[m], 0};
  }
  forgetUseless(next, ran.after);
  return next;
}

/// Forgets a pointer (not `x`) whose every use is UB under every variant, or
/// that equals an older one (same bytes, same tag everywhere): nothing a
/// trace does with it differs from doing nothing or using the older one.
void TraceSpace::forgetUseless(State& state, const Presences& presence) const {
  const std::size_t n = names_.size();
  for (std::size_t s = 1; s < state.slots.size(); ++s) {
    Slot& slot = state.slots[s];
    if (!slot.live) continue;
    bool useful = false;
    for (std::size_t m = 0; m < n && !useful; ++m) {
      useful = (bytesOf(presence[m], held(state, s, m).tag) & maskOf(slot.range)) != 0;
    }
    bool duplicate = false;
    for (std::size_t o = 0; o < s && !duplicate; ++o) {
      duplicate = state.slots[o].live && state.slots[o].range == slot.range;
      for (std::size_t m = 0; m < n && duplicate; ++m) duplicate = held(state, o, m).tag == held(state, s, m).tag;
    }
    if (!useful || duplicate) slot.live = false;
  }
}

TraceSpace::Presences TraceSpace::presence(const State& state) const {
  Presences all(names_.size());
  for (std::size_t m = 0; m < names_.size() && state.allocated; ++m) {
    state.models[m]->forEachStack(0, ByteRange{0, universe_.bytes}, [&](ByteRange run, const sb::Stack& stack) {
      for (const sb::Item& item : stack.items()) {
        if (item.perm == sb::Permission::Disabled) continue;  // grants nothing, ever
        auto found = std::find_if(all[m].begin(), all[m].end(), [&](const auto& entry) { return entry.first == item.tag.id; });
        if (found == all[m].end()) found = all[m].insert(all[m].end(), {item.tag.id, 0});
        found->second |= maskOf(run);
      }
    });
  }
  return all;
}

// ---- the search ---------------------------------------------------------------

void TraceSpace::expand(const State& state, Sink<State, Move>& sink) const {
  const Presences before = presence(state);
  const Small<std::uint8_t, 4> into = targets(state);
  for (Move move : operations(state)) {
    if (move.op == Op::kLet) move.target = into.front();
    Ran ran = run(state, move, before);
    for (auto& [slot, reason] : ran.findings) sink.finding(slot, move, std::move(reason));
    if (ran.anyUb) {
      sink.terminal(move);
      continue;
    }
    // A let runs once; only the slot it binds differs between its moves.
    for (std::size_t t = 0; t < (move.op == Op::kLet ? into.size() : 1); ++t) {
      if (move.op == Op::kLet) move.target = into[t];
      State next = bind(ran, move);
      std::size_t tallest = 0;
      const std::string form = canonicalForm(next, tallest);
      if (tallest > universe_.height) continue;  // beyond the universe: the move's findings count, its future not
      sink.transition(move, std::hash<std::string_view>{}(form), std::move(next));
    }
  }
}

std::string TraceSpace::canonicalForm(const State& state) const {
  std::size_t tallest = 0;
  return canonicalForm(state, tallest);
}

std::string TraceSpace::canonicalForm(const State& state, std::size_t& tallest) const {
  return canonicalTraceForm(state, names_.size(), universe_.bytes, tallest);
}

std::uint64_t TraceSpace::fingerprint(const State& state) const {
  return std::hash<std::string_view>{}(canonicalForm(state));
}

// ---- traces -------------------------------------------------------------------

sbt::Event TraceSpace::eventOf(const State& state, const Move& move) const {
  sbt::Event event;
  const Slot& source = state.slots[move.source];
  const ByteRange bytes{move.begin, move.end};
  event.operand = sbt::Operand{nameOf(source.name), bytes == source.range ? std::nullopt : std::optional(bytes)};
  switch (move.op) {
    case Op::kAlloc:
      event = sbt::Event{};
      event.kind = sbt::EventKind::kAlloc, event.name = "x", event.size = universe_.bytes;
      event.untagged = move.untagged;
      break;
    case Op::kLet:
      event.kind = sbt::EventKind::kLet, event.name = nameOf(state.lets + 1), event.protect = move.protect;
      setLetForm(event, move.let);
      break;
    case Op::kRead: event.kind = sbt::EventKind::kRead; break;
    case Op::kWrite: event.kind = sbt::EventKind::kWrite; break;
    case Op::kDealloc: event.kind = sbt::EventKind::kDealloc, event.operand.range.reset(); break;
    case Op::kCall: event = sbt::Event{}, event.kind = sbt::EventKind::kCall; break;
    case Op::kReturn: event = sbt::Event{}, event.kind = sbt::EventKind::kReturn; break;
  }
  return event;
}

sbt::Trace TraceSpace::traceOf(std::span<const Move> path) const {
  sbt::Trace trace;
  State state = root();
  for (const Move& move : path) {
    sbt::Event event = eventOf(state, move);
    event.line = static_cast<int>(trace.events.size()) + 1;
    trace.events.push_back(std::move(event));
    const Ran ran = run(state, move, presence(state));
    if (ran.anyUb) {
      assert(trace.events.size() == path.size() && "only a path's last move ends its run");
      break;
    }
    state = bind(ran, move);
  }
  return trace;
}

std::size_t lawSlotOf(std::size_t model, TraceLaw law) { return model * kLawCount + static_cast<std::size_t>(law); }

/// Ordered pairs (i, j), i != j, after every variant's laws, row by row.
std::size_t differenceSlotOf(std::size_t models, std::size_t i, std::size_t j) {
  assert(i != j && "a variant never disagrees with itself");
  return models * kLawCount + i * (models - 1) + (j < i ? j : j - 1);
}

}  // namespace sbcheck::explore
