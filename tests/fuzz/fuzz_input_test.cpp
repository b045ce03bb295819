// The fuzz targets' decoders: any bytes are a well-formed input (a trace
// parseTrace accepts once printed; a sequence every op of which the spec
// applies), the recipe bytes round-trip, and the findings the targets abort
// on are there to be found (an unsound policy's flaw) and absent where the
// suite says nothing may fail (the sound policies, on random inputs).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <random>
#include <vector>

#include "harness/cellseq/abstract_cell.hpp"
#include "harness/fuzz/byte_source.hpp"
#include "harness/fuzz/cell_input.hpp"
#include "harness/fuzz/trace_input.hpp"
#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"
#include "model/cell/policy.hpp"
#include "properties/fuzz_findings.hpp"

namespace sbcheck::fuzz {
namespace {

std::vector<std::uint8_t> randomBytes(std::mt19937_64& random, std::size_t size) {
  std::vector<std::uint8_t> bytes(size);
  for (std::uint8_t& byte : bytes) byte = static_cast<std::uint8_t>(random());
  return bytes;
}

TEST(ByteSource, ReadsInOrderThenZerosOnceExhausted) {
  const std::vector<std::uint8_t> bytes = {7, 0x34, 0x12, 9};
  ByteSource source(bytes);
  EXPECT_EQ(source.byte(), 7);
  EXPECT_EQ(source.word(), 0x1234);
  EXPECT_EQ(source.pick(5), 4u);
  EXPECT_TRUE(source.exhausted());
  EXPECT_EQ(source.byte(), 0);
  EXPECT_EQ(source.pick(3), 0u);
}

RC_GTEST_PROP(TraceInput, AnyBytesDecodeToAWellFormedTrace, (const std::vector<std::uint8_t>& bytes)) {
  const sbt::Trace trace = traceFromBytes(bytes);
  RC_ASSERT(trace.events.size() <= kMaxTraceEvents);
  const std::string text = sbt::printTrace(trace);
  auto parsed = sbt::parseTrace(text);
  if (const auto* error = std::get_if<sbt::TraceError>(&parsed)) {
    RC_FAIL("line " + std::to_string(error->line) + ": " + error->message + "\n" + text);
  }
  RC_ASSERT(std::get<sbt::Trace>(parsed).events == trace.events);
}

TEST(TraceInput, LongInputsUseEveryEventKind) {
  std::mt19937_64 random(16);
  std::array<int, 7> seen{};
  for (int i = 0; i < 200; ++i) {
    for (const sbt::Event& event : traceFromBytes(randomBytes(random, 300)).events) {
      ++seen[static_cast<std::size_t>(event.kind)];
    }
  }
  for (std::size_t kind = 0; kind < seen.size(); ++kind) EXPECT_GT(seen[kind], 0) << "event kind " << kind;
}

RC_GTEST_PROP(CellInput, AnyBytesDecodeToAWellFormedSequence, (const std::vector<std::uint8_t>& bytes)) {
  const cellseq::Recipe recipe = recipeFromBytes(bytes);
  for (const std::string_view policy : cell::kPolicyNames) {
    cellseq::AbstractCell spec(policy);
    for (const cellseq::Op& op : cellseq::decode(recipe, policy).ops) {
      RC_ASSERT(std::holds_alternative<cellseq::Outcome>(spec.apply(op)));
    }
  }
}

RC_GTEST_PROP(CellInput, RecipeBytesRoundTrip, ()) {
  cellseq::Recipe recipe = *cellseq::genRecipe();
  if (recipe.choices.size() > kMaxCellChoices) recipe.choices.resize(kMaxCellChoices);
  RC_ASSERT(recipeFromBytes(bytesFromRecipe(recipe)) == recipe);
}

TEST(FuzzFindings, SoundScopeIsTheSoundPolicies) {
  const auto scope = properties::cellFuzzScope(std::nullopt);
  ASSERT_TRUE(scope);
  EXPECT_EQ(scope->policies, (std::vector<std::string>{"strict", "generation"}));
  EXPECT_FALSE(scope->knownFlaws);
  EXPECT_FALSE(properties::cellFuzzScope("lenient"));
}

TEST(FuzzFindings, RandomInputsFindEachUnsoundPolicysFlaw) {
  for (const char* policy : {"unchecked-leak", "no-parent-ref", "unguarded-inner"}) {
    const auto scope = properties::cellFuzzScope(policy);
    std::mt19937_64 random(1);
    std::optional<properties::CellFinding> finding;
    for (int i = 0; i < 20'000 && !finding; ++i) finding = properties::findCellFlaw(randomBytes(random, 90), *scope);
    ASSERT_TRUE(finding) << policy;
    EXPECT_TRUE(finding->expected()) << policy << ": " << finding->violation.reason;
    EXPECT_EQ(finding->sequence.ops.size(), finding->violation.opIndex + 1);
  }
}

TEST(FuzzFindings, RandomInputsBreakNothingThatMustHold) {
  const auto scope = properties::cellFuzzScope(std::nullopt);
  std::mt19937_64 random(2);
  for (int i = 0; i < 2'000; ++i) {
    const std::vector<std::uint8_t> bytes = randomBytes(random, 1 + random() % 200);
    const auto cell = properties::findCellFlaw(bytes, *scope);
    ASSERT_FALSE(cell) << cell->policy << ": " << cell->violation.reason;
    const auto trace = properties::findTraceFlaw(bytes);
    ASSERT_FALSE(trace) << trace->model << ": " << trace->violation.reason;
  }
}

}  // namespace
}  // namespace sbcheck::fuzz
