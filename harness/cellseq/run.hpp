// Running a cell sequence under one policy: the cell does the work, the
// aliasing model checks every memory access it makes, and each line's outcome
// is compared with what the line expects.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sbcheck/cell_runner.hpp>

#include "harness/cellseq/checking_probe.hpp"
#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/sequence.hpp"
#include "harness/sbt/replay.hpp"

namespace sbcheck::cellseq {

std::string describe(const Outcome& outcome);
std::string describe(const Expectation& expectation);
bool meets(const Outcome& outcome, const Expectation& expectation);

/// A line whose outcome differs from its expectation.
struct Mismatch {
  int line = 0;
  std::string op;  ///< the line's text
  std::string expected;
  std::string actual;
};

struct PolicyRun {
  std::string policy;
  std::string model;
  bool unsafeDeclared = false;  ///< named in `#! unsafe:`
  bool outcomesChecked = true;  ///< named in `#! policies:` (or the default)
  std::optional<SequenceError> error;   ///< a name misused: exit status 2
  std::vector<Mismatch> mismatches;
  std::optional<sbt::UbReport> ub;      ///< the model's first UB, in `.cell` lines
  std::vector<Outcome> outcomes;        ///< per op run, in order
  sbt::Trace trace;                     ///< the events the model saw

  bool passed() const { return !error && mismatches.empty() && unsafeDeclared == ub.has_value(); }
};

struct RunOptions {
  std::string_view policy;
  std::string_view model = "sb2";
  bool unsafeDeclared = false;
  bool outcomesChecked = true;
};

/// Runs `sequence` under one policy (a name from cell::kPolicyNames) on one
/// model variant (a name from sb::AnyModel::names()).
PolicyRun runSequence(const Sequence& sequence, const RunOptions& options);

/// Makes the cell a run drives, reporting to `probe`.
using CellStarter = std::function<std::unique_ptr<CellRunner>(CheckingProbe& probe)>;

/// runSequence on the cell `start` makes (a user's design, or a built-in
/// policy through its adapter); `options.policy` names it in the result.
PolicyRun runSequenceOn(const Sequence& sequence, const RunOptions& options, const CellStarter& start);

/// The outcome of each op under a policy, fast (no reports): up to and
/// including the first UB; `malformedAt` is the index of the first op that
/// misuses a name under this policy (the ops from there on are not run).
struct Outcomes {
  std::vector<Outcome> outcomes;
  std::optional<std::size_t> malformedAt;
};
Outcomes outcomesUnder(const Sequence& sequence, std::string_view policy, std::string_view model = "sb2");

/// The policies a file runs under: `#! policies:` then `#! unsafe:` names
/// (`strict` when neither names any), each with its role.
std::vector<RunOptions> policiesOf(const Sequence& sequence);

}  // namespace sbcheck::cellseq
