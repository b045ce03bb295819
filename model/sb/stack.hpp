// One location's borrow stack and the primitive edits the core rules are made
// of. The rules themselves (which item to find, what to remove) are in rules.hpp.
//
// Invariants (sb2.md "State"), checked by `checkInvariants` in debug builds:
//   S1: while the allocation is live the stack is never empty;
//   S2: above a SharedReadOnly item there are only SharedReadOnly items.
//
// Two caches keep deep stacks linear (bench/ A1, A3, A4), both derived data:
//   C1: `topUnique_` is the index of the topmost Unique item (or kNone);
//   C2: for stacks deeper than kIndexedDepth, `index_` maps each tag to the
//       ascending positions of its items. It survives pushes on top and is
//       dropped by any other edit, to be rebuilt on the next lookup.
#pragma once

#include <boost/container/small_vector.hpp>
#include <algorithm>
#include <cassert>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/mutant.hpp"
#include "model/sb/item.hpp"

namespace sbcheck::sb {

class Stack {
 public:
  /// Most stacks hold a handful of items; keep those inline.
  using Items = boost::container::small_vector<Item, 4>;
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  static constexpr std::size_t kIndexedDepth = 16;

  Stack() = default;
  explicit Stack(Item bottom) { push(bottom); }
  Stack(const Stack& other) : items_(other.items_), topUnique_(other.topUnique_) {}
  Stack(Stack&&) noexcept = default;
  Stack& operator=(const Stack& other) {
    items_ = other.items_;
    topUnique_ = other.topUnique_;
    index_.reset();
    return *this;
  }
  Stack& operator=(Stack&&) noexcept = default;

  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const Item& operator[](std::size_t i) const { return items_[i]; }
  std::span<const Item> items() const { return {items_.data(), items_.size()}; }

  /// Whether a Unique item sits above position `i`.
  bool hasUniqueAbove(std::size_t i) const { return topUnique_ != kNone && topUnique_ > i; }

  /// Searching from the top down, the first item with `tag` whose permission
  /// grants `access` (sb2.md "Access" step 1).
  std::optional<std::size_t> findGranting(AccessKind access, Tag tag) const {
    if (items_.size() > kIndexedDepth) return findIndexed(access, tag);
    for (std::size_t i = items_.size(); i-- > 0;) {
      const std::size_t at = mutant::planted(mutant::Mutant::kModelBottomUpSearch) ? items_.size() - 1 - i : i;
      const Item& item = items_[at];
      if (item.tag == tag && grants(item.perm, access)) return at;
    }
    return std::nullopt;
  }

  /// One past the contiguous SharedReadWrite items directly above `granting`,
  /// when `granting` is itself SharedReadWrite; `granting + 1` otherwise.
  std::size_t srwGroupEnd(std::size_t granting) const {
    std::size_t end = granting + 1;
    if (items_[granting].perm != Permission::SharedReadWrite) return end;
    while (end < items_.size() && items_[end].perm == Permission::SharedReadWrite) ++end;
    return end;
  }

  void insert(std::size_t position, Item item) {
    if (position == items_.size()) return push(item);
    items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(position), item);
    if (topUnique_ != kNone && topUnique_ >= position) ++topUnique_;
    if (item.perm == Permission::Unique && (topUnique_ == kNone || position > topUnique_)) topUnique_ = position;
    index_.reset();
  }

  /// Removes, in one pass, every item above `granting` for which `decide`
  /// says so; `decide` sees each item bottom-up and may stop the pass early
  /// by returning `kStop` (the item then stays, as do all above it).
  enum class Verdict { kKeep, kRemove, kStop };
  template <class Decide>
  bool removeAbove(std::size_t granting, Decide&& decide) {
    // Items below the first removed one stay where they are.
    std::size_t in = granting + 1;
    Verdict verdict = Verdict::kKeep;
    while (in < items_.size() && (verdict = decide(items_[in])) == Verdict::kKeep) ++in;
    if (in == items_.size() || verdict == Verdict::kStop) return verdict != Verdict::kStop;
    std::size_t out = in++;
    for (; in < items_.size(); ++in) {
      verdict = decide(items_[in]);
      if (verdict == Verdict::kStop) break;
      if (verdict == Verdict::kKeep) items_[out++] = items_[in];
    }
    for (; in < items_.size(); ++in) items_[out++] = items_[in];  // after a stop, keep the rest
    items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(out), items_.end());
    recomputeTopUnique();
    index_.reset();
    return verdict != Verdict::kStop;
  }

  /// Replaces the permission of the item at `index` (sb2-disable).
  void setPermission(std::size_t index, Permission perm) {
    items_[index].perm = perm;
    recomputeTopUnique();
  }

  void clear() {
    items_.clear();
    topUnique_ = kNone;
    index_.reset();
  }

  friend bool operator==(const Stack& a, const Stack& b) {
    return a.items_.size() == b.items_.size() && std::equal(a.items_.rbegin(), a.items_.rend(), b.items_.rbegin());
  }

  /// S1, S2 and C1 above; false means the model has a bug.
  bool checkInvariants() const;

 private:
  using Index = std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>;

  void push(Item item) {
    if (item.perm == Permission::Unique) topUnique_ = items_.size();
    if (index_) (*index_)[item.tag.id].push_back(static_cast<std::uint32_t>(items_.size()));
    items_.push_back(item);
  }

  void recomputeTopUnique() {
    topUnique_ = kNone;
    for (std::size_t i = items_.size(); i-- > 0;) {
      if (items_[i].perm == Permission::Unique) {
        topUnique_ = i;
        return;
      }
    }
  }

  std::optional<std::size_t> findIndexed(AccessKind access, Tag tag) const {
    if (!index_) {
      index_ = std::make_unique<Index>();
      for (std::size_t i = 0; i < items_.size(); ++i) (*index_)[items_[i].tag.id].push_back(static_cast<std::uint32_t>(i));
    }
    auto found = index_->find(tag.id);
    if (found == index_->end()) return std::nullopt;
    for (auto it = found->second.rbegin(); it != found->second.rend(); ++it) {
      if (grants(items_[*it].perm, access)) return *it;
    }
    return std::nullopt;
  }

  Items items_;
  std::size_t topUnique_ = kNone;       // C1
  mutable std::unique_ptr<Index> index_;  // C2
};

/// `[Uniq <1>, SRW <untagged>, SRO <3>*]`
std::string toString(const Stack& stack);

}  // namespace sbcheck::sb
