// A value that reports every use of itself: the spirit of loom's
// `UnsafeCell::with` / `with_mut`. A cell keeps its data in a Tracked over the
// bytes the data occupies; each use names the pointer it goes through, the
// probe is told of the read or write first, and the code runs only when the
// probe allows it. Ordinary code written against Tracked cannot forget to
// report, nor touch memory the model has vetoed.
#pragma once

#include <functional>
#include <type_traits>
#include <utility>

#include <sbcheck/probe.hpp>
#include <sbcheck/result.hpp>

namespace sbcheck {

/// What a use of a Tracked value returns: the function's result, or Done for void.
template <class F, class Arg>
using UseResult = std::conditional_t<std::is_void_v<std::invoke_result_t<F, Arg>>, Done, std::invoke_result_t<F, Arg>>;

template <class T>
class Tracked {
 public:
  /// A value occupying `bytes` of its allocation.
  explicit Tracked(Bytes bytes, T value = T{}) : bytes_(bytes), value_(std::move(value)) {}

  /// The bytes the value occupies.
  Bytes bytes() const { return bytes_; }

  /// Reads the value through `ptr`: `read(const T&)` runs only if `probe`
  /// allows a read of bytes(); Halted when it vetoes.
  template <class Read>
  Result<UseResult<Read, const T&>> with(Probe& probe, PtrId ptr, Read&& read) const {
    if (!probe.access(ptr, Access::kRead, bytes_)) return Halted{};
    return use(std::forward<Read>(read), value_);
  }

  /// Writes the value through `ptr`: `write(T&)` runs only if `probe` allows
  /// a write of bytes(); Halted when it vetoes (the value is untouched).
  template <class Write>
  Result<UseResult<Write, T&>> withMut(Probe& probe, PtrId ptr, Write&& write) {
    if (!probe.access(ptr, Access::kWrite, bytes_)) return Halted{};
    return use(std::forward<Write>(write), value_);
  }

  /// The value without telling anyone: for the harness's own inspection (a
  /// state fingerprint, a test), never for the cell's memory work.
  const T& unchecked() const { return value_; }

 private:
  template <class F, class Arg>
  static UseResult<F, Arg&> use(F&& f, Arg& value) {
    if constexpr (std::is_void_v<std::invoke_result_t<F, Arg&>>) {
      std::invoke(std::forward<F>(f), value);
      return Done{};
    } else {
      return std::invoke(std::forward<F>(f), value);
    }
  }

  Bytes bytes_;
  T value_;
};

}  // namespace sbcheck
