// What the `.cell` interpreter needs from a probe besides the cell's own
// interface: which op is running, which objects are gone, and a way to stop
// telling the model (for teardown). Two implementations: ModelProbe, which
// keeps a readable `.sbt` trace and explains UB, and DirectProbe, which only
// asks the model — for running many sequences fast.
#pragma once

#include <sbcheck/probe.hpp>

#include "harness/cellseq/sequence.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck::cellseq {

/// The public probe's words in the model's.
inline sb::ByteRange rangeOf(Bytes bytes) { return sb::ByteRange{bytes.begin, bytes.end}; }
inline sb::AccessKind accessOf(Access kind) { return kind == Access::kRead ? sb::AccessKind::Read : sb::AccessKind::Write; }
inline sb::RetagKind retagOf(Retag kind) {
  switch (kind) {
    case Retag::kMut: return sb::RetagKind::kUnique;
    case Retag::kTwoPhaseMut: return sb::RetagKind::kTwoPhase;
    case Retag::kShared:
    case Retag::kSharedInteriorMut: return sb::RetagKind::kShared;
    case Retag::kRawMut: return sb::RetagKind::kRawMut;
    case Retag::kRawConst: return sb::RetagKind::kRawConst;
  }
  return sb::RetagKind::kUnique;
}
/// Whether the retagged bytes are inside an UnsafeCell (all of them or none).
inline bool inCell(Retag kind) { return kind == Retag::kSharedInteriorMut; }

class CheckingProbe : public Probe {
 public:
  /// Memory operations from now on come from `op` (which outlives them).
  virtual void setOp(const Op& op) = 0;
  /// Stops telling the model, and vetoing anything but a use of a freed
  /// object: for tearing down after a run.
  virtual void detach() = 0;
  /// Whether the model found UB (everything after it is vetoed).
  virtual bool halted() const = 0;
};

}  // namespace sbcheck::cellseq
