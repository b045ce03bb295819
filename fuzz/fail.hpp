// How a fuzz target reports a finding: the input in the project's own terms
// and why it fails, on stderr, then abort() — the crash libFuzzer (or AFL++)
// saves the input for, and `sbcheck fuzz-import` turns into a corpus file.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sbcheck::fuzz {

[[noreturn]] inline void fail(const std::string& what, const std::string& text) {
  std::fprintf(stderr, "\n== sbcheck fuzz finding: %s\n%s== end of finding\n", what.c_str(), text.c_str());
  std::abort();
}

}  // namespace sbcheck::fuzz
