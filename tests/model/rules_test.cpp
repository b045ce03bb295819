// The core per-location rules of sb2.md — access steps 1 and 2, strong and
// weak retags with dedup, dealloc — on single stacks, for `sb2` and wherever a
// variant's row of sb2.md's table changes the answer.
#include "model/sb/rules.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <type_traits>
#include <vector>

#include "tests/model/printers.hpp"

namespace sbcheck::sb {
namespace {

constexpr CallId kActiveCall = 1;
constexpr CallId kEndedCall = 2;

constexpr Item uniq(std::uint64_t tag, CallId protector = kNoCall) {
  return Item{Tag{tag}, protector, Permission::Unique};
}
constexpr Item srw(std::uint64_t tag, CallId protector = kNoCall) {
  return Item{Tag{tag}, protector, Permission::SharedReadWrite};
}
constexpr Item sro(std::uint64_t tag, CallId protector = kNoCall) {
  return Item{Tag{tag}, protector, Permission::SharedReadOnly};
}
constexpr Item dis(std::uint64_t tag, CallId protector = kNoCall) {
  return Item{Tag{tag}, protector, Permission::Disabled};
}

using Items = std::vector<Item>;

Stack stackOf(std::initializer_list<Item> items) {
  Stack stack;
  std::size_t i = 0;
  for (const Item& item : items) stack.insert(i++, item);
  return stack;
}

Items itemsOf(const Stack& stack) { return {stack.items().begin(), stack.items().end()}; }

class Recorder final : public StackObserver {
 public:
  void removed(const Removal& removal, ByteRange) override { removals.push_back(removal); }
  std::vector<Removal> removals;
};

/// Call 1 is active, call 2 has returned.
class RulesTest : public ::testing::Test {
 protected:
  RuleContext cx() { return RuleContext{&active_, &recorder_, ByteRange{0, 1}}; }

  template <ModelPolicy P>
  std::optional<StackUb> read(Stack& stack, std::uint64_t tag) {
    return access<P>(stack, AccessKind::Read, Tag{tag}, cx());
  }
  template <ModelPolicy P>
  std::optional<StackUb> write(Stack& stack, std::uint64_t tag) {
    return access<P>(stack, AccessKind::Write, Tag{tag}, cx());
  }
  template <ModelPolicy P>
  std::optional<StackUb> strong(Stack& stack, std::uint64_t parent, Item item) {
    return grant<P>(stack, Tag{parent}, item, Strength::kStrong, cx());
  }
  template <ModelPolicy P>
  std::optional<StackUb> weak(Stack& stack, std::uint64_t parent, Item item) {
    return grant<P>(stack, Tag{parent}, item, Strength::kWeak, cx());
  }

  std::vector<bool> active_{false, true, false};
  Recorder recorder_;
};

template <class P, class... Q>
constexpr bool kIsOneOf = (std::is_same_v<P, Q> || ...);

/// Runs `body.template operator()<P>()` for each of the five variants, traced.
template <class Body>
void forEveryVariant(Body&& body) {
  forEachVariant([&]<class P>() {
    SCOPED_TRACE(std::string(P::kName));
    body.template operator()<P>();
  });
}

// ---- Access step 1: find the granting item -------------------------------

TEST_F(RulesTest, Step1EveryGrantingPermissionTimesAccess) {
  // "Unique and SRW grant read+write, SRO grants read only. None found → UB."
  struct Case {
    Item top;
    AccessKind access;
    bool granted;
  };
  const Case cases[] = {
      {uniq(1), AccessKind::Read, true},  {uniq(1), AccessKind::Write, true},
      {srw(1), AccessKind::Read, true},   {srw(1), AccessKind::Write, true},
      {sro(1), AccessKind::Read, true},   {sro(1), AccessKind::Write, false},
  };
  forEveryVariant([&]<class P>() {
    for (const Case& c : cases) {
      Stack stack = stackOf({uniq(9), c.top});
      const auto ub = access<P>(stack, c.access, Tag{1}, cx());
      EXPECT_EQ(!ub.has_value(), c.granted) << toString(c.top) << " " << name(c.access);
      if (ub) {
        EXPECT_EQ(ub->kind, UbKind::kNoGrantingItem);
        EXPECT_EQ(ub->access, c.access);
      }
    }
  });
}

TEST_F(RulesTest, Step1AnAbsentTagIsUb) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), srw(0)});
    for (AccessKind kind : kAllAccessKinds) {
      const auto ub = access<P>(stack, kind, Tag{2}, cx());
      ASSERT_TRUE(ub);
      EXPECT_EQ(ub->kind, UbKind::kNoGrantingItem);
    }
  });
}

