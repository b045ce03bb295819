// Running a sequence under one policy and judging it.
#include "harness/cellseq/run.hpp"

#include <algorithm>

#include "harness/cellseq/designs.hpp"
#include "harness/cellseq/direct_probe.hpp"
#include "harness/cellseq/interpreter.hpp"
#include "harness/cellseq/model_probe.hpp"
#include "harness/cellseq/print.hpp"

namespace sbcheck::cellseq {
namespace {

std::string valueText(const Value& value) {
  switch (value.kind) {
    case Value::Kind::kInt: return std::to_string(value.number);
    case Value::Kind::kBool: return value.flag ? "true" : "false";
    case Value::Kind::kStop: return "stop";
  }
  return "?";
}

void interpret(const Sequence& sequence, ModelProbe& probe, CellRunner& interpreter, PolicyRun& run) {
  for (const Op& op : sequence.ops) {
    probe.setOp(op);
    auto executed = interpreter.execute(op);
    if (auto* error = std::get_if<SequenceError>(&executed)) {
      run.error = *error;
      return;
    }
    const Outcome& outcome = std::get<Outcome>(executed);
    run.outcomes.push_back(outcome);
    if (outcome.kind == Outcome::Kind::kUndefined) return;  // a run stops at its first UB
    if (run.outcomesChecked && !meets(outcome, op.expect)) {
      run.mismatches.push_back(Mismatch{op.line, printOp(op), describe(op.expect), describe(outcome)});
    }
  }
}

}  // namespace

const ObjectFacts* CellFacts::find(std::uint32_t object) const {
  auto found = std::ranges::lower_bound(objects, object, {}, &ObjectFacts::object);
  return found != objects.end() && found->object == object ? &*found : nullptr;
}

std::string describe(const Outcome& outcome) {
  switch (outcome.kind) {
    case Outcome::Kind::kSuccess: return outcome.value ? "=> " + valueText(*outcome.value) : "success";
    case Outcome::Kind::kRefused: return "refused (" + outcome.refusal + ")";
    case Outcome::Kind::kUndefined: return "undefined behaviour";
  }
  return "?";
}

std::string describe(const Expectation& expectation) {
  switch (expectation.kind) {
    case Expectation::Kind::kSuccess: return "success";
    case Expectation::Kind::kRefused: return "refused (!err)";
    case Expectation::Kind::kValue: return "=> " + valueText(expectation.value);
  }
  return "?";
}

bool meets(const Outcome& outcome, const Expectation& expectation) {
  switch (expectation.kind) {
    case Expectation::Kind::kSuccess: return outcome.kind == Outcome::Kind::kSuccess;
    case Expectation::Kind::kRefused: return outcome.kind == Outcome::Kind::kRefused;
    case Expectation::Kind::kValue:
      return outcome.kind == Outcome::Kind::kSuccess && outcome.value == expectation.value;
  }
  return false;
}

PolicyRun runSequence(const Sequence& sequence, const RunOptions& options) {
  if (const RegisteredDesign* design = userDesign(options.policy)) {
    return runSequenceOn(sequence, options, [design](CheckingProbe& probe) { return design->start(probe); });
  }
  std::optional<PolicyRun> run;
  cell::forEachPolicy([&]<class P>() {
    if (P::kName == options.policy) {
      run = runSequenceOn(sequence, options,
                          [](CheckingProbe& probe) { return std::make_unique<Interpreter<P>>(probe); });
    }
  });
  return std::move(*run);
}

PolicyRun runSequenceOn(const Sequence& sequence, const RunOptions& options, const CellStarter& start) {
  PolicyRun run;
  run.policy = std::string(options.policy);
  run.model = std::string(options.model);
  run.unsafeDeclared = options.unsafeDeclared;
  run.outcomesChecked = options.outcomesChecked;
  auto model = sb::AnyModel::create(options.model);
  {
    ModelProbe probe(*model);
    {
      const std::unique_ptr<CellRunner> cell = start(probe);
      interpret(sequence, probe, *cell, run);
      probe.detach();  // the sequence is over: what is still named is dropped unseen
    }
    run.ub = probe.ub();
    run.trace = probe.trace();
  }
  return run;
}

Outcomes outcomesUnder(const Sequence& sequence, std::string_view policy, std::string_view model) {
  Outcomes result;
  const auto aliasing = sb::AnyModel::create(model);
  DirectProbe probe(*aliasing);
  std::unique_ptr<CellRunner> cell;
  if (const RegisteredDesign* design = userDesign(policy)) cell = design->start(probe);
  cell::forEachPolicy([&]<class P>() {
    if (P::kName == policy) cell = std::make_unique<Interpreter<P>>(probe);
  });
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    auto executed = cell->execute(sequence.ops[i]);
    if (!std::holds_alternative<Outcome>(executed)) {
      result.malformedAt = i;
      break;
    }
    result.outcomes.push_back(std::get<Outcome>(executed));
    if (result.outcomes.back().kind == Outcome::Kind::kUndefined) break;
  }
  probe.detach();
  return result;
}

std::vector<RunOptions> policiesOf(const Sequence& sequence) {
  std::vector<RunOptions> runs;
  auto isUnsafe = [&](const std::string& name) {
    return std::ranges::find(sequence.unsafePolicies, name) != sequence.unsafePolicies.end();
  };
  if (sequence.policies.empty()) {
    runs.push_back(RunOptions{"strict", "sb2", isUnsafe("strict"), true});
  }
  for (const std::string& name : sequence.policies) runs.push_back(RunOptions{name, "sb2", isUnsafe(name), true});
  for (const std::string& name : sequence.unsafePolicies) {
    const bool listed = std::ranges::any_of(runs, [&](const RunOptions& r) { return r.policy == name; });
    if (!listed) runs.push_back(RunOptions{name, "sb2", true, false});
  }
  return runs;
}

}  // namespace sbcheck::cellseq
