// Fuzz target: bytes → a well-formed `.sbt` trace → the model's laws under
// every variant where they must hold: removed items never grant access, the
// model agrees with the independent reference, and (asserted as the model
// runs) the stack invariants.
#include <cstdint>

#include "fuzz/fail.hpp"
#include "harness/sbt/print.hpp"
#include "properties/fuzz_findings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto finding = sbcheck::properties::findTraceFlaw({data, size});
  if (!finding) return 0;
  sbcheck::fuzz::fail(std::string(finding->propertyId()) + " fails under " + finding->model,
                      "reason: " + finding->violation.reason + "\n" + sbcheck::sbt::printTrace(finding->trace));
}
