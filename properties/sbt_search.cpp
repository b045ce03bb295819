// Random search and shrinking for "removed items never grant access": traces
// from sbt::genTrace, shrunk ddmin-style to a minimal well-formed trace.
#include <algorithm>
#include <cassert>
#include <map>
#include <variant>

#include "harness/interrupt.hpp"
#include "harness/sbt/shrink.hpp"
#include "properties/sbt_property.hpp"

namespace sbcheck::properties {
namespace {

using sbt::ByteRange;
using sbt::Event;
using sbt::EventKind;
using sbt::LetKind;
using sbt::Trace;

std::optional<TraceViolation> failure(const Trace& trace, const TraceSearchOptions& options) {
  return checkRemovedItemsNeverGrant(trace, options.model, options.scope);
}

}  // namespace

TraceCounterexample shrinkTrace(Trace trace, const TraceViolation& violation, const TraceSearchOptions& options) {
  TraceCounterexample result;
  result.originalLength = trace.events.size();
  trace.events.resize(violation.eventIndex + 1);  // nothing after the granted use matters
  result.trace = sbt::shrinkWhile(
      std::move(trace), [&](const Trace& candidate) { return failure(candidate, options).has_value(); },
      &result.shrink);
  result.shrinkSteps = result.shrink.steps();
  const std::optional<TraceViolation> again = failure(result.trace, options);
  assert(again && "renaming and dropping markers change nothing the law sees");
  result.violation = again.value_or(violation);
  return result;
}

bool traceFailsDeterministically(const Trace& trace, const TraceViolation& violation,
                                 const TraceSearchOptions& options, int times) {
  for (int i = 0; i < times; ++i) {
    if (failure(trace, options) != violation) return false;
  }
  return true;
}

TraceSearchResult searchTraces(const TraceSearchOptions& options) {
  TraceSearchResult result;
  rc::Random random(options.seed);
  const rc::Gen<Trace> gen = sbt::genTrace();
  // A signal ends the search with the runs completed (result.runs says how many).
  for (int run = 0; run < options.runs && !interruptRequested(); ++run) {
    const int size = options.maxSize == 0 ? 0 : run % (options.maxSize + 1);
    const Trace trace = gen(random.split(), size).value();
    if (options.stats != nullptr) options.stats->add(trace);
    result.runs = run + 1;
    if (const std::optional<TraceViolation> violation = failure(trace, options)) {
      result.counterexample = shrinkTrace(trace, *violation, options);
      result.counterexample->foundAtRun = run + 1;
      [[maybe_unused]] const bool deterministic =
          traceFailsDeterministically(result.counterexample->trace, result.counterexample->violation, options);
      assert(deterministic && "the model and the check are deterministic");
      return result;
    }
  }
  return result;
}

}  // namespace sbcheck::properties