TEST_F(RulesTest, Step1TheTopmostGrantingItemGrants) {
  forEveryVariant([&]<class P>() {
    // <1> has a write-granting item above <2>: only <3> above it goes.
    Stack stack = stackOf({uniq(1), uniq(2), srw(1), uniq(3)});
    EXPECT_FALSE(write<P>(stack, 1));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), uniq(2), srw(1)}));
    // A read through <1> is granted by its SharedReadOnly on top: nothing changes.
    stack = stackOf({uniq(1), uniq(2), sro(1)});
    EXPECT_FALSE(read<P>(stack, 1));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), uniq(2), sro(1)}));
  });
}

TEST_F(RulesTest, Step1AWriteSkipsSharedReadOnlyItemsOfTheSameTag) {
  // The SRO of <1> does not grant the write; the Unique of <1> below does,
  // and the write then removes the SRO items above it.
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), sro(2), sro(1)});
    EXPECT_FALSE(write<P>(stack, 1));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1)}));
  });
}

// ---- Access step 2: the compatibility table, row by row (sb2) ------------

struct Step2Case {
  Permission granting;
  AccessKind access;
  Permission other;
  bool stays;
};

void checkStep2(const Step2Case& c, Stack stack, const RuleContext& cx) {
  const auto ub = access<Sb2>(stack, c.access, Tag{1}, cx);
  EXPECT_FALSE(ub) << longName(c.granting) << " " << name(c.access) << " " << longName(c.other);
  const Item other{Tag{2}, kNoCall, c.other};
  const bool present = stack.size() == 2 && stack[1] == other;
  EXPECT_EQ(present, c.stays) << "granting " << longName(c.granting) << ", " << name(c.access)
                              << ", other " << longName(c.other) << ": " << toString(stack);
  EXPECT_EQ(stack[0], (Item{Tag{1}, kNoCall, c.granting}));
}

TEST_F(RulesTest, Step2UniqueRow) {
  // | Unique | never | read only | read only |
  const Step2Case cases[] = {
      {Permission::Unique, AccessKind::Read, Permission::Unique, false},
      {Permission::Unique, AccessKind::Write, Permission::Unique, false},
      {Permission::Unique, AccessKind::Read, Permission::SharedReadWrite, true},
      {Permission::Unique, AccessKind::Write, Permission::SharedReadWrite, false},
      {Permission::Unique, AccessKind::Read, Permission::SharedReadOnly, true},
      {Permission::Unique, AccessKind::Write, Permission::SharedReadOnly, false},
  };
  for (const Step2Case& c : cases) {
    checkStep2(c, stackOf({Item{Tag{1}, kNoCall, c.granting}, Item{Tag{2}, kNoCall, c.other}}), cx());
  }
}

