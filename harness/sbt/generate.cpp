// RapidCheck generators of random well-formed borrow traces: a builder run
// inside rc::gen::exec that keeps the static facts the parser checks (bound
// names and their ranges, open frames, the one `!ub`), so every choice is legal.
// Swarm testing: each trace first picks the kinds it may use.
#include "harness/sbt/generate.hpp"

#include <algorithm>
#include <bitset>
#include <cstdio>
#include <limits>
#include <sstream>
#include <string_view>
#include <vector>

#include "harness/sbt/print.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck::sbt {
namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

/// Few names, so shadowing is common; some look like keywords but are not.
constexpr std::array<std::string_view, 7> kNames = {"x", "y", "p", "q0", "_t", "const", "Mut"};

/// How far an operand range may reach past its pointer's range (pointer arithmetic).
constexpr std::uint64_t kSlack = 4;

/// A uniform choice of 0 .. n-1, shrinking towards 0. Unlike gen::inRange it
/// ignores the size, so the last choice is as likely as the first in small test
/// cases; and one Gen serves every choice, so none is built per draw (building
/// Gens dominated the cost of a trace).
std::size_t pick(std::size_t n) {
  static const rc::Gen<std::uint64_t> kUniform([](const rc::Random& random, int /*size*/) {
    return rc::shrinkable::shrinkRecur(rc::Random(random).next(),
                                       [](std::uint64_t x) { return rc::shrink::towards<std::uint64_t>(x, 0); });
  });
  return static_cast<std::size_t>(*kUniform % n);
}

bool coin() { return pick(2) == 1; }

/// `true` with odds `weight` in `outOf`.
bool chance(std::size_t weight, std::size_t outOf) { return pick(outOf) < weight; }

template <class T>
const T& pickFrom(const std::vector<T>& choices) {
  return choices[pick(choices.size())];
}

/// What a trace may use. Swarm testing (Groce et al., ISSTA 2012): a trace that
/// leaves most kinds out reaches states a trace mixing all of them rarely does
/// (long chains of `*mut` casts, deep protected frames, reads without writes).
enum Feature : std::uint8_t {
  kUntaggedAllocs,
  kMutRefs,        ///< `&mut X`
  kTwoPhaseRefs,   ///< `&mut X twophase`
  kSharedRefs,     ///< `&X`
  kRawMutCasts,    ///< `*mut X`
  kRawConstCasts,  ///< `*const X`
  kCopies,         ///< `let Y = X`
  kCells,          ///< `cell` / `cell[..]` on `&`, `*const` and two-phase borrows
  kFrames,         ///< `call` / `return`
  kProtectors,     ///< `protect` (needs kFrames)
  kReads,
  kWrites,
  kDeallocs,
  kOperandRanges,  ///< `X[A..B]` operands
  kFeatureCount,
};
using Swarm = std::bitset<kFeatureCount>;

/// Each feature on or off with even odds; `alloc` is always on, and so is at
/// least one `let` form (a trace of bases alone says little).
Swarm genSwarm() {
  Swarm swarm;
  for (std::size_t f = 0; f < kFeatureCount; ++f) swarm[f] = coin();
  const bool anyLet = swarm[kMutRefs] || swarm[kTwoPhaseRefs] || swarm[kSharedRefs] || swarm[kRawMutCasts] ||
                      swarm[kRawConstCasts] || swarm[kCopies];
  if (!anyLet) swarm[kMutRefs + pick(kRawConstCasts - kMutRefs + 1)] = true;
  return swarm;
}

std::uint64_t genSize() {
  static const rc::Gen<std::uint64_t> kSmall = rc::gen::inRange<std::uint64_t>(1, 17);
  static const rc::Gen<std::uint64_t> kHuge = rc::gen::element(std::uint64_t{1} << 20, kMax / 2, kMax);
  return chance(8, 9) ? *kSmall : *kHuge;
}

/// A non-empty range starting inside `outer` and ending at most `slack` past it.
ByteRange genRangeFrom(ByteRange outer, std::uint64_t slack) {
  const std::uint64_t limit = outer.end > kMax - slack ? kMax : outer.end + slack;
  const std::uint64_t begin = *rc::gen::inRange(outer.begin, outer.end);
  const std::uint64_t end = begin + 1 + *rc::gen::inRange<std::uint64_t>(0, limit - begin);
  return ByteRange{begin, end};
}

/// Up to three ascending, disjoint ranges inside `range` (neighbours may touch).
std::vector<ByteRange> genCellRanges(ByteRange range) {
  std::vector<ByteRange> cells;
  const std::size_t count = 1 + pick(3);
  std::uint64_t cursor = range.begin;
  for (std::size_t i = 0; i < count && cursor < range.end; ++i) {
    cells.push_back(genRangeFrom(ByteRange{cursor, range.end}, 0));
    cursor = cells.back().end;
  }
  return cells;
}

std::string genComment() {
  static const rc::Gen<std::string> kText =
      rc::gen::container<std::string>(rc::gen::elementOf(std::string("abc xyz#!&*[].=")));
  return chance(1, 4) ? *kText : std::string();
}

