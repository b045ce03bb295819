// Benchmarks of the property pipeline: well-formed `.cell` sequences per
// second through the real cell with the model checking every access (a direct
// generator, RapidCheck's generator, and the checked run alone), and the time
// to shrink a long failing sequence (bench/README.md says what each measures).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidcheck.h>

#include "harness/cellseq/generate.hpp"
#include "properties/check.hpp"
#include "properties/search.hpp"

namespace {

namespace cellseq = sbcheck::cellseq;
namespace properties = sbcheck::properties;

constexpr std::size_t kChoices = 50;  ///< raw choices per direct recipe
constexpr std::uint16_t kFullSwarm = 0xFFFF;
constexpr std::string_view kModel = "sb2";
/// genRecipe draws a recipe's length from 0..size, and decoding skips the
/// choices that fit nothing under the recipe's swarm mask: this size gives
/// about 50 ops a sequence.
constexpr int kRapidCheckSize = 105;

/// xorshift64: a few instructions per number, so the generator costs nothing
/// next to the run it feeds.
class XorShift {
 public:
  explicit XorShift(std::uint64_t seed) : state_(seed | 1u) {}
  std::uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }

 private:
  std::uint64_t state_;
};

/// `count` choices drawn over their whole range, the kinds in `swarm` enabled.
void fillRecipe(XorShift& random, std::size_t count, std::uint16_t swarm, cellseq::Recipe& recipe) {
  recipe.swarm = swarm;
  recipe.choices.resize(count);
  for (cellseq::Choice& choice : recipe.choices) {
    const std::uint64_t bits = random.next();
    choice = cellseq::Choice{static_cast<std::uint8_t>(bits), static_cast<std::uint8_t>(bits >> 8),
                             static_cast<std::uint8_t>(bits >> 16)};
  }
}

std::vector<const properties::CellProperty*> allCellProperties() {
  std::vector<const properties::CellProperty*> all;
  for (const properties::CellProperty& property : properties::cellProperties()) all.push_back(&property);
  return all;
}

/// The properties that must hold under `policy`: all four under `strict`,
/// three under `generation` (its leaks do not block mutable borrows).
std::vector<const properties::CellProperty*> holdingUnder(std::string_view policy) {
  std::vector<const properties::CellProperty*> holding;
  for (const properties::CellProperty& property : properties::cellProperties()) {
    if (property.mustHold(policy)) holding.push_back(&property);
  }
  return holding;
}

/// Every sequence here holds the properties that must hold under its policy;
/// a violation would mean we time a search that stops early.
void expectNoViolation(const std::optional<properties::Violation>& violation, std::string_view policy) {
  if (!violation) return;
  std::fprintf(stderr, "sequence_bench: unexpected violation of %s under %.*s at op %zu: %s\n",
               std::string(violation->property->id).c_str(), static_cast<int>(policy.size()), policy.data(),
               violation->opIndex, violation->reason.c_str());
  std::abort();
}

void reportSequences(benchmark::State& state, std::int64_t ops) {
  state.SetItemsProcessed(state.iterations());
  state.counters["ops_per_seq"] =
      benchmark::Counter(static_cast<double>(ops) / static_cast<double>(state.iterations()));
}

// ---------------------------------------------------------------------------
// Sequences per second: generate + decode + checked run. As in
// properties::search, the run takes the spec's outcomes from decode.

/// Recipes from xorshift: 50 choices, every kind enabled.
void SequencesThroughCellAndModel_DirectGenerator(benchmark::State& state, std::string_view policy) {
  const auto holding = holdingUnder(policy);
  XorShift random(20261121);
  cellseq::Recipe recipe;
  std::vector<cellseq::Outcome> specified;
  std::int64_t ops = 0;
  for (auto _ : state) {
    fillRecipe(random, kChoices, kFullSwarm, recipe);
    specified.clear();
    const cellseq::Sequence sequence = cellseq::decode(recipe, policy, {}, &specified);
    expectNoViolation(properties::checkSequence(sequence, policy, kModel, holding, specified), policy);
    ops += static_cast<std::int64_t>(sequence.ops.size());
  }
  reportSequences(state, ops);
}

/// Recipes from genRecipe() driven by rc::Random, as properties::search does,
/// at one size (the Arg). A recipe's length is drawn from 0..size, and its
/// swarm mask enables a random subset of kinds.
void SequencesThroughCellAndModel_RapidCheck(benchmark::State& state, std::string_view policy) {
  const auto holding = holdingUnder(policy);
  const int size = static_cast<int>(state.range(0));
  rc::Random random(20261121);
  const rc::Gen<cellseq::Recipe> gen = cellseq::genRecipe();
  std::vector<cellseq::Outcome> specified;
  std::int64_t ops = 0;
  for (auto _ : state) {
    const rc::Shrinkable<cellseq::Recipe> recipe = gen(random.split(), size);
    specified.clear();
    const cellseq::Sequence sequence = cellseq::decode(recipe.value(), policy, {}, &specified);
    expectNoViolation(properties::checkSequence(sequence, policy, kModel, holding, specified), policy);
    ops += static_cast<std::int64_t>(sequence.ops.size());
  }
  reportSequences(state, ops);
}

