// Ending long runs cleanly on Ctrl-C (SIGINT) or SIGTERM: the handler only
// sets a flag; searches, explorations and comparisons poll it between units
// of work and return what they completed, which the CLI prints marked
// "interrupted" before exiting with status 130.
#pragma once

#include <atomic>

namespace sbcheck {

/// Makes SIGINT and SIGTERM set the interrupt flag instead of killing the
/// process. A second signal of either kind, two seconds or more after the
/// first, ends the process at once.
void installInterruptHandlers();

/// The flag the handlers set (false until a signal arrives).
const std::atomic<bool>& interruptFlag();

/// Whether a run should stop now.
inline bool interruptRequested() { return interruptFlag().load(std::memory_order_relaxed); }

}  // namespace sbcheck
