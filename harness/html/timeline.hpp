// What a borrow-stack picture is drawn from: one lane (a model, or a policy)
// per run of a trace, holding after every event the stacks of every
// allocation, the items the event removed (and the rule's words), and the
// pointer it used. Recorded by running the trace on the model, event by event.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/sbt/replay.hpp"
#include "harness/sbt/trace.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck::html {

using sb::ByteRange;

/// One allocation's stacks after an event, run by run as the range map keeps them.
struct AllocationState {
  std::string name;   ///< as the trace's `alloc` named it
  std::uint64_t size = 0;
  bool live = true;   ///< false once deallocated
  std::vector<std::pair<ByteRange, sb::Stack>> runs;  ///< empty once freed
};

/// An item that left a run of bytes during an event, and why (sb::ruleText).
struct RemovedItem {
  std::string alloc;
  ByteRange bytes;
  sb::Removal removal;
  std::string why;  ///< "removed by a write access via <2> (p): Unique grants the write; ..."
};

/// One event as one lane ran it.
struct Step {
  sbt::Event event;
  std::string text;  ///< the event as `.sbt`, e.g. "read p"
  std::vector<AllocationState> allocations;  ///< every allocation made so far, in order
  std::vector<RemovedItem> removed;
  std::optional<sbt::Use> use;  ///< the pointer and bytes the event went through
  std::string useAlloc;         ///< the name of `use`'s allocation
  std::optional<sbt::UbReport> ub;  ///< set on the UB step (the last)
};

/// One run of the trace: a model (replay) or a policy (run), with its verdict.
struct Lane {
  std::string name;     ///< "sb2", "strict"
  std::string verdict;  ///< "PASS: UB at line 9, as expected"
  bool passed = true;
  std::vector<Step> steps;
  std::map<std::uint64_t, std::string> tagNames;  ///< tag id -> the name the trace first bound to it
};

/// The name shown for a tag: the trace's first name for it, "untagged", or "<N>".
std::string tagLabel(const Lane& lane, sb::Tag tag);

/// Runs `trace` (checked by parseTrace) on a fresh `model` until its first UB,
/// recording every step. `ub`, when given, replaces the report of the UB step
/// (a `.cell` run's report in the file's own lines).
Lane recordLane(const sbt::Trace& trace, sb::AnyModel& model, std::string name,
                const std::optional<sbt::UbReport>& ub = std::nullopt);

/// The full text report, as `sbcheck replay` prints it (error, stack, help lines).
std::string reportText(const sbt::UbReport& ub);

}  // namespace sbcheck::html
