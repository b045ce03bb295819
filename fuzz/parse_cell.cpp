// Fuzz target: arbitrary bytes through the `.cell` parser. Either an error
// with a line and a lowercase message without a final period, or a sequence
// that prints and parses back to the same sequence.
#include <cstdint>
#include <string>
#include <variant>

#include "fuzz/fail.hpp"
#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/print.hpp"
#include "model/cell/policy.hpp"

namespace {

using namespace sbcheck::cellseq;

bool same(const Sequence& a, const Sequence& b) {
  return a.policies == b.policies && a.unsafePolicies == b.unsafePolicies && a.ops == b.ops;
}

void checkError(const SequenceError& error, const std::string& text) {
  const std::string& m = error.message;
  if (error.line < 0 || m.empty() || m.back() == '.' || (m[0] >= 'A' && m[0] <= 'Z')) {
    sbcheck::fuzz::fail("malformed error '" + std::to_string(error.line) + ": " + m + "'", text + "\n");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = parseSequence(text, sbcheck::cell::kPolicyNames);
  if (const auto* error = std::get_if<SequenceError>(&parsed)) {
    checkError(*error, text);
    return 0;
  }
  const Sequence& sequence = std::get<Sequence>(parsed);
  const std::string printed = printSequence(sequence);
  auto again = parseSequence(printed, sbcheck::cell::kPolicyNames);
  if (const auto* error = std::get_if<SequenceError>(&again)) {
    sbcheck::fuzz::fail("the printed sequence does not parse (" + std::to_string(error->line) + ": " +
                            error->message + ")",
                        "input:\n" + text + "\nprinted:\n" + printed);
  }
  if (!same(sequence, std::get<Sequence>(again))) {
    sbcheck::fuzz::fail("the printed sequence parses to another", "input:\n" + text + "\nprinted:\n" + printed);
  }
  return 0;
}