TEST_F(RulesTest, Step2SharedReadWriteRow) {
  // | SRW | never | always | read only |
  const Step2Case cases[] = {
      {Permission::SharedReadWrite, AccessKind::Read, Permission::Unique, false},
      {Permission::SharedReadWrite, AccessKind::Write, Permission::Unique, false},
      {Permission::SharedReadWrite, AccessKind::Read, Permission::SharedReadWrite, true},
      {Permission::SharedReadWrite, AccessKind::Write, Permission::SharedReadWrite, true},
      {Permission::SharedReadWrite, AccessKind::Read, Permission::SharedReadOnly, true},
      {Permission::SharedReadWrite, AccessKind::Write, Permission::SharedReadOnly, false},
  };
  for (const Step2Case& c : cases) {
    checkStep2(c, stackOf({Item{Tag{1}, kNoCall, c.granting}, Item{Tag{2}, kNoCall, c.other}}), cx());
  }
}

TEST_F(RulesTest, Step2SharedReadOnlyRow) {
  // | SRO | (cannot occur) | (cannot occur) | read only |: a read keeps the
  // SRO above; an SRO never grants a write, so the write half cannot occur.
  checkStep2({Permission::SharedReadOnly, AccessKind::Read, Permission::SharedReadOnly, true},
             stackOf({sro(1), sro(2)}), cx());
  Stack stack = stackOf({uniq(0), sro(1), sro(2)});
  const auto ub = write<Sb2>(stack, 1);
  ASSERT_TRUE(ub);
  EXPECT_EQ(ub->kind, UbKind::kNoGrantingItem);
}

TEST_F(RulesTest, Step2IsNotAStackDisciplineInSb2) {
  // The seed's `test(x: &mut [i32])`: reading through x removes the Unique in
  // between but keeps the SharedReadWrite of the raw pointer above it.
  Stack stack = stackOf({uniq(1), uniq(2), srw(0)});
  EXPECT_FALSE(read<Sb2>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(0)}));
  // Interleaved: only the incompatible items go, wherever they sit.
  stack = stackOf({srw(1), uniq(2), srw(3), uniq(4), srw(5), sro(6)});
  EXPECT_FALSE(read<Sb2>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(3), srw(5), sro(6)}));
  stack = stackOf({srw(1), uniq(2), srw(3), uniq(4), srw(5), sro(6)});
  EXPECT_FALSE(write<Sb2>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(3), srw(5)}));
}

TEST_F(RulesTest, Step2ItemsBelowTheGranterAreNeverTouched) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(5), srw(6), uniq(1), uniq(2)});
    EXPECT_FALSE(write<P>(stack, 1));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(5), srw(6), uniq(1)}));
  });
}

// ---- Access step 2: protectors -------------------------------------------

TEST_F(RulesTest, RemovingAnActivelyProtectedItemIsUb) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), uniq(2, kActiveCall)});
    const auto ub = write<P>(stack, 1);
    ASSERT_TRUE(ub);
    EXPECT_EQ(ub->kind, UbKind::kProtectedItemRemoved);
    EXPECT_EQ(ub->access, AccessKind::Write);
    EXPECT_EQ(ub->item, uniq(2, kActiveCall));
  });
}

TEST_F(RulesTest, ReadRemovingAnActivelyProtectedUniqueIsUb) {
  // sb2 removes the Unique; sb2-disable disables it, "UB like removing it".
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({srw(1), uniq(2, kActiveCall)});
    const auto ub = read<P>(stack, 1);
    ASSERT_TRUE(ub);
    EXPECT_EQ(ub->kind, UbKind::kProtectedItemRemoved);
    EXPECT_EQ(ub->access, AccessKind::Read);
    EXPECT_EQ(ub->item, uniq(2, kActiveCall));
  });
}

TEST_F(RulesTest, AnEndedCallNoLongerProtects) {
  Stack stack = stackOf({uniq(1), uniq(2, kEndedCall), sro(3, kEndedCall)});
  EXPECT_FALSE(write<Sb2>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1)}));
}

TEST_F(RulesTest, CompatibleProtectedItemsStayWithoutUb) {
  Stack stack = stackOf({uniq(1), srw(2, kActiveCall), sro(3, kActiveCall)});
  EXPECT_FALSE(read<Sb2>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(2, kActiveCall), sro(3, kActiveCall)}));
  stack = stackOf({srw(1), srw(2, kActiveCall)});
  EXPECT_FALSE(write<Sb2>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(2, kActiveCall)}));
}

