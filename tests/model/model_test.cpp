// The whole model through its public seam (`AnyModel::create`, `Model<P>`):
// allocations, sb2.md's retag table, two-phase borrows, protectors, dealloc,
// use after free, out of bounds; then the seed's five examples (sb2.md "What
// this implies") and, for each variant, scenarios where its verdict differs.
#include "model/sb/model.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "tests/model/script.hpp"

namespace sbcheck::sb {
namespace {

using namespace script;

constexpr std::string_view kSb2 = "sb2";

/// Asserts that `script` stopped at `line` with UB of `kind`.
void expectUbAt(const Script& script, int line, UbKind kind) {
  EXPECT_EQ(script.ubLine(), line);
  if (script.ub()) {
    EXPECT_EQ(script.ub()->kind, kind) << ::testing::PrintToString(*script.ub());
  }
}

void expectNoUb(const Script& script) {
  EXPECT_EQ(script.ubLine(), std::nullopt)
      << (script.ub() ? ::testing::PrintToString(*script.ub()) : std::string());
}

// ---- The factory -----------------------------------------------------------

TEST(Factory, NamesAreTheFiveVariantsInTableOrder) {
  const std::vector<std::string_view> names(AnyModel::names().begin(), AnyModel::names().end());
  EXPECT_EQ(names, (std::vector<std::string_view>{"sb2", "sb2-stackwrite", "sb2-disable", "sb2-strict",
                                                  "sb2-tagged-raw"}));
  for (std::string_view name : names) {
    const auto model = AnyModel::create(name);
    ASSERT_NE(model, nullptr) << name;
    EXPECT_EQ(model->name(), name);
  }
}

TEST(Factory, UnknownNamesMakeNoModel) {
  EXPECT_EQ(AnyModel::create("sb1"), nullptr);
  EXPECT_EQ(AnyModel::create(""), nullptr);
  EXPECT_EQ(AnyModel::create("SB2"), nullptr);
}

TEST(Factory, TheTemplateIsTheSameModel) {
  Model<Sb2Strict> model;
  EXPECT_EQ(model.name(), "sb2-strict");
  const Pointer x = model.allocate(2, false);
  EXPECT_FALSE(model.access(AccessKind::Write, x, ByteRange{0, 2}));
}

// ---- Allocations -------------------------------------------------------------

TEST(Allocation, AStackLocalStartsAsAUniqueOfAFreshTag) {
  for (std::string_view name : AnyModel::names()) {
    SCOPED_TRACE(std::string(name));
    Script s(name);
    const Ref x = s.alloc(4);
    const Ref y = s.alloc(2);
    EXPECT_FALSE(x.tag().untagged());
    EXPECT_FALSE(y.tag().untagged());
    EXPECT_NE(x.tag(), y.tag());
    EXPECT_NE(x.ptr.alloc, y.ptr.alloc);
    for (std::uint64_t i = 0; i < 4; ++i) EXPECT_EQ(s.stackAt(x, i), (Items{uniq(x.tag())}));
    EXPECT_TRUE(s.model().isLive(x.ptr.alloc));
    EXPECT_EQ(s.model().allocationSize(x.ptr.alloc), 4u);
    EXPECT_EQ(s.model().allocationSize(y.ptr.alloc), 2u);
  }
}

TEST(Allocation, HeapMemoryStartsAsAUniqueOfUntaggedInEveryVariant) {
  // sb2.md: "Untagged for heap/static memory"; sb2-tagged-raw: "untagged
  // allocations keep their Untagged base".
  for (std::string_view name : AnyModel::names()) {
    SCOPED_TRACE(std::string(name));
    Script s(name);
    const Ref h = s.alloc(3, /*untagged=*/true);
    EXPECT_TRUE(h.tag().untagged());
    for (std::uint64_t i = 0; i < 3; ++i) EXPECT_EQ(s.stackAt(h, i), (Items{uniq(kUntagged)}));
    s.write(h);
    s.read(h);
    expectNoUb(s);
  }
}

// ---- Retag: sb2.md's table ---------------------------------------------------

TEST(Retag, MutableReferenceIsAStrongUnique) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref r = s.shared(x);
  const Ref m = s.mut(x);  // the implied write removes the SRO of r
  expectNoUb(s);
  EXPECT_FALSE(m.tag().untagged());
  EXPECT_NE(m.tag(), x.tag());
  EXPECT_EQ(s.stackAt(x, 0), (Items{uniq(x.tag()), uniq(m.tag())}));
  EXPECT_EQ(s.stackAt(x, 3), (Items{uniq(x.tag()), uniq(m.tag())}));
  const int line = s.read(r);
  expectUbAt(s, line, UbKind::kNoGrantingItem);
}

TEST(Retag, SharedReferenceOutsideCellIsAStrongSharedReadOnly) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref m = s.mut(x);
  const Ref r = s.shared(x);  // the implied read through x removes m's Unique
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(x, 0), (Items{uniq(x.tag()), sro(r.tag())}));
  s.read(r);
  expectNoUb(s);
  const int line = s.write(m);
  expectUbAt(s, line, UbKind::kNoGrantingItem);
}

