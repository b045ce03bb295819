// A cell of its own: one int behind a borrow flag, lent out as shared
// references ("leaks") the way an FFI binding lends its data to iterators.
// Written only against sbcheck's public headers: it tells its probe of every
// memory operation before doing it and stops when the probe says no.
#pragma once

#include <sbcheck/probe.hpp>
#include <sbcheck/result.hpp>
#include <sbcheck/tracked.hpp>

#include <optional>

class Box {
 public:
  static constexpr sbcheck::Bytes kValue{0, 4};
  static constexpr sbcheck::Region kRegions[] = {{"value", kValue}};
  static constexpr sbcheck::Layout kLayout{4, kRegions};

  /// `checkLeaks` off plants the bug: set() ignores the leaks still alive.
  explicit Box(sbcheck::Probe& probe, bool checkLeaks = true)
      : probe_(probe), base_(probe.allocate(kLayout)), checkLeaks_(checkLeaks) {}

  /// A shared reference for a reader, as `&*raw`: counted until given back.
  std::optional<sbcheck::PtrId> leak() {
    const std::optional<sbcheck::PtrId> raw = probe_.retag(base_, sbcheck::Retag::kRawMut, kValue);
    if (!raw) return std::nullopt;
    const std::optional<sbcheck::PtrId> shared = probe_.retag(*raw, sbcheck::Retag::kShared, kValue);
    if (shared) ++leaks_;
    return shared;
  }
  void giveBack() { --leaks_; }

  /// Reads the value through a leaked reference.
  sbcheck::Result<int> read(sbcheck::PtrId leaked) const {
    return value_.with(probe_, leaked, [](const int& value) { return value; });
  }

  /// Writes the value through a fresh `&mut`, refused while a leak lives.
  sbcheck::Result<sbcheck::Done> set(int value) {
    if (checkLeaks_ && leaks_ > 0) return sbcheck::Refusal::kAlreadyBorrowed;
    const std::optional<sbcheck::PtrId> unique = probe_.retag(base_, sbcheck::Retag::kMut, kValue);
    if (!unique) return sbcheck::Halted{};
    return value_.withMut(probe_, *unique, [value](int& slot) { slot = value; });
  }

  /// Frees the box's memory (unless the probe vetoes it).
  bool free() { return probe_.deallocate(base_); }

 private:
  sbcheck::Probe& probe_;
  sbcheck::PtrId base_;
  bool checkLeaks_;
  int leaks_ = 0;
  sbcheck::Tracked<int> value_{kValue};
};
