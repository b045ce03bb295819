// A shrunk cell counterexample as a corpus file: the sequence with each line's
// actual outcome as its expectation, `#! unsafe:` when the model reports UB,
// and comments naming the property, the reason and how it was found — so
// `sbcheck run` replays it and CI keeps it from coming back unnoticed.
#pragma once

#include <string>

#include "properties/search.hpp"

namespace sbcheck::properties {

/// The corpus file of a `check` counterexample; `foundBy` is the command that
/// reproduces it, run from the project root (default: `sbcheck check` with
/// the options' policy, model, property and seed).
std::string counterexampleFile(const Counterexample& counterexample, const SearchOptions& options,
                               const std::string& foundBy = "");

/// `sequence` under `policy` as `.cell` text whose expectations are what the
/// cell did (`!err`, `=> V`), with `#! policies:` naming the policy, and
/// `#! unsafe:` too when the model reports UB.
std::string expectationsFile(const cellseq::Sequence& sequence, const std::string& policy,
                             const std::string& model = "sb2");

}  // namespace sbcheck::properties
