// The cell's properties: named laws over one operation of a run, each with
// the policies under which it must hold (under the others it is expected to
// fail, and the suite asserts that it does).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/cellseq/run.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck::properties {

/// Everything a property may look at for one operation.
struct Step {
  const cellseq::Op& op;
  const cellseq::Outcome& outcome;    ///< what the real cell did (kUndefined: the model vetoed it)
  const cellseq::Outcome& specified;  ///< what the abstract model of the policy says
  std::optional<std::uint32_t> object;  ///< the object the op acts on, before it ran
  const cellseq::CellFacts& before;
  const cellseq::CellFacts& after;
  const std::optional<sb::Ub>& ub;    ///< the model's UB, when this op was vetoed
};

struct CellProperty {
  std::string_view id;     ///< "leaks-block-mutable-borrows", for --property
  std::string_view title;  ///< "leaks block mutable borrows"
  std::vector<std::string_view> holdsUnder;  ///< policies where it must hold
  /// Why `step` violates the property, or nothing.
  std::optional<std::string> (*check)(const Step& step);

  bool mustHold(std::string_view policy) const;
};

/// Every cell property, in a fixed order.
std::span<const CellProperty> cellProperties();
const CellProperty* findCellProperty(std::string_view id);

}  // namespace sbcheck::properties
