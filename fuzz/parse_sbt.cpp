// Fuzz target: arbitrary bytes through the `.sbt` parser. Either an error
// with a line and a lowercase message without a final period, or a trace
// that prints and parses back to the same trace.
#include <cstdint>
#include <string>
#include <variant>

#include "fuzz/fail.hpp"
#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"

namespace {

using namespace sbcheck::sbt;

void checkError(const TraceError& error, const std::string& text) {
  const std::string& m = error.message;
  if (error.line < 0 || m.empty() || m.back() == '.' || (m[0] >= 'A' && m[0] <= 'Z')) {
    sbcheck::fuzz::fail("malformed error '" + std::to_string(error.line) + ": " + m + "'", text + "\n");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = parseTrace(text);
  if (const auto* error = std::get_if<TraceError>(&parsed)) {
    checkError(*error, text);
    return 0;
  }
  const Trace& trace = std::get<Trace>(parsed);
  const std::string printed = printTrace(trace);
  auto again = parseTrace(printed);
  if (const auto* error = std::get_if<TraceError>(&again)) {
    sbcheck::fuzz::fail("the printed trace does not parse (" + std::to_string(error->line) + ": " + error->message +
                            ")",
                        "input:\n" + text + "\nprinted:\n" + printed);
  }
  const Trace& back = std::get<Trace>(again);
  if (trace.models != back.models || trace.events != back.events) {
    sbcheck::fuzz::fail("the printed trace parses to another", "input:\n" + text + "\nprinted:\n" + printed);
  }
  return 0;
}
