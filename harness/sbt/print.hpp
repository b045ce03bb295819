// Writing a Trace back as `.sbt` text: parseTrace(printTrace(t)) has the same
// models and events as t.
#pragma once

#include <string>

#include "harness/sbt/trace.hpp"

namespace sbcheck::sbt {

/// One event as its line's text, without comment or newline (`let b = &a !ub`).
std::string printEvent(const Event& event);

/// The whole trace: the `#! models:` header if any, then one line per event,
/// with ` # comment` where the event has one.
std::string printTrace(const Trace& trace);

}  // namespace sbcheck::sbt
