// Running a cell sequence under one policy: the cell does the work, the
// aliasing model checks every memory access it makes, and each line's outcome
// is compared with what the line expects.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/sequence.hpp"
#include "harness/sbt/replay.hpp"

namespace sbcheck::cellseq {

/// What an operation did, as Python would see it.
struct Outcome {
  enum class Kind : std::uint8_t { kSuccess, kRefused, kUndefined };
  Kind kind = Kind::kSuccess;
  std::optional<Value> value;  ///< for kSuccess of a value-yielding op
  std::string refusal;         ///< "AlreadyBorrowed" / "RuntimeError"
};

std::string describe(const Outcome& outcome);
std::string describe(const Expectation& expectation);
bool meets(const Outcome& outcome, const Expectation& expectation);

/// What the real cell holds for one object, read from its guards and iterators.
struct ObjectFacts {
  std::uint32_t object = 0;  ///< the object's probe base pointer
  int sharedGuards = 0;
  int mutableGuards = 0;
  int liveLeaks = 0;         ///< iterators whose leak is not given back
  bool freed = false;
};

struct CellFacts {
  std::vector<ObjectFacts> objects;  ///< sorted by object
  const ObjectFacts* find(std::uint32_t object) const;
};

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