TEST(Retag, SharedReferenceInsideCellIsAWeakSharedReadWrite) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref m = s.mut(x);
  const Ref c = s.sharedCell(x);  // inserted directly above x's Unique, m stays
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(x, 2), (Items{uniq(x.tag()), srw(c.tag()), uniq(m.tag())}));
  s.write(m);
  s.write(c);  // granted by its SRW; removes m's Unique above it
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(x, 2), (Items{uniq(x.tag()), srw(c.tag())}));
}

TEST(Retag, SharedReferenceIsFrozenSensitiveByteByByte) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref m = s.mut(x);
  const Ref r = s.shared(x, Let{{ByteRange{2, 4}}});
  expectNoUb(s);
  for (std::uint64_t i : {0, 1}) EXPECT_EQ(s.stackAt(x, i), (Items{uniq(x.tag()), sro(r.tag())})) << i;
  for (std::uint64_t i : {2, 3}) {
    EXPECT_EQ(s.stackAt(x, i), (Items{uniq(x.tag()), srw(r.tag()), uniq(m.tag())})) << i;
  }
  s.write(m.at(2, 4));
  s.write(r.at(2, 4));
  expectNoUb(s);
  const int line = s.write(r.at(0, 2));  // SharedReadOnly grants no write
  expectUbAt(s, line, UbKind::kNoGrantingItem);
  EXPECT_EQ(s.ub()->offset, 0u);
}

TEST(Retag, SeveralCellRangesAlternate) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref r = s.shared(x, Let{{ByteRange{0, 1}, ByteRange{2, 3}}});
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(x, 0), (Items{uniq(x.tag()), srw(r.tag())}));
  EXPECT_EQ(s.stackAt(x, 1), (Items{uniq(x.tag()), sro(r.tag())}));
  EXPECT_EQ(s.stackAt(x, 2), (Items{uniq(x.tag()), srw(r.tag())}));
  EXPECT_EQ(s.stackAt(x, 3), (Items{uniq(x.tag()), sro(r.tag())}));
}

TEST(Retag, RawMutIsAWeakUntaggedSharedReadWrite) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref m = s.mut(x);
  const Ref p = s.rawMut(x);
  expectNoUb(s);
  EXPECT_TRUE(p.tag().untagged());
  EXPECT_EQ(s.stackAt(x, 1), (Items{uniq(x.tag()), srw(kUntagged), uniq(m.tag())}));
}

TEST(Retag, RawConstIsLikeASharedReferenceButUntagged) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref m = s.mut(x);
  const Ref q = s.rawConst(x, Let{{ByteRange{3, 4}}});
  expectNoUb(s);
  EXPECT_TRUE(q.tag().untagged());
  EXPECT_EQ(s.stackAt(x, 0), (Items{uniq(x.tag()), sro(kUntagged)}));
  EXPECT_EQ(s.stackAt(x, 3), (Items{uniq(x.tag()), srw(kUntagged), uniq(m.tag())}));
}

TEST(Retag, RawMutFromAFrozenReferenceIsUb) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref r = s.shared(x);
  s.rawMut(r);
  expectUbAt(s, s.line(), UbKind::kNoGrantingItem);
  EXPECT_EQ(s.ub()->op, Operation::kRetag);
  EXPECT_EQ(s.ub()->retag, RetagKind::kRawMut);
  EXPECT_EQ(s.ub()->access, AccessKind::Write);
}

TEST(Retag, MutableReferenceFromAFrozenReferenceIsUb) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref r = s.shared(x);
  s.mut(r);
  expectUbAt(s, s.line(), UbKind::kNoGrantingItem);
  EXPECT_EQ(s.ub()->op, Operation::kRetag);
  EXPECT_EQ(s.ub()->retag, RetagKind::kUnique);
}

TEST(Retag, RepeatedRawCastsAreDeduplicated) {
  Script s(kSb2);
  const Ref x = s.alloc(2);
  s.rawMut(x);
  s.rawMut(x);  // SRW(Untagged) would land directly below an equal item
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(x, 0), (Items{uniq(x.tag()), srw(kUntagged)}));
  Script t(kSb2);
  const Ref y = t.alloc(2);
  t.rawConst(y);
  t.rawConst(y);  // SRO(Untagged) pushed onto an equal top
  expectNoUb(t);
  EXPECT_EQ(t.stackAt(y, 1), (Items{uniq(y.tag()), sro(kUntagged)}));
}

TEST(Retag, NewTagsAreFreshAndNeverReused) {
  Script s(kSb2);
  const Ref x = s.alloc(2);
  std::set<std::uint64_t> seen{x.tag().id};
  Ref last = x;
  for (int i = 0; i < 5; ++i) {
    last = s.mut(last);
    EXPECT_TRUE(seen.insert(last.tag().id).second);
    const Ref r = s.shared(last);
    EXPECT_TRUE(seen.insert(r.tag().id).second);
    const Ref other = s.alloc(1);
    EXPECT_TRUE(seen.insert(other.tag().id).second);
  }
  expectNoUb(s);
  EXPECT_EQ(seen.count(0), 0u);
}

TEST(Retag, OnlyTheRetaggedBytesChange) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref m = s.mut(x.at(1, 3));
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(x, 0), (Items{uniq(x.tag())}));
  EXPECT_EQ(s.stackAt(x, 1), (Items{uniq(x.tag()), uniq(m.tag())}));
  EXPECT_EQ(s.stackAt(x, 2), (Items{uniq(x.tag()), uniq(m.tag())}));
  EXPECT_EQ(s.stackAt(x, 3), (Items{uniq(x.tag())}));
  const int line = s.read(m.at(0, 4));  // m's tag has no item on byte 0
  expectUbAt(s, line, UbKind::kNoGrantingItem);
  EXPECT_EQ(s.ub()->offset, 0u);
}

