// Checking cell properties on one sequence: the real cell runs it, the model
// checks every access (DirectProbe), the abstract model says what the spec
// expects, and each property looks at every operation.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "harness/cellseq/sequence.hpp"
#include "properties/cell_property.hpp"

namespace sbcheck::properties {

struct Violation {
  const CellProperty* property = nullptr;
  std::size_t opIndex = 0;  ///< into the sequence's ops
  std::string reason;
};

/// The first violation of any of `properties` when `sequence` runs under
/// `policy`, with `model` checking its accesses; nothing if all hold. A
/// sequence the real cell finds malformed (it disagreed with the spec earlier,
/// which only the oracle reports) stops the check there.
std::optional<Violation> checkSequence(const cellseq::Sequence& sequence, std::string_view policy,
                                       std::string_view model, std::span<const CellProperty* const> properties);

/// checkSequence with the abstract model's outcome of every op already known
/// (`specified[i]` is sequence.ops[i]'s, as `decode` or a well-formedness
/// check reports them), so it is not run a second time. `sequence` must be
/// well-formed under `policy`.
std::optional<Violation> checkSequence(const cellseq::Sequence& sequence, std::string_view policy,
                                       std::string_view model, std::span<const CellProperty* const> properties,
                                       std::span<const cellseq::Outcome> specified);

}  // namespace sbcheck::properties