std::vector<std::string> genModels() {
  static const rc::Gen<std::vector<std::string>> kPicks = [] {
    std::vector<std::string> known;
    for (const std::string_view name : sb::AnyModel::names()) known.emplace_back(name);
    return rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(known));
  }();
  const std::vector<std::string> picked = *kPicks;
  std::vector<std::string> models;  // the parser drops repeats, keeping the first
  for (const std::string& name : picked) {
    if (std::find(models.begin(), models.end(), name) == models.end()) models.push_back(name);
  }
  return models;
}

/// A `let` right-hand side the swarm may enable.
struct LetShape {
  LetKind kind;
  bool twoPhase = false;
};

/// What the builder knows of a bound name: the range a `let` or access through
/// it covers by default, and the size of its allocation.
struct Bound {
  ByteRange range;
  std::uint64_t allocSize = 0;
};

class TraceBuilder {
 public:
  Trace build() {
    swarm_ = genSwarm();
    const std::pair<Feature, LetShape> shapes[] = {
        {kMutRefs, {LetKind::kMutRef}},     {kTwoPhaseRefs, {LetKind::kMutRef, true}},
        {kSharedRefs, {LetKind::kSharedRef}}, {kRawMutCasts, {LetKind::kRawMut}},
        {kRawConstCasts, {LetKind::kRawConst}}, {kCopies, {LetKind::kCopy}},
    };
    for (const auto& [feature, shape] : shapes) {
      if (swarm_[feature]) letShapes_.push_back(shape);
    }
    trace_.models = genModels();
    const int steps = *rc::gen::inRange(0, 48);
    for (int i = 0; i < steps; ++i) {
      Event event = genEvent();
      event.comment = genComment();
      trace_.events.push_back(std::move(event));
    }
    return std::move(trace_);
  }

 private:
  /// Picks a kind the swarm enables and that is legal now; repeats weight the
  /// choice towards retags and accesses.
  Event genEvent() {
    std::vector<EventKind> legal(2, EventKind::kAlloc);
    if (swarm_[kFrames]) {
      legal.push_back(EventKind::kCall);
      if (openFrames_ > 0) legal.push_back(EventKind::kReturn);
    }
    if (!bound_.empty()) {
      legal.insert(legal.end(), 6, EventKind::kLet);
      if (swarm_[kReads]) legal.insert(legal.end(), 3, EventKind::kRead);
      if (swarm_[kWrites]) legal.insert(legal.end(), 3, EventKind::kWrite);
      if (swarm_[kDeallocs]) legal.push_back(EventKind::kDealloc);
    }
    Event event;
    event.kind = pickFrom(legal);
    switch (event.kind) {
      case EventKind::kAlloc: fillAlloc(event); break;
      case EventKind::kLet: fillLet(event); break;
      case EventKind::kCall: ++openFrames_; break;
      case EventKind::kReturn: --openFrames_; break;
      case EventKind::kRead:
      case EventKind::kWrite: fillAccess(event, true); break;
      case EventKind::kDealloc: fillAccess(event, false); break;
    }
    return event;
  }

  void fillAlloc(Event& event) {
    event.name = kNames[pick(kNames.size())];
    event.size = genSize();
    event.untagged = swarm_[kUntaggedAllocs] && coin();
    bound_.insert_or_assign(event.name, Bound{ByteRange{0, event.size}, event.size});
  }

  void fillLet(Event& event) {
    const LetShape shape = pickFrom(letShapes_);
    event.let = shape.kind;
    event.twoPhase = shape.twoPhase;
    const Bound bound = genOperand(event.operand, true);
    const bool cellAllowed =
        event.let == LetKind::kSharedRef || event.let == LetKind::kRawConst || event.twoPhase;
    if (cellAllowed && swarm_[kCells]) {
      const std::size_t cell = pick(3);  // none, all, or ranges
      event.allCell = cell == 1;
      if (cell == 2) event.cellRanges = genCellRanges(bound.range);
    }
    const bool retag = event.let == LetKind::kMutRef || event.let == LetKind::kSharedRef;
    event.protect = retag && swarm_[kProtectors] && openFrames_ > 0 && coin();
    event.expectUb = genMarker();
    event.name = kNames[pick(kNames.size())];
    bound_.insert_or_assign(event.name, bound);
  }

  void fillAccess(Event& event, bool rangeAllowed) {
    genOperand(event.operand, rangeAllowed);
    event.expectUb = genMarker();
  }

  /// A bound name, maybe with a range: mostly inside the pointer's own range,
  /// sometimes elsewhere in its allocation, rarely past its end (UB). Returns
  /// what the operand covers.
  Bound genOperand(Operand& operand, bool rangeAllowed) {
    std::vector<std::string> names;
    for (const auto& [name, bound] : bound_) names.push_back(name);
    operand.name = pickFrom(names);
    const Bound own = bound_.at(operand.name);
    if (!rangeAllowed || !swarm_[kOperandRanges]) return own;
    const std::size_t shape = pick(10);  // 4 : 3 : 2 : 1
    if (shape < 4) return own;
    if (shape < 7) {
      operand.range = genRangeFrom(own.range, 0);
    } else if (shape < 9) {
      operand.range = genRangeFrom(ByteRange{0, own.allocSize}, 0);
    } else {
      operand.range = genRangeFrom(own.range, kSlack);
    }
    return Bound{*operand.range, own.allocSize};
  }

