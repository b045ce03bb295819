// The three comparisons: seeded random searches with shrinking, and for model
// pairs a bounded exhaustive exploration that gives the shortest traces.
#include "harness/compare/compare.hpp"

#include <thread>

#include "harness/cellseq/enumerate.hpp"
#include "harness/cellseq/generate.hpp"
#include "harness/cellseq/shrink.hpp"
#include "harness/html/beside.hpp"
#include "harness/interrupt.hpp"
#include "harness/sbt/generate.hpp"
#include "harness/sbt/print.hpp"
#include "harness/sbt/replay.hpp"
#include "harness/sbt/shrink.hpp"
#include "harness/seeds.hpp"
#include "properties/counterexample_file.hpp"
#include "properties/sbt_property.hpp"

namespace sbcheck::compare {
namespace {

using cellseq::Outcome;
using cellseq::Sequence;

/// " --runs N" when not the default: part of every reproducing command.
std::string runsFlag(int runs) { return runs == 1000 ? std::string() : " --runs " + std::to_string(runs); }

// ---- the matrix -----------------------------------------------------------

MatrixEntry matrixEntry(const properties::CellProperty& property, const std::string& policy,
                        const CompareOptions& options) {
  properties::SearchOptions search;
  search.policy = policy;
  search.properties = {&property};
  search.runs = options.runs;
  search.seed = streamSeed(options.seed, std::string(property.id) + "/" + policy);
  const properties::SearchResult result = properties::search(search);
  MatrixEntry entry{std::string(property.id), policy, property.mustHold(policy), result.runs, result.counterexample, {}};
  if (entry.counterexample && options.target.enabled()) {
    search.seed = options.seed;
    // `check` draws this entry from the same stream: it reproduces the file.
    const std::string foundBy = "sbcheck check --policy " + policy + " --model " + search.model + " --property " +
                                entry.property + " --seed " + std::to_string(options.seed) + runsFlag(options.runs);
    entry.saved = html::saveDrawn(options.target, "cell", entry.property + "-" + policy, ".cell",
                                  properties::counterexampleFile(*entry.counterexample, search, foundBy),
                                  html::Drawing{{}, search.model},
                                  entry.expectedToHold ? Dedup::kByContent : Dedup::kByFlaw);
  }
  return entry;
}

// ---- model pairs ----------------------------------------------------------

/// Shrinking reaches a local minimum; of this many differing traces the
/// shortest shrunk one is reported.
constexpr std::size_t kShrunkPerDifference = 8;

TraceVerdict verdictOf(const sbt::Trace& trace, const std::string& model) {
  const auto aliasing = sb::AnyModel::create(model);
  const std::optional<sbt::UbReport> ub = sbt::firstUb(trace, *aliasing);
  if (!ub) return {};
  return TraceVerdict{ub->line, ub->kind};
}

sbt::Trace numbered(sbt::Trace trace) {
  trace.models.clear();
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    trace.events[i].line = static_cast<int>(i) + 1;
    trace.events[i].expectUb = false;
  }
  return trace;
}

/// The difference's minimal trace as two corpus files, one per verdict, each
/// drawn with both models side by side.
std::vector<Saved> saveModelDifference(const ModelDifference& d, const CompareOptions& options) {
  std::vector<Saved> saved;
  for (const auto& [model, verdict] : {std::pair{d.accepts, d.acceptsVerdict}, std::pair{d.rejects, d.rejectsVerdict}}) {
    sbt::Trace trace = *d.minimal;
    trace.models = {model};
    if (verdict.ubLine) trace.events[static_cast<std::size_t>(*verdict.ubLine - 1)].expectUb = true;
    const std::string text = sbt::printTrace(trace);
    const std::size_t header = text.find('\n') + 1;
    const std::string foundBy = "sbcheck compare --models " + d.accepts + "," + d.rejects + " --policies strict --seed " +
                                std::to_string(options.seed) + runsFlag(options.runs);
    const std::string file = text.substr(0, header) + "# sbcheck compare: " + d.accepts + " accepts, " + d.rejects +
                             " rejects (seed " + std::to_string(options.seed) + "; " + std::string(sourceText(d.source)) +
                             ")\n# found by: " + foundBy + "\n" + text.substr(header);
    saved.push_back(html::saveDrawn(options.target, "sbt",
                                    "differ-" + d.accepts + "-accepts-" + d.rejects + "-rejects--" + model, ".sbt", file,
                                    html::Drawing{{d.accepts, d.rejects}}));
  }
  return saved;
}

/// Every trace of the options' universe on the pair, breadth first: per
/// direction the shortest one it holds. The same on any number of threads.
explore::ModelExploration explorePair(const std::string& a, const std::string& b, const CompareOptions& options) {
  explore::Limits limits;
  limits.maxDepth = options.exploreDepth;
  limits.threads = std::max(1u, std::thread::hardware_concurrency());
  limits.cancel = &interruptFlag();
  const std::vector<std::string> models{a, b};
  return explore::exploreModels(models, options.universe, limits);
}

/// Shrinking reaches a local minimum: the shortest of the shrunk `found` traces.
std::optional<sbt::Trace> shortestShrunk(const std::vector<sbt::Trace>& found, const ModelDifference& d) {
  std::optional<sbt::Trace> minimal;
  for (const sbt::Trace& trace : found) {
    sbt::Trace shrunk = numbered(sbt::shrinkWhile(trace, [&](const sbt::Trace& t) {
      const sbt::Trace candidate = numbered(t);
      return verdictOf(candidate, d.accepts).accepted() && !verdictOf(candidate, d.rejects).accepted();
    }));
    if (!minimal || shrunk.events.size() < minimal->events.size()) minimal = std::move(shrunk);
  }
  return minimal;
}

/// Random traces count how often the pair disagrees; the minimal trace of
/// each direction is the explored shortest one, else the best shrunk one.
ModelPair modelPair(const std::string& a, const std::string& b, const CompareOptions& options) {
  ModelPair pair{a, b, 0, 0, explore::Ending::kFixpoint, {}};
  ModelDifference directions[2] = {{a, b, 0, {}, TraceSource::kShrunk, {}, {}, {}},
                                   {b, a, 0, {}, TraceSource::kShrunk, {}, {}, {}}};
  std::vector<sbt::Trace> found[2];
  rc::Random random(streamSeed(options.seed, "models/" + a + "/" + b));
  const rc::Gen<sbt::Trace> gen = sbt::genTrace();
  for (int run = 0; run < options.runs * kTracesPerRun; ++run) {
    const sbt::Trace trace = numbered(gen(random.split(), run % 101).value());
    const bool acceptedA = verdictOf(trace, a).accepted(), acceptedB = verdictOf(trace, b).accepted();
    ++pair.checked;
    if (acceptedA == acceptedB) continue;
    const int direction = acceptedA ? 0 : 1;
    ++directions[direction].count;
    if (found[direction].size() < kShrunkPerDifference) found[direction].push_back(trace);
  }
  const explore::ModelExploration explored = explorePair(a, b, options);
  pair.explored = explored.run.states;
  pair.ending = explored.run.ending;
  for (int direction = 0; direction < 2; ++direction) {
    ModelDifference& d = directions[direction];
    if (const explore::TraceFinding& shortest = explored.difference(d.accepts, d.rejects); shortest.trace) {
      d.minimal = shortest.trace;
      d.source = TraceSource::kExplored;
    } else {
      d.minimal = shortestShrunk(found[direction], d);
    }
    if (!d.minimal) continue;
    d.acceptsVerdict = verdictOf(*d.minimal, d.accepts);
    d.rejectsVerdict = verdictOf(*d.minimal, d.rejects);
    if (options.target.enabled()) d.saved = saveModelDifference(d, options);
    pair.differences.push_back(std::move(d));
  }
  return pair;
}

// ---- policy pairs ---------------------------------------------------------

bool same(const Outcome& x, const Outcome& y) {
  return x.kind == y.kind && x.value == y.value && x.refusal == y.refusal;
}

/// The first op (0-based) whose outcomes differ, before either run misuses a name.
std::optional<std::size_t> firstDifference(const cellseq::Outcomes& x, const cellseq::Outcomes& y) {
  const std::size_t limit = std::min(x.outcomes.size(), y.outcomes.size());
  for (std::size_t i = 0; i < limit; ++i) {
    if (!same(x.outcomes[i], y.outcomes[i])) return i;
  }
  return std::nullopt;
}

std::vector<Saved> savePolicyDifference(const PolicyPair& pair, const CompareOptions& options) {
  std::vector<Saved> saved;
  for (const std::string& policy : {pair.a, pair.b}) {
    properties::SearchOptions search;
    search.policy = policy;
    const cellseq::Sequence sequence = *pair.minimal;
    std::string text = "# sbcheck compare: " + pair.a + " and " + pair.b + " differ at line " +
                       std::to_string(pair.firstDifference) + " (seed " + std::to_string(options.seed) + ")\n" +
                       "# found by: sbcheck compare --policies " + pair.a + "," + pair.b + " --models sb2 --seed " +
                       std::to_string(options.seed) + runsFlag(options.runs) + "\n";
    // Drawn under both policies, so the page marks the first row where they differ.
    saved.push_back(html::saveDrawn(options.target, "cell", "differ-" + pair.a + "-" + pair.b + "--" + policy, ".cell",
                                    text + properties::expectationsFile(sequence, policy),
                                    html::Drawing{{pair.a, pair.b}, "sb2"}));
  }
  return saved;
}

PolicyPair policyPair(const std::string& a, const std::string& b, const CompareOptions& options) {
  PolicyPair pair{a, b, 0, 0, {}, {}, {}, 0, {}};
  rc::Random random(streamSeed(options.seed, "policies/" + a + "/" + b));
  const rc::Gen<cellseq::Recipe> gen = cellseq::genRecipe();
  std::string decodedUnder;
  for (int run = 0; run < options.runs; ++run) {
    const std::string& under = run % 2 == 0 ? a : b;  // sequences well-formed under each in turn
    const Sequence sequence = cellseq::decode(gen(random.split(), run % 101).value(), under);
    ++pair.checked;
    if (!firstDifference(cellseq::outcomesUnder(sequence, a), cellseq::outcomesUnder(sequence, b))) continue;
    if (pair.differing++ == 0) {
      pair.minimal = sequence;
      decodedUnder = under;
    }
  }
  if (!pair.minimal) return pair;
  pair.minimal = cellseq::shrinkWhile(*pair.minimal, [&](const Sequence& candidate) {
    return cellseq::wellFormedUnder(candidate, decodedUnder) &&
           firstDifference(cellseq::outcomesUnder(candidate, a), cellseq::outcomesUnder(candidate, b));
  });
  // Shrinking reaches a local minimum; an exhaustive pass over every shorter
  // sequence (well-formed under either policy) makes it the global one.
  for (const std::string& under : {a, b}) {
    cellseq::enumerateSequences(under, pair.minimal->ops.size() - 1, cellseq::kSmallUniverse, [&](const Sequence& candidate) {
      if (!firstDifference(cellseq::outcomesUnder(candidate, a), cellseq::outcomesUnder(candidate, b))) return true;
      if (candidate.ops.size() < pair.minimal->ops.size()) pair.minimal = candidate;
      return false;
    });
  }
  const cellseq::Outcomes x = cellseq::outcomesUnder(*pair.minimal, a), y = cellseq::outcomesUnder(*pair.minimal, b);
  pair.outcomesA = x.outcomes;
  pair.outcomesB = y.outcomes;
  pair.firstDifference = static_cast<int>(*firstDifference(x, y)) + 1;
  if (options.target.enabled()) pair.saved = savePolicyDifference(pair, options);
  return pair;
}

}  // namespace

