// Running a sequence with every property watching.
#include "properties/check.hpp"

#include <cassert>
#include <utility>

#include "harness/cellseq/abstract_cell.hpp"
#include "harness/cellseq/direct_probe.hpp"
#include "harness/cellseq/interpreter.hpp"

namespace sbcheck::properties {
namespace {

/// Runs `sequence`; each op's specified outcome comes from `specified`, or
/// from the abstract model when there is none.
template <cell::CellPolicy P>
std::optional<Violation> checkUnder(const cellseq::Sequence& sequence, std::string_view model,
                                    std::span<const CellProperty* const> properties,
                                    std::optional<std::span<const cellseq::Outcome>> specified) {
  const auto aliasing = sb::AnyModel::create(model);
  cellseq::DirectProbe probe(*aliasing);
  cellseq::Interpreter<P> interpreter(probe);
  std::optional<cellseq::AbstractCell> spec;
  if (!specified) spec.emplace(P::kName);
  // Two fact buffers, swapped after each op, so no op allocates for them.
  cellseq::CellFacts before, after;
  interpreter.facts(before);
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    const cellseq::Op& op = sequence.ops[i];
    probe.setOp(op);
    const std::optional<std::uint32_t> object = interpreter.objectOf(op);
    std::variant<cellseq::Outcome, cellseq::SequenceError> applied;
    if (spec) applied = spec->apply(op);
    const cellseq::Outcome* expected = spec ? std::get_if<cellseq::Outcome>(&applied) : &(*specified)[i];
    auto executed = interpreter.execute(op);
    if (!std::holds_alternative<cellseq::Outcome>(executed) || expected == nullptr) return std::nullopt;
    const cellseq::Outcome& outcome = std::get<cellseq::Outcome>(executed);
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

template <class Check>
std::optional<Violation> underPolicy(std::string_view policy, Check&& check) {
  std::optional<Violation> violation;
  cell::forEachPolicy([&]<class P>() {
    if (P::kName == policy) violation = check.template operator()<P>();
  });
  return violation;
}

}  // namespace

std::optional<Violation> checkSequence(const cellseq::Sequence& sequence, std::string_view policy,
                                       std::string_view model, std::span<const CellProperty* const> properties) {
  return underPolicy(policy, [&]<class P>() { return checkUnder<P>(sequence, model, properties, std::nullopt); });
}

std::optional<Violation> checkSequence(const cellseq::Sequence& sequence, std::string_view policy,
                                       std::string_view model, std::span<const CellProperty* const> properties,
                                       std::span<const cellseq::Outcome> specified) {
  assert(specified.size() == sequence.ops.size() && "one specified outcome per op");
  return underPolicy(policy, [&]<class P>() { return checkUnder<P>(sequence, model, properties, specified); });
}

}  // namespace sbcheck::properties