TEST(Retag, AccessReportsTheFirstFailingByte) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref m = s.mut(x.at(0, 2));
  const int line = s.write(m.at(0, 4));
  expectUbAt(s, line, UbKind::kNoGrantingItem);
  EXPECT_EQ(s.ub()->offset, 2u);
  EXPECT_EQ(s.ub()->tag, m.tag());
  EXPECT_EQ(s.ub()->access, AccessKind::Write);
  EXPECT_EQ(s.ub()->op, Operation::kAccess);
}

// ---- Two-phase borrows -------------------------------------------------------

TEST(TwoPhase, FrozenReGrantPushesASharedReadOnlyOfTheParent) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  const Ref p = s.shared(x);
  const Ref n = s.twoPhase(x);
  expectNoUb(s);
  // Unique(N) directly above x's write granter, p's SRO kept, then SRO(x) on top.
  EXPECT_EQ(s.stackAt(b, 0), (Items{uniq(b.tag()), uniq(x.tag()), uniq(n.tag()), sro(p.tag()), sro(x.tag())}));
  s.read(p);
  s.read(x);
  s.write(n);  // the first write through N removes everything above it
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(b, 0), (Items{uniq(b.tag()), uniq(x.tag()), uniq(n.tag())}));
  const int line = s.read(p);
  expectUbAt(s, line, UbKind::kNoGrantingItem);
}

TEST(TwoPhase, FrozenReGrantLetsTheParentReadButNotWrite) {
  // A write through x is granted by x's Unique below N, which removes N.
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  const Ref n = s.twoPhase(x);
  s.write(x);
  expectNoUb(s);
  const int line = s.write(n);
  expectUbAt(s, line, UbKind::kNoGrantingItem);
}

TEST(TwoPhase, CellReGrantInsertsASharedReadWriteOfTheParentAboveN) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  const Ref p = s.shared(x);
  const Ref n = s.twoPhase(x, Let{{x.range}});
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(b, 3), (Items{uniq(b.tag()), uniq(x.tag()), uniq(n.tag()), srw(x.tag()), sro(p.tag())}));
  s.write(x);  // granted by the re-granted SRW(x), above N: N stays
  s.write(n);
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(b, 3), (Items{uniq(b.tag()), uniq(x.tag()), uniq(n.tag())}));
}

TEST(TwoPhase, CellRangesSplitTheReGrant) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  const Ref n = s.twoPhase(x, Let{{ByteRange{2, 4}}});
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(b, 1), (Items{uniq(b.tag()), uniq(x.tag()), uniq(n.tag()), sro(x.tag())}));
  EXPECT_EQ(s.stackAt(b, 2), (Items{uniq(b.tag()), uniq(x.tag()), uniq(n.tag()), srw(x.tag())}));
}

TEST(TwoPhase, ReGrantNeverCarriesAProtector) {
  Script s(kSb2);
  const Ref b = s.alloc(2);
  const Ref x = s.mut(b);
  s.call();
  const Ref n = s.twoPhase(x, Let{{}, /*protect=*/true});
  const Ref c = s.twoPhase(n, Let{{n.range}, /*protect=*/true});
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(b, 0), (Items{uniq(b.tag()), uniq(x.tag()), uniq(n.tag(), kSomeCall), uniq(c.tag(), kSomeCall),
                                   srw(n.tag()), sro(x.tag())}));
}

TEST(TwoPhase, FrozenReGrantReadsThroughNAndCanBeUb) {
  // The strong SRO(x) re-grant reads through N, which removes the protected
  // Unique of m above it.
  Script s(kSb2);
  const Ref b = s.alloc(2);
  const Ref x = s.mut(b);
  s.call();
  s.mut(x, Let{{}, /*protect=*/true});
  s.twoPhase(x);
  expectUbAt(s, s.line(), UbKind::kProtectedItemRemoved);
  EXPECT_EQ(s.ub()->op, Operation::kTwoPhaseRegrant);
  EXPECT_EQ(s.ub()->retag, RetagKind::kTwoPhase);
}

TEST(TwoPhase, CellReGrantIsWeakAndRemovesNothing) {
  Script s(kSb2);
  const Ref b = s.alloc(2);
  const Ref x = s.mut(b);
  s.call();
  const Ref m = s.mut(x, Let{{}, /*protect=*/true});
  const Ref n = s.twoPhase(x, Let{{x.range}});
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(b, 0),
            (Items{uniq(b.tag()), uniq(x.tag()), uniq(n.tag()), srw(x.tag()), uniq(m.tag(), kSomeCall)}));
}