TEST_F(RulesTest, ObserverHearsOfEachRemovalWithItsGranter) {
  Stack stack = stackOf({uniq(1), srw(2), sro(3)});
  EXPECT_FALSE(write<Sb2>(stack, 1));
  ASSERT_EQ(recorder_.removals.size(), 2u);
  for (const Removal& removal : recorder_.removals) {
    EXPECT_EQ(removal.granting, uniq(1));
    EXPECT_EQ(removal.access, AccessKind::Write);
    EXPECT_FALSE(removal.deallocated);
    EXPECT_FALSE(removal.disabled);
  }
  EXPECT_EQ(recorder_.removals[0].item.tag, Tag{2});
  EXPECT_EQ(recorder_.removals[1].item.tag, Tag{3});
}

// ---- Retag: strong ---------------------------------------------------------

TEST_F(RulesTest, StrongUniqueRetagWritesThroughTheParentThenPushes) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), srw(3), sro(2)});
    EXPECT_FALSE(strong<P>(stack, 1, uniq(4)));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), uniq(4)}));
  });
}

TEST_F(RulesTest, StrongSharedReadOnlyRetagReadsThroughTheParentThenPushes) {
  // A read through the Unique <1> removes the Unique <2> and keeps the SRW <3>.
  Stack stack = stackOf({uniq(1), uniq(2), srw(3)});
  EXPECT_FALSE(strong<Sb2>(stack, 1, sro(4)));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(3), sro(4)}));
}

TEST_F(RulesTest, StrongRetagFromAParentWithoutGrantIsUb) {
  forEveryVariant([&]<class P>() {
    // A `&mut` from a frozen parent: the implied write finds nothing.
    Stack stack = stackOf({uniq(1), sro(2)});
    auto ub = strong<P>(stack, 2, uniq(5));
    ASSERT_TRUE(ub);
    EXPECT_EQ(ub->kind, UbKind::kNoGrantingItem);
    EXPECT_EQ(ub->access, AccessKind::Write);
    // A `&` from an absent parent: the implied read finds nothing.
    stack = stackOf({uniq(1)});
    ub = strong<P>(stack, 7, sro(5));
    ASSERT_TRUE(ub);
    EXPECT_EQ(ub->kind, UbKind::kNoGrantingItem);
    EXPECT_EQ(ub->access, AccessKind::Read);
  });
}

TEST_F(RulesTest, StrongRetagThatRemovesAProtectedItemIsUb) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), sro(2, kActiveCall)});
    const auto ub = strong<P>(stack, 1, uniq(5));
    ASSERT_TRUE(ub);
    EXPECT_EQ(ub->kind, UbKind::kProtectedItemRemoved);
    EXPECT_EQ(ub->item, sro(2, kActiveCall));
  });
}

TEST_F(RulesTest, StrongRetagCarriesItsProtector) {
  Stack stack = stackOf({uniq(1)});
  EXPECT_FALSE(strong<Sb2>(stack, 1, uniq(4, kActiveCall)));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), uniq(4, kActiveCall)}));
}

// ---- Retag: weak -----------------------------------------------------------

TEST_F(RulesTest, WeakRetagInsertsDirectlyAboveTheWriteGranterAndRemovesNothing) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), uniq(2, kActiveCall), sro(3)});
    EXPECT_FALSE(weak<P>(stack, 1, srw(4)));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(4), uniq(2, kActiveCall), sro(3)}));
  });
}

TEST_F(RulesTest, WeakRetagLooksForAWriteGranterNotTheTopmostItemOfTheParent) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), sro(1)});
    EXPECT_FALSE(weak<P>(stack, 1, srw(4)));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(4), sro(1)}));
  });
}

