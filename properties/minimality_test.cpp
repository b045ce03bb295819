// The shortest failures cell_properties_test.cpp asserts are the shortest
// there are: for every (property, policy) pair where the property must not
// hold, every well-formed sequence shorter than the asserted length is
// enumerated and none violates it, some sequence of exactly that length does,
// and the random search shrinks to exactly that length, with the suite's seed
// and with the streams `sbcheck check --seed 1`..`100` draw from.
//
// The universe (2 objects, 2 names per object, 2 guards, 2 iterators, keys
// 0..1) is smaller than the generator's default (3, 2, 3, 3, keys 0..3), yet
// it covers every sequence of up to 3 ops the generator can make, up to
// renaming keys:
// - a sequence starts with `new` (nothing else applies), so in 3 ops at most
//   2 guards, 2 iterators and 2 keys appear; the only sequence with 3 live
//   objects is `new; new; new`, whose last op touches no existing object and
//   so cannot violate what `new; new` does not;
// - the cell's behaviour depends on keys only through their order (it stores
//   an ordered set), so mapping the keys a sequence uses onto 0..1 in order
//   keeps every outcome, up to the same renaming of `next`'s values, and
//   every property's verdict.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>

#include "harness/cellseq/enumerate.hpp"
#include "harness/cellseq/print.hpp"
#include "harness/seeds.hpp"
#include "model/cell/policy.hpp"
#include "properties/check.hpp"
#include "properties/search.hpp"