TEST(TwoPhase, TheRetagRunsOnEveryByteBeforeTheReGrant) {
  // Bytes 0..2: x has an SRW with a protected Unique above; bytes 2..4: x is
  // only SRO. The Unique(N) phase fails at byte 2 before any re-grant (whose
  // read through N would remove the protected Unique) runs at byte 0 —
  // whether or not the re-grant's cell ranges split the retag into pieces.
  for (const std::vector<ByteRange>& cells : {std::vector<ByteRange>{}, std::vector<ByteRange>{{2, 4}}}) {
    SCOPED_TRACE(cells.size());
    Script s(kSb2);
    const Ref b = s.alloc(4);
    const Ref x = s.shared(b, Let{{ByteRange{0, 2}}});
    s.call();
    s.mut(x.at(0, 2), Let{{}, /*protect=*/true});
    s.twoPhase(x, Let{cells});
    expectUbAt(s, s.line(), UbKind::kNoGrantingItem);
    EXPECT_EQ(s.ub()->op, Operation::kRetag);
    EXPECT_EQ(s.ub()->offset, 2u);
  }
}

// ---- Protectors ------------------------------------------------------------

TEST(Protector, RemovingAProtectedItemDuringItsCallIsUb) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  s.call();
  const Ref a = s.mut(x, Let{{}, /*protect=*/true});
  const int line = s.write(x);
  expectUbAt(s, line, UbKind::kProtectedItemRemoved);
  EXPECT_EQ(s.ub()->item.tag, a.tag());
  EXPECT_NE(s.ub()->item.protector, kNoCall);
  EXPECT_EQ(s.ub()->item.perm, Permission::Unique);
}

TEST(Protector, AfterReturnTheItemMayGo) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  s.call();
  const Ref a = s.mut(x, Let{{}, /*protect=*/true});
  s.write(a);
  s.ret();
  s.write(x);
  expectNoUb(s);
  const int line = s.read(a);
  expectUbAt(s, line, UbKind::kNoGrantingItem);
}

TEST(Protector, AnOuterCallStillProtectsDuringAnInnerOne) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  s.call();
  s.mut(x, Let{{}, /*protect=*/true});
  s.call();
  const int line = s.read(x);  // a read removes the Unique too
  expectUbAt(s, line, UbKind::kProtectedItemRemoved);
}

TEST(Protector, TheProtectorIsTheInnermostCall) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  s.call();
  s.call();
  s.mut(x, Let{{}, /*protect=*/true});
  s.ret();  // the inner call, which protected the item, is over
  s.write(x);
  expectNoUb(s);
}

TEST(Protector, AProtectedSharedReferenceAllowsReadsButNotWrites) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  s.call();
  s.shared(x, Let{{}, /*protect=*/true});
  s.read(x);
  expectNoUb(s);
  const int line = s.write(x);
  expectUbAt(s, line, UbKind::kProtectedItemRemoved);
}

TEST(Protector, AnUnprotectedArgumentCanBeInvalidated) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  s.call();
  const Ref a = s.mut(x);
  s.write(x);
  expectNoUb(s);
  const int line = s.write(a);
  expectUbAt(s, line, UbKind::kNoGrantingItem);
}

TEST(Protector, ReturnNeedsAnOpenFrame) {
  const auto model = AnyModel::create(kSb2);
  EXPECT_FALSE(model->ret());
  model->call();
  model->call();
  EXPECT_TRUE(model->ret());
  EXPECT_TRUE(model->ret());
  EXPECT_FALSE(model->ret());
}

// ---- Deallocation ------------------------------------------------------------

TEST(Dealloc, ThroughTheBaseFreesTheAllocation) {
  Script s(kSb2);
  const Ref h = s.alloc(4, /*untagged=*/true);
  const Ref other = s.alloc(2);
  s.dealloc(h);
  expectNoUb(s);
  EXPECT_FALSE(s.model().isLive(h.ptr.alloc));
  EXPECT_TRUE(s.model().isLive(other.ptr.alloc));
  EXPECT_EQ(s.model().allocationSize(h.ptr.alloc), 4u);
  s.write(other);
  expectNoUb(s);
}

TEST(Dealloc, EveryByteOfTheAllocationNeedsAWriteGrantingItem) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref m = s.mut(x.at(0, 2));
  const int line = s.dealloc(m);  // bytes 2..4 have no item for m
  expectUbAt(s, line, UbKind::kNoGrantingItem);
  EXPECT_EQ(s.ub()->op, Operation::kDealloc);
  EXPECT_EQ(s.ub()->offset, 2u);
  EXPECT_TRUE(s.model().isLive(x.ptr.alloc));
}

TEST(Dealloc, ASharedReadOnlyCannotDeallocate) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  const Ref r = s.shared(x);
  const int line = s.dealloc(r);
  expectUbAt(s, line, UbKind::kNoGrantingItem);
  EXPECT_EQ(s.ub()->access, AccessKind::Write);
}

TEST(Dealloc, ThroughARawPointerOfTheWholeAllocation) {
  Script s(kSb2);
  const Ref h = s.alloc(4, /*untagged=*/true);
  const Ref m = s.mut(h);
  const Ref p = s.rawMut(m);
  s.dealloc(p);
  expectNoUb(s);
  EXPECT_FALSE(s.model().isLive(h.ptr.alloc));
}

TEST(Dealloc, DeallocRemovesItemsAboveTheGranterWithoutAccessRules) {
  // Granted by x's Unique at the bottom; the SRO and Unique above just go.
  Script s(kSb2);
  const Ref x = s.alloc(2);
  const Ref m = s.mut(x);
  s.shared(m);
  s.dealloc(x);
  expectNoUb(s);
}

