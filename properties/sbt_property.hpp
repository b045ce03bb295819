// The model's law "removed items never grant access" over random `.sbt`
// traces: once a byte's stack has lost every item of a tag, nothing done with
// that tag at that byte is granted again. The check, where it must hold, and a
// random search that shrinks a counterexample to a minimal trace.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "harness/sbt/generate.hpp"
#include "harness/sbt/trace.hpp"
#include "harness/shrink_stats.hpp"

namespace sbcheck::properties {

/// Which tags the law is checked for: `Tagged(n)`, or `Untagged`.
enum class TagScope : std::uint8_t { kTagged, kUntagged };

struct TraceViolation {
  std::size_t eventIndex = 0;  ///< into the trace's events: the granted use
  std::string reason;          ///< names the use, the tag, the byte and the removing event

  friend bool operator==(const TraceViolation&, const TraceViolation&) = default;
};

/// Once a byte's stack has lost every item of a tag (after having had one; a
/// Disabled item counts as lost: it grants nothing and never grants again), no
/// later access (read/write/dealloc) or retag with that tag (its parent tag) at
/// that byte is granted. Checks tags in `scope` only. The trace (well-formed,
/// as parseTrace guarantees) runs on `model` until its first UB, where it ends;
/// its `!ub` marker and models header are ignored.
std::optional<TraceViolation> checkRemovedItemsNeverGrant(const sbt::Trace& trace, std::string_view model,
                                                          TagScope scope);

/// Where it must hold: tagged tags under every variant; Untagged under
/// sb2-tagged-raw only (there raw pointers are tagged; only untagged
/// allocations' bases are Untagged, and their bottom item is never removed but
/// by dealloc). Under the other variants Untagged fails: e.g. a raw pointer's
/// `SRW <untagged>` is removed, and a later `*mut` cast re-grants <untagged>.
bool removedItemsMustHold(std::string_view model, TagScope scope);

struct TraceSearchOptions {
  std::string model = "sb2";
  TagScope scope = TagScope::kTagged;
  int runs = 1000;
  std::uint64_t seed = 0;
  int maxSize = 100;                    ///< sizes ramp from 0 to this, as RapidCheck's do
  sbt::TraceGenStats* stats = nullptr;  ///< filled with every generated trace when given
};

struct TraceCounterexample {
  sbt::Trace trace;          ///< minimal: no models, markers or comments; names canonical; lines from 1
  TraceViolation violation;  ///< on the minimal trace (its last event)
  int foundAtRun = 0;
  std::size_t originalLength = 0;  ///< events in the trace as found
  int shrinkSteps = 0;             ///< kept steps in all: shrink.removals + shrink.valueSteps
  ShrinkStats shrink;              ///< what the shrinker kept, and whether the result is locally minimal
};

struct TraceSearchResult {
  int runs = 0;  ///< traces checked
  std::optional<TraceCounterexample> counterexample;
};

/// Random traces from sbt::genTrace (seeded, sizes ramping like RapidCheck's),
/// checked one by one; the first failure is shrunk and checked to fail the same
/// way every time before it is returned.
TraceSearchResult searchTraces(const TraceSearchOptions& options);

/// Shrinks a failing trace: drops chunks of events (halves first, down to single
/// ones), inlines copies, points operands at older names, simplifies single
/// events (sizes toward 1, offsets and ranges toward 0 and width 1, simpler
/// retag kinds, fewer modifiers) while the law still fails and the trace stays
/// well-formed (printTrace, then parseTrace accepts it); then checks that no
/// single step still fails (`shrink.locallyMinimal`).
TraceCounterexample shrinkTrace(sbt::Trace trace, const TraceViolation& violation, const TraceSearchOptions& options);

/// Whether `trace` fails identically (same event, same reason) on `times` fresh runs.
bool traceFailsDeterministically(const sbt::Trace& trace, const TraceViolation& violation,
                                 const TraceSearchOptions& options, int times = 3);

}  // namespace sbcheck::properties
