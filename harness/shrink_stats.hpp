// What a shrinker did, for a report that says it: how many kept steps dropped
// events or ops, how many simplified a value, a name or a kind, and whether the
// result was checked to be locally minimal.
#pragma once

namespace sbcheck {

struct ShrinkStats {
  int removals = 0;    ///< kept candidates that dropped events or ops
  int valueSteps = 0;  ///< kept candidates that simplified a value, a name or a kind
  /// Checked after shrinking: no single removal and no single value step of
  /// the result still fails. False when shrinking stopped at its step bound.
  bool locallyMinimal = false;

  int steps() const { return removals + valueSteps; }
};

}  // namespace sbcheck