TEST(Dealloc, AProtectedItemMakesItUb) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  s.call();
  s.mut(x, Let{{}, /*protect=*/true});
  const int line = s.dealloc(x);
  expectUbAt(s, line, UbKind::kProtectedItemDeallocated);
  EXPECT_EQ(s.ub()->op, Operation::kDealloc);
  EXPECT_TRUE(s.model().isLive(b.ptr.alloc));
}

TEST(Dealloc, EvenThroughTheProtectedPointerItself) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  s.call();
  const Ref a = s.mut(b, Let{{}, /*protect=*/true});
  const int line = s.dealloc(a);
  expectUbAt(s, line, UbKind::kProtectedItemDeallocated);
  EXPECT_EQ(s.ub()->item.tag, a.tag());
}

TEST(Dealloc, AProtectedItemOnAnyByteMakesItUb) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  s.call();
  s.shared(b.at(3, 4), Let{{}, /*protect=*/true});
  const int line = s.dealloc(b);
  expectUbAt(s, line, UbKind::kProtectedItemDeallocated);
  EXPECT_EQ(s.ub()->offset, 3u);
}

TEST(Dealloc, AfterTheCallReturnsItIsFine) {
  Script s(kSb2);
  const Ref b = s.alloc(4);
  s.call();
  s.mut(b, Let{{}, /*protect=*/true});
  s.ret();
  s.dealloc(b);
  expectNoUb(s);
}

// ---- Use after free and out of bounds ------------------------------------------

TEST(UseAfterFree, AccessesRetagsAndDeallocsAreUb) {
  struct Use {
    const char* what;
    Operation op;
    int (*run)(Script&, const Ref&);
  };
  const Use uses[] = {
      {"read", Operation::kAccess, [](Script& s, const Ref& p) { return s.read(p); }},
      {"write", Operation::kAccess, [](Script& s, const Ref& p) { return s.write(p); }},
      {"&mut", Operation::kRetag, [](Script& s, const Ref& p) { s.mut(p); return s.line(); }},
      {"two-phase", Operation::kRetag, [](Script& s, const Ref& p) { s.twoPhase(p); return s.line(); }},
      {"&", Operation::kRetag, [](Script& s, const Ref& p) { s.shared(p); return s.line(); }},
      {"*mut", Operation::kRetag, [](Script& s, const Ref& p) { s.rawMut(p); return s.line(); }},
      {"*const", Operation::kRetag, [](Script& s, const Ref& p) { s.rawConst(p); return s.line(); }},
      {"dealloc", Operation::kDealloc, [](Script& s, const Ref& p) { return s.dealloc(p); }},
  };
  for (const Use& use : uses) {
    SCOPED_TRACE(use.what);
    Script s(kSb2);
    const Ref h = s.alloc(4, /*untagged=*/true);
    const Ref m = s.mut(h);  // a second pointer into the same allocation
    s.dealloc(h);
    expectNoUb(s);
    const int line = use.run(s, m.at(1, 2));
    expectUbAt(s, line, UbKind::kUseAfterFree);
    EXPECT_EQ(s.ub()->op, use.op);
  }
}

TEST(UseAfterFree, CopyingAFreedPointerIsNotUb) {
  Script s(kSb2);
  const Ref h = s.alloc(4, /*untagged=*/true);
  const Ref m = s.mut(h);
  s.dealloc(h);
  s.copy(m);
  s.copy(h.at(2, 4));
  expectNoUb(s);
  const int line = s.copy(h.at(2, 5));  // still out of bounds, freed or not
  expectUbAt(s, line, UbKind::kOutOfBounds);
}

TEST(OutOfBounds, AccessesRetagsAndCopiesBeyondTheEnd) {
  for (int which = 0; which < 4; ++which) {
    SCOPED_TRACE(which);
    Script s(kSb2);
    const Ref x = s.alloc(4);
    const Ref beyond = x.at(2, 5);
    int line = 0;
    switch (which) {
      case 0: line = s.read(beyond); break;
      case 1: line = s.write(beyond); break;
      case 2: s.mut(beyond); line = s.line(); break;
      case 3: line = s.copy(beyond); break;
    }
    expectUbAt(s, line, UbKind::kOutOfBounds);
  }
}

TEST(OutOfBounds, TheLastByteIsInBounds) {
  Script s(kSb2);
  const Ref x = s.alloc(4);
  s.write(x.at(3, 4));
  s.copy(x.at(0, 4));
  const Ref m = s.mut(x.at(3, 4));
  s.read(m);
  expectNoUb(s);
}

// ---- The seed's examples (sb2.md "What this implies") ------------------------

enum class Verdict { kOk, kUbAtLastStep };

using Scenario = Script (*)(std::string_view model);

/// Runs `scenario` under each variant and checks its verdict: no UB at all,
/// or the first UB exactly at the scenario's last step.
void expectVerdicts(Scenario scenario, std::initializer_list<std::pair<std::string_view, Verdict>> expected) {
  for (const auto& [model, verdict] : expected) {
    SCOPED_TRACE(std::string(model));
    const Script s = scenario(model);
    if (verdict == Verdict::kOk) {
      expectNoUb(s);
    } else {
      EXPECT_EQ(s.ubLine(), s.line()) << "expected UB at the last step";
    }
  }
}

