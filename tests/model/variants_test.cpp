// Laws every variant of sb2.md must keep, checked with RapidCheck over random
// operation sequences for each of the five policies (a gtest typed suite with
// `rc::check` inside; Debian's RapidCheck lacks the typed property macro).
//
// The runner keeps only UB-free steps: an operation that is UB is observed,
// then undone by restoring a copy of the model, so every state checked is one
// a UB-free trace reaches.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "model/sb/model.hpp"
#include "tests/model/printers.hpp"

namespace sbcheck::sb {
namespace {

// ---- Operations ------------------------------------------------------------

/// One generated operation, as small numbers the runner resolves against the
/// current state (which pointers exist, how big their allocations are).
struct Op {
  std::uint8_t kind = 0;   ///< see `Runner::resolveKind`
  std::uint8_t ptr = 0;    ///< index into the pointers made so far
  std::uint8_t begin = 0;  ///< sub-range of the allocation, when not own range
  std::uint8_t length = 0;
  bool ownRange = true;    ///< use the pointer's own range
  std::uint8_t retag = 0;  ///< RetagKind
  std::uint8_t cells = 0;  ///< bit i: byte i of the range inside UnsafeCell
  bool protect = false;
  bool untagged = false;   ///< for allocations
};

void showValue(const Op& op, std::ostream& os) {
  os << "{kind " << int(op.kind) << ", ptr " << int(op.ptr) << ", range " << int(op.begin) << "+"
     << int(op.length) << (op.ownRange ? " (own)" : "") << ", retag " << int(op.retag) << ", cells "
     << int(op.cells) << (op.protect ? ", protect" : "") << (op.untagged ? ", untagged" : "") << "}";
}

rc::Gen<Op> genOp() {
  using namespace rc;
  return gen::build<Op>(gen::set(&Op::kind, gen::inRange<std::uint8_t>(0, 20)),
                        gen::set(&Op::ptr, gen::inRange<std::uint8_t>(0, 255)),
                        gen::set(&Op::begin, gen::inRange<std::uint8_t>(0, 4)),
                        gen::set(&Op::length, gen::inRange<std::uint8_t>(0, 4)),
                        gen::set(&Op::ownRange, gen::arbitrary<bool>()),
                        gen::set(&Op::retag, gen::inRange<std::uint8_t>(0, 5)),
                        gen::set(&Op::cells, gen::inRange<std::uint8_t>(0, 16)),
                        gen::set(&Op::protect, gen::arbitrary<bool>()),
                        gen::set(&Op::untagged, gen::arbitrary<bool>()));
}

rc::Gen<std::vector<Op>> genOps() { return rc::gen::resize(60, rc::gen::container<std::vector<Op>>(genOp())); }

enum class Kind { kAlloc, kRetag, kRead, kWrite, kDealloc, kCopy, kCall, kRet };

struct Ref {
  Pointer ptr;
  ByteRange range;
};

/// What one step did, as the laws see it.
template <ModelPolicy P>
struct Step {
  const Model<P>& before;
  const Model<P>& after;  ///< the state after the step (garbage when `ub`)
  Kind kind;
  Ref target;                    ///< pointer and bytes operated on
  RetagKind retag = RetagKind::kUnique;
  std::vector<ByteRange> cells;  ///< UnsafeCell bytes of a retag
  bool protect = false;
  Outcome ub;
  std::optional<Ref> created;    ///< the new pointer of a retag or allocation
  const std::set<CallId>& activeCalls;  ///< protectors of calls still running, before the step

