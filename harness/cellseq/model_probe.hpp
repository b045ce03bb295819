// The probe that checks a cell against the aliasing model as it runs: each
// memory operation becomes an `.sbt` event, run at once on the model (vetoed
// if it is UB) and kept, so `--emit-sbt` prints exactly what the model saw.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/cellseq/checking_probe.hpp"
#include "harness/sbt/replay.hpp"
#include "harness/sbt/trace.hpp"

namespace sbcheck::cellseq {

class ModelProbe final : public CheckingProbe {
 public:
  explicit ModelProbe(sb::AnyModel& model);

  void setOp(const Op& op) override;
  void detach() override { detached_ = true; }
  bool freed(PtrId base) const override { return pointers_[base].freed; }
  bool halted() const override { return ub_.has_value(); }

  /// The first UB, mapped to `.cell` lines; the probe vetoes everything after it.
  const std::optional<sbt::UbReport>& ub() const { return ub_; }
  /// Every event the model saw, UB included (marked `!ub`).
  const sbt::Trace& trace() const { return trace_; }

  PtrId allocate(const Layout& layout) override;
  std::optional<PtrId> retag(PtrId parent, Retag kind, Bytes bytes) override;
  bool access(PtrId ptr, Access kind, Bytes bytes) override;
  bool deallocate(PtrId base) override;

 private:
  struct Pointer {
    std::string name;
    PtrId base;
    bool raw;
    bool freed = false;
  };

  /// Runs `event` on the model unless halted or detached; false if vetoed.
  static constexpr PtrId kNoBase = ~PtrId{0};

  bool run(sbt::Event event);
  /// Names the trace pointer `name` in the `.cell` file's terms, for reports.
  void describe(const std::string& name, std::string what);
  PtrId remember(std::string prefix, PtrId base, bool raw);

  sbt::TraceRunner runner_;
  sbt::Trace trace_;
  std::vector<Pointer> pointers_;
  std::optional<sbt::UbReport> ub_;
  const Op* op_ = nullptr;  ///< the op running now
  int line_ = 0;
  std::string lineText_;
  bool detached_ = false;
};

}  // namespace sbcheck::cellseq
