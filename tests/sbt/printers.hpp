// GoogleTest printers for the trace values, so failed expectations show events
// as their `.sbt` lines rather than raw bytes. Found by ADL, hence declared in
// the types' namespace.
#pragma once

#include <ostream>

#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"

namespace sbcheck::sbt {

inline void PrintTo(const Event& event, std::ostream* os) {
  *os << "'" << printEvent(event) << "' (line " << event.line << ")";
}

inline void PrintTo(const TraceError& error, std::ostream* os) {
  *os << "line " << error.line << ": " << error.message;
}

}  // namespace sbcheck::sbt
