// Fuzz target: bytes → a cell recipe → a well-formed `.cell` sequence (the
// decoder `check` uses) → the cell, the SB2 model and every property.
// Default: the sound policies, properties that must hold (run it forever).
// SBCHECK_POLICY=NAME: that one policy and every property, so its known
// flaws are findings too (docs/fuzzing.md).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "fuzz/fail.hpp"
#include "properties/counterexample_file.hpp"
#include "properties/fuzz_findings.hpp"

namespace {

std::optional<sbcheck::properties::CellFuzzScope> gScope;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  const char* policy = std::getenv("SBCHECK_POLICY");
  gScope = sbcheck::properties::cellFuzzScope(policy != nullptr && *policy != '\0'
                                                  ? std::optional<std::string_view>(policy)
                                                  : std::nullopt);
  if (!gScope) {
    std::fprintf(stderr, "cell_properties: SBCHECK_POLICY: unknown policy '%s'\n", policy);
    std::exit(2);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto finding = sbcheck::properties::findCellFlaw({data, size}, *gScope);
  if (!finding) return 0;
  const sbcheck::properties::Violation& v = finding->violation;
  sbcheck::fuzz::fail(std::string(v.property->id) + " fails under " + finding->policy +
                          (finding->expected() ? " (a known flaw of this policy)" : " (it must hold)"),
                      "reason: line " + std::to_string(v.opIndex + 1) + ": " + v.reason + "\n" +
                          sbcheck::properties::expectationsFile(finding->sequence, finding->policy));
}
