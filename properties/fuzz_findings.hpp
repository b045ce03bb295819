// What a fuzz input finds: the checks the fuzz targets run on one input and
// that `sbcheck fuzz-import` runs again to turn a crash into a corpus file —
// one definition, so the command reproduces exactly what the target saw.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/cellseq/sequence.hpp"
#include "harness/sbt/trace.hpp"
#include "properties/check.hpp"
#include "properties/sbt_property.hpp"

namespace sbcheck::properties {

/// The cell policies an input is checked under, and whether properties that
/// are documented not to hold there are checked too.
struct CellFuzzScope {
  std::vector<std::string> policies;
  bool knownFlaws = false;  ///< check every property, not only those that must hold
};

/// No policy named: the sound policies (those under which the oracle must
/// hold — no UB, outcomes as the spec says), each with the properties that
/// must hold there, so a fuzzing service may run forever without a finding.
/// A policy named: that policy with every property, to hunt its known flaws.
/// Nothing when `policy` names no policy.
std::optional<CellFuzzScope> cellFuzzScope(std::optional<std::string_view> policy);

struct CellFinding {
  std::string policy;
  cellseq::Sequence sequence;  ///< as decoded, up to and including the failing op
  Violation violation;
  bool expected() const { return !violation.property->mustHold(policy); }
};

/// The input's recipe (fuzz::recipeFromBytes) decoded under each policy in
/// scope, in order, and checked; the first violation.
std::optional<CellFinding> findCellFlaw(std::span<const std::uint8_t> bytes, const CellFuzzScope& scope);

/// The laws a trace input is checked against, in order.
enum class TraceLaw : std::uint8_t { kRemovedItemsNeverGrant, kModelAgreesWithReference };

struct TraceFinding {
  TraceLaw law = TraceLaw::kRemovedItemsNeverGrant;
  std::string model;
  TagScope scope = TagScope::kTagged;  ///< for kRemovedItemsNeverGrant
  sbt::Trace trace;                    ///< as decoded
  TraceViolation violation;
  /// "removed-items-never-grant" or "model-agrees-with-reference", as `check --property` names them.
  std::string_view propertyId() const;
};

/// The input's trace (fuzz::traceFromBytes) checked against every law under
/// every model variant where the law must hold; the first violation. (The
/// model's stack invariants are asserted as it runs, so a build with
/// assertions aborts on a broken one before any law is looked at.)
std::optional<TraceFinding> findTraceFlaw(std::span<const std::uint8_t> bytes);

}  // namespace sbcheck::properties
