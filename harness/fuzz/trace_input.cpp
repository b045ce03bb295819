// Decoding a fuzzer's bytes into a well-formed trace: a builder that keeps
// the static facts parseTrace checks (bound names and their ranges, open
// frames), so every choice it reads is legal.
#include "harness/fuzz/trace_input.hpp"

#include <array>
#include <bitset>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "harness/fuzz/byte_source.hpp"

namespace sbcheck::fuzz {
namespace {

using sbt::ByteRange;
using sbt::Event;
using sbt::EventKind;
using sbt::LetKind;

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
/// Few names, so shadowing is common (as genTrace's).
constexpr std::array<std::string_view, 4> kNames = {"x", "y", "p", "q"};
/// How far an operand range may reach past its pointer's range (pointer arithmetic).
constexpr std::uint64_t kSlack = 4;

/// The features a trace may use, a bit each of the input's first two bytes.
enum Feature : std::uint8_t {
  kUntaggedAllocs, kMutRefs, kTwoPhaseRefs, kSharedRefs, kRawMutCasts, kRawConstCasts, kCopies,
  kCells, kFrames, kProtectors, kReads, kWrites, kDeallocs, kOperandRanges, kHugeAllocs, kFeatureCount,
};

/// What the decoder knows of a bound name: the range it covers and its allocation's size.
struct Bound {
  ByteRange range;
  std::uint64_t allocSize = 0;
};

class TraceDecoder {
 public:
  explicit TraceDecoder(std::span<const std::uint8_t> bytes) : source_(bytes), swarm_(source_.word()) {}

  sbt::Trace decode() {
    sbt::Trace trace;
    while (!source_.exhausted() && trace.events.size() < kMaxTraceEvents) trace.events.push_back(event());
    return trace;
  }

 private:
  bool on(Feature feature) const { return swarm_[feature]; }

  /// Picks a kind the swarm enables and that is legal now.
  Event event() {
    std::vector<EventKind> legal = {EventKind::kAlloc};
    if (on(kFrames)) legal.push_back(EventKind::kCall);
    if (on(kFrames) && openFrames_ > 0) legal.push_back(EventKind::kReturn);
    if (!bound_.empty()) {
      legal.insert(legal.end(), 3, EventKind::kLet);  // retags are what the laws are about
      if (on(kReads)) legal.push_back(EventKind::kRead);
      if (on(kWrites)) legal.push_back(EventKind::kWrite);
      if (on(kDeallocs)) legal.push_back(EventKind::kDealloc);
    }
    Event event;
    event.kind = legal[source_.pick(legal.size())];
    switch (event.kind) {
      case EventKind::kAlloc: alloc(event); break;
      case EventKind::kLet: let(event); break;
      case EventKind::kCall: ++openFrames_; break;
      case EventKind::kReturn: --openFrames_; break;
      case EventKind::kRead:
      case EventKind::kWrite: operand(event.operand, true); break;
      case EventKind::kDealloc: operand(event.operand, false); break;
    }
    return event;
  }

  void alloc(Event& event) {
    event.name = kNames[source_.pick(kNames.size())];
    const std::uint8_t size = source_.byte();
    constexpr std::array<std::uint64_t, 3> kHuge = {std::uint64_t{1} << 20, kMax / 2, kMax};
    event.size = on(kHugeAllocs) && size >= 240 ? kHuge[size % 3] : 1 + size % 16;
    event.untagged = on(kUntaggedAllocs) && source_.coin();
    bound_.insert_or_assign(event.name, Bound{ByteRange{0, event.size}, event.size});
  }

  void let(Event& event) {
    std::vector<std::pair<LetKind, bool>> shapes;  // the enabled forms, with `twophase`
    if (on(kMutRefs)) shapes.emplace_back(LetKind::kMutRef, false);
    if (on(kTwoPhaseRefs)) shapes.emplace_back(LetKind::kMutRef, true);
    if (on(kSharedRefs)) shapes.emplace_back(LetKind::kSharedRef, false);
    if (on(kRawMutCasts)) shapes.emplace_back(LetKind::kRawMut, false);
    if (on(kRawConstCasts)) shapes.emplace_back(LetKind::kRawConst, false);
    if (on(kCopies) || shapes.empty()) shapes.emplace_back(LetKind::kCopy, false);
    std::tie(event.let, event.twoPhase) = shapes[source_.pick(shapes.size())];
    const Bound bound = operand(event.operand, true);
    const bool cellAllowed = event.let == LetKind::kSharedRef || event.let == LetKind::kRawConst || event.twoPhase;
    if (cellAllowed && on(kCells)) {
      const std::size_t cell = source_.pick(3);  // none, all, or ranges
      event.allCell = cell == 1;
      if (cell == 2) event.cellRanges = cellRanges(bound.range);
    }
    const bool retag = event.let == LetKind::kMutRef || event.let == LetKind::kSharedRef;
    event.protect = retag && on(kProtectors) && openFrames_ > 0 && source_.coin();
    event.name = kNames[source_.pick(kNames.size())];
    bound_.insert_or_assign(event.name, bound);
  }

  /// A bound name, maybe with a range inside its own, inside its allocation,
  /// or a little past its end (UB); returns what the operand covers.
  Bound operand(sbt::Operand& operand, bool rangeAllowed) {
    auto it = bound_.begin();
    std::advance(it, static_cast<long>(source_.pick(bound_.size())));
    operand.name = it->first;
    const Bound own = it->second;
    if (!rangeAllowed || !on(kOperandRanges)) return own;
    switch (source_.pick(4)) {
      case 0: return own;
      case 1: operand.range = rangeFrom(own.range, 0); break;
      case 2: operand.range = rangeFrom(ByteRange{0, own.allocSize}, 0); break;
      default: operand.range = rangeFrom(own.range, kSlack); break;
    }
    return Bound{*operand.range, own.allocSize};
  }

  /// A non-empty range starting inside `outer` and ending at most `slack` past it.
  ByteRange rangeFrom(ByteRange outer, std::uint64_t slack) {
    const std::uint64_t limit = outer.end > kMax - slack ? kMax : outer.end + slack;
    const std::uint64_t begin = outer.begin + offset(outer.end - outer.begin);
    return ByteRange{begin, begin + 1 + offset(limit - begin)};
  }

  /// An offset below `n` (n ≥ 1): small ones from one byte, and for huge
  /// ranges sometimes the far end.
  std::uint64_t offset(std::uint64_t n) {
    const std::uint8_t b = source_.byte();
    if (n > 256 && b >= 250) return n - 1 - (b - 250);
    return b % n;
  }

  /// Up to three ascending, disjoint ranges inside `range` (neighbours may touch).
  std::vector<ByteRange> cellRanges(ByteRange range) {
    std::vector<ByteRange> cells;
    const std::size_t count = 1 + source_.pick(3);
    for (std::uint64_t cursor = range.begin; cells.size() < count && cursor < range.end; cursor = cells.back().end) {
      cells.push_back(rangeFrom(ByteRange{cursor, range.end}, 0));
    }
    return cells;
  }

  ByteSource source_;
  std::bitset<kFeatureCount> swarm_;
  std::map<std::string, Bound, std::less<>> bound_;
  int openFrames_ = 0;
};

}  // namespace

sbt::Trace traceFromBytes(std::span<const std::uint8_t> bytes) { return TraceDecoder(bytes).decode(); }

}  // namespace sbcheck::fuzz
