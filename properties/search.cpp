// Random search and shrinking for cell properties.
#include "properties/search.hpp"

#include <map>
#include <span>
#include <utility>
#include <vector>

#include "harness/interrupt.hpp"
#include "harness/cellseq/abstract_cell.hpp"
#include "harness/cellseq/shrink.hpp"
#include "properties/isolated_check.hpp"

namespace sbcheck::properties {
namespace {

using cellseq::Sequence;

/// The first violation; `specified`, when given, holds the spec's outcome of
/// each op (so the check need not run the abstract model again).
std::optional<Violation> failure(const Sequence& sequence, const SearchOptions& options,
                                 const CellProperty* only = nullptr,
                                 const std::vector<cellseq::Outcome>* specified = nullptr) {
  const CellProperty* one[] = {only};
  // A crash is reproduced by the same run that crashed: every property watching.
  const bool narrow = only != nullptr && only != &kRunsToCompletion;
  const std::span<const CellProperty* const> properties =
      narrow ? std::span<const CellProperty* const>(one) : options.properties;
  std::optional<Violation> violation =
      options.isolate ? checkSequenceIsolated(sequence, options.policy, options.model, properties, specified)
      : specified != nullptr ? checkSequence(sequence, options.policy, options.model, properties, *specified)
                             : checkSequence(sequence, options.policy, options.model, properties);
  if (violation && only != nullptr && violation->property != only) return std::nullopt;
  return violation;
}

/// Whether `sequence` is well-formed under the policy (the spec binds every
/// name before its use); if so, the spec's outcome of each op is in `outcomes`.
bool wellFormed(const Sequence& sequence, std::string_view policy, std::vector<cellseq::Outcome>& outcomes) {
  cellseq::AbstractCell spec(policy);
  outcomes.clear();
  for (const cellseq::Op& op : sequence.ops) {
    auto applied = spec.apply(op);
    auto* outcome = std::get_if<cellseq::Outcome>(&applied);
    if (outcome == nullptr) return false;
    outcomes.push_back(std::move(*outcome));
  }
  return true;
}

}  // namespace

Counterexample shrink(Sequence sequence, const Violation& violation, const SearchOptions& options) {
  Counterexample result;
  result.originalLength = sequence.ops.size();
  sequence.ops.resize(violation.opIndex + 1);  // nothing after the failing op matters
  std::vector<cellseq::Outcome> specified;
  result.sequence = cellseq::shrinkWhile(
      std::move(sequence),
      [&](const Sequence& candidate) {
        return wellFormed(candidate, options.policy, specified) &&
               failure(candidate, options, violation.property, &specified).has_value();
      },
      &result.shrink);
  result.shrinkSteps = result.shrink.steps();
  result.violation = *failure(result.sequence, options, violation.property);
  return result;
}

bool failsDeterministically(const Sequence& sequence, const Violation& violation, const SearchOptions& options,
                            int times) {
  for (int i = 0; i < times; ++i) {
    const std::optional<Violation> again = failure(sequence, options, violation.property);
    if (!again || again->opIndex != violation.opIndex || again->reason != violation.reason) return false;
  }
  return true;
}

SearchResult search(const SearchOptions& options) {
  SearchResult result;
  rc::Random random(options.seed);
  const rc::Gen<cellseq::Recipe> gen = cellseq::genRecipe();
  // A signal ends the search with the runs completed (result.runs says how many).
  for (int run = 0; run < options.runs && !interruptRequested(); ++run) {
    const int size = options.maxSize == 0 ? 0 : run % (options.maxSize + 1);
    // Shrinkable::value() rebuilds the recipe from its parts on every call: once.
    const cellseq::Recipe recipe = gen(random.split(), size).value();
    std::vector<cellseq::Outcome> outcomes;
    const Sequence sequence = cellseq::decode(recipe, options.policy, options.universe, &outcomes);
    if (options.stats != nullptr) options.stats->add(recipe.swarm, sequence, outcomes);
    result.runs = run + 1;
    if (const std::optional<Violation> violation = failure(sequence, options, nullptr, &outcomes)) {
      result.counterexample = shrink(sequence, *violation, options);
      result.counterexample->foundAtRun = run + 1;
      return result;
    }
  }
  return result;
}

}  // namespace sbcheck::properties