  bool ok() const { return !ub.has_value(); }
  bool isAccess() const { return kind == Kind::kRead || kind == Kind::kWrite; }
  AccessKind access() const { return kind == Kind::kRead ? AccessKind::Read : AccessKind::Write; }
  bool cellsCoverRange() const {
    return cells.size() == 1 && cells[0] == target.range;
  }
};

/// The items of one byte's stack, bottom first; empty if not live.
template <ModelPolicy P>
std::vector<Item> stackAt(const Model<P>& model, AllocId alloc, std::uint64_t offset) {
  std::vector<Item> items;
  if (!model.isLive(alloc)) return items;
  model.forEachStack(alloc, ByteRange{offset, offset + 1}, [&](ByteRange, const Stack& stack) {
    items.assign(stack.items().begin(), stack.items().end());
  });
  return items;
}

Stack asStack(const std::vector<Item>& items) {
  Stack stack;
  for (std::size_t i = 0; i < items.size(); ++i) stack.insert(i, items[i]);
  return stack;
}

/// Runs generated operations on a `Model<P>`, calling `law(step)` after each.
template <ModelPolicy P>
class Runner {
 public:
  template <class Law>
  void run(const std::vector<Op>& ops, Law&& law) {
    allocate(4, false);
    allocate(3, true);
    for (const Op& op : ops) apply(op, law);
  }

  std::size_t allocationCount() const { return allocCount_; }

 private:
  static Kind resolveKind(std::uint8_t kind) {
    if (kind < 1) return Kind::kAlloc;
    if (kind < 9) return Kind::kRetag;
    if (kind < 12) return Kind::kRead;
    if (kind < 15) return Kind::kWrite;
    if (kind < 16) return Kind::kDealloc;
    if (kind < 17) return Kind::kCopy;
    if (kind < 19) return Kind::kCall;
    return Kind::kRet;
  }

  void allocate(std::uint64_t size, bool untagged) {
    pointers_.push_back(Ref{model_.allocate(size, untagged), ByteRange{0, size}});
    ++allocCount_;
  }

  Ref target(const Op& op) const {
    const Ref& ref = pointers_[op.ptr % pointers_.size()];
    if (op.ownRange) return ref;
    const std::uint64_t size = model_.allocationSize(ref.ptr.alloc);
    const std::uint64_t begin = op.begin % size;
    const std::uint64_t end = begin + 1 + op.length % (size - begin);
    return Ref{ref.ptr, ByteRange{begin, end}};
  }

  static std::vector<ByteRange> cellRanges(ByteRange range, std::uint8_t mask) {
    std::vector<ByteRange> cells;
    for (std::uint64_t at = range.begin; at < range.end; ++at) {
      if (((mask >> (at - range.begin)) & 1u) == 0) continue;
      if (!cells.empty() && cells.back().end == at) {
        cells.back().end = at + 1;
      } else {
        cells.push_back(ByteRange{at, at + 1});
      }
    }
    return cells;
  }

  template <class Law>
  void apply(const Op& op, Law& law) {
    const Kind kind = resolveKind(op.kind);
    if (kind == Kind::kRet && frames_.empty()) return;
    const Model<P> before = model_;
    const std::set<CallId> activeBefore = active_;
    const Ref ref = target(op);
    RetagKind retag = static_cast<RetagKind>(op.retag % 5);
    const bool raw = retag == RetagKind::kRawMut || retag == RetagKind::kRawConst;
    // sbt-format.md: protect only on `&mut`/`&` retags, and only inside a call.
    const bool protect = op.protect && !raw && !frames_.empty();
    const std::vector<ByteRange> cells =
        retag == RetagKind::kRawMut || retag == RetagKind::kUnique ? std::vector<ByteRange>{}
                                                                   : cellRanges(ref.range, op.cells);
    Outcome ub;
    std::optional<Ref> created;
    switch (kind) {
      case Kind::kAlloc: {
        const std::uint64_t size = 1 + op.length % 4;
        created = Ref{model_.allocate(size, op.untagged), ByteRange{0, size}};
        ++allocCount_;
        break;
      }
      case Kind::kRetag: {
        RetagSpec spec;
        spec.kind = retag;
        spec.cellRanges = cells;
        spec.protect = protect;
        const Retagged result = model_.retag(ref.ptr, ref.range, spec);
        ub = result.ub;
        created = Ref{Pointer{ref.ptr.alloc, result.tag}, ref.range};
        break;
      }
      case Kind::kRead: ub = model_.access(AccessKind::Read, ref.ptr, ref.range); break;
      case Kind::kWrite: ub = model_.access(AccessKind::Write, ref.ptr, ref.range); break;
      case Kind::kDealloc: ub = model_.dealloc(ref.ptr); break;
      case Kind::kCopy: ub = model_.copy(ref.ptr, ref.range); break;
      case Kind::kCall: model_.call(); break;
      case Kind::kRet: RC_ASSERT(model_.ret()); break;
    }
    law(Step<P>{before, model_, kind, ref, retag, cells, protect, ub, created, activeBefore});
    if (ub) {
      model_ = before;  // undo: the laws only ever see UB-free states
      return;
    }
    if (created) pointers_.push_back(*created);
    if (kind == Kind::kCall) frames_.push_back(std::nullopt);
    if (kind == Kind::kRet) {
      if (frames_.back()) active_.erase(*frames_.back());
      frames_.pop_back();
    }
    if (kind == Kind::kRetag && protect) learnProtector(*created);
  }