void expectVerdictEverywhere(Scenario scenario, Verdict verdict) {
  for (std::string_view model : AnyModel::names()) expectVerdicts(scenario, {{model, verdict}});
}

/// `foo(a, y)`: `*a = 1; let _b = &*a; let _val = unsafe { *y };`
Script fooScenario(std::string_view model) {
  Script s(model);
  const Ref local = s.alloc(4);               // 0u32
  const Ref x = s.mut(local);                 // let x = &mut 0u32
  const Ref p = s.rawMut(x);                  // let p = x as *mut u32
  s.call();                                   // foo(x, p)
  const Ref a = s.mut(x, Let{{}, true});      // Retag(a)
  s.write(a);                                 // *a = 1
  s.shared(a);                                // let _b = &*a
  s.read(p);                                  // unsafe { *y }
  return s;
}

TEST(SeedExamples, FooReadThroughUntaggedAfterSharedReborrowIsUb) {
  Script s = fooScenario("sb2");
  expectUbAt(s, s.line(), UbKind::kNoGrantingItem);
  EXPECT_TRUE(s.ub()->tag.untagged());
  EXPECT_EQ(s.ub()->access, AccessKind::Read);
  expectVerdictEverywhere(fooScenario, Verdict::kUbAtLastStep);
}

TEST(SeedExamples, FooStacksAreTheSeedsComments) {
  Script s("sb2");
  const Ref local = s.alloc(4);
  const Ref x = s.mut(local);
  s.rawMut(x);
  // Stack: [ (0: Unique), (Untagged: SharedReadWrite) ]
  EXPECT_EQ(s.stackAt(local, 0), (Items{uniq(local.tag()), uniq(x.tag()), srw(kUntagged)}));
  s.call();
  const Ref a = s.mut(x, Let{{}, true});
  // Stack: [ (0: Unique), (1: Unique) ]
  EXPECT_EQ(s.stackAt(local, 0), (Items{uniq(local.tag()), uniq(x.tag()), uniq(a.tag(), kSomeCall)}));
  s.write(a);
  const Ref b = s.shared(a);
  // Stack: [ (0: Unique), (1: Unique), (2: SharedReadOnly) ]
  EXPECT_EQ(s.stackAt(local, 0),
            (Items{uniq(local.tag()), uniq(x.tag()), uniq(a.tag(), kSomeCall), sro(b.tag())}));
  expectNoUb(s);
}

/// `test(x: &mut [i32])`: `let raw = x.as_mut_ptr(); let _val = x[I]; *raw`.
Script sliceScenario(std::string_view model, std::uint64_t index) {
  Script s(model);
  const Ref slice = s.alloc(8);                   // [i32; 2]
  s.call();                                       // test(x)
  const Ref x = s.mut(slice, Let{{}, true});      // the argument
  const Ref tmp = s.mut(x);                       // as_mut_ptr(&mut *x)
  const Ref raw = s.rawMut(tmp);                  // let raw = ...
  s.read(x.at(4 * index, 4 * index + 4));        // let _val = x[index]
  s.read(raw.at(0, 4));                           // *raw
  return s;
}
Script sliceAsWritten(std::string_view model) { return sliceScenario(model, 1); }
Script sliceOverlapping(std::string_view model) { return sliceScenario(model, 0); }

TEST(SeedExamples, SliceAsWrittenTouchesDifferentBytesSoEveryVariantAccepts) {
  expectVerdictEverywhere(sliceAsWritten, Verdict::kOk);
}

TEST(SeedExamples, SliceOverlappingReadKeepsTheRawPointersSharedReadWrite) {
  Script s("sb2");
  const Ref slice = s.alloc(8);
  s.call();
  const Ref x = s.mut(slice, Let{{}, true});
  const Ref tmp = s.mut(x);
  s.rawMut(tmp);
  // [ ..., (x: Unique), (_: Unique), (Untagged: SharedReadWrite) ]
  EXPECT_EQ(s.stackAt(slice, 0),
            (Items{uniq(slice.tag()), uniq(x.tag(), kSomeCall), uniq(tmp.tag()), srw(kUntagged)}));
  s.read(x.at(0, 4));
  // "line 2 in the above program removes _: Unique but keeps Untagged: SharedReadWrite"
  EXPECT_EQ(s.stackAt(slice, 0), (Items{uniq(slice.tag()), uniq(x.tag(), kSomeCall), srw(kUntagged)}));
  expectNoUb(s);
  expectVerdicts(sliceOverlapping, {{"sb2", Verdict::kOk},
                                    {"sb2-stackwrite", Verdict::kOk},
                                    {"sb2-disable", Verdict::kOk},
                                    {"sb2-strict", Verdict::kUbAtLastStep},
                                    {"sb2-tagged-raw", Verdict::kOk}});
}

/// `raw1 / tmp / raw2`, optionally reading through `tmp` at the end.
Script rawChainScenario(std::string_view model, bool readTmp) {
  Script s(model);
  const Ref local = s.alloc(4);
  const Ref x = s.mut(local);        // let x = &mut 0
  const Ref raw1 = s.rawMut(x);      // let raw1 = x as *mut _
  const Ref tmp = s.mut(raw1);       // let tmp = &mut *raw1
  const Ref raw2 = s.rawMut(tmp);    // let raw2 = tmp as *mut _
  s.write(raw1);                     // *raw1 = 1
  s.read(raw2);                      // let _val = *raw2
  if (readTmp) s.read(tmp);
  return s;
}
Script rawChain(std::string_view model) { return rawChainScenario(model, false); }
Script rawChainThenTmp(std::string_view model) { return rawChainScenario(model, true); }