TEST_F(RulesTest, WeakRetagOfAFrozenParentIsUb) {
  // "`*mut` from a frozen `&`": the parent only has a SharedReadOnly.
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), sro(2)});
    const auto ub = weak<P>(stack, 2, srw(0));
    ASSERT_TRUE(ub);
    EXPECT_EQ(ub->kind, UbKind::kNoGrantingItem);
    EXPECT_EQ(ub->access, AccessKind::Write);
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), sro(2)}));
  });
}

TEST_F(RulesTest, WeakUniqueRetagForTwoPhaseKeepsItemsAbove) {
  // Two-phase: `Unique(N)` directly above the parent's write granter.
  Stack stack = stackOf({uniq(1), sro(2)});
  EXPECT_FALSE(weak<Sb2>(stack, 1, uniq(4)));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), uniq(4), sro(2)}));
}

// ---- Retag: dedup ----------------------------------------------------------

TEST_F(RulesTest, DedupAnEqualItemDirectlyBelowTheInsertionPoint) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), srw(0)});
    EXPECT_FALSE(weak<P>(stack, 0, srw(0)));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(0)}));
  });
}

TEST_F(RulesTest, DedupAnEqualItemDirectlyAboveTheInsertionPoint) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), srw(0), uniq(2)});
    EXPECT_FALSE(weak<P>(stack, 1, srw(0)));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(0), uniq(2)}));
  });
}

TEST_F(RulesTest, DedupAStrongPushOntoAnEqualTop) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), sro(0)});
    EXPECT_FALSE(strong<P>(stack, 1, sro(0)));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), sro(0)}));
  });
}

TEST_F(RulesTest, NoDedupWhenTheProtectorDiffers) {
  Stack stack = stackOf({uniq(1), srw(0)});
  EXPECT_FALSE(weak<Sb2>(stack, 1, srw(0, kActiveCall)));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(0, kActiveCall), srw(0)}));
  stack = stackOf({uniq(1), sro(0)});
  EXPECT_FALSE(strong<Sb2>(stack, 1, sro(0, kActiveCall)));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), sro(0), sro(0, kActiveCall)}));
}

TEST_F(RulesTest, NoDedupWhenTheEqualItemIsNotANeighbour) {
  Stack stack = stackOf({uniq(1), srw(0), uniq(2)});
  EXPECT_FALSE(weak<Sb2>(stack, 2, srw(0)));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(0), uniq(2), srw(0)}));
}

// ---- Dealloc ---------------------------------------------------------------

TEST_F(RulesTest, DeallocStep1NeedsAWriteGrantingItem) {
  Stack stack = stackOf({uniq(1), sro(2)});
  auto ub = dealloc(stack, Tag{2}, cx());
  ASSERT_TRUE(ub);
  EXPECT_EQ(ub->kind, UbKind::kNoGrantingItem);
  EXPECT_EQ(ub->access, AccessKind::Write);
  ub = dealloc(stack, Tag{3}, cx());
  ASSERT_TRUE(ub);
  EXPECT_EQ(ub->kind, UbKind::kNoGrantingItem);
}

TEST_F(RulesTest, DeallocStep2RemovesEveryItem) {
  // Granted by the SRW in the middle; the Unique above goes too, no access
  // semantics involved.
  Stack stack = stackOf({uniq(1), srw(0), uniq(2), sro(3)});
  EXPECT_FALSE(dealloc(stack, kUntagged, cx()));
  EXPECT_TRUE(stack.empty());
  ASSERT_EQ(recorder_.removals.size(), 4u);
  for (const Removal& removal : recorder_.removals) EXPECT_TRUE(removal.deallocated);
}

