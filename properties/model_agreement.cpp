// "The model agrees with the reference": both subjects run a trace event by
// event, their verdicts and merged stacks compared after each; the random
// search and its shrinking.
#include "properties/model_agreement.hpp"

#include <cassert>
#include <utility>

#include "harness/sbt/generate.hpp"
#include "harness/sbt/print.hpp"
#include "harness/sbt/replay.hpp"
#include "harness/sbt/shrink.hpp"
#include "model/reference/interpreter.hpp"
#include "model/reference/memory.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck::properties {
namespace {

using sbt::Event;
using sbt::Trace;

reference::Perm toReference(sb::Permission perm) {
  switch (perm) {
    case sb::Permission::Unique: return reference::Perm::Unique;
    case sb::Permission::SharedReadWrite: return reference::Perm::SharedReadWrite;
    case sb::Permission::SharedReadOnly: return reference::Perm::SharedReadOnly;
    case sb::Permission::Disabled: return reference::Perm::Disabled;
  }
  return reference::Perm::Disabled;
}

/// The real model behind the trace runner, seen through its stacks.
class ModelSubject final : public TraceSubject {
 public:
  explicit ModelSubject(std::unique_ptr<sb::AnyModel> model)
      : model_(std::move(model)), runner_(*model_, /*explaining=*/false) {}

  std::optional<std::string> step(const Event& event) override {
    if (std::optional<sbt::UbReport> ub = runner_.step(event)) return ub->kind;
    if (event.kind == sbt::EventKind::kAlloc) ++allocations_;
    return std::nullopt;
  }

  ObservedMemory observe() const override {
    ObservedMemory memory;
    for (sb::AllocId alloc = 0; alloc < allocations_; ++alloc) {
      if (!model_->isLive(alloc)) {
        memory.emplace_back();
        continue;
      }
      std::vector<reference::Stack>& bytes = memory.emplace_back(std::in_place).value();
      model_->forEachStack(alloc, sbt::ByteRange{0, model_->allocationSize(alloc)},
                           [&](sbt::ByteRange run, const sb::Stack& stack) {
                             bytes.insert(bytes.end(), run.size(), toReferenceStack(stack));
                           });
    }
    return memory;
  }

 private:
  std::unique_ptr<sb::AnyModel> model_;
  sbt::TraceRunner runner_;
  sb::AllocId allocations_ = 0;
};

class ReferenceSubject final : public TraceSubject {
 public:
  explicit ReferenceSubject(const reference::Variant& variant) : interpreter_(variant) {}

  std::optional<std::string> step(const Event& event) override {
    if (std::optional<reference::UbKind> ub = interpreter_.step(event)) return std::string(reference::kindName(*ub));
    return std::nullopt;
  }

  ObservedMemory observe() const override {
    const reference::Memory& memory = interpreter_.memory();
    ObservedMemory observed;
    for (std::size_t alloc = 0; alloc < memory.allocations(); ++alloc) {
      if (memory.isLive(alloc)) {
        observed.emplace_back(memory.stacks(alloc));
      } else {
        observed.emplace_back();
      }
    }
    return observed;
  }

 private:
  reference::Interpreter interpreter_;
};

std::string where(const Event& event) {
  return "line " + std::to_string(event.line) + " `" + sbt::printEvent(event) + "`";
}

std::string verdict(const std::optional<std::string>& ub) { return ub ? "finds " + *ub : "finds no UB"; }

/// The first byte whose merged stacks differ, described; empty if none.
std::string compareMemories(const ObservedMemory& model, const ObservedMemory& ref,
                            const std::vector<std::string>& allocNames) {
  if (model.size() != ref.size()) {
    return "the model has " + std::to_string(model.size()) + " allocations, the reference " + std::to_string(ref.size());
  }
  for (std::size_t a = 0; a < model.size(); ++a) {
    const std::string name = a < allocNames.size() ? allocNames[a] : "#" + std::to_string(a);
    if (model[a].has_value() != ref[a].has_value()) {
      return name + " is " + (model[a] ? "live" : "freed") + " in the model, " + (ref[a] ? "live" : "freed") +
             " in the reference";
    }
    if (!model[a]) continue;
    if (model[a]->size() != ref[a]->size()) return name + " has a different size";
    for (std::size_t b = 0; b < model[a]->size(); ++b) {
      std::string difference = compareStacks(name + "[" + std::to_string(b) + "]", (*model[a])[b], (*ref[a])[b]);
      if (!difference.empty()) return difference;
    }
  }
  return {};
}

}  // namespace

