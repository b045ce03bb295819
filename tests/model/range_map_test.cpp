// The per-allocation range map: splitting at a range's ends, visiting runs in
// offset order, merging equal neighbours again, early stop, const clipping.
#include "model/sb/range_map.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace sbcheck::sb {
namespace {

using Visited = std::vector<std::pair<ByteRange, int>>;

/// Every run of the whole map, through the const walk.
Visited runsOf(const RangeMap<int>& map) {
  Visited runs;
  map.forEach(ByteRange{0, map.size()}, [&](ByteRange r, const int& v) { runs.emplace_back(r, v); });
  return runs;
}

TEST(RangeMap, StartsAsOneRunOverTheWholeAllocation) {
  const RangeMap<int> map(8, 7);
  EXPECT_EQ(map.size(), 8u);
  EXPECT_EQ(map.runCount(), 1u);
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 8}, 7}}));
  for (std::uint64_t i = 0; i < 8; ++i) EXPECT_EQ(map.at(i), 7);
}

TEST(RangeMap, ChangingAMiddleRangeSplitsAtBothEnds) {
  RangeMap<int> map(8, 0);
  Visited seen;
  EXPECT_TRUE(map.forEach(ByteRange{2, 5}, [&](ByteRange r, int& v) {
    seen.emplace_back(r, v);
    v = 1;
    return true;
  }));
  EXPECT_EQ(seen, (Visited{{ByteRange{2, 5}, 0}}));
  EXPECT_EQ(map.runCount(), 3u);
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 2}, 0}, {ByteRange{2, 5}, 1}, {ByteRange{5, 8}, 0}}));
  EXPECT_EQ(map.at(1), 0);
  EXPECT_EQ(map.at(2), 1);
  EXPECT_EQ(map.at(4), 1);
  EXPECT_EQ(map.at(5), 0);
}

TEST(RangeMap, RangesAtTheEdgesSplitOnlyOnce) {
  RangeMap<int> map(8, 0);
  EXPECT_TRUE(map.forEach(ByteRange{0, 3}, [](ByteRange, int& v) { v = 1; return true; }));
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 3}, 1}, {ByteRange{3, 8}, 0}}));
  EXPECT_TRUE(map.forEach(ByteRange{6, 8}, [](ByteRange, int& v) { v = 2; return true; }));
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 3}, 1}, {ByteRange{3, 6}, 0}, {ByteRange{6, 8}, 2}}));
}

TEST(RangeMap, VisitsRunsInOffsetOrderClippedToTheRange) {
  RangeMap<int> map(10, 0);
  // Runs: [0,2)=1 [2,4)=2 [4,7)=3 [7,10)=0.
  int next = 1;
  for (ByteRange r : {ByteRange{0, 2}, ByteRange{2, 4}, ByteRange{4, 7}}) {
    EXPECT_TRUE(map.forEach(r, [&](ByteRange, int& v) { v = next; return true; }));
    ++next;
  }
  ASSERT_EQ(map.runCount(), 4u);
  Visited seen;
  EXPECT_TRUE(map.forEach(ByteRange{1, 8}, [&](ByteRange r, int& v) {
    seen.emplace_back(r, v);
    return true;
  }));
  EXPECT_EQ(seen, (Visited{{ByteRange{1, 2}, 1}, {ByteRange{2, 4}, 2}, {ByteRange{4, 7}, 3}, {ByteRange{7, 8}, 0}}));
  // Visiting without changing anything merges the splits back.
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 2}, 1}, {ByteRange{2, 4}, 2}, {ByteRange{4, 7}, 3}, {ByteRange{7, 10}, 0}}));
}

TEST(RangeMap, UnchangedVisitLeavesOneRun) {
  RangeMap<int> map(8, 4);
  EXPECT_TRUE(map.forEach(ByteRange{3, 5}, [](ByteRange, int&) { return true; }));
  EXPECT_EQ(map.runCount(), 1u);
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 8}, 4}}));
}

TEST(RangeMap, MergesEqualNeighboursAfterAChange) {
  RangeMap<int> map(8, 0);
  EXPECT_TRUE(map.forEach(ByteRange{2, 4}, [](ByteRange, int& v) { v = 1; return true; }));
  EXPECT_TRUE(map.forEach(ByteRange{4, 6}, [](ByteRange, int& v) { v = 1; return true; }));
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 2}, 0}, {ByteRange{2, 6}, 1}, {ByteRange{6, 8}, 0}}));
  // Setting the middle back to the surroundings' value leaves one run.
  EXPECT_TRUE(map.forEach(ByteRange{2, 6}, [](ByteRange, int& v) { v = 0; return true; }));
  EXPECT_EQ(map.runCount(), 1u);
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 8}, 0}}));
}

