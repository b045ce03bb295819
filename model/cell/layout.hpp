// Where the built-in cell's object keeps its parts: one allocation, the
// shared state (borrow and leak counters, generation) first, then the data.
#pragma once

#include <sbcheck/probe.hpp>

namespace sbcheck::cell {

inline constexpr Bytes kStateBytes{0, 16};
inline constexpr Bytes kDataBytes{16, 48};
inline constexpr Region kObjectRegions[] = {{"shared state", kStateBytes}, {"data", kDataBytes}};
/// An object as the model sees it (cell-format.md "The object").
inline constexpr Layout kObjectLayout{48, kObjectRegions};

}  // namespace sbcheck::cell
