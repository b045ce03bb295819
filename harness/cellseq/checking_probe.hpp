// What the `.cell` interpreter needs from a probe besides the cell's own
// interface: which op is running, which objects are gone, and a way to stop
// telling the model (for teardown). Two implementations: ModelProbe, which
// keeps a readable `.sbt` trace and explains UB, and DirectProbe, which only
// asks the model — for running many sequences fast.
#pragma once

#include "harness/cellseq/sequence.hpp"
#include "model/cell/probe.hpp"

namespace sbcheck::cellseq {

/// Where a probe puts an object's regions in the model's allocation.
inline constexpr sb::ByteRange kStateBytes{0, 16};
inline constexpr sb::ByteRange kDataBytes{16, 48};
inline constexpr std::uint64_t kObjectBytes = 48;

inline sb::ByteRange bytesOf(cell::Region region) {
  return region == cell::Region::kState ? kStateBytes : kDataBytes;
}

class CheckingProbe : public cell::Probe {
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
