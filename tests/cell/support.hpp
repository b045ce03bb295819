// Shared by the cell tests: a probe that writes down every memory operation the
// cell reports (and can veto from a chosen one on, as the model probe does after
// UB), results and objects as short text so failures read like the spec, and
// the one list of policies for typed suites.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/cell/cell.hpp"

namespace sbcheck::cell::tests {

/// Records each operation as text: "alloc #0", "read #0 state",
/// "retag #0 shared data -> #1", "write #1 data", "dealloc #0". Pointer ids are
/// handed out in order, so the first object's base is #0. A vetoed operation is
/// recorded with " (vetoed)" appended.
class RecordingProbe final : public Probe {
 public:
  /// Allows the next `n` retags and accesses, then vetoes every later one.
  void allowOnly(std::size_t n) { allowance_ = n; }
  /// Allows everything again.
  void allowAll() { allowance_.reset(); }

  /// The events recorded since the last call, which forgets them.
  std::vector<std::string> take() { return std::exchange(events_, {}); }
  const std::vector<std::string>& events() const { return events_; }

  /// How many times `base` was reported freed.
  int deallocations(PtrId base) const {
    const auto found = deallocations_.find(base);
    return found == deallocations_.end() ? 0 : found->second;
  }

  PtrId allocate(const Layout&) override {
    const PtrId id = next_++;
    events_.push_back("alloc #" + std::to_string(id));
    return id;
  }

  std::optional<PtrId> retag(PtrId parent, Retag kind, Bytes region) override {
    const bool allowed = permit();
    std::string text = "retag #" + std::to_string(parent) + " " + retagName(kind) + " " + regionName(region);
    if (!allowed) {
      events_.push_back(text + " (vetoed)");
      return std::nullopt;
    }
    const PtrId id = next_++;
    events_.push_back(text + " -> #" + std::to_string(id));
    return id;
  }

  bool access(PtrId ptr, Access kind, Bytes region) override {
    const bool allowed = permit();
    events_.push_back(std::string(kind == Access::kRead ? "read" : "write") + " #" + std::to_string(ptr) +
                      " " + regionName(region) + (allowed ? "" : " (vetoed)"));
    return allowed;
  }

  /// Vetoes a second free of one object, as the checking probes do.
  bool deallocate(PtrId base) override {
    const bool again = freed(base);
    ++deallocations_[base];
    events_.push_back("dealloc #" + std::to_string(base) + (again ? " (vetoed)" : ""));
    return !again;
  }
  bool freed(PtrId base) const override { return deallocations(base) > 0; }

 private:
  bool permit() {
    if (!allowance_) return true;
    if (*allowance_ == 0) return false;
    --*allowance_;
    return true;
  }

  static const char* regionName(Bytes region) { return region.begin == kStateBytes.begin ? "state" : "data"; }
  static const char* retagName(Retag kind) {
    switch (kind) {
      case Retag::kMut: return "unique";
      case Retag::kTwoPhaseMut: return "two-phase";
      case Retag::kShared: return "shared";
      case Retag::kSharedInteriorMut: return "shared-cell";
      case Retag::kRawMut: return "raw-mut";
      case Retag::kRawConst: return "raw-const";
    }
    return "?";
  }

  std::vector<std::string> events_;
  std::map<PtrId, int> deallocations_;
  std::optional<std::size_t> allowance_;
  PtrId next_ = 0;
};

// ---- Results as text ---------------------------------------------------------

inline std::string text(std::uint64_t n) { return std::to_string(n); }
inline std::string text(bool b) { return b ? "true" : "false"; }
inline std::string text(const Next& next) { return next.stop ? "stop" : std::to_string(next.item); }
inline std::string text(const Done&) { return "done"; }
inline std::string text(const Guard&) { return "granted"; }
inline std::string text(const Iterator&) { return "granted"; }

/// "3", "true", "stop", "done", "granted", "AlreadyBorrowed", "RuntimeError"
/// or "halted".
template <class T>
std::string outcome(const Result<T>& result) {
  if (const auto* refusal = std::get_if<Refusal>(&result)) return std::string(name(*refusal));
  if (std::holds_alternative<Halted>(result)) return "halted";
  return text(std::get<T>(result));
}

/// The guard or iterator a result grants; empty (and a test failure naming the
/// outcome) otherwise.
template <class T>
std::optional<T> take(Result<T>&& result) {
  std::optional<T> taken;
  if (T* value = std::get_if<T>(&result)) {
    taken.emplace(std::move(*value));
  } else {
    ADD_FAILURE() << "expected it to be granted, got " << outcome(result);
  }
  return taken;
}

/// Everything observable about an object, as one line: its count, shared state
/// and data. Equal snapshots mean nothing changed.
inline std::string snapshot(const Object& object) {
  std::string set;
  for (const std::uint32_t key : object.data.set) set += (set.empty() ? "" : ",") + std::to_string(key);
  const SharedState& state = object.state;
  return "refs=" + std::to_string(object.refcount()) + " borrows=" + std::to_string(state.borrows) +
         " leaks=" + std::to_string(state.leaks) + " generation=" + std::to_string(state.generation) +
         " mutable=" + (state.mutablyBorrowed ? "yes" : "no") + " set={" + set + "}" +
         " writes=" + std::to_string(object.data.writes);
}

// ---- The policies ------------------------------------------------------------

using Policies = ::testing::Types<Strict, Generation, UncheckedLeak, NoParentRef, UnguardedInner>;

/// Test names carry the policy's spec name ('-' becomes '_': it means
/// "exclude" in --gtest_filter).
struct PolicyName {
  template <class P>
  static std::string GetName(int) {
    std::string name(P::kName);
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
  }
};

}  // namespace sbcheck::cell::tests
