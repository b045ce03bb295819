// A cell sequence (`.cell`, ../shared/spec/cell-format.md) as values: the
// types are public (<sbcheck/cell_sequence.hpp>), for cells checked through
// the adapter API.
#pragma once

#include <sbcheck/cell_sequence.hpp>
