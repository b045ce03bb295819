// RapidCheck generators of syntactically valid cell sequences: every line
// parses, but names need not be bound or of the right kind, so these drive
// parse/print laws, not the runner (which needs well-formed sequences).
#pragma once

#include <rapidcheck.h>

#include <span>
#include <string>
#include <string_view>

#include "harness/cellseq/sequence.hpp"

namespace sbcheck::cellseq {

/// A name: `[A-Za-z_][A-Za-z0-9_]*`, never a keyword; short common names
/// (`s`, `it`, ...) often, so sequences look like the corpus.
rc::Gen<std::string> genName();

/// A key from 0 to 2^31 − 1, with the bounds often.
rc::Gen<std::int64_t> genKey();

/// Any op of `kind`, with canonical unused fields (empty source, key 0) and an
/// expectation that fits it; a binding never names itself on both sides.
rc::Gen<Op> genOpOf(OpKind kind);

/// An op of any kind, sometimes with a one-line comment.
rc::Gen<Op> genOp();

/// Headers drawn from `knownPolicies` (no duplicates, like the parser's
/// output) and a list of ops; line numbers are left 0.
rc::Gen<Sequence> genSyntacticSequence(std::span<const std::string_view> knownPolicies);

}  // namespace sbcheck::cellseq
