// One location's borrow stack and the primitive edits the core rules are made
// of. The rules themselves (which item to find, what to remove) are in rules.hpp.
//
// Invariants (sb2.md "State"), checked by `checkInvariants` in debug builds:
//   S1: while the allocation is live the stack is never empty;
//   S2: above a SharedReadOnly item there are only SharedReadOnly items.
#pragma once

#include <boost/container/small_vector.hpp>
#include <cassert>
#include <cstddef>
#include <optional>
#include <span>
#include <string>

#include "model/sb/item.hpp"

namespace sbcheck::sb {

class Stack {
 public:
  /// Most stacks hold a handful of items; keep those inline.
  using Items = boost::container::small_vector<Item, 4>;

  Stack() = default;
  explicit Stack(Item bottom) { items_.push_back(bottom); }

  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const Item& operator[](std::size_t i) const { return items_[i]; }
  std::span<const Item> items() const { return {items_.data(), items_.size()}; }

  /// Searching from the top down, the first item with `tag` whose permission
  /// grants `access` (sb2.md "Access" step 1).
  std::optional<std::size_t> findGranting(AccessKind access, Tag tag) const {
    for (std::size_t i = items_.size(); i-- > 0;) {
      const Item& item = items_[i];
      if (item.tag == tag && grants(item.perm, access)) return i;
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

  void insert(std::size_t position, Item item) { items_.insert(items_.begin() + position, item); }

  /// Removes, in one pass, every item above `granting` for which `remove`
  /// says so; `remove` sees each item bottom-up and may stop the pass early
  /// by returning `kStop` (the item then stays, as do all above it).
  enum class Verdict { kKeep, kRemove, kStop };
  template <class Decide>
  bool removeAbove(std::size_t granting, Decide&& decide) {
    std::size_t out = granting + 1;
    bool stopped = false;
    for (std::size_t in = granting + 1; in < items_.size(); ++in) {
      const Verdict verdict = stopped ? Verdict::kKeep : decide(items_[in]);
      if (verdict == Verdict::kStop) stopped = true;
      if (verdict != Verdict::kRemove) items_[out++] = items_[in];
    }
    items_.erase(items_.begin() + out, items_.end());
    return !stopped;
  }

  /// Replaces the permission of the item at `index` (sb2-disable).
  void setPermission(std::size_t index, Permission perm) { items_[index].perm = perm; }

  void clear() { items_.clear(); }

  friend bool operator==(const Stack& a, const Stack& b) {
    return a.items_.size() == b.items_.size() &&
           std::equal(a.items_.rbegin(), a.items_.rend(), b.items_.rbegin());
  }

  /// S1 and S2 above; false means the model has a bug.
  bool checkInvariants() const;

 private:
  Items items_;
};

/// `[Uniq <1>, SRW <untagged>, SRO <3>*]`
std::string toString(const Stack& stack);

}  // namespace sbcheck::sb
