// What `sbcheck check` found, per entry — a cell property under one policy,
// a trace law under one model variant — and how it is told: text lines,
// JSON objects, and the `.sbt` file a trace counterexample is saved as.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "harness/cli/verdict.hpp"
#include "harness/corpus.hpp"
#include "harness/json.hpp"
#include "properties/model_agreement.hpp"
#include "properties/sbt_property.hpp"
#include "properties/search.hpp"

namespace sbcheck::cli {

inline constexpr std::string_view kTraceProperty = "removed-items-never-grant";

/// One cell property under one policy.
struct PairResult {
  const properties::CellProperty* property;
  properties::SearchOptions options;
  properties::SearchResult result;
  std::optional<Saved> saved;
  bool deterministic = true;
  std::string reproduce;

  /// The property that failed: this one, or kRunsToCompletion for a crash under --fork.
  const properties::CellProperty* failed() const {
    return result.counterexample ? result.counterexample->violation.property : property;
  }
  Verdict verdict() const { return verdictOf(failed()->mustHold(options.policy), result.counterexample.has_value()); }
};

/// A trace law under one model variant (and, for removed items, tag scope).
struct TraceResult {
  properties::TraceSearchOptions options;
  properties::TraceSearchResult result;
  std::optional<Saved> saved;
  std::string reproduce;
  bool agreement = false;  ///< model-agrees-with-reference, not removed-items-never-grant

  bool mustHold() const {
    return agreement ? properties::modelAgreementMustHold(options.model)
                     : properties::removedItemsMustHold(options.model, options.scope);
  }
  std::string_view property() const { return agreement ? properties::kModelAgreementId : kTraceProperty; }
  /// "sb2, tagged" for removed items; "sb2" for agreement.
  std::string entry() const {
    return options.model + (agreement ? "" : ", " + std::string(options.scope == properties::TagScope::kTagged ? "tagged" : "untagged"));
  }
  Verdict verdict() const { return verdictOf(mustHold(), result.counterexample.has_value()); }
};

/// "tagged" or "untagged".
std::string_view scopeName(properties::TagScope scope);
/// One entry's verdict and counterexample, as text lines.
void printText(const PairResult& pair, std::ostream& out);
void printTraceText(const TraceResult& r, std::ostream& out);
/// One entry as a JSON object.
void writeJson(JsonWriter& json, const PairResult& pair);
void writeTraceJson(JsonWriter& json, const TraceResult& r);
/// A trace counterexample as the `.sbt` file it is saved as: the trace with
/// its property, reason and reproducing command as comments.
std::string traceCounterexampleFile(const TraceResult& r);

}  // namespace sbcheck::cli
