// The explorer's set of visited states: 64-bit fingerprints in one
// open-addressing table (hash compaction, as SPIN's -DHC), so a stored state
// costs 16–32 bytes here however big the state itself is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sbcheck::explore {

class VisitedSet {
 public:
  VisitedSet() : slots_(kInitialSlots, kEmpty) {}

  /// Adds `fingerprint`; false if it was there already.
  bool insert(std::uint64_t fingerprint) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    return place(slots_, normal(fingerprint));
  }
  bool contains(std::uint64_t fingerprint) const {
    fingerprint = normal(fingerprint);
    for (std::size_t i = home(fingerprint, slots_.size());; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == fingerprint) return true;
      if (slots_[i] == kEmpty) return false;
    }
  }
  std::size_t size() const { return size_; }
  std::size_t bytes() const { return slots_.size() * sizeof(std::uint64_t); }

 private:
  static constexpr std::uint64_t kEmpty = 0;
  static constexpr std::size_t kInitialSlots = 1024;  // a power of two

  /// 0 marks an empty slot, so the one fingerprint that is 0 is stored as 1.
  static std::uint64_t normal(std::uint64_t fingerprint) { return fingerprint == kEmpty ? 1 : fingerprint; }
  static std::size_t home(std::uint64_t fingerprint, std::size_t slots) {
    return static_cast<std::size_t>((fingerprint * 0x9e3779b97f4a7c15ull) >> 20) & (slots - 1);
  }

  bool place(std::vector<std::uint64_t>& slots, std::uint64_t fingerprint) {
    for (std::size_t i = home(fingerprint, slots.size());; i = (i + 1) & (slots.size() - 1)) {
      if (slots[i] == fingerprint) return false;
      if (slots[i] == kEmpty) {
        slots[i] = fingerprint;
        ++size_;
        return true;
      }
    }
  }

  void grow() {
    std::vector<std::uint64_t> bigger(2 * slots_.size(), kEmpty);
    size_ = 0;
    for (const std::uint64_t fingerprint : slots_) {
      if (fingerprint != kEmpty) place(bigger, fingerprint);
    }
    slots_.swap(bigger);
  }

  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

}  // namespace sbcheck::explore
