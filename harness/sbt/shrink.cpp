// Shrinking borrow traces: removals (ddmin chunks, single events, inlined
// copies) and value steps (older names, smaller sizes and ranges, simpler
// retag kinds, fewer modifiers), then a check that no single step still fails.
#include "harness/sbt/shrink.hpp"

#include <algorithm>
#include <map>
#include <variant>

#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"

namespace sbcheck::sbt {
namespace {

/// Well-formed: the parser accepts its text, as it would a file.
bool wellFormed(const Trace& trace) {
  return std::holds_alternative<Trace>(sbt::parseTrace(sbt::printTrace(trace)));
}

/// Smaller values to try for `value` (never below `floor`), smallest first:
/// the floor, then steps back from `value` halving each time, so a large
/// size or bound shrinks in logarithmically many steps.
std::vector<std::uint64_t> lower(std::uint64_t value, std::uint64_t floor) {
  std::vector<std::uint64_t> values;
  if (value <= floor) return values;
  values.push_back(floor);
  for (std::uint64_t delta = (value - floor) / 2; delta >= 1; delta /= 2) {
    if (value - delta != values.back()) values.push_back(value - delta);
  }
  return values;
}

/// Smaller ranges than `range` (offsets toward 0, width toward 1): moved down
/// whole, its end lowered, its start lowered (wider, but nearer 0).
std::vector<ByteRange> lowerRanges(ByteRange range) {
  std::vector<ByteRange> ranges;
  for (const std::uint64_t begin : lower(range.begin, 0)) ranges.push_back({begin, begin + (range.end - range.begin)});
  for (const std::uint64_t end : lower(range.end, range.begin + 1)) ranges.push_back({range.begin, end});
  for (const std::uint64_t begin : lower(range.begin, 0)) ranges.push_back({begin, range.end});
  return ranges;
}

/// The retag kinds simpler than `kind`, simplest first: a plain `&mut`, then
/// `&`, `*mut`, `*const` (the enum's order); a copy is inlined instead.
std::vector<LetKind> simplerLets(LetKind kind) {
  static constexpr LetKind kOrder[] = {LetKind::kMutRef, LetKind::kSharedRef, LetKind::kRawMut, LetKind::kRawConst};
  std::vector<LetKind> kinds;
  for (const LetKind simpler : kOrder) {
    if (simpler == kind) return kinds;
    kinds.push_back(simpler);
  }
  return {};  // a copy: no retag kind is simpler
}

/// Simpler versions of one event: smaller sizes, ranges and cell ranges,
/// simpler retag kinds, fewer modifiers. Each is strictly simpler (a
/// well-founded order on events), so shrinking ends.
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
    for (const ByteRange smaller : lowerRanges(*range)) with([&](Event& e) { e.operand.range = smaller; });
  }
  if (event.kind != EventKind::kLet) return simpler;
  for (const LetKind kind : simplerLets(event.let)) {
    with([&](Event& e) { e.let = kind; });  // the modifiers kept, where the kind allows them
    with([&](Event& e) {
      e.let = kind;
      e.twoPhase = e.allCell = e.protect = false;
      e.cellRanges.clear();
    });
  }
  if (event.protect) with([](Event& e) { e.protect = false; });
  if (event.allCell) with([](Event& e) { e.allCell = false; });
  for (std::size_t i = 0; i < event.cellRanges.size(); ++i) {
    const auto at = static_cast<std::ptrdiff_t>(i);
    if (event.cellRanges.size() > 1) with([&](Event& e) { e.cellRanges.erase(e.cellRanges.begin() + at); });
    for (const ByteRange smaller : lowerRanges(event.cellRanges[i])) with([&](Event& e) { e.cellRanges[i] = smaller; });
  }
  if (!event.cellRanges.empty()) with([](Event& e) { e.cellRanges.clear(); });
  if (event.twoPhase) {
    with([](Event& e) {
      e.twoPhase = false;  // a plain `&mut` has no cell modifiers
      e.allCell = false;
      e.cellRanges.clear();
    });
  }
  return simpler;
}

bool binds(const Event& event) { return event.kind == EventKind::kAlloc || event.kind == EventKind::kLet; }

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
    if (binds(event) && event.name == copy.name) break;
  }
  return inlined;
}

enum class StepKind : std::uint8_t { kRemoval, kValue };

