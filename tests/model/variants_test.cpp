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

/// Up to about 100 operations; each field uniform over its whole range
/// (RapidCheck scales `inRange` by the size, which would hide the later kinds).
rc::Gen<std::vector<Op>> genOps() {
  return rc::gen::container<std::vector<Op>>(rc::gen::resize(100, genOp()));
}

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
  std::vector<Ref> pointers;     ///< every pointer made before the step
  std::size_t allocations = 0;   ///< allocation ids are 0 .. allocations-1 (after the step)

  /// Whether `alloc` existed and was live before the step.
  bool liveBefore(AllocId alloc) const {
    const bool existed = kind != Kind::kAlloc || !created || alloc != created->ptr.alloc;
    return existed && before.isLive(alloc);
  }

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
    law(Step<P>{before, model_, kind, ref, retag, cells, protect, ub, created, activeBefore, pointers_,
                allocCount_});
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
    for (AllocId alloc = 0; alloc < step.allocations; ++alloc) {
      if (!step.after.isLive(alloc)) continue;
      step.after.forEachStack(alloc, ByteRange{0, step.after.allocationSize(alloc)},
                              [&](ByteRange, const Stack& stack) { RC_ASSERT(stack.checkInvariants()); });
    }
    return true;
  });
}

TYPED_TEST(VariantLaws, ReadsAndWritesThroughAJustCreatedUniqueSucceed) {
  using P = TypeParam;
  checkLaw<P>("a fresh &mut is on top of every stack it covers", [](const Step<P>& step) {
    if (!step.ok() || step.kind != Kind::kRetag || step.retag != RetagKind::kUnique) return false;
    Model<P> model = step.after;
    RC_ASSERT(!model.access(AccessKind::Read, step.created->ptr, step.created->range));
    RC_ASSERT(!model.access(AccessKind::Write, step.created->ptr, step.created->range));
    return true;
  });
}

TYPED_TEST(VariantLaws, ReadsThroughAJustCreatedFrozenSharedReferenceSucceed) {
  using P = TypeParam;
  checkLaw<P>("a fresh frozen & can read", [](const Step<P>& step) {
    if (!step.ok() || step.kind != Kind::kRetag || step.retag != RetagKind::kShared || !step.cells.empty()) {
      return false;
    }
    Model<P> model = step.after;
    RC_ASSERT(!model.access(AccessKind::Read, step.created->ptr, step.created->range));
    return true;
  });
}

TYPED_TEST(VariantLaws, AfterAWriteTheSameTagReadsAgain) {
  using P = TypeParam;
  checkLaw<P>("write through t, then read through t", [](const Step<P>& step) {
    if (!step.ok() || step.kind != Kind::kWrite) return false;
    Model<P> model = step.after;
    RC_ASSERT(!model.access(AccessKind::Read, step.target.ptr, step.target.range));
    return true;
  });
}

TYPED_TEST(VariantLaws, RepeatingAnAccessChangesNothing) {
  using P = TypeParam;
  checkLaw<P>("accesses are idempotent", [](const Step<P>& step) {
    if (!step.ok() || !step.isAccess()) return false;
    Model<P> model = step.after;
    RC_ASSERT(!model.access(step.access(), step.target.ptr, step.target.range));
    const AllocId alloc = step.target.ptr.alloc;
    for (std::uint64_t at = 0; at < model.allocationSize(alloc); ++at) {
      RC_ASSERT(stackAt(model, alloc, at) == stackAt(step.after, alloc, at));
    }
    return true;
  });
}

/// Tags (other than Untagged) of the items on one byte that still grant something.
template <ModelPolicy P>
std::set<std::uint64_t> grantingTags(const Model<P>& model, AllocId alloc, std::uint64_t at) {
  std::set<std::uint64_t> tags;
  for (const Item& item : stackAt(model, alloc, at)) {
    if (!item.tag.untagged() && item.perm != Permission::Disabled) tags.insert(item.tag.id);
  }
  return tags;
}