  /// The model numbers calls itself; learn the innermost frame's id from the
  /// protector it just put on the new pointer's items.
  void learnProtector(const Ref& created) {
    for (std::uint64_t at = created.range.begin; at < created.range.end; ++at) {
      for (const Item& item : stackAt(model_, created.ptr.alloc, at)) {
        if (item.tag != created.ptr.tag || item.protector == kNoCall) continue;
        RC_ASSERT(!frames_.back() || *frames_.back() == item.protector);
        frames_.back() = item.protector;
        active_.insert(item.protector);
      }
    }
  }

  Model<P> model_;
  std::vector<Ref> pointers_;
  std::vector<std::optional<CallId>> frames_;  ///< innermost last; id once learned
  std::set<CallId> active_;
  std::size_t allocCount_ = 0;
};

/// Runs `law` on random sequences for policy `P`; `covered` counts the steps
/// where the law's premise held, so a law that never applies fails.
template <ModelPolicy P, class Law>
void checkLaw(const char* description, Law law) {
  std::size_t covered = 0;
  const bool passed = rc::check(description, [&] {
    const std::vector<Op> ops = *genOps();
    Runner<P> runner;
    runner.run(ops, [&](const Step<P>& step) {
      if (law(step)) ++covered;
    });
  });
  EXPECT_TRUE(passed) << description;
  EXPECT_GT(covered, 0u) << description << ": the law never applied";
}

// ---- The typed suite ---------------------------------------------------------

template <class P>
class VariantLaws : public ::testing::Test {};

using Policies = ::testing::Types<Sb2, Sb2StackWrite, Sb2Disable, Sb2Strict, Sb2TaggedRaw>;

struct PolicyName {
  template <class P>
  static std::string GetName(int) {
    std::string name(P::kName);
    std::replace(name.begin(), name.end(), '-', '_');  // '-' means "exclude" in --gtest_filter
    return name;
  }
};

TYPED_TEST_SUITE(VariantLaws, Policies, PolicyName);

TYPED_TEST(VariantLaws, StackInvariantsHoldAfterAnyOperations) {
  using P = TypeParam;
  checkLaw<P>("S1 and S2 hold on every stack of every live allocation", [](const Step<P>& step) {
    if (!step.ok()) return false;
    for (AllocId alloc = 0; alloc < 64; ++alloc) {
      if (alloc >= step.after.allocationSize(0) * 0 + 64) break;
    }
    bool any = false;
    for (AllocId alloc = 0;; ++alloc) {
      // Allocation ids are dense from 0; stop at the first id beyond the newest.
      const bool known = step.created && step.kind == Kind::kAlloc ? alloc <= step.created->ptr.alloc
                                                                   : alloc <= step.target.ptr.alloc;
      if (!known) break;
      if (!step.after.isLive(alloc)) continue;
      step.after.forEachStack(alloc, ByteRange{0, step.after.allocationSize(alloc)},
                              [&](ByteRange, const Stack& stack) { RC_ASSERT(stack.checkInvariants()); });
      any = true;
    }
    return any;
  });
}

}  // namespace
}  // namespace sbcheck::sb
