// `check --fork`: each sequence checked in a forked child (harness/isolation),
// so a crash the probe cannot see — a user's cell that segfaults, aborts or
// hangs — fails that sequence, which is then shrunk like any other failure.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "properties/check.hpp"

namespace sbcheck::properties {

/// The property a crash violates: the run of a sequence ends, giving its
/// result. Seen only from outside the run (in-process it finds nothing).
extern const CellProperty kRunsToCompletion;

/// How long a child may run one sequence before it counts as hung.
inline constexpr unsigned kChildTimeoutSeconds = 10;

/// checkSequence (with `specified`, when given) in a forked child: its
/// violation, or a violation of kRunsToCompletion at the last op when the
/// child crashed or hung (which op is unknown; shrinking finds the shortest).
std::optional<Violation> checkSequenceIsolated(const cellseq::Sequence& sequence, std::string_view policy,
                                               std::string_view model,
                                               std::span<const CellProperty* const> properties,
                                               const std::vector<cellseq::Outcome>* specified);

}  // namespace sbcheck::properties