/// RapidCheck's generation alone (a recipe and its value), to separate its cost.
void RecipesGenerateOnly_RapidCheck(benchmark::State& state) {
  const int size = static_cast<int>(state.range(0));
  rc::Random random(20261121);
  const rc::Gen<cellseq::Recipe> gen = cellseq::genRecipe();
  std::int64_t choices = 0;
  for (auto _ : state) {
    const rc::Shrinkable<cellseq::Recipe> recipe = gen(random.split(), size);
    const cellseq::Recipe value = recipe.value();
    choices += static_cast<std::int64_t>(value.choices.size());
    benchmark::DoNotOptimize(value.choices.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["choices_per_recipe"] =
      benchmark::Counter(static_cast<double>(choices) / static_cast<double>(state.iterations()));
}

/// Pre-decoded sequences, cycled through: the checked run alone, the
/// abstract model included (checkSequence without decode's outcomes).
void SequencesThroughCellAndModel_RunOnly(benchmark::State& state, std::string_view policy) {
  const auto holding = holdingUnder(policy);
  XorShift random(20261121);
  std::vector<cellseq::Sequence> sequences(256);
  cellseq::Recipe recipe;
  for (cellseq::Sequence& sequence : sequences) {
    fillRecipe(random, kChoices, kFullSwarm, recipe);
    sequence = cellseq::decode(recipe, policy);
  }
  std::size_t next = 0;
  std::int64_t ops = 0;
  for (auto _ : state) {
    const cellseq::Sequence& sequence = sequences[next];
    next = (next + 1) % sequences.size();
    expectNoViolation(properties::checkSequence(sequence, policy, kModel, holding), policy);
    ops += static_cast<std::int64_t>(sequence.ops.size());
  }
  reportSequences(state, ops);
}

/// Decoding alone (no run), to separate the generator's cost.
void SequencesDecodeOnly_DirectGenerator(benchmark::State& state, std::string_view policy) {
  XorShift random(20261121);
  cellseq::Recipe recipe;
  std::int64_t ops = 0;
  for (auto _ : state) {
    fillRecipe(random, kChoices, kFullSwarm, recipe);
    const cellseq::Sequence sequence = cellseq::decode(recipe, policy);
    ops += static_cast<std::int64_t>(sequence.ops.size());
    benchmark::DoNotOptimize(sequence.ops.data());
  }
  reportSequences(state, ops);
}

// ---------------------------------------------------------------------------
// Shrinking.

constexpr std::string_view kShrinkPolicy = "unguarded-inner";
constexpr std::size_t kFailingLength = 200;

/// A failing sequence of at least 200 operations found the way search finds
/// one: direct recipes under `unguarded-inner` with random swarm masks, all
/// four properties watching, the first whose violation comes at op 200..209
/// (trimmed to end at its failing op, as shrink trims it anyway).
struct Failing {
  cellseq::Sequence sequence;
  properties::Violation violation;
};

Failing findFailing200(const properties::SearchOptions& options) {
  XorShift random(7);
  cellseq::Recipe recipe;
  for (int attempt = 0; attempt < 1'000'000; ++attempt) {
    fillRecipe(random, 2 * kFailingLength, static_cast<std::uint16_t>(random.next()), recipe);
    cellseq::Sequence sequence = cellseq::decode(recipe, options.policy, options.universe);
    if (sequence.ops.size() < kFailingLength) continue;
    std::optional<properties::Violation> violation =
        properties::checkSequence(sequence, options.policy, options.model, options.properties);
    if (!violation || violation->opIndex + 1 < kFailingLength || violation->opIndex >= kFailingLength + 10) continue;
    sequence.ops.resize(violation->opIndex + 1);
    return Failing{std::move(sequence), std::move(*violation)};
  }
  std::fprintf(stderr, "sequence_bench: no failing 200-op sequence found\n");
  std::abort();
}

void ShrinkFailing200OpSequence(benchmark::State& state) {
  properties::SearchOptions options;
  options.policy = std::string(kShrinkPolicy);
  options.model = std::string(kModel);
  options.properties = allCellProperties();
  const Failing failing = findFailing200(options);
  std::size_t shrunk = 0;
  int steps = 0;
  for (auto _ : state) {
    const properties::Counterexample counterexample = properties::shrink(failing.sequence, failing.violation, options);
    shrunk = counterexample.sequence.ops.size();
    steps = counterexample.shrinkSteps;
  }
  state.counters["original_ops"] = benchmark::Counter(static_cast<double>(failing.sequence.ops.size()));
  state.counters["shrunk_ops"] = benchmark::Counter(static_cast<double>(shrunk));
  state.counters["steps"] = benchmark::Counter(static_cast<double>(steps));
}

}  // namespace

BENCHMARK_CAPTURE(SequencesThroughCellAndModel_DirectGenerator, strict, "strict");
BENCHMARK_CAPTURE(SequencesThroughCellAndModel_DirectGenerator, generation, "generation");
BENCHMARK_CAPTURE(SequencesThroughCellAndModel_RapidCheck, strict, "strict")->Arg(kRapidCheckSize);
BENCHMARK(RecipesGenerateOnly_RapidCheck)->Arg(kRapidCheckSize);
BENCHMARK_CAPTURE(SequencesThroughCellAndModel_RunOnly, strict, "strict");
BENCHMARK_CAPTURE(SequencesThroughCellAndModel_RunOnly, generation, "generation");
BENCHMARK_CAPTURE(SequencesDecodeOnly_DirectGenerator, strict, "strict");
BENCHMARK(ShrinkFailing200OpSequence)->Unit(benchmark::kMillisecond);