TEST(SeedExamples, RawChainReadThroughRaw2IsAccepted) {
  expectVerdictEverywhere(rawChain, Verdict::kOk);
}

TEST(SeedExamples, RawChainWriteThroughUntaggedRaw1RemovesNothingInSb2) {
  // Both raw pointers are Untagged, so raw2's item (above tmp) grants the write.
  Script s("sb2");
  const Ref local = s.alloc(4);
  const Ref x = s.mut(local);
  const Ref raw1 = s.rawMut(x);
  const Ref tmp = s.mut(raw1);
  s.rawMut(tmp);
  const Items before{uniq(local.tag()), uniq(x.tag()), srw(kUntagged), uniq(tmp.tag()), srw(kUntagged)};
  EXPECT_EQ(s.stackAt(local, 0), before);
  s.write(raw1);
  EXPECT_EQ(s.stackAt(local, 0), before);
  expectNoUb(s);
}

TEST(SeedExamples, RawChainWithTaggedRawPointersRemovesTmpKeepsRaw2) {
  Script s("sb2-tagged-raw");
  const Ref local = s.alloc(4);
  const Ref x = s.mut(local);
  const Ref raw1 = s.rawMut(x);
  const Ref tmp = s.mut(raw1);
  const Ref raw2 = s.rawMut(tmp);
  EXPECT_FALSE(raw1.tag().untagged());
  EXPECT_FALSE(raw2.tag().untagged());
  EXPECT_NE(raw1.tag(), raw2.tag());
  EXPECT_EQ(s.stackAt(local, 0),
            (Items{uniq(local.tag()), uniq(x.tag()), srw(raw1.tag()), uniq(tmp.tag()), srw(raw2.tag())}));
  s.write(raw1);
  // "This will invalidate tmp, but not raw2."
  EXPECT_EQ(s.stackAt(local, 0), (Items{uniq(local.tag()), uniq(x.tag()), srw(raw1.tag()), srw(raw2.tag())}));
  expectNoUb(s);
}

/// `two_phase_overlapping1`: `let p = &x; x.push(p.len())`, or with a plain `&mut`.
Script pushScenario(std::string_view model, bool twoPhase) {
  Script s(model);
  const Ref x = s.alloc(24);                        // let mut x = vec![]
  const Ref p = s.shared(x);                        // let p = &x
  const Ref self = twoPhase ? s.twoPhase(x) : s.mut(x);  // the auto-ref of x.push
  s.read(p);                                        // p.len()
  s.call();                                         // Vec::push
  const Ref arg = s.mut(self, Let{{}, true});
  s.write(arg);
  s.ret();
  return s;
}
Script pushTwoPhase(std::string_view model) { return pushScenario(model, true); }

TEST(SeedExamples, TwoPhaseOverlapping1IsAccepted) {
  expectVerdictEverywhere(pushTwoPhase, Verdict::kOk);
}

TEST(SeedExamples, TwoPhaseOverlapping1NeedsTheTwoPhaseBorrow) {
  // With an ordinary `&mut x`, its implied write removes p's SharedReadOnly.
  const Script s = pushScenario("sb2", false);
  EXPECT_EQ(s.ubLine(), 4);  // read p
}

/// `aliasing(refcell, inner)`, `inner` pointing into `refcell`; `frozen`
/// retags `refcell` as if it had no UnsafeCell (what sb2 must not do).
Script aliasingScenario(std::string_view model, bool frozen) {
  Script s(model);
  const Ref cell = s.alloc(8);                       // RefCell<i32>: flag 0..4, value 4..8
  const Ref rc = s.sharedCell(cell);                 // &RefCell (all UnsafeCell)
  const Ref value = s.rawMut(rc.at(4, 8));           // borrow_mut: value.get()
  const Ref inner = s.mut(value);                    // &mut *value.get()
  s.call();                                          // aliasing(refcell, inner)
  frozen ? s.shared(rc, Let{{}, true}) : s.sharedCell(rc, true);  // Retag(refcell)
  const Ref innerArg = s.mut(inner, Let{{}, true}); // Retag(inner)
  s.write(innerArg);
  s.ret();
  return s;
}
Script aliasingCell(std::string_view model) { return aliasingScenario(model, false); }

TEST(SeedExamples, AliasingRetagOfRefCellKeepsInnersUnique) {
  expectVerdictEverywhere(aliasingCell, Verdict::kOk);
  const Script frozen = aliasingScenario("sb2", true);
  EXPECT_EQ(frozen.ubLine(), 7);  // the frozen retag removed inner's Unique
}

// ---- Variants: a scenario where each differs from sb2 ----------------------------

/// A write through an SRW with a Unique and then another SRW above it.
Script srwAcrossUnique(std::string_view model) {
  Script s(model);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  const Ref c = s.sharedCell(x);   // [.., SRW(c)]
  const Ref m = s.mut(c);          // [.., SRW(c), Uniq(m)]
  const Ref c2 = s.sharedCell(m);  // [.., SRW(c), Uniq(m), SRW(c2)]
  s.write(c);                      // sb2 removes only Uniq(m)
  s.read(c2);
  return s;
}

