// Checking one fuzz input: a cell recipe under the policies in scope, or a
// trace under every model variant.
#include "properties/fuzz_findings.hpp"

#include <algorithm>

#include "harness/cellseq/generate.hpp"
#include "harness/fuzz/cell_input.hpp"
#include "harness/fuzz/trace_input.hpp"
#include "model/cell/policy.hpp"
#include "model/sb/any_model.hpp"
#include "properties/model_agreement.hpp"

namespace sbcheck::properties {
namespace {

/// The oracle's id: where it must hold, the policy is sound.
constexpr std::string_view kOracle = "oracle";

}  // namespace

std::optional<CellFuzzScope> cellFuzzScope(std::optional<std::string_view> policy) {
  if (policy) {
    if (std::ranges::find(cell::kPolicyNames, *policy) == std::end(cell::kPolicyNames)) return std::nullopt;
    return CellFuzzScope{{std::string(*policy)}, true};
  }
  CellFuzzScope scope;
  const CellProperty* oracle = findCellProperty(kOracle);
  for (const std::string_view name : cell::kPolicyNames) {
    if (oracle->mustHold(name)) scope.policies.emplace_back(name);
  }
  return scope;
}

std::optional<CellFinding> findCellFlaw(std::span<const std::uint8_t> bytes, const CellFuzzScope& scope) {
  const cellseq::Recipe recipe = fuzz::recipeFromBytes(bytes);
  for (const std::string& policy : scope.policies) {
    std::vector<const CellProperty*> checked;
    for (const CellProperty& property : cellProperties()) {
      if (scope.knownFlaws || property.mustHold(policy)) checked.push_back(&property);
    }
    std::vector<cellseq::Outcome> outcomes;
    cellseq::Sequence sequence = cellseq::decode(recipe, policy, cellseq::Universe{}, &outcomes);
    if (std::optional<Violation> violation = checkSequence(sequence, policy, "sb2", checked, outcomes)) {
      sequence.ops.resize(violation->opIndex + 1);  // nothing after the failing op matters
      return CellFinding{policy, std::move(sequence), std::move(*violation)};
    }
  }
  return std::nullopt;
}

std::string_view TraceFinding::propertyId() const {
  return law == TraceLaw::kModelAgreesWithReference ? kModelAgreementId : "removed-items-never-grant";
}

std::optional<TraceFinding> findTraceFlaw(std::span<const std::uint8_t> bytes) {
  const sbt::Trace trace = fuzz::traceFromBytes(bytes);
  for (const std::string_view name : sb::AnyModel::names()) {
    const std::string model(name);
    for (const TagScope scope : {TagScope::kTagged, TagScope::kUntagged}) {
      if (!removedItemsMustHold(model, scope)) continue;
      if (auto violation = checkRemovedItemsNeverGrant(trace, model, scope)) {
        return TraceFinding{TraceLaw::kRemovedItemsNeverGrant, model, scope, trace, std::move(*violation)};
      }
    }
    if (!modelAgreementMustHold(model)) continue;
    if (auto violation = checkAgreement(trace, model)) {
      return TraceFinding{TraceLaw::kModelAgreesWithReference, model, TagScope::kTagged, trace, std::move(*violation)};
    }
  }
  return std::nullopt;
}

}  // namespace sbcheck::properties
