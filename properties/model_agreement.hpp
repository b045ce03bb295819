// The law "the model agrees with the reference" over `.sbt` traces: model/sb/
// and the plain reference of model/reference/ (written from sb2.md alone)
// give the same verdict at the same event and the same stack at every byte
// after every event. The check, the subjects it compares, and a random
// search that shrinks a disagreement to a minimal trace.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/sbt/trace.hpp"
#include "model/reference/stack.hpp"
#include "model/reference/variant.hpp"
#include "model/sb/stack.hpp"
#include "properties/sbt_property.hpp"

namespace sbcheck::properties {

/// The property id (`sbcheck check --property model-agrees-with-reference`).
inline constexpr std::string_view kModelAgreementId = "model-agrees-with-reference";

/// What a subject shows of its state: per allocation made so far (in order),
/// its stacks byte by byte, or none once freed.
using ObservedMemory = std::vector<std::optional<std::vector<reference::Stack>>>;

/// A model driven one event at a time: the real model (modelSubject), the
/// reference (referenceSubject), or a deliberately wrong reference (a mutant).
class TraceSubject {
 public:
  virtual ~TraceSubject() = default;
  /// Runs one well-formed event; the UB's kind id (e.g. "no-granting-item")
  /// if it is UB — then feed no more events.
  virtual std::optional<std::string> step(const sbt::Event& event) = 0;
  virtual ObservedMemory observe() const = 0;
};

/// A model stack in the reference's terms (same permissions, tag ids, call ids).
reference::Stack toReferenceStack(const sb::Stack& stack);

/// The first difference between two stacks of byte `place` (e.g. "x[0]"),
/// both merged as checkAgreement says: "x[0]: model [...], reference [...]";
/// empty if none.
std::string compareStacks(const std::string& place, const reference::Stack& model, const reference::Stack& ref);

/// sb::AnyModel::create(model) run by sbt::TraceRunner; null for an unknown name.
std::unique_ptr<TraceSubject> modelSubject(std::string_view model);
/// The reference under `variant` (a variant of reference::variants(), or a mutant of one).
std::unique_ptr<TraceSubject> referenceSubject(const reference::Variant& variant);

/// Runs `trace` (well-formed; its `!ub` marker and models header ignored) on
/// both subjects until the first UB of either. After each event compares the
/// verdicts (UB or not; the kind is only reported), then, if neither found
/// UB, every byte's stack (permission, tag, protector, in order), both with
/// equal neighbouring items merged: the model deduplicates as sb2.md says,
/// the reference does not, and dedup never changes a verdict
/// (docs/decisions.md). The first difference as a TraceViolation: the event
/// index, and a reason naming the line, the event and both sides (stacks in
/// the fixed-width notation). The reference keeps a vector per byte, so the
/// comparison ends before the first `alloc` of more than
/// reference::kMaxAllocationBytes bytes (the generator's huge sizes).
std::optional<TraceViolation> checkAgreement(const sbt::Trace& trace, TraceSubject& underTest,
                                             TraceSubject& reference);
/// The model variant `model` against the reference under the same variant.
std::optional<TraceViolation> checkAgreement(const sbt::Trace& trace, const std::string& model);

/// Whether the law must hold under `model`: under every variant.
bool modelAgreementMustHold(std::string_view model);

using SubjectFactory = std::function<std::unique_ptr<TraceSubject>()>;

struct AgreementSearchOptions {
  std::string model = "sb2";  ///< the variant: the model's and the reference's
  int runs = 1000;
  std::uint64_t seed = 0;
  int maxSize = 100;                    ///< sizes ramp from 0 to this, as RapidCheck's do
  sbt::TraceGenStats* stats = nullptr;  ///< filled with every generated trace when given
  /// The subject under test; empty: the real model `model`. (Mutant tests
  /// put a wrong reference here.)
  SubjectFactory underTest;
};

/// Random traces from sbt::genTrace checked with checkAgreement; the first
/// disagreement is shrunk with sbt::shrinkWhile (the shrunk trace disagrees
/// at its last event) and checked to fail the same way again.
TraceSearchResult searchAgreement(const AgreementSearchOptions& options);

/// Shrinks a disagreement (sbt::shrinkWhile's moves, the trace cut after the
/// first difference) while the two subjects still disagree.
TraceCounterexample shrinkAgreement(sbt::Trace trace, const TraceViolation& violation,
                                    const AgreementSearchOptions& options);

}  // namespace sbcheck::properties
