// What a cell operation returns: its value, a refusal Python would see, or a
// halt (a probe vetoed a memory operation: the aliasing model found UB).
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>

namespace sbcheck {

/// A refusal Python sees as an exception; the operation changed nothing.
enum class Refusal : std::uint8_t {
  kAlreadyBorrowed,  ///< `AlreadyBorrowed`
  kInvalidated,      ///< `RuntimeError`: the leak is from an older generation
};

/// The exception's name, as `.cell` files write it.
constexpr std::string_view name(Refusal refusal) {
  return refusal == Refusal::kAlreadyBorrowed ? "AlreadyBorrowed" : "RuntimeError";
}

/// The probe vetoed a memory operation; the cell did not perform it.
struct Halted {};

/// An operation's outcome: its value, a refusal, or a halt.
template <class T>
using Result = std::variant<T, Refusal, Halted>;

/// Success with no value.
using Done = std::monostate;

/// What `next` yields: an item, or `stop` when the set is exhausted.
struct Next {
  std::uint32_t item = 0;
  bool stop = false;
};

}  // namespace sbcheck
