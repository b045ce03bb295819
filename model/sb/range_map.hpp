// A per-allocation map from byte offsets to values (borrow stacks) that
// stores runs of equal neighbours once. Operations on a byte range split the
// runs at its ends, visit each run in offset order, then merge equal neighbours
// again, so an allocation that is used uniformly stays a single run.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <vector>

namespace sbcheck::sb {

/// Byte offsets [begin, end) from the start of an allocation.
struct ByteRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;

  std::uint64_t size() const { return end - begin; }
  friend bool operator==(ByteRange, ByteRange) = default;
};

template <class T>
class RangeMap {
 public:
  RangeMap(std::uint64_t size, T initial) : size_(size) {
    runs_.push_back(Run{0, std::move(initial)});
  }

  std::uint64_t size() const { return size_; }
  std::size_t runCount() const { return runs_.size(); }

  /// Calls `visit(ByteRange, T&)` on each run of `range`, in offset order,
  /// while it returns true. Returns false if a visit stopped the walk.
  template <class Visit>
  bool forEach(ByteRange range, Visit&& visit) {
    assert(range.begin < range.end && range.end <= size_ && "range checked by the caller");
    const std::size_t first = splitAt(range.begin);
    const std::size_t last = range.end == size_ ? runs_.size() : splitAt(range.end);
    bool completed = true;
    for (std::size_t i = first; i < last && completed; ++i) {
      completed = visit(ByteRange{runs_[i].begin, endOf(i)}, runs_[i].value);
    }
    mergeEqualNeighbours(first == 0 ? 0 : first - 1, std::min(last + 1, runs_.size()));
    return completed;
  }

  /// Read-only walk over the runs that overlap `range`, clipped to it.
  template <class Visit>
  void forEach(ByteRange range, Visit&& visit) const {
    for (std::size_t i = runIndex(range.begin); i < runs_.size() && runs_[i].begin < range.end; ++i) {
      visit(ByteRange{std::max(runs_[i].begin, range.begin), std::min(endOf(i), range.end)},
            runs_[i].value);
    }
  }

  /// Whether `pred` holds for every run overlapping `range`, without splitting.
  template <class Pred>
  bool allOf(ByteRange range, Pred&& pred) const {
    for (std::size_t i = runIndex(range.begin); i < runs_.size() && runs_[i].begin < range.end; ++i) {
      if (!pred(runs_[i].value)) return false;
    }
    return true;
  }

  /// The value at one byte.
  const T& at(std::uint64_t offset) const { return runs_[runIndex(offset)].value; }

 private:
  struct Run {
    std::uint64_t begin;
    T value;
  };

  std::uint64_t endOf(std::size_t i) const {
    return i + 1 < runs_.size() ? runs_[i + 1].begin : size_;
  }

  std::size_t runIndex(std::uint64_t offset) const {
    if (runs_.size() == 1) return 0;
    auto after = std::upper_bound(runs_.begin(), runs_.end(), offset,
                                  [](std::uint64_t o, const Run& run) { return o < run.begin; });
    return static_cast<std::size_t>(after - runs_.begin()) - 1;
  }

  /// Makes `offset` the start of a run and returns that run's index.
  std::size_t splitAt(std::uint64_t offset) {
    const std::size_t i = runIndex(offset);
    if (runs_[i].begin == offset) return i;
    runs_.insert(runs_.begin() + static_cast<std::ptrdiff_t>(i) + 1, Run{offset, runs_[i].value});
    return i + 1;
  }

  /// Merges equal neighbours among runs [from, to) in one pass.
  void mergeEqualNeighbours(std::size_t from, std::size_t to) {
    if (to - from < 2) return;
    std::size_t out = from;
    for (std::size_t in = from + 1; in < to; ++in) {
      if (runs_[in].value == runs_[out].value) continue;
      ++out;
      if (out != in) runs_[out] = std::move(runs_[in]);
    }
    ++out;
    if (out == to) return;
    runs_.erase(runs_.begin() + static_cast<std::ptrdiff_t>(out),
                runs_.begin() + static_cast<std::ptrdiff_t>(to));
  }

  std::uint64_t size_;
  std::vector<Run> runs_;  // sorted by begin; runs_[0].begin == 0
};

}  // namespace sbcheck::sb
