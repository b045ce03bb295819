// What a cell operation returns: its value, a refusal Python would see, or a
// halt (a probe vetoed a memory access because the aliasing model found UB).
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>

namespace sbcheck::cell {

/// A Python-visible refusal.
enum class Refusal : std::uint8_t {
  kAlreadyBorrowed,  ///< `AlreadyBorrowed`
  kInvalidated,      ///< `RuntimeError`: the leak is from an older generation
};

constexpr std::string_view name(Refusal refusal) {
  return refusal == Refusal::kAlreadyBorrowed ? "AlreadyBorrowed" : "RuntimeError";
}

/// The probe vetoed a memory operation; the cell did not perform it.
struct Halted {};

template <class T>
using Result = std::variant<T, Refusal, Halted>;

/// Success with no value.
using Done = std::monostate;

/// What `next` yields: an item, or `stop` when the set is exhausted.
struct Next {
  std::uint32_t item = 0;
  bool stop = false;
};

}  // namespace sbcheck::cell
