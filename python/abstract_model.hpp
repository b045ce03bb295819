// `sbcheck.AbstractModel(policy)`: the project's executable reading of
// cell-format.md (the oracle `check` compares the real cell with), one `.cell`
// line at a time, so a Python test can compare what a SharedSet did with what
// the spec says it must do.
#pragma once

#include <string>
#include <string_view>

#include "harness/cellseq/abstract_cell.hpp"

namespace sbcheck::python {

class AbstractModel {
 public:
  /// Throws std::invalid_argument for an unknown policy.
  explicit AbstractModel(std::string_view policy);

  /// Applies one `.cell` operation line (its expectation, if any, ignored)
  /// and returns the line as the spec's outcome would record it: `len s1 => 2`,
  /// `add s1 3 !err`, `add s1 3`, or the line and `  # undefined` when the op
  /// would touch a freed object. Throws std::invalid_argument for a line
  /// that is not one operation, or a sequence error (an unbound name).
  std::string apply(std::string_view line);

 private:
  cellseq::AbstractCell cell_;
};

}  // namespace sbcheck::python