struct Candidate {
  Trace trace;
  StepKind kind;
};

/// Every one-step simplification of `trace` (names unique, as `canonical`
/// leaves them): each single event dropped, each copy inlined, each operand
/// pointed at a name bound before the one it uses, each event simplified.
std::vector<Candidate> singleSteps(const Trace& trace) {
  std::vector<Candidate> steps;
  const auto at = [](std::size_t i) { return static_cast<std::ptrdiff_t>(i); };
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    Trace candidate = trace;
    candidate.events.erase(candidate.events.begin() + at(i));
    steps.push_back({std::move(candidate), StepKind::kRemoval});
  }
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    const Event& event = trace.events[i];
    if (event.kind == EventKind::kLet && event.let == LetKind::kCopy) {
      steps.push_back({inlineCopy(trace, i), StepKind::kRemoval});
    }
  }
  // `let t = &mut p` -> `let t = &mut x`, so the events in between can go.
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    const std::string& used = trace.events[i].operand.name;
    if (used.empty()) continue;
    std::size_t boundAt = i;
    while (boundAt-- > 0 && !(binds(trace.events[boundAt]) && trace.events[boundAt].name == used)) {
    }
    for (std::size_t j = 0; j < boundAt && boundAt < i; ++j) {
      if (!binds(trace.events[j]) || trace.events[j].name == used) continue;
      Trace candidate = trace;
      candidate.events[i].operand.name = trace.events[j].name;
      steps.push_back({std::move(candidate), StepKind::kValue});
    }
  }
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    for (Event& simpler : simplerEvents(trace.events[i])) {
      Trace candidate = trace;
      candidate.events[i] = std::move(simpler);
      steps.push_back({std::move(candidate), StepKind::kValue});
    }
  }
  return steps;
}

/// One pass of simplifications; true if one was kept.
bool simplifyOnce(Trace& trace, const std::function<bool(const Trace&)>& stillFails, ShrinkStats& stats) {
  auto keep = [&](Trace candidate, StepKind kind) {
    if (candidate.events == trace.events || !wellFormed(candidate) || !stillFails(candidate)) return false;
    trace = std::move(candidate);
    ++(kind == StepKind::kRemoval ? stats.removals : stats.valueSteps);
    return true;
  };
  // Delete chunks of events, halves first, down to pairs (ddmin); single
  // events go with the single steps below.
  bool changed = false;
  for (std::size_t chunk = trace.events.size() / 2; chunk >= 2; chunk /= 2) {
    for (std::size_t start = 0; start + chunk <= trace.events.size();) {
      Trace candidate = trace;
      const auto first = candidate.events.begin() + static_cast<std::ptrdiff_t>(start);
      candidate.events.erase(first, first + static_cast<std::ptrdiff_t>(chunk));
      if (keep(std::move(candidate), StepKind::kRemoval)) {
        changed = true;
      } else {
        start += chunk;
      }
    }
  }
  if (changed) return true;
  for (Candidate& candidate : singleSteps(trace)) {
    if (keep(std::move(candidate.trace), candidate.kind)) return true;
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

/// A bound on kept simplifications, so shrinking always ends quickly.
constexpr int kMaxSteps = 5000;

}  // namespace

bool locallyMinimal(const Trace& trace, const std::function<bool(const Trace&)>& stillFails) {
  for (const Candidate& candidate : singleSteps(trace)) {
    if (candidate.trace.events != trace.events && wellFormed(candidate.trace) && stillFails(candidate.trace)) return false;
  }
  return true;
}

Trace shrinkWhile(Trace trace, const std::function<bool(const Trace&)>& stillFails, ShrinkStats* stats) {
  // Markers, comments and the header play no part in a verdict: drop them
  // first; a fresh name per binding, so renaming an operand never means
  // a shadowed binding.
  trace = canonical(std::move(trace));
  ShrinkStats kept;
  while (kept.steps() < kMaxSteps && simplifyOnce(trace, stillFails, kept)) {
    trace = canonical(std::move(trace));
  }
  trace = canonical(std::move(trace));
  kept.locallyMinimal = kept.steps() < kMaxSteps && locallyMinimal(trace, stillFails);
  if (stats != nullptr) *stats = kept;
  return trace;
}

}  // namespace sbcheck::sbt
