// `sbcheck check`: run the property suite from the command line — random
// sequences, a minimal counterexample for each property that fails, saved to
// the corpus.
#include <iostream>
#include <random>

#include "harness/cli/commands.hpp"
#include "harness/corpus.hpp"
#include "harness/json.hpp"
#include "harness/seeds.hpp"
#include "harness/cellseq/print.hpp"
#include "model/cell/policy.hpp"
#include "harness/sbt/print.hpp"
#include "properties/counterexample_file.hpp"
#include "properties/sbt_property.hpp"

namespace sbcheck::cli {

const Command kCheckCommand{
    "check",
    "[--policy NAME] [--model NAME] [--property NAME] [--runs N] [--seed S] [--save-to DIR] [--stats] [--json]",
    "Check the cell's properties on random sequences; shrink and save each failure.",
    "For every property and policy asked for (all by default), runs N random\n"
    "well-formed .cell sequences through the cell, with the SB2 model checking\n"
    "every access and an abstract model of the policy as the oracle. The seed is\n"
    "printed first; --seed S reproduces a run exactly (each property and policy\n"
    "draws from its own stream of S, so a narrower run finds the same sequences).\n"
    "A failure is shrunk to a minimal sequence, re-run to make sure it fails the\n"
    "same way every time, printed with the property and the reason, and saved\n"
    "as a .cell file with its expectations (named after property and policy,\n"
    "not saved again if the folder already holds the same sequence).\n\n"
    "properties: leaks-block-mutable-borrows, mutable-borrows-block-leaks,\n"
    "            parents-outlive-iterators, oracle (on .cell sequences, per policy)\n"
    "            removed-items-never-grant (on random .sbt traces, per model variant\n"
    "            and for tagged and untagged pointers; every variant unless --model)\n"
    "Where a property is known not to hold for a policy (generation lets a\n"
    "mutable borrow through while a leak lives, by design) its failure is marked\n"
    "'expected'; it still counts as a failure for the exit status.\n\n"
    "exit status: 0 every property checked holds; 1 one fails; 2 bad arguments\n",
    {{"--policy", "NAME", "check this cell policy only (default: all five)"},
     {"--model", "NAME", "the SB2 variant (default: sb2 for cells, all for traces)"},
     {"--property", "NAME", "check this property only (default: all)"},
     {"--runs", "N", "random sequences per property and policy (default 1000)"},
     {"--seed", "S", "the run's seed (default: random, printed first)"},
     {"--save-to", "DIR", "where counterexamples go (default corpus/cell, corpus/sbt)"},
     {"--stats", "", "print the distribution of generated operations"},
     {"--json", "", "print one JSON document instead of text"}},
    /*takesFiles=*/false,
};

namespace {

struct PairResult {
  const properties::CellProperty* property;
  properties::SearchOptions options;
  properties::SearchResult result;
  std::optional<Saved> saved;
  bool deterministic = true;
};

/// The trace law's run under one model variant and tag scope.
struct TraceResult {
  properties::TraceSearchOptions options;
  properties::TraceSearchResult result;
  std::optional<Saved> saved;
};

constexpr std::string_view kTraceProperty = "removed-items-never-grant";

std::string_view scopeName(properties::TagScope scope) {
  return scope == properties::TagScope::kTagged ? "tagged" : "untagged";
}

std::string traceCounterexampleFile(const properties::TraceCounterexample& c, const properties::TraceSearchOptions& options,
                                    std::uint64_t seed) {
  sbt::Trace trace = c.trace;
  trace.models = {options.model};
  const bool expected = !properties::removedItemsMustHold(options.model, options.scope);
  const std::string text = sbt::printTrace(trace);
  const std::size_t header = text.find('\n') + 1;  // `#! models:` must stay the first line
  return text.substr(0, header) + "# property: removed items never grant access (" +
         std::string(scopeName(options.scope)) + " pointers) -- fails under " + options.model +
         (expected ? " (as expected of this variant)" : "") + "\n# reason: " + c.violation.reason +
         "\n# found by: sbcheck check --property " + std::string(kTraceProperty) + " --model " + options.model +
         " --seed " + std::to_string(seed) + "\n" + text.substr(header);
}

void printTraceText(const TraceResult& r, std::ostream& out) {
  const bool expectedToHold = properties::removedItemsMustHold(r.options.model, r.options.scope);
  out << (r.result.counterexample ? "FAIL  " : "PASS  ") << kTraceProperty << "  [" << r.options.model << ", "
      << scopeName(r.options.scope) << "]  ";
  if (!r.result.counterexample) {
    out << "holds (" << r.result.runs << " traces checked)"
        << (expectedToHold ? "" : "  -- not expected to hold here; try more --runs") << '\n';
    return;
  }
  const properties::TraceCounterexample& c = *r.result.counterexample;
  out << "fails after " << c.foundAtRun << " trace(s)" << (expectedToHold ? "" : " (expected for this variant)")
      << "\n      reason: " << c.violation.reason << "\n      minimal trace (" << c.trace.events.size()
      << " events, shrunk from " << c.originalLength << "):\n";
  for (const sbt::Event& event : c.trace.events) out << "        " << sbt::printEvent(event) << '\n';
  if (r.saved) out << "      " << (r.saved->created ? "saved: " : "already in the corpus: ") << r.saved->path.string() << '\n';
}

void writeTraceJson(JsonWriter& json, const TraceResult& r) {
  json.beginObject().key("property").value(kTraceProperty).key("model").value(r.options.model);
  json.key("tags").value(scopeName(r.options.scope));
  json.key("expected_to_hold").value(properties::removedItemsMustHold(r.options.model, r.options.scope));
  json.key("status").value(r.result.counterexample ? "fails" : "holds").key("runs").value(r.result.runs);
  json.key("counterexample");
  if (const auto& c = r.result.counterexample) {
    json.beginObject().key("trace").value(sbt::printTrace(c->trace)).key("reason").value(c->violation.reason);
    json.key("found_at_run").value(c->foundAtRun).key("saved");
    r.saved ? json.value(r.saved->path.string()) : json.null();
    json.endObject();
  } else {
    json.null();
  }
  json.endObject();
}


void printText(const PairResult& pair, std::ostream& out) {
  const bool expectedToHold = pair.property->mustHold(pair.options.policy);
  out << (pair.result.counterexample ? "FAIL  " : "PASS  ") << pair.property->id << "  [" << pair.options.policy << "]  ";
  if (!pair.result.counterexample) {
    out << "holds (" << pair.result.runs << " sequences checked)"
        << (expectedToHold ? "" : "  -- not expected to hold for this policy; try more --runs") << '\n';
    return;
  }
  const properties::Counterexample& c = *pair.result.counterexample;
  out << "fails after " << c.foundAtRun << " sequence(s)" << (expectedToHold ? "" : " (expected for this policy)")
      << "\n      reason: line " << c.violation.opIndex + 1 << ": " << c.violation.reason << "\n      minimal sequence ("
      << c.sequence.ops.size() << " ops, shrunk from " << c.originalLength << " in " << c.shrinkSteps << " steps):\n";
  for (const cellseq::Op& op : c.sequence.ops) out << "        " << cellseq::printOp(op) << '\n';
  if (!pair.deterministic) out << "      not saved: it did not fail the same way on every re-run\n";
  if (pair.saved) out << "      " << (pair.saved->created ? "saved: " : "already in the corpus: ") << pair.saved->path.string() << '\n';
}

void writeJson(JsonWriter& json, const PairResult& pair) {
  json.beginObject().key("property").value(pair.property->id).key("policy").value(pair.options.policy);
  json.key("model").value(pair.options.model).key("expected_to_hold").value(pair.property->mustHold(pair.options.policy));
  json.key("status").value(pair.result.counterexample ? "fails" : "holds").key("runs").value(pair.result.runs);
  json.key("counterexample");
  if (const auto& c = pair.result.counterexample) {
    std::string text;
    for (const cellseq::Op& op : c->sequence.ops) text += cellseq::printOp(op) + "\n";
    json.beginObject().key("sequence").value(text).key("line").value(static_cast<int>(c->violation.opIndex) + 1);
    json.key("reason").value(c->violation.reason).key("found_at_run").value(c->foundAtRun);
    json.key("original_length").value(static_cast<std::uint64_t>(c->originalLength)).key("shrink_steps").value(c->shrinkSteps);
    json.key("deterministic").value(pair.deterministic).key("saved");
    pair.saved ? json.value(pair.saved->path.string()) : json.null();
    json.endObject();
  } else {
    json.null();
  }
  json.endObject();
}

}  // namespace

int checkMain(std::span<char* const> args) {
  std::string error;
  const std::optional<Parsed> parsed = parse(kCheckCommand, args, error);
  if (!parsed) return usageError(kCheckCommand, error);
  if (parsed->help) {
    printHelp(kCheckCommand, std::cout);
    return kExitOk;
  }
  std::vector<std::string> policies(std::begin(cell::kPolicyNames), std::end(cell::kPolicyNames));
  if (auto policy = parsed->get("--policy")) {
    if (std::ranges::find(cell::kPolicyNames, *policy) == std::end(cell::kPolicyNames)) {
      return usageError(kCheckCommand, "unknown policy '" + *policy + "'");
    }
    policies = {*policy};
  }
  std::vector<const properties::CellProperty*> selected;
  for (const properties::CellProperty& property : properties::cellProperties()) selected.push_back(&property);
  bool traceLaw = !parsed->has("--policy");
  if (auto name = parsed->get("--property")) {
    const properties::CellProperty* property = properties::findCellProperty(*name);
    traceLaw = *name == kTraceProperty;
    if (property == nullptr && !traceLaw) return usageError(kCheckCommand, "unknown property '" + *name + "'");
    selected = property != nullptr ? std::vector{property} : std::vector<const properties::CellProperty*>{};
  }
  const std::string model = parsed->get("--model").value_or("sb2");
  if (!sb::AnyModel::create(model)) return usageError(kCheckCommand, "unknown model '" + model + "'");
  std::vector<std::string> traceModels(sb::AnyModel::names().begin(), sb::AnyModel::names().end());
  if (parsed->has("--model")) traceModels = {model};
  const std::optional<std::uint64_t> runs = parseCount(parsed->get("--runs").value_or("1000"));
  if (!runs || *runs == 0 || *runs > 100'000'000) return usageError(kCheckCommand, "--runs needs a count from 1 to 100000000");
  std::optional<std::uint64_t> seed = parsed->has("--seed") ? parseCount(*parsed->get("--seed")) : std::random_device{}();
  if (!seed) return usageError(kCheckCommand, "--seed needs a non-negative integer");
  const std::string saveCells = parsed->get("--save-to").value_or("corpus/cell");
  const std::string saveTraces = parsed->get("--save-to").value_or("corpus/sbt");
  const bool json = parsed->has("--json");
  if (!json) std::cout << "seed: " << *seed << std::endl;

  cellseq::GenStats stats;
  std::vector<PairResult> results;
  for (const properties::CellProperty* property : selected) {
    for (const std::string& policy : policies) {
      PairResult pair{property, {}, {}, std::nullopt, true};
      pair.options.policy = policy;
      pair.options.model = model;
      pair.options.properties = {property};
      pair.options.runs = static_cast<int>(*runs);
      pair.options.seed = streamSeed(*seed, std::string(property->id) + "/" + policy);
      pair.options.stats = parsed->has("--stats") ? &stats : nullptr;
      pair.result = properties::search(pair.options);
      if (const auto& c = pair.result.counterexample) {
        pair.deterministic = properties::failsDeterministically(c->sequence, c->violation, pair.options);
        pair.options.seed = *seed;  // the file names the run's seed, which reproduces it
        if (pair.deterministic) {
          pair.saved = saveToCorpus(saveCells, std::string(property->id) + "-" + policy, ".cell",
                                    properties::counterexampleFile(*c, pair.options));
        }
      }
      if (!json) printText(pair, std::cout);
      results.push_back(std::move(pair));
    }
  }
  std::vector<TraceResult> traceResults;
  for (const std::string& variant : traceLaw ? traceModels : std::vector<std::string>{}) {
    for (const properties::TagScope scope : {properties::TagScope::kTagged, properties::TagScope::kUntagged}) {
      TraceResult r;
      r.options.model = variant;
      r.options.scope = scope;
      r.options.runs = static_cast<int>(*runs);
      r.options.seed = streamSeed(*seed, std::string(kTraceProperty) + "/" + std::string(scopeName(scope)) + "/" + variant);
      r.result = properties::searchTraces(r.options);
      if (const auto& c = r.result.counterexample) {
        r.saved = saveToCorpus(saveTraces, std::string(kTraceProperty) + "-" + std::string(scopeName(scope)) + "-" + variant,
                               ".sbt", traceCounterexampleFile(*c, r.options, *seed));
      }
      if (!json) printTraceText(r, std::cout);
      traceResults.push_back(std::move(r));
    }
  }
  int failed = 0;
  for (const PairResult& pair : results) failed += pair.result.counterexample ? 1 : 0;
  for (const TraceResult& r : traceResults) failed += r.result.counterexample ? 1 : 0;
  const int total = static_cast<int>(results.size() + traceResults.size());
  if (json) {
    JsonWriter writer(std::cout);
    writer.beginObject().key("seed").value(*seed).key("results").beginArray();
    for (const PairResult& pair : results) writeJson(writer, pair);
    for (const TraceResult& r : traceResults) writeTraceJson(writer, r);
    writer.endArray().key("passed").value(total - failed).key("failed").value(failed).endObject();
    std::cout << '\n';
  } else {
    if (parsed->has("--stats")) std::cout << stats.render();
    std::cout << total - failed << " passed, " << failed << " failed\n";
  }
  return failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace sbcheck::cli