std::string_view sourceText(TraceSource source) {
  switch (source) {
    case TraceSource::kExplored: return "shortest within the explored bound";
    case TraceSource::kShrunk: return "shrunk random trace";
  }
  return "?";
}

std::string TraceVerdict::text() const {
  return ubLine ? "rejects: UB at line " + std::to_string(*ubLine) + " (" + ubKind + ")" : "accepts";
}

Report compare(const CompareOptions& options) {
  Report report;
  report.seed = options.seed;
  report.runs = options.runs;
  report.universe = options.universe;
  report.exploreDepth = options.exploreDepth;
  report.policies = options.policies;
  report.models = options.models;
  // Between entries, a signal ends the comparison with what was completed.
  const auto stop = [&] { return report.interrupted = report.interrupted || interruptRequested(); };
  for (const properties::CellProperty& property : properties::cellProperties()) {
    for (const std::string& policy : options.policies) {
      if (stop()) return report;
      report.matrix.push_back(matrixEntry(property, policy, options));
    }
  }
  for (std::size_t i = 0; i < options.models.size(); ++i) {
    for (std::size_t j = i + 1; j < options.models.size(); ++j) {
      if (stop()) return report;
      report.modelPairs.push_back(modelPair(options.models[i], options.models[j], options));
    }
  }
  for (std::size_t i = 0; i < options.policies.size(); ++i) {
    for (std::size_t j = i + 1; j < options.policies.size(); ++j) {
      if (stop()) return report;
      report.policyPairs.push_back(policyPair(options.policies[i], options.policies[j], options));
    }
  }
  return report;
}

int unexpectedFailures(const Report& report) {
  int failures = 0;
  for (const MatrixEntry& entry : report.matrix) failures += entry.expectedToHold && entry.counterexample ? 1 : 0;
  return failures;
}

std::vector<const Saved*> savedFiles(const Report& report) {
  std::vector<const Saved*> files;
  for (const MatrixEntry& entry : report.matrix) {
    if (entry.saved) files.push_back(&*entry.saved);
  }
  for (const ModelPair& pair : report.modelPairs) {
    for (const ModelDifference& d : pair.differences) {
      for (const Saved& saved : d.saved) files.push_back(&saved);
    }
  }
  for (const PolicyPair& pair : report.policyPairs) {
    for (const Saved& saved : pair.saved) files.push_back(&saved);
  }
  return files;
}

}  // namespace sbcheck::compare
