// Writing counterexamples as `.cell` files.
#include "properties/counterexample_file.hpp"

#include "harness/cellseq/print.hpp"
#include "harness/cellseq/run.hpp"
#include "harness/isolation.hpp"
#include "properties/isolated_check.hpp"

namespace sbcheck::properties {

std::string expectationsFile(const cellseq::Sequence& original, const std::string& policy, const std::string& model) {
  cellseq::Sequence sequence = original;
  const cellseq::PolicyRun run = cellseq::runSequence(sequence, cellseq::RunOptions{policy, model, false, true});
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    cellseq::Expectation& expect = sequence.ops[i].expect;
    expect = cellseq::Expectation{};
    if (i >= run.outcomes.size()) continue;
    const cellseq::Outcome& outcome = run.outcomes[i];
    if (outcome.kind == cellseq::Outcome::Kind::kRefused) {
      expect.kind = cellseq::Expectation::Kind::kRefused;
    } else if (outcome.kind == cellseq::Outcome::Kind::kSuccess && outcome.value) {
      expect = cellseq::Expectation{cellseq::Expectation::Kind::kValue, *outcome.value};
    }
  }
  sequence.policies = {policy};
  if (run.ub) sequence.unsafePolicies = {policy};
  return cellseq::printSequence(sequence);
}

std::string counterexampleFile(const Counterexample& counterexample, const SearchOptions& options,
                               const std::string& foundBy) {
  const Violation& violation = counterexample.violation;
  std::string text = "# property: " + std::string(violation.property->title) + " -- fails under " + options.policy +
                     (violation.property->mustHold(options.policy) ? "" : " (as expected of this policy)") + "\n";
  text += "# reason: line " + std::to_string(violation.opIndex + 1) + ": " + violation.reason + "\n";
  text += "# found by: " +
          (foundBy.empty() ? "sbcheck check --policy " + options.policy + " --model " + options.model + " --property " +
                                 std::string(violation.property->id) + " --seed " + std::to_string(options.seed)
                           : foundBy) +
          "\n";
  if (!options.isolate) return text + expectationsFile(counterexample.sequence, options.policy, options.model);
  // The expectations come from a run, which may crash: run it in a child too.
  const auto file = runIsolated(
      [&] { return expectationsFile(counterexample.sequence, options.policy, options.model); }, kChildTimeoutSeconds);
  if (const auto* expected = std::get_if<std::string>(&file)) return text + *expected;
  cellseq::Sequence sequence = counterexample.sequence;
  sequence.policies = {options.policy};
  return text + "# no outcomes: the run crashed (" + std::get<ChildCrash>(file).reason + ")\n" +
         cellseq::printSequence(sequence);
}

}  // namespace sbcheck::properties