TEST(Variants, StackWriteRemovesSharedReadWriteOutsideTheGroup) {
  expectVerdicts(srwAcrossUnique, {{"sb2", Verdict::kOk},
                                   {"sb2-stackwrite", Verdict::kUbAtLastStep},
                                   {"sb2-disable", Verdict::kUbAtLastStep},
                                   {"sb2-strict", Verdict::kUbAtLastStep},
                                   {"sb2-tagged-raw", Verdict::kOk}});
}

TEST(Variants, StackWriteInsertsWeakItemsAboveTheSrwGroup) {
  for (std::string_view model : {"sb2", "sb2-stackwrite"}) {
    SCOPED_TRACE(std::string(model));
    Script s(model);
    const Ref b = s.alloc(2);
    const Ref c = s.sharedCell(b);
    const Ref d = s.sharedCell(c);  // [Uniq(b), SRW(c), SRW(d)]
    const Ref e = s.sharedCell(c);
    expectNoUb(s);
    if (model == "sb2") {
      EXPECT_EQ(s.stackAt(b, 0), (Items{uniq(b.tag()), srw(c.tag()), srw(e.tag()), srw(d.tag())}));
    } else {
      EXPECT_EQ(s.stackAt(b, 0), (Items{uniq(b.tag()), srw(c.tag()), srw(d.tag()), srw(e.tag())}));
    }
  }
}

/// Two-phase with a cell re-grant, then a write through the parent.
Script twoPhaseCellParentWrite(std::string_view model) {
  Script s(model);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  const Ref n = s.twoPhase(x, Let{{x.range}});
  s.write(x);
  s.write(n);
  return s;
}

TEST(Variants, DisableTwoPhaseIsASharedReadWriteWithoutReGrant) {
  expectVerdicts(twoPhaseCellParentWrite, {{"sb2", Verdict::kOk},
                                           {"sb2-stackwrite", Verdict::kOk},
                                           {"sb2-disable", Verdict::kUbAtLastStep},
                                           {"sb2-strict", Verdict::kOk},
                                           {"sb2-tagged-raw", Verdict::kOk}});
  Script s("sb2-disable");
  const Ref b = s.alloc(2);
  const Ref x = s.mut(b);
  const Ref p = s.shared(x);
  const Ref n = s.twoPhase(x, Let{{x.range}});
  expectNoUb(s);
  EXPECT_EQ(s.stackAt(b, 0), (Items{uniq(b.tag()), uniq(x.tag()), srw(n.tag()), sro(p.tag())}));
}

/// A read through an SRW below a Unique, then a write through it.
Script readThenWriteAcrossUnique(std::string_view model) {
  Script s(model);
  const Ref b = s.alloc(4);
  const Ref x = s.mut(b);
  const Ref a = s.sharedCell(x);  // [.., SRW(a)]
  const Ref m = s.mut(a);         // [.., SRW(a), Uniq(m)]
  const Ref c = s.sharedCell(m);  // [.., SRW(a), Uniq(m), SRW(c)]
  s.read(a);                      // removes Uniq(m) (sb2-disable: disables it)
  s.write(a);                     // a Disabled item ends a's SRW group
  s.read(c);
  return s;
}

TEST(Variants, DisableKeepsDisabledItemsThatEndTheSrwGroup) {
  expectVerdicts(readThenWriteAcrossUnique, {{"sb2", Verdict::kOk},
                                             {"sb2-stackwrite", Verdict::kOk},
                                             {"sb2-disable", Verdict::kUbAtLastStep},
                                             {"sb2-strict", Verdict::kUbAtLastStep},
                                             {"sb2-tagged-raw", Verdict::kOk}});
}

TEST(Variants, StrictRejectsTheSeedsOverlappingSlice) {
  expectVerdicts(sliceOverlapping, {{"sb2", Verdict::kOk}, {"sb2-strict", Verdict::kUbAtLastStep}});
}

TEST(Variants, TaggedRawInvalidatesTmpInTheRawChain) {
  expectVerdicts(rawChainThenTmp, {{"sb2", Verdict::kOk},
                                   {"sb2-stackwrite", Verdict::kOk},
                                   {"sb2-disable", Verdict::kOk},
                                   {"sb2-strict", Verdict::kOk},
                                   {"sb2-tagged-raw", Verdict::kUbAtLastStep}});
}

TEST(Variants, TaggedRawGivesRawCastsFreshTags) {
  Script s("sb2-tagged-raw");
  const Ref b = s.alloc(4);
  const Ref m = s.mut(b);
  const Ref p = s.rawMut(b);
  const Ref q = s.rawConst(p, Let{{ByteRange{2, 4}}});
  expectNoUb(s);
  EXPECT_FALSE(p.tag().untagged());
  EXPECT_FALSE(q.tag().untagged());
  EXPECT_NE(p.tag(), q.tag());
  EXPECT_EQ(s.stackAt(b, 0), (Items{uniq(b.tag()), srw(p.tag()), sro(q.tag())}));
  EXPECT_EQ(s.stackAt(b, 3), (Items{uniq(b.tag()), srw(p.tag()), srw(q.tag()), uniq(m.tag())}));
}

}  // namespace
}  // namespace sbcheck::sb
