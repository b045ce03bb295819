// The version every report names: `sbcheck --version` and the "version"
// member of every JSON document (the CMake project's version).
#pragma once

#include <string_view>

namespace sbcheck {

/// "0.2.0": the CMake project's version.
std::string_view version();

}  // namespace sbcheck
