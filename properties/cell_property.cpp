// The four cell properties of the mission, and the oracle.
#include "properties/cell_property.hpp"

#include <algorithm>
#include <array>

#include "harness/cellseq/designs.hpp"
#include "harness/cellseq/print.hpp"
#include "model/sb/diagnostics.hpp"

namespace sbcheck::properties {
namespace {

using cellseq::OpKind;
using cellseq::Outcome;

bool granted(const Step& step) { return step.outcome.kind == Outcome::Kind::kSuccess; }

bool takesMutableBorrow(OpKind kind) {
  return kind == OpKind::kBorrowMut || kind == OpKind::kAdd || kind == OpKind::kDiscard;
}

bool takesAnyBorrowOrLeak(OpKind kind) {
  return takesMutableBorrow(kind) || kind == OpKind::kBorrow || kind == OpKind::kLen ||
         kind == OpKind::kContains || kind == OpKind::kIter;
}

std::string quoted(const cellseq::Op& op) { return "`" + cellseq::printOp(op) + "`"; }

/// While a leak of an object is alive, no mutable borrow of it is granted.
std::optional<std::string> leaksBlockMutableBorrows(const Step& step) {
  if (!granted(step) || !takesMutableBorrow(step.op.kind) || !step.object) return std::nullopt;
  const cellseq::ObjectFacts* facts = step.before.find(*step.object);
  if (facts == nullptr || facts->liveLeaks == 0) return std::nullopt;
  return quoted(step.op) + " took a mutable borrow while " + std::to_string(facts->liveLeaks) +
         " leak(s) of its object were alive";
}

/// While a mutable borrow is held, no leak and no other borrow is granted.
std::optional<std::string> mutableBorrowsBlockLeaks(const Step& step) {
  if (!granted(step) || !takesAnyBorrowOrLeak(step.op.kind) || !step.object) return std::nullopt;
  const cellseq::ObjectFacts* facts = step.before.find(*step.object);
  if (facts == nullptr || facts->mutableGuards == 0) return std::nullopt;
  return quoted(step.op) + " was granted while a mutable borrow of its object was held";
}

/// A live iterator keeps its object alive; nothing goes through a leak after
/// its object was freed.
std::optional<std::string> parentsOutliveIterators(const Step& step) {
  for (const cellseq::ObjectFacts& facts : step.after.objects) {
    if (facts.freed && facts.liveLeaks > 0) {
      return quoted(step.op) + " freed an object while " + std::to_string(facts.liveLeaks) +
             " iterator(s) still held its leak";
    }
  }
  if (step.ub && step.ub->kind == sb::UbKind::kUseAfterFree) {
    return quoted(step.op) + " accessed an object after it was freed";
  }
  return std::nullopt;
}

/// The model reports no UB, and the cell does what the spec says.
std::optional<std::string> oracle(const Step& step) {
  if (step.ub) {
    return quoted(step.op) + ": the aliasing model reports UB (" + std::string(sb::kindId(step.ub->kind)) + ")";
  }
  if (step.outcome.kind != step.specified.kind || step.outcome.value != step.specified.value) {
    return quoted(step.op) + ": the cell gave " + cellseq::describe(step.outcome) + ", the spec says " +
           cellseq::describe(step.specified);
  }
  return std::nullopt;
}

const std::array<CellProperty, 4> kProperties = {{
    {"leaks-block-mutable-borrows", "leaks block mutable borrows", {"strict", "unchecked-leak", "no-parent-ref"},
     &leaksBlockMutableBorrows},
    {"mutable-borrows-block-leaks", "mutable borrows block leaks",
     {"strict", "generation", "no-parent-ref", "unguarded-inner"}, &mutableBorrowsBlockLeaks},
    {"parents-outlive-iterators", "parents outlive iterators",
     {"strict", "generation", "unchecked-leak", "unguarded-inner"}, &parentsOutliveIterators},
    {"oracle", "the oracle (no UB; outcomes as the spec says)", {"strict", "generation"}, &oracle},
}};

}  // namespace

bool CellProperty::mustHold(std::string_view policy) const {
  // A registered design must be memory safe (the oracle: its outcomes are the
  // reference's, if it names one) and keep what it promises.
  if (const RegisteredDesign* design = cellseq::userDesign(policy)) {
    return id == "oracle" || id == "runs-to-completion" ||
           std::ranges::find(design->design.promises, id) != design->design.promises.end();
  }
  return std::find(holdsUnder.begin(), holdsUnder.end(), policy) != holdsUnder.end();
}

std::span<const CellProperty> cellProperties() { return kProperties; }

const CellProperty* findCellProperty(std::string_view id) {
  for (const CellProperty& property : kProperties) {
    if (property.id == id) return &property;
  }
  return nullptr;
}

}  // namespace sbcheck::properties