TYPED_TEST(VariantLaws, RemovedItemsNeverGrant) {
  using P = TypeParam;
  checkLaw<P>("a tag gone from a byte never comes back there", [](const Step<P>& step) {
    if (!step.ok()) return false;
    bool removedSome = false;
    for (AllocId alloc = 0; alloc < step.allocations; ++alloc) {
      if (!step.liveBefore(alloc) || !step.after.isLive(alloc)) continue;
      for (std::uint64_t at = 0; at < step.after.allocationSize(alloc); ++at) {
        const auto before = grantingTags(step.before, alloc, at);
        for (std::uint64_t tag : grantingTags(step.after, alloc, at)) {
          const bool isNew = step.created && step.created->ptr.tag.id == tag;
          RC_ASSERT(before.count(tag) == 1 || isNew);
        }
      }
    }
    // And a pointer whose tag has no granting item on a byte cannot use it.
    for (const Ref& ref : step.pointers) {
      if (ref.ptr.tag.untagged() || !step.after.isLive(ref.ptr.alloc)) continue;
      for (std::uint64_t at = ref.range.begin; at < ref.range.end; ++at) {
        if (grantingTags(step.after, ref.ptr.alloc, at).count(ref.ptr.tag.id) != 0) continue;
        Model<P> model = step.after;
        const Outcome ub = model.access(AccessKind::Read, ref.ptr, ByteRange{at, at + 1});
        RC_ASSERT(ub.has_value());
        RC_ASSERT(ub->kind == UbKind::kNoGrantingItem);
        removedSome = true;
      }
    }
    return removedSome;
  });
}

TYPED_TEST(VariantLaws, AccessesLeaveTheGrantingItemAndEverythingBelowAlone) {
  using P = TypeParam;
  checkLaw<P>("step 2 only acts above the granting item", [](const Step<P>& step) {
    if (!step.ok() || !step.isAccess()) return false;
    for (std::uint64_t at = step.target.range.begin; at < step.target.range.end; ++at) {
      const auto before = stackAt(step.before, step.target.ptr.alloc, at);
      const auto after = stackAt(step.after, step.target.ptr.alloc, at);
      const auto g = asStack(before).findGranting(step.access(), step.target.ptr.tag);
      RC_ASSERT(g.has_value());
      RC_ASSERT(after.size() > *g);
      RC_ASSERT(std::equal(before.begin(), before.begin() + *g + 1, after.begin()));
    }
    return true;
  });
}

TYPED_TEST(VariantLaws, ReadsKeepSharedReadOnlyAbove) {
  // In every variant but sb2-strict a read removes (or disables) only Unique
  // items. sb2-strict pops instead, so there the law is the stack discipline:
  // a read leaves a prefix of the stack (an SRO above a Unique may go).
  using P = TypeParam;
  checkLaw<P>("reads keep shared items", [](const Step<P>& step) {
    if (!step.ok() || step.kind != Kind::kRead) return false;
    bool sawShared = false;
    for (std::uint64_t at = step.target.range.begin; at < step.target.range.end; ++at) {
      const auto before = stackAt(step.before, step.target.ptr.alloc, at);
      const auto after = stackAt(step.after, step.target.ptr.alloc, at);
      if constexpr (std::is_same_v<P, Sb2Strict>) {
        RC_ASSERT(after.size() <= before.size());
        RC_ASSERT(std::equal(after.begin(), after.end(), before.begin()));
        sawShared = sawShared || after.size() < before.size();
      } else {
        std::vector<Item> shared;
        for (const Item& item : before) {
          if (item.perm != Permission::Unique) shared.push_back(item);
        }
        std::vector<Item> sharedAfter;
        for (const Item& item : after) {
          if (item.perm != Permission::Unique) sharedAfter.push_back(item);
        }
        const auto newlyDisabled = std::count_if(after.begin(), after.end(), [](const Item& i) {
                                     return i.perm == Permission::Disabled;
                                   }) -
                                   std::count_if(before.begin(), before.end(), [](const Item& i) {
                                     return i.perm == Permission::Disabled;
                                   });
        if constexpr (std::is_same_v<P, Sb2Disable>) {
          RC_ASSERT(after.size() == before.size());  // nothing is removed, only disabled
        } else {
          RC_ASSERT(newlyDisabled == 0);
        }
        // The non-Unique items of `before`, in order, are among those of `after`.
        auto it = sharedAfter.begin();
        for (const Item& item : shared) {
          it = std::find(it, sharedAfter.end(), item);
          RC_ASSERT(it != sharedAfter.end());
          ++it;
        }
        sawShared = sawShared || std::any_of(before.begin(), before.end(), [](const Item& i) {
                      return i.perm == Permission::SharedReadOnly;
                    });
      }
    }
    return sawShared;
  });
}