TEST_F(RulesTest, DeallocRemovingAnActivelyProtectedItemIsUb) {
  // Any item of the stack, even below the granting item or the granter itself.
  for (const Stack& start : {stackOf({uniq(1, kActiveCall), uniq(2)}), stackOf({uniq(1), uniq(2, kActiveCall)}),
                             stackOf({uniq(1), sro(3, kActiveCall)})}) {
    Stack stack = start;
    const auto ub = dealloc(stack, stack[0].tag, cx());
    ASSERT_TRUE(ub) << toString(start);
    EXPECT_EQ(ub->kind, UbKind::kProtectedItemDeallocated);
    EXPECT_NE(ub->item.protector, kNoCall);
  }
  Stack stack = stackOf({uniq(1), uniq(2, kActiveCall)});
  const auto ub = dealloc(stack, Tag{2}, cx());
  ASSERT_TRUE(ub);
  EXPECT_EQ(ub->kind, UbKind::kProtectedItemDeallocated);
  EXPECT_EQ(ub->item, uniq(2, kActiveCall));
}

TEST_F(RulesTest, DeallocIgnoresProtectorsOfEndedCalls) {
  Stack stack = stackOf({uniq(1), uniq(2, kEndedCall)});
  EXPECT_FALSE(dealloc(stack, Tag{1}, cx()));
  EXPECT_TRUE(stack.empty());
}

// ---- Variants: where their rows change the answer -------------------------

TEST_F(RulesTest, WritesThroughSharedReadWriteByVariant) {
  // sb2 keeps every SRW above; the stack-like writes keep only the SRW group
  // directly above; strict pops from the first incompatible item.
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({srw(1), srw(2), uniq(3), srw(4)});
    EXPECT_FALSE(write<P>(stack, 1));
    if constexpr (kIsOneOf<P, Sb2, Sb2TaggedRaw>) {
      EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(2), srw(4)}));
    } else {
      EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(2)}));
    }
  });
}

TEST_F(RulesTest, StackWriteRemovesACompatibleProtectedItemOutsideTheGroup) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({srw(1), uniq(3), srw(4, kActiveCall)});
    const auto ub = write<P>(stack, 1);
    if constexpr (kIsOneOf<P, Sb2, Sb2TaggedRaw>) {
      // sb2: <3> is unprotected and goes; <4> is compatible and stays.
      EXPECT_FALSE(ub);
      EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(4, kActiveCall)}));
    } else {
      ASSERT_TRUE(ub);
      EXPECT_EQ(ub->kind, UbKind::kProtectedItemRemoved);
      EXPECT_EQ(ub->item, srw(4, kActiveCall));
    }
  });
}

TEST_F(RulesTest, ReadsByVariant) {
  // sb2 / stackwrite / tagged-raw: remove the Unique only. disable: turn it
  // Disabled. strict: pop from the first incompatible item (<3>) upward.
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({srw(1), srw(2), uniq(3), srw(4), sro(5)});
    EXPECT_FALSE(read<P>(stack, 1));
    if constexpr (kIsOneOf<P, Sb2, Sb2StackWrite, Sb2TaggedRaw>) {
      EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(2), srw(4), sro(5)}));
    } else if constexpr (std::is_same_v<P, Sb2Disable>) {
      EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(2), dis(3), srw(4), sro(5)}));
    } else {
      static_assert(std::is_same_v<P, Sb2Strict>);
      EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(2)}));
    }
  });
}

TEST_F(RulesTest, StrictReadPopsAProtectedSharedReadOnlyAboveAUnique) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(1), uniq(2), sro(3, kActiveCall)});
    const auto ub = read<P>(stack, 1);
    if constexpr (std::is_same_v<P, Sb2Strict>) {
      ASSERT_TRUE(ub);
      EXPECT_EQ(ub->kind, UbKind::kProtectedItemRemoved);
      EXPECT_EQ(ub->item, sro(3, kActiveCall));
    } else if constexpr (std::is_same_v<P, Sb2Disable>) {
      EXPECT_FALSE(ub);
      EXPECT_EQ(itemsOf(stack), (Items{uniq(1), dis(2), sro(3, kActiveCall)}));
    } else {
      EXPECT_FALSE(ub);
      EXPECT_EQ(itemsOf(stack), (Items{uniq(1), sro(3, kActiveCall)}));
    }
  });
}

