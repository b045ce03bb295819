// Random search and shrinking for "removed items never grant access": traces
// from sbt::genTrace, shrunk ddmin-style to a minimal well-formed trace.
#include <algorithm>
#include <cassert>
#include <map>
#include <variant>

#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"
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

/// Well-formed: the parser accepts its text, as it would a file.
bool wellFormed(const Trace& trace) {
  return std::holds_alternative<Trace>(sbt::parseTrace(sbt::printTrace(trace)));
}

/// Smaller values to try for `value` (never below `floor`), smallest first.
std::vector<std::uint64_t> lower(std::uint64_t value, std::uint64_t floor) {
  std::vector<std::uint64_t> values;
  for (const std::uint64_t candidate : {floor, floor + (value - floor) / 2, value - 1}) {
    if (candidate >= floor && candidate < value &&
        std::find(values.begin(), values.end(), candidate) == values.end()) {
      values.push_back(candidate);
    }
  }
  return values;
}

/// Simpler versions of one event: smaller sizes and range bounds, fewer
/// modifiers. Each is strictly simpler, so shrinking ends.
std::vector<Event> simplerEvents(const Event& event) {
  std::vector<Event> simpler;
  auto with = [&](auto&& edit) {
    Event candidate = event;
    edit(candidate);
    simpler.push_back(std::move(candidate));
  };
  if (event.kind == EventKind::kAlloc) {
    for (const std::uint64_t size : lower(event.size, 1)) with([&](Event& e) { e.size = size; });
    if (event.untagged) with([](Event& e) { e.untagged = false; });
  }
  if (const std::optional<ByteRange> range = event.operand.range) {
    with([](Event& e) { e.operand.range.reset(); });
    for (const std::uint64_t begin : lower(range->begin, 0)) with([&](Event& e) { e.operand.range->begin = begin; });
    for (const std::uint64_t end : lower(range->end, range->begin + 1)) with([&](Event& e) { e.operand.range->end = end; });
  }
  if (event.kind == EventKind::kLet) {
    if (event.protect) with([](Event& e) { e.protect = false; });
    if (event.allCell) with([](Event& e) { e.allCell = false; });
    for (std::size_t i = 0; i < event.cellRanges.size(); ++i) {
      with([&](Event& e) { e.cellRanges.erase(e.cellRanges.begin() + static_cast<std::ptrdiff_t>(i)); });
    }
    if (event.twoPhase) {
      with([](Event& e) {
        e.twoPhase = false;  // a plain `&mut` has no cell modifiers
        e.allCell = false;
        e.cellRanges.clear();
      });
    }
  }
  return simpler;
}

/// Drops the copy at `i` and points its later uses, until its name is bound
/// again, at the name it copied: `let p = x; read p` becomes `read x` (which
/// deleting events alone never reaches).
Trace inlineCopy(const Trace& trace, std::size_t i) {
  Trace inlined = trace;
  const Event copy = trace.events[i];
  inlined.events.erase(inlined.events.begin() + static_cast<std::ptrdiff_t>(i));
  for (std::size_t j = i; j < inlined.events.size(); ++j) {
    Event& event = inlined.events[j];
    if (event.operand.name == copy.name) event.operand.name = copy.operand.name;
    if ((event.kind == EventKind::kAlloc || event.kind == EventKind::kLet) && event.name == copy.name) break;
  }
  return inlined;
}

/// One pass of simplifications; true if one was kept.
bool simplifyOnce(Trace& trace, const TraceSearchOptions& options, int& steps) {
  auto keep = [&](Trace candidate) {
    if (!wellFormed(candidate)) return false;
    const std::optional<TraceViolation> again = failure(candidate, options);
    if (!again) return false;
    candidate.events.resize(again->eventIndex + 1);  // nothing after the granted use matters
    trace = std::move(candidate);
    ++steps;
    return true;
  };
  // Delete chunks of events, halves first, down to single ones (ddmin).
  bool changed = false;
  for (std::size_t chunk = std::max<std::size_t>(trace.events.size() / 2, 1); chunk >= 1; chunk /= 2) {
    for (std::size_t start = 0; start + chunk <= trace.events.size();) {
      Trace candidate = trace;
      const auto first = candidate.events.begin() + static_cast<std::ptrdiff_t>(start);
      candidate.events.erase(first, first + static_cast<std::ptrdiff_t>(chunk));
      if (keep(std::move(candidate))) {
        changed = true;
      } else {
        start += chunk;
      }
    }
    if (chunk == 1) break;
  }
  if (changed) return true;
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    const Event& event = trace.events[i];
    if (event.kind == EventKind::kLet && event.let == LetKind::kCopy && keep(inlineCopy(trace, i))) return true;
  }
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    for (Event& simpler : simplerEvents(trace.events[i])) {
      Trace candidate = trace;
      candidate.events[i] = std::move(simpler);
      if (keep(std::move(candidate))) return true;
    }
  }
  return false;
}

/// `x`, `y`, `z`, `x3`, ... for allocations and `p`, `q`, ..., `w`, `p8`, ... for
/// `let`s: a fresh name per binding, so no name is shadowed.
std::string freshName(EventKind kind, int& allocs, int& lets) {
  static constexpr std::string_view kAllocNames[] = {"x", "y", "z"};
  static constexpr std::string_view kLetNames[] = {"p", "q", "r", "s", "t", "u", "v", "w"};
  if (kind == EventKind::kAlloc) {
    const int n = allocs++;
    return n < 3 ? std::string(kAllocNames[n]) : "x" + std::to_string(n);
  }
  const int n = lets++;
  return n < 8 ? std::string(kLetNames[n]) : "p" + std::to_string(n);
}

/// No header, markers or comments; a fresh name per binding; lines from 1.
Trace canonical(Trace trace) {
  trace.models.clear();
  std::map<std::string, std::string, std::less<>> current;  // old name -> its binding's new name
  int allocs = 0;
  int lets = 0;
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    Event& event = trace.events[i];
    if (!event.operand.name.empty()) event.operand.name = current.at(event.operand.name);
    if (event.kind == EventKind::kAlloc || event.kind == EventKind::kLet) {
      std::string name = freshName(event.kind, allocs, lets);
      current.insert_or_assign(event.name, name);
      event.name = std::move(name);
    }
    event.expectUb = false;
    event.comment.clear();
    event.line = static_cast<int>(i) + 1;
  }
  return trace;
}

}  // namespace

TraceCounterexample shrinkTrace(Trace trace, const TraceViolation& violation, const TraceSearchOptions& options) {
  TraceCounterexample result;
  result.originalLength = trace.events.size();
  trace.events.resize(violation.eventIndex + 1);
  // Markers, comments and the header play no part in the law: drop them first.
  for (Event& event : trace.events) {
    event.expectUb = false;
    event.comment.clear();
  }
  trace.models.clear();
  while (simplifyOnce(trace, options, result.shrinkSteps)) {
  }
  result.trace = canonical(std::move(trace));
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
  for (int run = 0; run < options.runs; ++run) {
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
