// RapidCheck generators of random well-formed borrow traces, for properties
// that print, parse, run or compare traces, and the statistics that show what
// a batch of them covered (`--stats`).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include <rapidcheck.h>

#include "harness/sbt/trace.hpp"

namespace sbcheck::sbt {

/// Random traces that parseTrace accepts once printed: every name bound (by
/// `alloc` or `let`, with shadowing) before use, `return` and `protect` only
/// with a frame open, `cell[..]` ranges ascending, disjoint and inside the new
/// pointer's range, at most one `!ub`, models known and without duplicates.
/// Operand ranges may reach past the allocation (runtime UB, not a trace error),
/// so the traces are well-formed, not UB-free. Events have no line numbers.
///
/// Swarm testing: each trace enables a random subset of the event kinds, retag
/// forms and modifiers (stack and `untagged` allocations, every `let` form,
/// `call`/`protect`/`return`, `read`, `write`, `dealloc`, operand ranges), so
/// that traces made of only a few kinds, which reach rarer states, are common.
rc::Gen<Trace> genTrace();

/// What a batch of generated traces looked like, for `--stats`.
struct TraceGenStats {
  /// The `let` forms, in the order `render` lists them.
  enum LetForm : std::uint8_t {
    kMutRef,        ///< `&mut X`
    kTwoPhase,      ///< `&mut X twophase`
    kTwoPhaseCell,  ///< `&mut X twophase cell` / `cell[..]`
    kShared,        ///< `&X`
    kSharedCell,    ///< `&cell X` / `&X cell[..]`
    kRawMut,        ///< `*mut X`
    kRawConst,      ///< `*const X`
    kRawConstCell,  ///< `*const cell X` / `*const X cell[..]`
    kCopy,          ///< `X`
    kLetFormCount,
  };

  int traces = 0;
  long events = 0;
  std::array<long, 7> eventKinds{};          ///< per EventKind
  std::array<long, kLetFormCount> letForms{};
  long untaggedAllocs = 0;
  long protects = 0;
  long operandRanges = 0;  ///< operands written `X[A..B]`
  long ubMarkers = 0;
  int maxDepth = 0;                 ///< deepest nesting of open frames seen
  std::map<int, int> lengths;       ///< length bucket (multiples of 10) -> traces
  std::map<int, int> formsPerTrace; ///< distinct event kinds and let forms used -> traces

  void add(const Trace& trace);
  std::string render() const;
};

/// Show a counterexample as `.sbt` text (found by RapidCheck through ADL).
void showValue(const Trace& trace, std::ostream& os);
void showValue(const Event& event, std::ostream& os);

}  // namespace sbcheck::sbt
