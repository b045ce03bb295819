// Running a sequence with every property watching.
#include "properties/check.hpp"

#include <cassert>
#include <utility>

#include "harness/cellseq/abstract_cell.hpp"
#include "harness/cellseq/designs.hpp"
#include "harness/cellseq/direct_probe.hpp"
#include "harness/cellseq/interpreter.hpp"

namespace sbcheck::properties {
namespace {

/// Runs `sequence` on `interpreter`; each op's specified outcome comes from
/// `specified`, or from the abstract model `spec`, or — for a design with no
/// reference policy — is the cell's own (then the oracle judges UB alone).
std::optional<Violation> checkOn(const cellseq::Sequence& sequence, cellseq::DirectProbe& probe, CellRunner& interpreter,
                                 std::span<const CellProperty* const> properties,
                                 std::optional<std::span<const cellseq::Outcome>> specified,
                                 std::optional<cellseq::AbstractCell> spec) {
  // Two fact buffers, swapped after each op, so no op allocates for them.
  cellseq::CellFacts before, after;
  interpreter.facts(before);
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    const cellseq::Op& op = sequence.ops[i];
    probe.setOp(op);
    const std::optional<std::uint32_t> object = interpreter.objectOf(op);
    std::variant<cellseq::Outcome, cellseq::SequenceError> applied;
    if (spec) applied = spec->apply(op);
    auto executed = interpreter.execute(op);
    if (!std::holds_alternative<cellseq::Outcome>(executed)) return std::nullopt;
    const cellseq::Outcome& outcome = std::get<cellseq::Outcome>(executed);
    const cellseq::Outcome* expected = spec ? std::get_if<cellseq::Outcome>(&applied)
                                       : specified ? &(*specified)[i]
                                                   : &outcome;
    if (expected == nullptr) return std::nullopt;
    interpreter.facts(after);
    const Step step{op, outcome, *expected, object, before, after, probe.ub()};
    for (const CellProperty* property : properties) {
      if (std::optional<std::string> reason = property->check(step)) return Violation{property, i, std::move(*reason)};
    }
    if (outcome.kind == cellseq::Outcome::Kind::kUndefined) return std::nullopt;
    std::swap(before, after);
  }
  return std::nullopt;
}

/// checkOn under `policy`: a built-in policy's interpreter, or a design's cell.
std::optional<Violation> checkUnder(const cellseq::Sequence& sequence, std::string_view policy, std::string_view model,
                                    std::span<const CellProperty* const> properties,
                                    std::optional<std::span<const cellseq::Outcome>> specified) {
  const auto aliasing = sb::AnyModel::create(model);
  cellseq::DirectProbe probe(*aliasing);
  std::optional<Violation> violation;
  if (const RegisteredDesign* design = cellseq::userDesign(policy)) {
    // Outcomes are judged against the reference policy's spec, or not at all.
    std::optional<cellseq::AbstractCell> spec;
    if (!design->design.reference.empty()) spec.emplace(design->design.reference);
    const std::unique_ptr<CellRunner> cell = design->start(probe);
    violation = checkOn(sequence, probe, *cell, properties, std::nullopt, std::move(spec));
    probe.detach();
    return violation;
  }
  cell::forEachPolicy([&]<class P>() {
    if (P::kName != policy) return;
    cellseq::Interpreter<P> interpreter(probe);
    std::optional<cellseq::AbstractCell> spec;
    if (!specified) spec.emplace(P::kName);
    violation = checkOn(sequence, probe, interpreter, properties, specified, std::move(spec));
  });
  return violation;
}

}  // namespace

std::optional<Violation> checkSequence(const cellseq::Sequence& sequence, std::string_view policy,
                                       std::string_view model, std::span<const CellProperty* const> properties) {
  return checkUnder(sequence, policy, model, properties, std::nullopt);
}

std::optional<Violation> checkSequence(const cellseq::Sequence& sequence, std::string_view policy,
                                       std::string_view model, std::span<const CellProperty* const> properties,
                                       std::span<const cellseq::Outcome> specified) {
  assert(specified.size() == sequence.ops.size() && "one specified outcome per op");
  return checkUnder(sequence, policy, model, properties, specified);
}

}  // namespace sbcheck::properties
