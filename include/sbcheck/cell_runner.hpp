// What the harness drives: a cell that executes `.cell` operations by name.
// The built-in cell's interpreter and AdapterRunner (a user's cell through
// its adapter, <sbcheck/adapter.hpp>) are the two implementations.
#pragma once

#include <sbcheck/cell_sequence.hpp>
#include <sbcheck/probe.hpp>

#include <optional>
#include <variant>

namespace sbcheck {

class CellRunner {
 public:
  virtual ~CellRunner() = default;
  /// Runs `op` on the cell: its outcome (a value, a refusal, or undefined
  /// when the probe vetoed a memory operation), or the sequence error it
  /// commits (an unbound name, a name of the wrong kind, a rebinding).
  virtual std::variant<cellseq::Outcome, cellseq::SequenceError> execute(const cellseq::Op& op) = 0;
  /// What the cell holds now, per object a name, guard or iterator reaches
  /// (objects are known by their base pointer), into `into` (its storage kept).
  virtual void facts(cellseq::CellFacts& into) const = 0;
  /// The base pointer of the object `op` acts on, if its name is bound.
  virtual std::optional<PtrId> objectOf(const cellseq::Op& op) const = 0;
  /// Drops everything still named (iterators, then guards, then objects),
  /// after the harness stopped telling the model.
  virtual void tearDown() = 0;
};

}  // namespace sbcheck
