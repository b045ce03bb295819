// The probe behind `SharedSet(veto=False)`, a test-only switch: it allows
// every memory operation and tells no model, so the cell does its plain
// memory work — a read of freed memory really happens (and ASan sees it).
#pragma once

#include "harness/cellseq/checking_probe.hpp"

namespace sbcheck::python {

class UncheckedProbe final : public cellseq::CheckingProbe {
 public:
  PtrId allocate(const Layout&) override { return 0; }
  std::optional<PtrId> retag(PtrId, Retag, Bytes) override { return PtrId{0}; }
  bool access(PtrId, Access, Bytes) override { return true; }
  bool deallocate(PtrId) override { return true; }
  /// Never: the cell touches whatever it reaches, as it would unchecked.
  bool freed(PtrId) const override { return false; }
  void setOp(const cellseq::Op&) override {}
  void detach() override {}
  bool halted() const override { return false; }
};

}  // namespace sbcheck::python