reference::Stack toReferenceStack(const sb::Stack& stack) {
  reference::Stack items;
  for (const sb::Item& item : stack.items()) {
    items.push_back(reference::Item{toReference(item.perm), item.tag.id, item.protector});
  }
  return items;
}

std::string compareStacks(const std::string& place, const reference::Stack& model, const reference::Stack& ref) {
  const reference::Stack m = reference::mergeEqualNeighbours(model);
  const reference::Stack r = reference::mergeEqualNeighbours(ref);
  if (m == r) return {};
  return place + ": model " + reference::toString(m) + ", reference " + reference::toString(r);
}

std::unique_ptr<TraceSubject> modelSubject(std::string_view model) {
  std::unique_ptr<sb::AnyModel> created = sb::AnyModel::create(model);
  if (!created) return nullptr;
  return std::make_unique<ModelSubject>(std::move(created));
}

std::unique_ptr<TraceSubject> referenceSubject(const reference::Variant& variant) {
  return std::make_unique<ReferenceSubject>(variant);
}

std::optional<TraceViolation> checkAgreement(const Trace& trace, TraceSubject& underTest, TraceSubject& reference) {
  std::vector<std::string> allocNames;
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    const Event& event = trace.events[i];
    if (event.kind == sbt::EventKind::kAlloc && event.size > reference::kMaxAllocationBytes) return std::nullopt;
    if (event.kind == sbt::EventKind::kAlloc) allocNames.push_back(event.name);
    const std::optional<std::string> modelUb = underTest.step(event);
    const std::optional<std::string> referenceUb = reference.step(event);
    if (modelUb.has_value() != referenceUb.has_value()) {
      return TraceViolation{i, where(event) + ": the model " + verdict(modelUb) + ", the reference " +
                                   verdict(referenceUb)};
    }
    if (modelUb) return std::nullopt;  // both stop at the same UB
    const std::string difference = compareMemories(underTest.observe(), reference.observe(), allocNames);
    if (!difference.empty()) return TraceViolation{i, "after " + where(event) + ", " + difference};
  }
  return std::nullopt;
}

std::optional<TraceViolation> checkAgreement(const Trace& trace, const std::string& model) {
  const std::optional<reference::Variant> variant = reference::findVariant(model);
  std::unique_ptr<TraceSubject> underTest = modelSubject(model);
  assert(variant && underTest && "a known model");
  std::unique_ptr<TraceSubject> ref = referenceSubject(*variant);
  return checkAgreement(trace, *underTest, *ref);
}

bool modelAgreementMustHold(std::string_view) { return true; }

namespace {

std::optional<TraceViolation> failure(const Trace& trace, const AgreementSearchOptions& options) {
  const std::optional<reference::Variant> variant = reference::findVariant(options.model);
  assert(variant && "a known model");
  std::unique_ptr<TraceSubject> underTest = options.underTest ? options.underTest() : modelSubject(options.model);
  std::unique_ptr<TraceSubject> ref = referenceSubject(*variant);
  return checkAgreement(trace, *underTest, *ref);
}

}  // namespace

TraceCounterexample shrinkAgreement(Trace trace, const TraceViolation& violation,
                                    const AgreementSearchOptions& options) {
  TraceCounterexample result;
  result.originalLength = trace.events.size();
  trace.events.resize(violation.eventIndex + 1);  // nothing after the first difference matters
  result.trace = sbt::shrinkWhile(
      std::move(trace), [&](const Trace& candidate) { return failure(candidate, options).has_value(); },
      &result.shrink);
  result.shrinkSteps = result.shrink.steps();
  const std::optional<TraceViolation> again = failure(result.trace, options);
  assert(again && "renaming and dropping markers change nothing either side sees");
  result.violation = again.value_or(violation);
  return result;
}

TraceSearchResult searchAgreement(const AgreementSearchOptions& options) {
  TraceSearchResult result;
  rc::Random random(options.seed);
  const rc::Gen<Trace> gen = sbt::genTrace();
  for (int run = 0; run < options.runs; ++run) {
    const int size = options.maxSize == 0 ? 0 : run % (options.maxSize + 1);
    const Trace trace = gen(random.split(), size).value();
    if (options.stats != nullptr) options.stats->add(trace);
    result.runs = run + 1;
    if (const std::optional<TraceViolation> violation = failure(trace, options)) {
      result.counterexample = shrinkAgreement(trace, *violation, options);
      result.counterexample->foundAtRun = run + 1;
      [[maybe_unused]] const bool deterministic = failure(result.counterexample->trace, options) == result.counterexample->violation;
      assert(deterministic && "both subjects are deterministic");
      return result;
    }
  }
  return result;
}

}  // namespace sbcheck::properties
