// `sbcheck compare`: policies and model variants side by side. Every verdict
// comes out of a search — random sequences and traces, shrunk, and for model
// pairs a bounded exhaustive exploration — never out of a table of known
// answers: the policy × property matrix, and for each pair of models and of
// policies the smallest inputs on which they differ.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/cellseq/run.hpp"
#include "harness/corpus.hpp"
#include "harness/explore/sbt_space.hpp"
#include "harness/sbt/trace.hpp"
#include "properties/search.hpp"

namespace sbcheck::compare {

struct CompareOptions {
  std::vector<std::string> policies;  ///< default: all five
  std::vector<std::string> models;    ///< default: all five
  int runs = 1000;                    ///< per matrix cell and per pair
  std::uint64_t seed = 1;
  /// Where counterexamples and distinguishing examples go (default: nowhere).
  SaveTarget target = SaveTarget::off();
  /// Where each model pair's shortest distinguishing traces are looked for
  /// first: every trace of this universe, breadth first (sbt_space.hpp).
  explore::TraceUniverse universe;
  std::uint32_t exploreDepth = 0;  ///< longest trace explored; 0: to the fixpoint
};

/// One cell of the policy × property matrix.
struct MatrixEntry {
  std::string property;  ///< id
  std::string policy;
  bool expectedToHold = true;
  int checked = 0;
  std::optional<properties::Counterexample> counterexample;
  std::optional<Saved> saved;
};

/// A trace's verdict under one model: accepted, or rejected at a line.
struct TraceVerdict {
  std::optional<int> ubLine;
  std::string ubKind;
  std::string text() const;
  bool accepted() const { return !ubLine; }
};

/// Where a difference's minimal trace comes from.
enum class TraceSource : std::uint8_t {
  kExplored,  ///< a shortest one within the explored bound: minimal by construction
  kShrunk,    ///< the bound holds none: the shortest of a few shrunk random traces
};
/// "shortest within the explored bound", "shrunk random trace".
std::string_view sourceText(TraceSource source);

/// One direction of a model pair: `accepts` accepts traces `rejects` rejects.
struct ModelDifference {
  std::string accepts, rejects;
  int count = 0;  ///< random traces on which it happened
  std::optional<sbt::Trace> minimal;
  TraceSource source = TraceSource::kShrunk;
  TraceVerdict acceptsVerdict, rejectsVerdict;
  std::vector<Saved> saved;
};

struct ModelPair {
  std::string a, b;
  int checked = 0;
  std::uint64_t explored = 0;  ///< states the bounded exploration visited
  explore::Ending ending = explore::Ending::kFixpoint;
  std::vector<ModelDifference> differences;  ///< a accepts / b rejects, then the reverse, if found
};

/// The smallest sequence on which two policies' outcomes differ.
struct PolicyPair {
  std::string a, b;
  int checked = 0;
  int differing = 0;
  std::optional<cellseq::Sequence> minimal;
  std::vector<cellseq::Outcome> outcomesA, outcomesB;  ///< per op of `minimal`
  int firstDifference = 0;                              ///< 1-based line
  std::vector<Saved> saved;
};

/// Each random run of a model pair stands for this many traces: traces are
/// cheap and some differences rare (about 1 in 1000 for sb2 vs sb2-strict).
inline constexpr int kTracesPerRun = 10;

struct Report {
  std::uint64_t seed = 0;
  int runs = 0;  ///< per matrix entry and policy pair; model pairs check kTracesPerRun x runs traces
  bool interrupted = false;  ///< stopped by a signal: what is here was completed
  explore::TraceUniverse universe;
  std::uint32_t exploreDepth = 0;
  std::vector<std::string> policies, models;
  std::vector<MatrixEntry> matrix;
  std::vector<ModelPair> modelPairs;
  std::vector<PolicyPair> policyPairs;
};

Report compare(const CompareOptions& options);

/// The matrix entries where a property that must hold failed.
int unexpectedFailures(const Report& report);
/// Every file the report saved, for checking that none was lost.
std::vector<const Saved*> savedFiles(const Report& report);

}  // namespace sbcheck::compare
