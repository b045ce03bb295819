// Running a parsed trace on one model variant: the first UB (if any) with a
// report a person can act on, and optionally the stacks after every event.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/sbt/trace.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck::sbt {

/// The explanation of a UB: what happened, then the tag's history.
struct UbReport {
  int line = 0;
  std::string event;    ///< the event's text, e.g. "read p"
  std::string kind;     ///< sb::kindId, e.g. "no-granting-item"
  std::string message;  ///< one sentence: the access or retag, tag, bytes, why
  std::string stack;    ///< the failing byte's stack, e.g. "x[0]: [Uniq <1>, SRO <3>]"
  std::vector<std::string> help;  ///< history: creation, removal, frames
};

/// The stacks of the bytes one event touched, after it ran.
struct Step {
  int line = 0;
  std::string event;
  std::vector<std::string> stacks;  ///< "x[0..4]: [Uniq <1>, SRO <3>]" per run
};

struct ReplayResult {
  std::optional<UbReport> ub;  ///< the first UB; the trace stopped there
  std::vector<Step> steps;     ///< filled when asked for
};

struct World;
struct UserTerms;

/// What an event went through: a pointer (with its tag) and bytes — a retag's
/// parent, an access's or a dealloc's target. Allocations, copies and frames
/// use no item.
struct Use {
  sb::Pointer ptr;
  ByteRange bytes;
};

/// Runs events one at a time on a model, keeping names, lines and history so
/// that a UB can be explained. Events must be well-formed (as parseTrace
/// guarantees). `lineText`, when given, describes an event's line in reports
/// (the `.cell` operation an event came from, say); by default the event's own text.
class TraceRunner {
 public:
  /// `explaining` off: only the line and kind of a UB are reported (faster).
  TraceRunner(sb::AnyModel& model, bool explaining = true);
  ~TraceRunner();
  TraceRunner(const TraceRunner&) = delete;
  TraceRunner& operator=(const TraceRunner&) = delete;

  /// Runs one event; the report if it is UB (then stop feeding events).
  std::optional<UbReport> step(const Event& event, const std::string* lineText = nullptr);
  /// The stacks of the bytes `event` touched, after it ran.
  Step stacksAfter(const Event& event) const;
  /// The use of the last event run, if it had one.
  const std::optional<Use>& lastUse() const;
  /// The name an allocation's `alloc` bound.
  const std::string& allocationName(sb::AllocId alloc) const;
  /// The caller's names for the trace's pointers and bytes, used in reports.
  UserTerms& terms();
  /// The name the trace first bound to `tag`, or null (Untagged, or unknown).
  const std::string* boundName(sb::Tag tag) const;
  /// Also tells `observer` of every removal, after the history does (for
  /// pictures of the stacks); null for none. Only while explaining.
  void observeRemovals(sb::StackObserver* observer);

 private:
  class Tee;
  sb::AnyModel& model_;
  std::unique_ptr<World> world_;
  std::unique_ptr<Tee> tee_;
};

/// Runs `trace` (already checked by parseTrace) on `model` until its first UB.
ReplayResult replay(const Trace& trace, sb::AnyModel& model, bool recordSteps = false);

/// The trace's first UB, line and kind only (no explanation: fast).
std::optional<UbReport> firstUb(const Trace& trace, sb::AnyModel& model);

/// The line of the trace's `!ub`, if it has one.
std::optional<int> expectedUbLine(const Trace& trace);

/// A run's verdict against its `!ub`, as `sbcheck replay` words it: "UB at
/// line 9, as expected", "expected no UB; got UB at line 4"...
std::string verdictText(std::optional<int> expected, std::optional<int> got);

}  // namespace sbcheck::sbt
