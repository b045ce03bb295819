// Reading `.cell` text into a Sequence. Syntax, headers, keys and expectation
// markers are checked here; name use (bound, right kind, not rebound) depends
// on which operations a policy refuses, so the runner checks it as it goes.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "harness/cellseq/sequence.hpp"

namespace sbcheck::cellseq {

/// Parses a whole file; `knownPolicies` are the names headers may use.
std::variant<Sequence, SequenceError> parseSequence(std::string_view text,
                                                    std::span<const std::string_view> knownPolicies);

}  // namespace sbcheck::cellseq
