// A probe backed by the Stacked Borrows 2 model: hand it to a cell written
// against <sbcheck/probe.hpp> (or <sbcheck/tracked.hpp>) and every allocation,
// retag, access and free the cell reports is checked the moment it is
// reported. The first undefined behaviour is vetoed — the cell must then not
// perform it — and explained in the words `sbcheck run` uses; every operation
// after it is vetoed too. The way to check your own cell from a plain test,
// with no harness in between.
#pragma once

#include <sbcheck/probe.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sbcheck {

class CheckedMemory final : public Probe {
 public:
  /// Checks against the model variant `model`, one of models(); throws
  /// std::invalid_argument for any other name.
  explicit CheckedMemory(std::string_view model = "sb2");
  ~CheckedMemory() override;
  CheckedMemory(const CheckedMemory&) = delete;
  CheckedMemory& operator=(const CheckedMemory&) = delete;

  /// The model variants' names, "sb2" first (sbcheck's `--model` names).
  static std::vector<std::string> models();

  PtrId allocate(const Layout& layout) override;
  std::optional<PtrId> retag(PtrId parent, Retag kind, Bytes bytes) override;
  bool access(PtrId ptr, Access kind, Bytes bytes) override;
  bool deallocate(PtrId base) override;
  bool freed(PtrId base) const override;

  /// Whether the model found undefined behaviour.
  bool undefined() const;
  /// The model's name for the first UB ("use-after-free", "no-granting-item",
  /// ...); empty when there was none.
  std::string ubKind() const;
  /// The first UB explained: the operation, the pointer and its tag, the
  /// bytes, the stack, and the tag's history; empty when there was none.
  std::string report() const;
  /// Every operation the model saw, as an `.sbt` trace (the UB marked `!ub`)
  /// that `sbcheck replay` replays to the same verdict.
  std::string trace() const;

 private:
  struct Checker;
  std::unique_ptr<Checker> checker_;
};

}  // namespace sbcheck