TEST(RangeMap, MergesRunsThatBecameEqualInsideTheRange) {
  RangeMap<int> map(6, 0);
  EXPECT_TRUE(map.forEach(ByteRange{0, 2}, [](ByteRange, int& v) { v = 1; return true; }));
  EXPECT_TRUE(map.forEach(ByteRange{2, 4}, [](ByteRange, int& v) { v = 2; return true; }));
  ASSERT_EQ(map.runCount(), 3u);
  EXPECT_TRUE(map.forEach(ByteRange{0, 6}, [](ByteRange, int& v) { v = 9; return true; }));
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 6}, 9}}));
}

TEST(RangeMap, StopsEarlyWhenAVisitSaysSo) {
  RangeMap<int> map(6, 0);
  EXPECT_TRUE(map.forEach(ByteRange{2, 4}, [](ByteRange, int& v) { v = 1; return true; }));
  Visited seen;
  EXPECT_FALSE(map.forEach(ByteRange{0, 6}, [&](ByteRange r, int& v) {
    seen.emplace_back(r, v);
    v = 5;
    return r.begin != 2;  // stop after the second run
  }));
  EXPECT_EQ(seen, (Visited{{ByteRange{0, 2}, 0}, {ByteRange{2, 4}, 1}}));
  // The third run was not visited, so it kept its value; the first two merged.
  EXPECT_EQ(runsOf(map), (Visited{{ByteRange{0, 4}, 5}, {ByteRange{4, 6}, 0}}));
}

TEST(RangeMap, ConstWalkClipsToTheRangeWithoutSplitting) {
  RangeMap<int> map(10, 0);
  EXPECT_TRUE(map.forEach(ByteRange{3, 6}, [](ByteRange, int& v) { v = 1; return true; }));
  ASSERT_EQ(map.runCount(), 3u);
  const RangeMap<int>& view = map;
  Visited seen;
  view.forEach(ByteRange{1, 4}, [&](ByteRange r, const int& v) { seen.emplace_back(r, v); });
  EXPECT_EQ(seen, (Visited{{ByteRange{1, 3}, 0}, {ByteRange{3, 4}, 1}}));
  seen.clear();
  view.forEach(ByteRange{4, 5}, [&](ByteRange r, const int& v) { seen.emplace_back(r, v); });
  EXPECT_EQ(seen, (Visited{{ByteRange{4, 5}, 1}}));
  seen.clear();
  view.forEach(ByteRange{5, 10}, [&](ByteRange r, const int& v) { seen.emplace_back(r, v); });
  EXPECT_EQ(seen, (Visited{{ByteRange{5, 6}, 1}, {ByteRange{6, 10}, 0}}));
  EXPECT_EQ(map.runCount(), 3u);
}

TEST(RangeMap, SingleByteAllocation) {
  RangeMap<int> map(1, 3);
  EXPECT_TRUE(map.forEach(ByteRange{0, 1}, [](ByteRange r, int& v) {
    EXPECT_EQ(r, (ByteRange{0, 1}));
    v = 4;
    return true;
  }));
  EXPECT_EQ(map.runCount(), 1u);
  EXPECT_EQ(map.at(0), 4);
}

// Byte-wise reference: applying per-byte writes through random ranges keeps
// the map equal to a plain array, and no two neighbouring runs are equal.
TEST(RangeMap, AgreesWithAPlainArrayAndStaysMerged) {
  constexpr std::uint64_t kSize = 12;
  RangeMap<int> map(kSize, 0);
  std::vector<int> bytes(kSize, 0);
  std::uint32_t state = 12345;
  auto rnd = [&](std::uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % bound;
  };
  for (int step = 0; step < 500; ++step) {
    const std::uint64_t begin = rnd(kSize);
    const std::uint64_t end = begin + 1 + rnd(static_cast<std::uint32_t>(kSize - begin));
    const int value = static_cast<int>(rnd(3));
    std::uint64_t expectedBegin = begin;
    EXPECT_TRUE(map.forEach(ByteRange{begin, end}, [&](ByteRange r, int& v) {
      EXPECT_EQ(r.begin, expectedBegin);  // in order, contiguous
      expectedBegin = r.end;
      for (std::uint64_t i = r.begin; i < r.end; ++i) EXPECT_EQ(bytes[i], v);
      v = value;
      return true;
    }));
    EXPECT_EQ(expectedBegin, end);
    for (std::uint64_t i = begin; i < end; ++i) bytes[i] = value;
    const Visited runs = runsOf(map);
    std::uint64_t at = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      EXPECT_EQ(runs[i].first.begin, at);
      if (i > 0) {
        EXPECT_NE(runs[i - 1].second, runs[i].second) << "unmerged neighbours at " << at;
      }
      for (std::uint64_t b = runs[i].first.begin; b < runs[i].first.end; ++b) EXPECT_EQ(bytes[b], runs[i].second);
      at = runs[i].first.end;
    }
    EXPECT_EQ(at, kSize);
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace sbcheck::sb