  /// At most one `!ub` per trace, on a small share of the eligible lines.
  bool genMarker() {
    if (markerUsed_ || !chance(1, 8)) return false;
    markerUsed_ = true;
    return true;
  }

  Trace trace_;
  Swarm swarm_;
  std::vector<LetShape> letShapes_;  ///< the `let` forms the swarm enables
  std::map<std::string, Bound, std::less<>> bound_;
  int openFrames_ = 0;
  bool markerUsed_ = false;
};

constexpr std::array<std::string_view, 7> kEventNames = {"alloc", "let", "call", "return", "read", "write", "dealloc"};
constexpr std::array<std::string_view, TraceGenStats::kLetFormCount> kLetFormNames = {
    "&mut", "&mut twophase", "&mut twophase cell", "&", "& cell", "*mut", "*const", "*const cell", "copy"};

TraceGenStats::LetForm letForm(const Event& event) {
  const bool cell = event.allCell || !event.cellRanges.empty();
  switch (event.let) {
    case LetKind::kMutRef:
      if (!event.twoPhase) return TraceGenStats::kMutRef;
      return cell ? TraceGenStats::kTwoPhaseCell : TraceGenStats::kTwoPhase;
    case LetKind::kSharedRef: return cell ? TraceGenStats::kSharedCell : TraceGenStats::kShared;
    case LetKind::kRawMut: return TraceGenStats::kRawMut;
    case LetKind::kRawConst: return cell ? TraceGenStats::kRawConstCell : TraceGenStats::kRawConst;
    case LetKind::kCopy: return TraceGenStats::kCopy;
  }
  return TraceGenStats::kCopy;
}

std::string share(long part, long whole) {
  char text[16];
  std::snprintf(text, sizeof text, "%5.1f%%", whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return text;
}

}  // namespace

rc::Gen<Trace> genTrace() {
  return rc::gen::exec([] { return TraceBuilder().build(); });
}

void TraceGenStats::add(const Trace& trace) {
  ++traces;
  events += static_cast<long>(trace.events.size());
  std::bitset<kEventNames.size() + kLetFormCount> used;
  int depth = 0;
  for (const Event& event : trace.events) {
    const auto kind = static_cast<std::size_t>(event.kind);
    ++eventKinds[kind];
    if (event.kind == EventKind::kLet) {
      const LetForm form = letForm(event);
      ++letForms[form];
      used.set(kEventNames.size() + form);
    } else {
      used.set(kind);
    }
    if (event.kind == EventKind::kCall) maxDepth = std::max(maxDepth, ++depth);
    if (event.kind == EventKind::kReturn) --depth;
    untaggedAllocs += event.untagged ? 1 : 0;
    protects += event.protect ? 1 : 0;
    operandRanges += event.operand.range ? 1 : 0;
    ubMarkers += event.expectUb ? 1 : 0;
  }
  ++lengths[static_cast<int>(trace.events.size()) / 10 * 10];
  ++formsPerTrace[static_cast<int>(used.count())];
}

std::string TraceGenStats::render() const {
  std::ostringstream out;
  out << "generated " << traces << " traces, " << events << " events\n";
  out << "  event                 count   share\n";
  for (std::size_t k = 0; k < kEventNames.size(); ++k) {
    char line[96];
    std::snprintf(line, sizeof line, "  %-18s %8ld  %s\n", std::string(kEventNames[k]).c_str(), eventKinds[k],
                  share(eventKinds[k], events).c_str());
    out << line;
  }
  out << "  let form              count   share of lets\n";
  const long lets = eventKinds[static_cast<std::size_t>(EventKind::kLet)];
  for (std::size_t f = 0; f < kLetFormCount; ++f) {
    char line[96];
    std::snprintf(line, sizeof line, "  %-18s %8ld  %s\n", std::string(kLetFormNames[f]).c_str(), letForms[f],
                  share(letForms[f], lets).c_str());
    out << line;
  }
  out << "  untagged allocs: " << untaggedAllocs << ", protect: " << protects << ", operand ranges: "
      << operandRanges << ", !ub: " << ubMarkers << ", deepest frame nesting: " << maxDepth << '\n';
  out << "  lengths:";
  for (const auto& [bucket, n] : lengths) out << ' ' << bucket << '-' << bucket + 9 << ':' << n;
  out << "\n  distinct forms per trace (swarm):";
  for (const auto& [count, n] : formsPerTrace) out << ' ' << count << ':' << n;
  out << '\n';
  return out.str();
}

void showValue(const Trace& trace, std::ostream& os) { os << "\n" << printTrace(trace); }

void showValue(const Event& event, std::ostream& os) { os << "'" << printEvent(event) << "'"; }

}  // namespace sbcheck::sbt
