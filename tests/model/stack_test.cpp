// One location's borrow stack: findGranting (top-down), srwGroupEnd,
// removeAbove, and the invariants S1/S2 of stack.hpp (sb2.md "State").
#include "model/sb/stack.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

#include "tests/model/printers.hpp"

namespace sbcheck::sb {
namespace {

constexpr Item uniq(std::uint64_t tag, CallId protector = kNoCall) {
  return Item{Tag{tag}, protector, Permission::Unique};
}
constexpr Item srw(std::uint64_t tag) { return Item{Tag{tag}, kNoCall, Permission::SharedReadWrite}; }
constexpr Item sro(std::uint64_t tag) { return Item{Tag{tag}, kNoCall, Permission::SharedReadOnly}; }
constexpr Item dis(std::uint64_t tag) { return Item{Tag{tag}, kNoCall, Permission::Disabled}; }

Stack stackOf(std::initializer_list<Item> items) {
  Stack stack;
  std::size_t i = 0;
  for (const Item& item : items) stack.insert(i++, item);
  return stack;
}

std::vector<Item> itemsOf(const Stack& stack) { return {stack.items().begin(), stack.items().end()}; }

TEST(Stack, ANewStackHoldsItsBottomItem) {
  const Stack stack(uniq(1));
  ASSERT_EQ(stack.size(), 1u);
  EXPECT_FALSE(stack.empty());
  EXPECT_EQ(stack[0], uniq(1));
  EXPECT_TRUE(stack.checkInvariants());
}

TEST(Stack, InsertKeepsOrderBottomFirst) {
  Stack stack(uniq(1));
  stack.insert(1, sro(3));
  stack.insert(1, srw(2));
  EXPECT_EQ(itemsOf(stack), (std::vector<Item>{uniq(1), srw(2), sro(3)}));
}

TEST(FindGranting, SearchesFromTheTopDown) {
  // The same tag twice: the upper item is the granting one.
  const Stack stack = stackOf({srw(0), uniq(1), srw(0)});
  EXPECT_EQ(stack.findGranting(AccessKind::Read, Tag{0}), 2u);
  EXPECT_EQ(stack.findGranting(AccessKind::Write, Tag{0}), 2u);
  EXPECT_EQ(stack.findGranting(AccessKind::Write, Tag{1}), 1u);
}

TEST(FindGranting, SkipsItemsWhosePermissionDoesNotGrantTheAccess) {
  // sb2.md step 1: the first item with the tag *whose perm grants the access*.
  const Stack stack = stackOf({uniq(1), sro(1)});
  EXPECT_EQ(stack.findGranting(AccessKind::Read, Tag{1}), 1u);
  EXPECT_EQ(stack.findGranting(AccessKind::Write, Tag{1}), 0u);
}

TEST(FindGranting, SharedReadOnlyAloneNeverGrantsAWrite) {
  const Stack stack = stackOf({uniq(1), sro(2)});
  EXPECT_EQ(stack.findGranting(AccessKind::Read, Tag{2}), 1u);
  EXPECT_EQ(stack.findGranting(AccessKind::Write, Tag{2}), std::nullopt);
}

TEST(FindGranting, AnAbsentTagIsNotGranted) {
  const Stack stack = stackOf({uniq(1), srw(2)});
  EXPECT_EQ(stack.findGranting(AccessKind::Read, Tag{3}), std::nullopt);
  EXPECT_EQ(stack.findGranting(AccessKind::Read, kUntagged), std::nullopt);
}

TEST(FindGranting, UntaggedIsATagLikeAnyOther) {
  const Stack stack = stackOf({uniq(1), srw(0), uniq(2)});
  EXPECT_EQ(stack.findGranting(AccessKind::Write, kUntagged), 1u);
}

TEST(FindGranting, DisabledItemsGrantNothing) {
  const Stack stack = stackOf({uniq(1), dis(2)});
  EXPECT_EQ(stack.findGranting(AccessKind::Read, Tag{2}), std::nullopt);
  EXPECT_EQ(stack.findGranting(AccessKind::Write, Tag{2}), std::nullopt);
}

TEST(SrwGroupEnd, AUniqueGranterHasNoGroup) {
  const Stack stack = stackOf({uniq(1), srw(2), srw(3)});
  EXPECT_EQ(stack.srwGroupEnd(0), 1u);
}

TEST(SrwGroupEnd, ASharedReadWriteGranterOwnsTheContiguousSharedReadWriteAboveIt) {
  const Stack stack = stackOf({uniq(1), srw(2), srw(3), srw(4), uniq(5), srw(6)});
  EXPECT_EQ(stack.srwGroupEnd(1), 4u);
  EXPECT_EQ(stack.srwGroupEnd(2), 4u);
  EXPECT_EQ(stack.srwGroupEnd(3), 4u);
  EXPECT_EQ(stack.srwGroupEnd(5), 6u);  // at the top
}

TEST(SrwGroupEnd, SharedReadOnlyEndsTheGroup) {
  const Stack stack = stackOf({srw(1), srw(2), sro(3), sro(4)});
  EXPECT_EQ(stack.srwGroupEnd(0), 2u);
}

TEST(SrwGroupEnd, DisabledEndsTheGroup) {
  // sb2.md's sb2-disable row: "a Disabled item ends an SRW group".
  const Stack stack = stackOf({srw(1), dis(2), srw(3)});
  EXPECT_EQ(stack.srwGroupEnd(0), 1u);
}

TEST(RemoveAbove, SeesItemsBottomUpAboveTheGranterOnly) {
  Stack stack = stackOf({uniq(1), uniq(2), srw(3), sro(4)});
  std::vector<Item> seen;
  EXPECT_TRUE(stack.removeAbove(1, [&](const Item& item) {
    seen.push_back(item);
    return Stack::Verdict::kKeep;
  }));
  EXPECT_EQ(seen, (std::vector<Item>{srw(3), sro(4)}));
  EXPECT_EQ(itemsOf(stack), (std::vector<Item>{uniq(1), uniq(2), srw(3), sro(4)}));
}

TEST(RemoveAbove, RemovesExactlyTheChosenItemsKeepingTheOrder) {
  Stack stack = stackOf({uniq(1), uniq(2), srw(3), uniq(4), sro(5)});
  EXPECT_TRUE(stack.removeAbove(0, [](const Item& item) {
    return item.perm == Permission::Unique ? Stack::Verdict::kRemove : Stack::Verdict::kKeep;
  }));
  EXPECT_EQ(itemsOf(stack), (std::vector<Item>{uniq(1), srw(3), sro(5)}));
}

TEST(RemoveAbove, StopKeepsTheStoppingItemAndEverythingAbove) {
  Stack stack = stackOf({uniq(1), uniq(2), uniq(3), uniq(4)});
  int calls = 0;
  EXPECT_FALSE(stack.removeAbove(0, [&](const Item& item) {
    ++calls;
    return item.tag == Tag{3} ? Stack::Verdict::kStop : Stack::Verdict::kRemove;
  }));
  EXPECT_EQ(calls, 2);  // not asked about <4>
  EXPECT_EQ(itemsOf(stack), (std::vector<Item>{uniq(1), uniq(3), uniq(4)}));
}

TEST(RemoveAbove, AtTheTopDoesNothing) {
  Stack stack = stackOf({uniq(1), srw(2)});
  EXPECT_TRUE(stack.removeAbove(1, [](const Item&) { return Stack::Verdict::kRemove; }));
  EXPECT_EQ(itemsOf(stack), (std::vector<Item>{uniq(1), srw(2)}));
}

TEST(Stack, SetPermissionChangesOnlyThePermission) {
  Stack stack = stackOf({uniq(1), uniq(2, 7)});
  stack.setPermission(1, Permission::Disabled);
  EXPECT_EQ(stack[1], (Item{Tag{2}, 7, Permission::Disabled}));
}

TEST(Stack, EqualityComparesEveryItem) {
  EXPECT_EQ(stackOf({uniq(1), sro(2)}), stackOf({uniq(1), sro(2)}));
  EXPECT_NE(stackOf({uniq(1), sro(2)}), stackOf({uniq(1), sro(3)}));
  EXPECT_NE(stackOf({uniq(1), sro(2)}), stackOf({uniq(1)}));
  EXPECT_NE(stackOf({uniq(1, 1)}), stackOf({uniq(1)}));  // the protector is part of an item
}

TEST(Invariants, AnEmptyStackBreaksS1) {
  Stack stack(uniq(1));
  stack.clear();
  EXPECT_TRUE(stack.empty());
  EXPECT_FALSE(stack.checkInvariants());
}

TEST(Invariants, OnlySharedReadOnlyAboveSharedReadOnly) {
  EXPECT_TRUE(stackOf({uniq(1), srw(2), sro(3), sro(4)}).checkInvariants());
  EXPECT_TRUE(stackOf({sro(1)}).checkInvariants());
  EXPECT_TRUE(stackOf({uniq(1), dis(2), srw(3), uniq(4)}).checkInvariants());
  EXPECT_FALSE(stackOf({uniq(1), sro(2), uniq(3)}).checkInvariants());
  EXPECT_FALSE(stackOf({uniq(1), sro(2), srw(3)}).checkInvariants());
  EXPECT_FALSE(stackOf({sro(1), sro(2), dis(3)}).checkInvariants());
}

}  // namespace
}  // namespace sbcheck::sb