TYPED_TEST(VariantLaws, WritesLeaveOnlySharedReadWriteAboveTheGranter) {
  using P = TypeParam;
  checkLaw<P>("after a write: nothing above a Unique granter, only SRW above an SRW one",
              [](const Step<P>& step) {
                if (!step.ok() || step.kind != Kind::kWrite) return false;
                bool removed = false;
                for (std::uint64_t at = step.target.range.begin; at < step.target.range.end; ++at) {
                  const auto before = stackAt(step.before, step.target.ptr.alloc, at);
                  const auto after = stackAt(step.after, step.target.ptr.alloc, at);
                  const std::size_t g = *asStack(before).findGranting(AccessKind::Write, step.target.ptr.tag);
                  if (before[g].perm == Permission::Unique) RC_ASSERT(after.size() == g + 1);
                  for (std::size_t i = g + 1; i < after.size(); ++i) {
                    RC_ASSERT(after[i].perm == Permission::SharedReadWrite);
                  }
                  removed = removed || after.size() < before.size();
                }
                return removed;
              });
}

TYPED_TEST(VariantLaws, ActivelyProtectedItemsSurviveEverySuccessfulStep) {
  using P = TypeParam;
  checkLaw<P>("protected items of running calls are never removed or disabled", [](const Step<P>& step) {
    if (!step.ok()) {
      if (step.ub->kind == UbKind::kProtectedItemRemoved || step.ub->kind == UbKind::kProtectedItemDeallocated) {
        RC_ASSERT(step.activeCalls.count(step.ub->item.protector) == 1);
      }
      return false;
    }
    bool sawProtected = false;
    for (AllocId alloc = 0; alloc < step.allocations; ++alloc) {
      if (!step.liveBefore(alloc)) continue;
      for (std::uint64_t at = 0; at < step.before.allocationSize(alloc); ++at) {
        const auto after = stackAt(step.after, alloc, at);
        for (const Item& item : stackAt(step.before, alloc, at)) {
          if (step.activeCalls.count(item.protector) == 0) continue;
          sawProtected = true;
          RC_ASSERT(step.after.isLive(alloc));  // a dealloc of it would have been UB
          RC_ASSERT(std::find(after.begin(), after.end(), item) != after.end());
        }
      }
    }
    return sawProtected;
  });
}

TYPED_TEST(VariantLaws, OperationsOnlyTouchTheirOwnBytes) {
  using P = TypeParam;
  checkLaw<P>("accesses and retags change no byte outside their range", [](const Step<P>& step) {
    if (!step.ok() || !(step.isAccess() || step.kind == Kind::kRetag)) return false;
    const AllocId alloc = step.target.ptr.alloc;
    bool outside = false;
    for (std::uint64_t at = 0; at < step.after.allocationSize(alloc); ++at) {
      if (at >= step.target.range.begin && at < step.target.range.end) continue;
      RC_ASSERT(stackAt(step.before, alloc, at) == stackAt(step.after, alloc, at));
      outside = true;
    }
    return outside;
  });
}

/// `sub` is `full` with some items inserted.
bool isSubsequence(const std::vector<Item>& sub, const std::vector<Item>& full) {
  auto it = full.begin();
  for (const Item& item : sub) {
    it = std::find(it, full.end(), item);
    if (it == full.end()) return false;
    ++it;
  }
  return true;
}

