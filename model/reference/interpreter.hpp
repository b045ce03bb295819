// Running `.sbt` events on the reference Memory: names bound to pointers and
// byte ranges as sbt-format.md says, written apart from harness/sbt/replay.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "harness/sbt/trace.hpp"
#include "model/reference/memory.hpp"

namespace sbcheck::reference {

class Interpreter {
 public:
  explicit Interpreter(const Variant& variant) : memory_(variant) {}

  /// Runs one well-formed event (as parseTrace guarantees); its UB, if any
  /// (then the trace ends: feed no more events).
  [[nodiscard]] std::optional<UbKind> step(const sbt::Event& event);

  const Memory& memory() const { return memory_; }

 private:
  struct Binding {
    Pointer ptr;
    ByteRange range;
  };

  std::optional<UbKind> let(const sbt::Event& event);

  Memory memory_;
  std::map<std::string, Binding> names_;
};

}  // namespace sbcheck::reference
