// Writing a Sequence back as `.cell` text: parseSequence(printSequence(s))
// has the same headers and ops as s.
#pragma once

#include <string>

#include "harness/cellseq/sequence.hpp"

namespace sbcheck::cellseq {

/// One op as its line's text, with its expectation, without comment or newline.
std::string printOp(const Op& op);

/// The headers (`#! policies:`, `#! unsafe:`) if any, then one line per op,
/// with `  # comment` where the op has one.
std::string printSequence(const Sequence& sequence);

}  // namespace sbcheck::cellseq
