// Running a sequence with every property watching.
#include "properties/check.hpp"

#include "harness/cellseq/abstract_cell.hpp"
#include "harness/cellseq/direct_probe.hpp"
#include "harness/cellseq/interpreter.hpp"

namespace sbcheck::properties {
namespace {

template <cell::CellPolicy P>
std::optional<Violation> checkUnder(const cellseq::Sequence& sequence, std::string_view model,
                                    std::span<const CellProperty* const> properties) {
  const auto aliasing = sb::AnyModel::create(model);
  cellseq::DirectProbe probe(*aliasing);
  cellseq::Interpreter<P> interpreter(probe);
  cellseq::AbstractCell spec(P::kName);
  // Two fact buffers, swapped after each op, so no op allocates for them.
  cellseq::CellFacts before, after;
  interpreter.facts(before);
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    const cellseq::Op& op = sequence.ops[i];
    probe.setOp(op);
    const std::optional<std::uint32_t> object = interpreter.objectOf(op);
    auto specified = spec.apply(op);
    auto executed = interpreter.execute(op);
    if (!std::holds_alternative<cellseq::Outcome>(executed) || !std::holds_alternative<cellseq::Outcome>(specified)) {
      return std::nullopt;
    }
    const cellseq::Outcome& outcome = std::get<cellseq::Outcome>(executed);
    interpreter.facts(after);
    const Step step{op, outcome, std::get<cellseq::Outcome>(specified), object, before, after, probe.ub()};
    for (const CellProperty* property : properties) {
      if (std::optional<std::string> reason = property->check(step)) return Violation{property, i, std::move(*reason)};
    }
    if (outcome.kind == cellseq::Outcome::Kind::kUndefined) return std::nullopt;
    std::swap(before, after);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Violation> checkSequence(const cellseq::Sequence& sequence, std::string_view policy,
                                       std::string_view model, std::span<const CellProperty* const> properties) {
  std::optional<Violation> violation;
  cell::forEachPolicy([&]<class P>() {
    if (P::kName == policy) violation = checkUnder<P>(sequence, model, properties);
  });
  return violation;
}

}  // namespace sbcheck::properties
