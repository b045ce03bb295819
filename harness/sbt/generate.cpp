// RapidCheck generators of random well-formed borrow traces: a builder run
// inside rc::gen::exec that keeps the static facts the parser checks (bound
// names and their ranges, open frames, the one `!ub`), so every choice is legal.
#include "harness/sbt/generate.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <string>
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

std::uint64_t genSize() {
  return *rc::gen::weightedOneOf<std::uint64_t>({
      {8, rc::gen::inRange<std::uint64_t>(1, 17)},
      {1, rc::gen::element(std::uint64_t{1} << 20, kMax / 2, kMax)},
  });
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
  const int count = *rc::gen::inRange(1, 4);
  std::uint64_t cursor = range.begin;
  for (int i = 0; i < count && cursor < range.end; ++i) {
    cells.push_back(genRangeFrom(ByteRange{cursor, range.end}, 0));
    cursor = cells.back().end;
  }
  return cells;
}

std::string genComment() {
  static const std::string kChars = "abc xyz#!&*[].=";
  return *rc::gen::weightedOneOf<std::string>({
      {3, rc::gen::just(std::string())},
      {1, rc::gen::container<std::string>(rc::gen::elementOf(kChars))},
  });
}

std::vector<std::string> genModels() {
  std::vector<std::string> known;
  for (const std::string_view name : sb::AnyModel::names()) known.emplace_back(name);
  const auto picked = *rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(known));
  std::vector<std::string> models;  // the parser drops repeats, keeping the first
  for (const std::string& name : picked) {
    if (std::find(models.begin(), models.end(), name) == models.end()) models.push_back(name);
  }
  return models;
}

class TraceBuilder {
 public:
  Trace build() {
    trace_.models = genModels();
    const int steps = *rc::gen::inRange(0, 40);
    for (int i = 0; i < steps; ++i) {
      Event event = genEvent();
      event.comment = genComment();
      trace_.events.push_back(std::move(event));
    }
    return std::move(trace_);
  }

 private:
  /// Picks a kind that is legal now, weighted towards retags and accesses.
  Event genEvent() {
    std::vector<EventKind> legal = {EventKind::kAlloc, EventKind::kCall};
    if (openFrames_ > 0) legal.push_back(EventKind::kReturn);
    if (!ranges_.empty()) {
      legal.insert(legal.end(), {EventKind::kLet, EventKind::kLet, EventKind::kLet, EventKind::kRead,
                                 EventKind::kWrite, EventKind::kDealloc});
    }
    Event event;
    event.kind = *rc::gen::elementOf(legal);
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
    event.name = *rc::gen::elementOf(kNames);
    event.size = genSize();
    event.untagged = *rc::gen::arbitrary<bool>();
    ranges_.insert_or_assign(event.name, ByteRange{0, event.size});
  }

  void fillLet(Event& event) {
    event.let = *rc::gen::element(LetKind::kMutRef, LetKind::kSharedRef, LetKind::kRawMut,
                                  LetKind::kRawConst, LetKind::kCopy);
    const ByteRange range = genOperand(event.operand, true);
    event.twoPhase = event.let == LetKind::kMutRef && *rc::gen::arbitrary<bool>();
    const bool cellAllowed = event.let == LetKind::kSharedRef || event.let == LetKind::kRawConst ||
                             event.twoPhase;
    if (cellAllowed) {
      // gen::element, not inRange: RapidCheck scales inRange with size, so it
      // would never pick the last choice in small test cases.
      const int cell = *rc::gen::element(0, 1, 2);  // none, all, or ranges
      event.allCell = cell == 1;
      if (cell == 2) event.cellRanges = genCellRanges(range);
    }
    const bool retag = event.let == LetKind::kMutRef || event.let == LetKind::kSharedRef;
    event.protect = retag && openFrames_ > 0 && *rc::gen::arbitrary<bool>();
    event.expectUb = genMarker();
    event.name = *rc::gen::elementOf(kNames);
    ranges_.insert_or_assign(event.name, range);
  }

  void fillAccess(Event& event, bool rangeAllowed) {
    genOperand(event.operand, rangeAllowed);
    event.expectUb = genMarker();
  }

  /// A bound name, maybe with a range; returns the range the operand covers.
  ByteRange genOperand(Operand& operand, bool rangeAllowed) {
    std::vector<std::string> names;
    for (const auto& [name, range] : ranges_) names.push_back(name);
    operand.name = *rc::gen::elementOf(names);
    const ByteRange own = ranges_.at(operand.name);
    if (rangeAllowed && *rc::gen::arbitrary<bool>()) operand.range = genRangeFrom(own, kSlack);
    return operand.range.value_or(own);
  }

  /// At most one `!ub` per trace, on a small share of the eligible lines.
  bool genMarker() {
    if (markerUsed_ || !*rc::gen::weightedElement<bool>({{1, true}, {7, false}})) return false;
    markerUsed_ = true;
    return true;
  }

  Trace trace_;
  std::map<std::string, ByteRange, std::less<>> ranges_;  ///< each bound name's static range
  int openFrames_ = 0;
  bool markerUsed_ = false;
};

}  // namespace

rc::Gen<Trace> genTrace() {
  return rc::gen::exec([] { return TraceBuilder().build(); });
}

void showValue(const Trace& trace, std::ostream& os) { os << "\n" << printTrace(trace); }

void showValue(const Event& event, std::ostream& os) { os << "'" << printEvent(event) << "'"; }

}  // namespace sbcheck::sbt