namespace sbcheck::properties {
namespace {

using cellseq::Sequence;
using cellseq::Universe;

constexpr Universe kUniverse{.maxObjects = 2, .maxNamesPerObject = 2, .maxGuards = 2, .maxIterators = 2, .keys = 2};

/// The pairs where a property must fail, with the length of their shortest
/// failure as cell_properties_test.cpp asserts it.
struct ShortestFailure {
  std::string_view property;
  std::string_view policy;
  std::size_t length;
};

constexpr ShortestFailure kShortestFailures[] = {
    {"leaks-block-mutable-borrows", "generation", 3},
    {"leaks-block-mutable-borrows", "unguarded-inner", 3},
    {"mutable-borrows-block-leaks", "unchecked-leak", 3},
    {"parents-outlive-iterators", "no-parent-ref", 3},
    {"oracle", "unchecked-leak", 4},
    {"oracle", "no-parent-ref", 4},
    {"oracle", "unguarded-inner", 4},
};

std::string oneLine(const Sequence& sequence) {
  std::string out;
  for (const cellseq::Op& op : sequence.ops) out += (out.empty() ? "" : "; ") + cellseq::printOp(op);
  return out;
}

int runsPerPair() {
  const char* runs = std::getenv("SBCHECK_PROPERTY_RUNS");
  return runs != nullptr ? std::atoi(runs) : 400;
}

/// (a) No sequence of fewer than `length` ops violates the property; returns
/// how many sequences of each length were checked.
std::vector<std::uint64_t> expectNoShorterFailure(const CellProperty& property, const ShortestFailure& pair) {
  const CellProperty* const only[] = {&property};
  std::vector<std::uint64_t> checked(pair.length, 0);
  std::optional<std::string> first;
  cellseq::enumerateSequences(pair.policy, pair.length - 1, kUniverse, [&](const Sequence& sequence) {
    ++checked[sequence.ops.size()];
    if (first) return false;
    if (const std::optional<Violation> violation = checkSequence(sequence, pair.policy, "sb2", only)) {
      first = oneLine(sequence) + " (line " + std::to_string(violation->opIndex + 1) + ": " + violation->reason + ")";
      return false;
    }
    return true;
  });
  EXPECT_FALSE(first) << property.id << " under " << pair.policy << " fails in fewer than " << pair.length
                      << " ops: " << *first;
  return checked;
}

/// (b) Some sequence of exactly `length` ops violates the property: the first
/// one in enumeration order, if any.
std::optional<Sequence> firstFailureOfLength(const CellProperty& property, const ShortestFailure& pair) {
  const CellProperty* const only[] = {&property};
  std::optional<Sequence> found;
  cellseq::enumerateSequences(pair.policy, pair.length, kUniverse, [&](const Sequence& sequence) {
    if (found) return false;
    if (sequence.ops.size() < pair.length) return true;  // shorter ones are (a)'s
    if (checkSequence(sequence, pair.policy, "sb2", only)) found = sequence;
    return false;
  });
  return found;
}

/// (c) The search, seeded as in cell_properties_test.cpp, shrinks its
/// counterexample to exactly `length` ops.
void expectSearchFindsLength(const CellProperty& property, const ShortestFailure& pair) {
  SearchOptions options;
  options.policy = std::string(pair.policy);
  options.properties = {&property};
  options.runs = runsPerPair();
  options.seed = 20261121;
  const SearchResult result = search(options);
  ASSERT_TRUE(result.counterexample) << property.id << " was expected to fail under " << pair.policy;
  EXPECT_EQ(result.counterexample->sequence.ops.size(), pair.length) << oneLine(result.counterexample->sequence);
  EXPECT_TRUE(result.counterexample->shrink.locallyMinimal) << oneLine(result.counterexample->sequence);
}

/// (d) `sbcheck check --seed S` for S in 1..kCheckSeeds, each pair drawing
/// from its own stream as check_command.cpp seeds it, shrinks to exactly
/// `length` ops too. Seeds 2 and 3 once stopped at 7 ops (a `borrow`/`release`
/// pair and an alias kept) and 6 ops (an `iter` whose iterator is never
/// used, and an extra `next`).
constexpr std::uint64_t kCheckSeeds = 100;

void expectCheckShrinksToLength(const CellProperty& property, const ShortestFailure& pair) {
  for (std::uint64_t seed = 1; seed <= kCheckSeeds; ++seed) {
    SearchOptions options;
    options.policy = std::string(pair.policy);
    options.properties = {&property};
    options.runs = 1000;  // check's default --runs
    options.seed = streamSeed(seed, std::string(property.id) + "/" + options.policy);
    const SearchResult result = search(options);
    ASSERT_TRUE(result.counterexample) << property.id << " under " << pair.policy << ", seed " << seed;
    const Counterexample& found = *result.counterexample;
    EXPECT_EQ(found.sequence.ops.size(), pair.length)
        << "seed " << seed << ": " << oneLine(found.sequence) << " (shrunk from " << found.originalLength << ")";
    EXPECT_TRUE(found.shrink.locallyMinimal) << "seed " << seed << ": " << oneLine(found.sequence);
    EXPECT_EQ(found.shrinkSteps, found.shrink.removals + found.shrink.valueSteps);
  }
}

void proveShortestFailure(std::string_view propertyId, std::string_view policy) {
  const CellProperty* property = findCellProperty(propertyId);
  ASSERT_NE(property, nullptr) << propertyId;
  const ShortestFailure* pair = nullptr;
  for (const ShortestFailure& candidate : kShortestFailures) {
    if (candidate.property == propertyId && candidate.policy == policy) pair = &candidate;
  }
  ASSERT_NE(pair, nullptr) << propertyId << " under " << policy << " has no asserted shortest failure";

  const std::vector<std::uint64_t> checked = expectNoShorterFailure(*property, *pair);
  std::ostringstream counts;
  std::uint64_t total = 0;
  for (std::size_t n = 1; n < checked.size(); ++n) {
    counts << (n > 1 ? ", " : "") << checked[n] << " of " << n;
    total += checked[n];
  }
  testing::Test::RecordProperty("shorter_sequences_checked", std::to_string(total));
  std::cout << "[ minimal  ] " << propertyId << " under " << policy << ": no failure among " << total
            << " sequences (" << counts.str() << " ops)\n";

  const std::optional<Sequence> failure = firstFailureOfLength(*property, *pair);
  ASSERT_TRUE(failure) << "no sequence of " << pair->length << " ops violates " << propertyId << " under "
                       << policy;
  testing::Test::RecordProperty("shortest_failure", oneLine(*failure));
  std::cout << "[ minimal  ] first failure of " << pair->length << " ops: " << oneLine(*failure) << '\n';

  expectSearchFindsLength(*property, *pair);
  expectCheckShrinksToLength(*property, *pair);
}

TEST(Minimality, EveryPairThatMustFailHasAnAssertedShortestFailure) {
  std::size_t pairs = 0;
  for (const CellProperty& property : cellProperties()) {
    for (const std::string_view policy : cell::kPolicyNames) {
      if (property.mustHold(policy)) continue;
      ++pairs;
      bool listed = false;
      for (const ShortestFailure& pair : kShortestFailures) {
        listed = listed || (pair.property == property.id && pair.policy == policy);
      }
      EXPECT_TRUE(listed) << property.id << " must fail under " << policy << " but has no minimality test";
    }
  }
  EXPECT_EQ(pairs, std::size(kShortestFailures));
}

TEST(Minimality, ShortestFailureOfLeaksBlockMutableBorrowsUnderGenerationHasThreeOps) {
  proveShortestFailure("leaks-block-mutable-borrows", "generation");
}

TEST(Minimality, ShortestFailureOfLeaksBlockMutableBorrowsUnderUnguardedInnerHasThreeOps) {
  proveShortestFailure("leaks-block-mutable-borrows", "unguarded-inner");
}

TEST(Minimality, ShortestFailureOfMutableBorrowsBlockLeaksUnderUncheckedLeakHasThreeOps) {
  proveShortestFailure("mutable-borrows-block-leaks", "unchecked-leak");
}

TEST(Minimality, ShortestFailureOfParentsOutliveIteratorsUnderNoParentRefHasThreeOps) {
  proveShortestFailure("parents-outlive-iterators", "no-parent-ref");
}

TEST(Minimality, ShortestFailureOfOracleUnderUncheckedLeakHasFourOps) {
  proveShortestFailure("oracle", "unchecked-leak");
}

TEST(Minimality, ShortestFailureOfOracleUnderNoParentRefHasFourOps) {
  proveShortestFailure("oracle", "no-parent-ref");
}

TEST(Minimality, ShortestFailureOfOracleUnderUnguardedInnerHasFourOps) {
  proveShortestFailure("oracle", "unguarded-inner");
}

// Counted by hand, strict, universe {2 objects, 2 names, 2 guards, 2
// iterators, keys 0..0}. Length 1: `new s0` (nothing else applies) = 1.
// Length 2, after `new s0` (one object, one name): new, ref, del, add,
// discard, len, contains, borrow, borrow_mut, iter = 10. Length 3, after each
// of those 10 (refusals change nothing at this length under strict):
//   new s1        two objects, one name each: 9 per-object ops × 2, no new = 18
//   ref s1 = s0   one object with its 2 names: new + 8 per-object ops × 2 (no ref) = 17
//   del s0        nothing bound: new = 1
//   len, add, discard, contains   back to one object, one name: 10 each = 40
//   borrow g0     the 10 + read g0, release g0 = 12
//   borrow_mut g0 the 10 + read, write, release g0 = 13
//   iter it0      the 10 + next it0, drop it0 = 12
// = 113.
TEST(Enumeration, CountsSequencesOfUpToThreeOpsAsCountedByHand) {
  const Universe universe{.maxObjects = 2, .maxNamesPerObject = 2, .maxGuards = 2, .maxIterators = 2, .keys = 1};
  EXPECT_EQ(cellseq::countSequencesByLength("strict", 3, universe), (std::vector<std::uint64_t>{0, 1, 10, 113}));
  EXPECT_EQ(cellseq::countSequences("strict", 2, universe), 11u);
}

/// The one-op extensions of `prefix` (ops as printed) the enumerator offers.
std::vector<std::string> extensionsOf(std::string_view policy, const std::vector<std::string>& prefix,
                                      const Universe& universe) {
  std::vector<std::string> out;
  cellseq::enumerateSequences(policy, prefix.size() + 1, universe, [&](const Sequence& sequence) {
    const std::size_t n = sequence.ops.size();
    if (n <= prefix.size()) return cellseq::printOp(sequence.ops[n - 1]) == prefix[n - 1];
    out.push_back(cellseq::printOp(sequence.ops.back()));
    return false;
  });
  return out;
}

TEST(Enumeration, ARefusedOpBindsNothingButUsesUpItsFreshName) {
  const Universe universe{.maxObjects = 1, .maxNamesPerObject = 1, .maxGuards = 2, .maxIterators = 2, .keys = 1};
  const std::vector<std::string> prefix = {"new s0", "borrow_mut g0 = s0", "iter it0 = s0"};
  // Under strict the leak is refused: it0 is not bound, and the next
  // iterator is it1.
  EXPECT_EQ(extensionsOf("strict", prefix, universe),
            (std::vector<std::string>{"del s0", "add s0 0", "discard s0 0", "len s0", "contains s0 0",
                                      "borrow g1 = s0", "borrow_mut g1 = s0", "read g0", "write g0", "release g0",
                                      "iter it1 = s0"}));
  // Under unchecked-leak it is granted, so it0 can be advanced and dropped.
  EXPECT_EQ(extensionsOf("unchecked-leak", prefix, universe),
            (std::vector<std::string>{"del s0", "add s0 0", "discard s0 0", "len s0", "contains s0 0",
                                      "borrow g1 = s0", "borrow_mut g1 = s0", "read g0", "write g0", "release g0",
                                      "iter it1 = s0", "next it0", "drop it0"}));
}

TEST(Enumeration, AnUndefinedOpEndsItsSequence) {
  // Under no-parent-ref the iterator does not keep s0 alive, so `next it0`
  // reads a freed object: undefined, and the run would stop there.
  const std::vector<std::string> prefix = {"new s0", "iter it0 = s0", "del s0", "next it0"};
  EXPECT_TRUE(extensionsOf("no-parent-ref", prefix, kUniverse).empty());
  EXPECT_FALSE(extensionsOf("strict", prefix, kUniverse).empty());
}

}  // namespace
}  // namespace sbcheck::properties
