// RapidCheck generators of random well-formed borrow traces, for properties
// that print, parse, run or compare traces.
#pragma once

#include <ostream>

#include <rapidcheck.h>

#include "harness/sbt/trace.hpp"

namespace sbcheck::sbt {

/// Random traces that parseTrace accepts once printed: every name bound (by
/// `alloc` or `let`, with shadowing) before use, `return` and `protect` only
/// with a frame open, `cell[..]` ranges ascending, disjoint and inside the new
/// pointer's range, at most one `!ub`, models known and without duplicates.
/// Operand ranges may reach past the allocation (runtime UB, not a trace error),
/// so the traces are well-formed, not UB-free. Events have no line numbers.
rc::Gen<Trace> genTrace();

/// Show a counterexample as `.sbt` text (found by RapidCheck through ADL).
void showValue(const Trace& trace, std::ostream& os);
void showValue(const Event& event, std::ostream& os);

}  // namespace sbcheck::sbt
