// Shrinking a borrow trace while a predicate still holds of it: chunks of
// events deleted ddmin-style (halves first), copies inlined, operands pointed
// at older names, single events simplified (sizes toward 1, offsets and ranges
// toward 0 and width 1, retag kinds toward a plain `&mut`, fewer modifiers);
// every candidate stays well-formed (the parser accepts its printed text).
#pragma once

#include <functional>

#include "harness/sbt/trace.hpp"
#include "harness/shrink_stats.hpp"

namespace sbcheck::sbt {

/// The smallest trace reached from `trace` by simplifications that keep
/// `stillFails` true, with no header, markers or comments, a fresh name per
/// binding, and lines from 1. `stats` (if given) counts the kept removals and
/// value steps, and says whether the result passed `locallyMinimal`.
Trace shrinkWhile(Trace trace, const std::function<bool(const Trace&)>& stillFails, ShrinkStats* stats = nullptr);

/// Whether no single step of the shrinker (one event dropped, one copy
/// inlined, one operand renamed, one value simplified) applied to `trace`
/// (with a fresh name per binding, as shrinkWhile leaves it) is well-formed
/// and still fails.
bool locallyMinimal(const Trace& trace, const std::function<bool(const Trace&)>& stillFails);

}  // namespace sbcheck::sbt
