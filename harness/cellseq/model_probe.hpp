// The probe that checks a cell against the aliasing model as it runs: each
// memory operation becomes an `.sbt` event, run at once on the model (vetoed
// if it is UB) and kept, so `--emit-sbt` prints exactly what the model saw.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/sbt/replay.hpp"
#include "harness/sbt/trace.hpp"
#include "model/cell/probe.hpp"

namespace sbcheck::cellseq {

/// Where the probe puts an object's regions in the model's allocation.
inline constexpr sb::ByteRange kStateBytes{0, 16};
inline constexpr sb::ByteRange kDataBytes{16, 48};
inline constexpr std::uint64_t kObjectBytes = 48;

class ModelProbe final : public cell::Probe {
 public:
  explicit ModelProbe(sb::AnyModel& model);

  /// Events from now on come from this `.cell` line.
  void setLine(int line, std::string text);
  /// Stops telling the model (and vetoing): for tearing down after a run.
  void detach() { detached_ = true; }

  /// The first UB, mapped to `.cell` lines; the probe vetoes everything after it.
  const std::optional<sbt::UbReport>& ub() const { return ub_; }
  /// Every event the model saw, UB included (marked `!ub`).
  const sbt::Trace& trace() const { return trace_; }
  bool freed(cell::PtrId base) const { return pointers_[base].freed; }

  cell::PtrId allocated() override;
  std::optional<cell::PtrId> retag(cell::PtrId parent, sb::RetagKind kind, cell::Region region) override;
  bool access(cell::PtrId ptr, sb::AccessKind kind, cell::Region region) override;
  void deallocated(cell::PtrId base) override;

 private:
  struct Pointer {
    std::string name;
    cell::PtrId base;
    bool raw;
    bool freed = false;
  };

  /// Runs `event` on the model unless halted or detached; false if vetoed.
  static constexpr cell::PtrId kNoBase = ~cell::PtrId{0};

  bool run(sbt::Event event);
  cell::PtrId remember(std::string prefix, cell::PtrId base, bool raw);

  sb::AnyModel& model_;
  sbt::TraceRunner runner_;
  sbt::Trace trace_;
  std::vector<Pointer> pointers_;
  std::optional<sbt::UbReport> ub_;
  int line_ = 0;
  std::string lineText_;
  bool detached_ = false;
};

}  // namespace sbcheck::cellseq