TEST_F(RulesTest, StrictWritePopsFromTheFirstIncompatibleItem) {
  Stack stack = stackOf({srw(1), srw(2), sro(3)});
  EXPECT_FALSE(write<Sb2Strict>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(2)}));
}

TEST_F(RulesTest, StrongRetagUsesTheVariantsAccess) {
  forEveryVariant([&]<class P>() {
    // `&`: a read through <1>.
    Stack stack = stackOf({uniq(1), uniq(2), srw(3)});
    EXPECT_FALSE(strong<P>(stack, 1, sro(4)));
    if constexpr (std::is_same_v<P, Sb2Strict>) {
      EXPECT_EQ(itemsOf(stack), (Items{uniq(1), sro(4)}));
    } else if constexpr (std::is_same_v<P, Sb2Disable>) {
      EXPECT_EQ(itemsOf(stack), (Items{uniq(1), dis(2), srw(3), sro(4)}));
    } else {
      EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(3), sro(4)}));
    }
    // `&mut`: a write through the SRW <1>.
    stack = stackOf({srw(1), srw(2), uniq(3), srw(4)});
    EXPECT_FALSE(strong<P>(stack, 1, uniq(5)));
    if constexpr (kIsOneOf<P, Sb2, Sb2TaggedRaw>) {
      EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(2), srw(4), uniq(5)}));
    } else {
      EXPECT_EQ(itemsOf(stack), (Items{srw(1), srw(2), uniq(5)}));
    }
  });
}

TEST_F(RulesTest, WeakRetagInsertsAboveTheSrwGroupInStackWriteVariants) {
  forEveryVariant([&]<class P>() {
    Stack stack = stackOf({uniq(9), srw(1), srw(2), uniq(3)});
    EXPECT_FALSE(weak<P>(stack, 1, srw(4)));
    if constexpr (kIsOneOf<P, Sb2StackWrite, Sb2Disable>) {
      EXPECT_EQ(itemsOf(stack), (Items{uniq(9), srw(1), srw(2), srw(4), uniq(3)}));
    } else {
      EXPECT_EQ(itemsOf(stack), (Items{uniq(9), srw(1), srw(4), srw(2), uniq(3)}));
    }
    // A Unique granter has no group: directly above it in every variant.
    stack = stackOf({uniq(1), srw(2)});
    EXPECT_FALSE(weak<P>(stack, 1, srw(4)));
    EXPECT_EQ(itemsOf(stack), (Items{uniq(1), srw(4), srw(2)}));
  });
}

TEST_F(RulesTest, DisableReadTurnsUniqueAboveIntoDisabled) {
  Stack stack = stackOf({uniq(1), uniq(2), srw(3), uniq(4), sro(5)});
  EXPECT_FALSE(read<Sb2Disable>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), dis(2), srw(3), dis(4), sro(5)}));
  // The disabled tags are granted nothing any more.
  EXPECT_TRUE(read<Sb2Disable>(stack, 2));
  EXPECT_TRUE(write<Sb2Disable>(stack, 4));
  ASSERT_EQ(recorder_.removals.size(), 2u);
  EXPECT_TRUE(recorder_.removals[0].disabled);
}

TEST_F(RulesTest, DisabledEndsTheSrwGroupOfAStackWrite) {
  Stack stack = stackOf({srw(1), dis(2), srw(3)});
  EXPECT_FALSE(write<Sb2Disable>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{srw(1)}));
}

TEST_F(RulesTest, DisableReadsLeaveDisabledAndSharedItemsAlone) {
  Stack stack = stackOf({uniq(1), dis(2), srw(3), sro(4)});
  EXPECT_FALSE(read<Sb2Disable>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1), dis(2), srw(3), sro(4)}));
  EXPECT_FALSE(write<Sb2Disable>(stack, 1));
  EXPECT_EQ(itemsOf(stack), (Items{uniq(1)}));
}

}  // namespace
}  // namespace sbcheck::sb
