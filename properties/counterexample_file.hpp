// A shrunk cell counterexample as a corpus file: the sequence with each line's
// actual outcome as its expectation, `#! unsafe:` when the model reports UB,
// and comments naming the property, the reason and how it was found — so
// `sbcheck run` replays it and CI keeps it from coming back unnoticed.
#pragma once

#include <string>

#include "properties/search.hpp"

namespace sbcheck::properties {

std::string counterexampleFile(const Counterexample& counterexample, const SearchOptions& options);

}  // namespace sbcheck::properties
