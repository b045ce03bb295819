// The version, from CMake (SBCHECK_VERSION is set on this file alone, so a
// new version rebuilds one file).
#include "harness/version.hpp"

namespace sbcheck {

std::string_view version() { return SBCHECK_VERSION; }

}  // namespace sbcheck
