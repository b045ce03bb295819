// Shrinking a borrow trace while a predicate still holds of it: chunks of
// events deleted ddmin-style (halves first), copies inlined, single events
// simplified (smaller sizes and range bounds, fewer modifiers); every
// candidate stays well-formed (the parser accepts its printed text).
#pragma once

#include <functional>

#include "harness/sbt/trace.hpp"

namespace sbcheck::sbt {

/// The smallest trace reached from `trace` by simplifications that keep
/// `stillFails` true, with no header, markers or comments, a fresh name per
/// binding, and lines from 1. `steps` (if given) counts the kept simplifications.
Trace shrinkWhile(Trace trace, const std::function<bool(const Trace&)>& stillFails, int* steps = nullptr);

}  // namespace sbcheck::sbt