TYPED_TEST(VariantLaws, WeakRetagsRemoveNothing) {
  using P = TypeParam;
  checkLaw<P>("*mut, &cell, *const cell and two-phase cell only insert", [](const Step<P>& step) {
    if (!step.ok() || step.kind != Kind::kRetag) return false;
    const bool weak = step.retag == RetagKind::kRawMut ||
                      (step.retag != RetagKind::kUnique && step.cellsCoverRange());
    if (!weak) return false;
    for (std::uint64_t at = step.target.range.begin; at < step.target.range.end; ++at) {
      const auto before = stackAt(step.before, step.target.ptr.alloc, at);
      const auto after = stackAt(step.after, step.target.ptr.alloc, at);
      RC_ASSERT(isSubsequence(before, after));
      RC_ASSERT(after.size() <= before.size() + 2);
    }
    return true;
  });
}

TYPED_TEST(VariantLaws, StrongRetagsPushTheNewItemOnTop) {
  using P = TypeParam;
  checkLaw<P>("&mut, frozen & and frozen *const end on top", [](const Step<P>& step) {
    if (!step.ok() || step.kind != Kind::kRetag || !step.cells.empty()) return false;
    Permission perm = Permission::Unique;
    switch (step.retag) {
      case RetagKind::kUnique: perm = Permission::Unique; break;
      case RetagKind::kShared:
      case RetagKind::kRawConst: perm = Permission::SharedReadOnly; break;
      case RetagKind::kTwoPhase:
      case RetagKind::kRawMut: return false;
    }
    const Tag tag = step.created->ptr.tag;
    if constexpr (!P::kTaggedRawPointers) {
      if (step.retag == RetagKind::kRawConst) RC_ASSERT(tag.untagged());
    }
    if (step.retag != RetagKind::kRawConst || P::kTaggedRawPointers) RC_ASSERT(!tag.untagged());
    for (std::uint64_t at = step.target.range.begin; at < step.target.range.end; ++at) {
      const auto after = stackAt(step.after, step.target.ptr.alloc, at);
      RC_ASSERT(!after.empty());
      RC_ASSERT(after.back().tag == tag);
      RC_ASSERT(after.back().perm == perm);
      RC_ASSERT((after.back().protector != kNoCall) == step.protect);
    }
    return true;
  });
}

TYPED_TEST(VariantLaws, EveryUseOfAFreedAllocationButACopyIsUseAfterFree) {
  using P = TypeParam;
  checkLaw<P>("use after free", [](const Step<P>& step) {
    const bool pointerOp = step.kind != Kind::kAlloc && step.kind != Kind::kCall && step.kind != Kind::kRet;
    if (!pointerOp || step.liveBefore(step.target.ptr.alloc)) return false;
    if (step.kind == Kind::kCopy) {
      RC_ASSERT(step.ok());
    } else {
      RC_ASSERT(!step.ok());
      RC_ASSERT(step.ub->kind == UbKind::kUseAfterFree);
    }
    return true;
  });
}

TYPED_TEST(VariantLaws, DeallocFreesOnlyWhenEveryByteGrantsAWrite) {
  using P = TypeParam;
  checkLaw<P>("dealloc needs a write-granting item on every byte", [](const Step<P>& step) {
    if (step.kind != Kind::kDealloc || !step.liveBefore(step.target.ptr.alloc)) return false;
    const AllocId alloc = step.target.ptr.alloc;
    bool everyByte = true;
    bool protectedItem = false;
    for (std::uint64_t at = 0; at < step.before.allocationSize(alloc); ++at) {
      const auto before = stackAt(step.before, alloc, at);
      everyByte = everyByte && asStack(before).findGranting(AccessKind::Write, step.target.ptr.tag).has_value();
      for (const Item& item : before) protectedItem = protectedItem || step.activeCalls.count(item.protector) == 1;
    }
    RC_ASSERT(step.ok() == (everyByte && !protectedItem));
    if (step.ok()) RC_ASSERT(!step.after.isLive(alloc));
    return step.ok();
  });
}

}  // namespace
}  // namespace sbcheck::sb
