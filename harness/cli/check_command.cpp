// `sbcheck check`: run the property suite from the command line — random
// sequences, a minimal counterexample for each property that fails, saved to
// the corpus — with an exit status a CI pipeline can gate on.
#include <iostream>
#include <random>
#include <sstream>

#include "harness/cellseq/designs.hpp"
#include "harness/cellseq/print.hpp"
#include "harness/cli/check_results.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/outputs.hpp"
#include "harness/cli/verdict.hpp"
#include "harness/corpus.hpp"
#include "harness/html/beside.hpp"
#include "harness/interrupt.hpp"
#include "harness/isolation.hpp"
#include "harness/json.hpp"
#include "harness/sbt/print.hpp"
#include "harness/seeds.hpp"
#include "model/cell/policy.hpp"
#include "properties/counterexample_file.hpp"
#include "properties/model_agreement.hpp"
#include "properties/sbt_property.hpp"

namespace sbcheck::cli {

const Command kCheckCommand{
    "check",
    "[--policy NAME] [--model NAME] [--property NAME] [--runs N] [--seed S] [--expect-failures require|ignore]\n"
    "       [--save-to DIR | --no-save] [--no-html] [--fork | --in-process] [--stats] [--json] [--json-out FILE]",
    "Check the cell's properties on random sequences; shrink and save each failure.",
    "For every property and policy asked for (all by default), runs N random\n"
    "well-formed .cell sequences through the cell, with the SB2 model checking\n"
    "every access and an abstract model of the policy as the oracle. The seed is\n"
    "printed first; --seed S reproduces a run exactly (each property and policy\n"
    "draws from its own stream of S, so a narrower run finds the same sequences).\n"
    "A failure is shrunk to a locally minimal sequence (no single removal or\n"
    "value step still fails), re-run to make sure it fails the same way every\n"
    "time, printed with the property, the reason and the command that reproduces\n"
    "it, and saved as a .cell file with its expectations (docs/cell.md) in the\n"
    "project's corpus/ (the first corpus/ folder in the working directory or\n"
    "above it; none: nothing is saved) or in --save-to DIR. Beside each file\n"
    "saved, X.cell or X.sbt, goes X.html: the file drawn under the policy or\n"
    "model it fails under, as 'sbcheck run --html' or 'sbcheck replay --html'\n"
    "draws it (docs/html.md); --no-html writes none.\n\n"
    "properties: leaks-block-mutable-borrows, mutable-borrows-block-leaks,\n"
    "            parents-outlive-iterators, oracle (on .cell sequences, per policy)\n"
    "            removed-items-never-grant (on random .sbt traces, per model variant\n"
    "            and for tagged and untagged pointers; every variant unless --model)\n"
    "            model-agrees-with-reference (on random .sbt traces, per variant: the\n"
    "            same verdict at the same event and the same stacks after every\n"
    "            event as an independent plain implementation of the spec)\n\n"
    "Known flaws: where a property is documented not to hold (the unsound\n"
    "policies; generation lets a mutable borrow through while a leak lives, by\n"
    "design; untagged pointers under most variants), its failure is expected.\n"
    "Each known flaw is kept as one corpus file, replaced only by a shorter one.\n\n"
    "exit status: 0 every property that must hold held and (unless\n"
    "--expect-failures=ignore) every known flaw was found; 1 otherwise; 2 bad\n"
    "arguments or a counterexample that could not be saved; 130 interrupted\n"
    "(what was completed is reported). The default --runs finds every known flaw\n"
    "for every seed.\n\n"
    "--fork: for cells that may crash in ways the probe cannot see, each sequence\n"
    "runs in a forked child; a child killed by a signal, or still running after\n"
    "10 s, fails the property runs-to-completion with that sequence, which is\n"
    "shrunk as any failure (each step in its own child). Without --fork the check\n"
    "runs in one child process: if the cell crashes it (memory touched behind\n"
    "the probe's back), sbcheck says so and runs the check again as --fork does,\n"
    "so a crash is always a shrunk counterexample, never the end of sbcheck\n"
    "(--in-process turns that off, for a debugger).\n",
    {{"--policy", "NAME", "check this cell policy only (default: all five)"},
     {"--model", "NAME", "the SB2 variant (default: sb2 for cells, all for traces)"},
     {"--property", "NAME", "check this property only (default: all)"},
     {"--runs", "N", "random sequences per property and policy (default 1000); the trace law checks 10 x N traces"},
     {"--seed", "S", "the run's seed, 0 to 2^64-1 (default: random, printed first)"},
     {"--expect-failures", "MODE", "require (default): known flaws must be found; ignore: gate on the rest"},
     {"--save-to", "DIR", "where counterexamples go (default: the project's corpus/cell, corpus/sbt)"},
     {"--no-save", "", "save nothing (a dry run)"},
     {"--no-html", "", "write no .html page beside each saved file"},
     {"--fork", "", "run each .cell sequence in a forked child: a crash or a hang of the cell fails it (shrunk)"},
     {"--in-process", "", "run in this process, unsupervised (for a debugger): a crash of the cell ends sbcheck"},
     {"--stats", "", "print the distribution of generated operations"},
     {"--json", "", "print one JSON document instead of text"},
     {"--json-out", "FILE", "also write the JSON document to FILE"}},
    /*takesFiles=*/false,
};

namespace {

constexpr std::uint64_t kDefaultRuns = 1000;
/// Traces are cheap and the untagged flaws rare (1 trace in 300 to 900): the
/// trace law checks this many traces per run, so that the default finds
/// every known flaw for every seed (measured: 1000 traces missed one in about
/// 15% of seeds; 10,000 in none of 300).
constexpr std::uint64_t kTracesPerRun = 10;

/// What the command was asked, read and checked before anything runs.
struct Request {
  std::vector<std::string> policies;
  std::vector<const properties::CellProperty*> properties;
  bool traceLaw = true;
  bool agreement = true;  ///< model-agrees-with-reference
  std::string model = "sb2";
  std::vector<std::string> traceModels;
  std::uint64_t runs = kDefaultRuns;
  std::uint64_t seed = 0;
  ExpectFailures expectFailures = ExpectFailures::kRequire;
  bool stats = false;
  bool json = false;
  bool fork = false;
};

/// " --runs N" when N is not the default: part of every reproducing command.
std::string runsFlag(std::uint64_t runs) {
  return runs == kDefaultRuns ? std::string() : " --runs " + std::to_string(runs);
}

/// Reads and checks every flag; a usage error's message in `error` when one is wrong.
std::optional<Request> readRequest(const Parsed& parsed, std::string& error) {
  Request request;
  const std::span<const std::string_view> names = cellseq::policyNames();
  request.policies.assign(names.begin(), names.end());
  if (auto policy = parsed.get("--policy")) {
    if (std::ranges::find(names, *policy) == names.end()) {
      error = "unknown policy '" + *policy + "'";
      return std::nullopt;
    }
    request.policies = {*policy};
  }
  for (const properties::CellProperty& property : properties::cellProperties()) request.properties.push_back(&property);
  request.traceLaw = request.agreement = !parsed.has("--policy");
  if (auto name = parsed.get("--property")) {
    const properties::CellProperty* property = properties::findCellProperty(*name);
    request.traceLaw = *name == kTraceProperty;
    request.agreement = *name == properties::kModelAgreementId;
    if (property == nullptr && !request.traceLaw && !request.agreement) {
      error = "unknown property '" + *name + "'";
      return std::nullopt;
    }
    request.properties = property != nullptr ? std::vector{property} : std::vector<const properties::CellProperty*>{};
  }
  if (request.properties.empty()) {
    const std::string why = *parsed.get("--property") + " runs on .sbt traces, which have no cell policy";
    if (!rejectOption(parsed, "--policy", why, error)) return std::nullopt;
    if (!rejectOption(parsed, "--stats", "it counts the operations of .cell sequences", error)) return std::nullopt;
    if (!rejectOption(parsed, "--fork", "it isolates runs of .cell sequences", error)) return std::nullopt;
  }
  request.model = parsed.get("--model").value_or("sb2");
  if (!sb::AnyModel::create(request.model)) {
    error = "unknown model '" + request.model + "'";
    return std::nullopt;
  }
  request.traceModels.assign(sb::AnyModel::names().begin(), sb::AnyModel::names().end());
  if (parsed.has("--model")) request.traceModels = {request.model};
  const std::optional<std::uint64_t> runs = parseCount(parsed.get("--runs").value_or(std::to_string(kDefaultRuns)));
  if (!runs || *runs == 0 || *runs > 100'000'000) {
    error = "--runs needs a count from 1 to 100000000";
    return std::nullopt;
  }
  request.runs = *runs;
  std::optional<std::uint64_t> seed = parsed.has("--seed") ? parseSeed(*parsed.get("--seed"), error)
                                                           : std::optional<std::uint64_t>(std::random_device{}());
  if (!seed) return std::nullopt;
  request.seed = *seed;
  const std::optional<ExpectFailures> mode = readExpectFailures(parsed, error);
  if (!mode) return std::nullopt;
  request.expectFailures = *mode;
  if (parsed.has("--no-save") && parsed.has("--save-to")) {
    error = "--no-save and --save-to contradict each other";
    return std::nullopt;
  }
  request.stats = parsed.has("--stats");
  request.json = parsed.has("--json");
  request.fork = parsed.has("--fork");
  if (request.fork && parsed.has("--in-process")) {
    error = "--fork and --in-process contradict each other (each sequence in a child, or all in this process)";
    return std::nullopt;
  }
  return request;
}

PairResult checkPair(const properties::CellProperty* property, const std::string& policy, const Request& request,
                     const SaveTarget& target, cellseq::GenStats* stats) {
  PairResult pair{property, {}, {}, std::nullopt, true, ""};
  pair.options.policy = policy;
  pair.options.model = request.model;
  pair.options.properties = {property};
  pair.options.runs = static_cast<int>(request.runs);
  pair.options.seed = streamSeed(request.seed, std::string(property->id) + "/" + policy);
  pair.options.stats = stats;
  pair.options.isolate = request.fork;
  pair.result = properties::search(pair.options);
  pair.reproduce = "sbcheck check --policy " + policy + " --model " + request.model + " --property " +
                   std::string(property->id) + " --seed " + std::to_string(request.seed) + runsFlag(request.runs) +
                   (request.fork ? " --fork" : "");
  if (const auto& c = pair.result.counterexample) {
    pair.deterministic = properties::failsDeterministically(c->sequence, c->violation, pair.options);
    pair.options.seed = request.seed;  // the file names the run's seed, which reproduces it
    if (pair.deterministic) {
      const Dedup dedup = pair.failed()->mustHold(policy) ? Dedup::kByContent : Dedup::kByFlaw;
      pair.saved = html::saveDrawn(target, "cell", std::string(pair.failed()->id) + "-" + policy, ".cell",
                                   properties::counterexampleFile(*c, pair.options, pair.reproduce),
                                   html::Drawing{{}, request.model}, dedup, request.fork);
    }
  }
  return pair;
}

TraceResult checkTraces(const std::string& variant, properties::TagScope scope, const Request& request,
                        const SaveTarget& target) {
  TraceResult r;
  r.options.model = variant;
  r.options.scope = scope;
  r.options.runs = static_cast<int>(request.runs * kTracesPerRun);
  r.options.seed = streamSeed(request.seed, std::string(kTraceProperty) + "/" + std::string(scopeName(scope)) + "/" + variant);
  r.result = properties::searchTraces(r.options);
  r.reproduce = "sbcheck check --property " + std::string(kTraceProperty) + " --model " + variant + " --seed " +
                std::to_string(request.seed) + runsFlag(request.runs);
  if (r.result.counterexample) {
    const Dedup dedup = properties::removedItemsMustHold(variant, scope) ? Dedup::kByContent : Dedup::kByFlaw;
    r.saved = html::saveDrawn(target, "sbt",
                              std::string(kTraceProperty) + "-" + std::string(scopeName(scope)) + "-" + variant, ".sbt",
                              traceCounterexampleFile(r), html::Drawing{}, dedup);
  }
  return r;
}

/// The model against the independent reference, on `request.runs` random traces.
TraceResult checkAgreement(const std::string& variant, const Request& request, const SaveTarget& target) {
  TraceResult r;
  r.agreement = true;
  r.options.model = variant;
  properties::AgreementSearchOptions options;
  options.model = variant;
  options.runs = static_cast<int>(request.runs);
  options.seed = streamSeed(request.seed, std::string(properties::kModelAgreementId) + "/" + variant);
  r.result = properties::searchAgreement(options);
  r.reproduce = "sbcheck check --property " + std::string(properties::kModelAgreementId) + " --model " + variant +
                " --seed " + std::to_string(request.seed) + runsFlag(request.runs);
  if (r.result.counterexample) {
    r.saved = html::saveDrawn(target, "sbt", std::string(properties::kModelAgreementId) + "-" + variant, ".sbt",
                              traceCounterexampleFile(r), html::Drawing{});
  }
  return r;
}

/// The whole check, once its arguments are read.
int runCheck(const Parsed& parsed, const std::optional<Request>& request, const std::optional<SaveTarget>& target) {

  cellseq::GenStats stats;
  Tally tally;
  bool lost = false;
  std::vector<PairResult> results;
  for (const properties::CellProperty* property : request->properties) {
    for (const std::string& policy : request->policies) {
      if (interruptRequested()) break;
      // A registered design is held to what it promises, no more.
      if (cellseq::userDesign(policy) != nullptr && !property->mustHold(policy)) continue;
      PairResult pair = checkPair(property, policy, *request, *target, request->stats ? &stats : nullptr);
      if (!request->json) printText(pair, std::cout);
      tally.add(pair.verdict());
      lost = (pair.saved && reportLost(*pair.saved)) || lost;
      results.push_back(std::move(pair));
    }
  }
  std::vector<TraceResult> traceResults;
  for (const std::string& variant : request->traceLaw ? request->traceModels : std::vector<std::string>{}) {
    for (const properties::TagScope scope : {properties::TagScope::kTagged, properties::TagScope::kUntagged}) {
      if (interruptRequested()) break;
      TraceResult r = checkTraces(variant, scope, *request, *target);
      if (!request->json) printTraceText(r, std::cout);
      tally.add(r.verdict());
      lost = (r.saved && reportLost(*r.saved)) || lost;
      traceResults.push_back(std::move(r));
    }
  }
  for (const std::string& variant : request->agreement ? request->traceModels : std::vector<std::string>{}) {
    if (interruptRequested()) break;
    TraceResult r = checkAgreement(variant, *request, *target);
    if (!request->json) printTraceText(r, std::cout);
    tally.add(r.verdict());
    lost = (r.saved && reportLost(*r.saved)) || lost;
    traceResults.push_back(std::move(r));
  }
  const bool interrupted = interruptRequested();
  std::ostringstream document;
  JsonWriter writer(document);
  writer.beginDocument().key("seed").value(request->seed).key("runs").value(request->runs);
  writer.key("interrupted").value(interrupted).key("results").beginArray();
  for (const PairResult& pair : results) writeJson(writer, pair);
  for (const TraceResult& r : traceResults) writeTraceJson(writer, r);
  writer.endArray();
  tally.write(writer, request->expectFailures);
  writer.endObject();
  document << '\n';
  if (request->json) {
    std::cout << document.str();
  } else {
    if (request->stats) std::cout << stats.render();
    if (interrupted) std::cout << "interrupted: the entries above were completed; the rest did not run\n";
    std::cout << tally.summary(request->expectFailures);
  }
  if (auto file = parsed.get("--json-out"); file && !emit(*file, document.str())) return kExitUsage;
  if (lost) return kExitUsage;
  if (interrupted) return kExitInterrupted;
  return tally.ok(request->expectFailures) ? kExitOk : kExitFailed;
}

/// Said when a cell crashed an in-process check: the same run again, each
/// sequence in its own child (--fork), finds the crashing sequence and shrinks it.
int checkAfterCrash(const Parsed& parsed, std::optional<Request> request, const std::optional<SaveTarget>& target,
                    const ChildCrash& crash) {
  std::cerr << "sbcheck check: the cell crashed the check (" << crash.reason
            << "): it touched memory without telling its probe. Running the same check again with each\n"
               "sequence in its own process (as --fork does) to find and shrink the crashing sequence.\n";
  request->fork = true;
  return runCheck(parsed, request, target);
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
  const std::optional<Request> request = readRequest(*parsed, error);
  if (!request) return usageError(kCheckCommand, error);
  constexpr std::string_view kFiles[] = {"--json-out"};
  const std::optional<SaveTarget> target = readSaveTarget(*parsed, /*pages=*/true);
  if (!target || !checkOutputFiles(*parsed, kFiles)) return kExitUsage;
  if (!request->json) std::cout << "seed: " << request->seed << std::endl;
  // A cell that crashes where its probe cannot see must not take sbcheck down:
  // the check runs in a child, and a crash there becomes a --fork run.
  if (request->fork || parsed->has("--in-process")) return runCheck(*parsed, request, target);
  return runSupervised([&] { return runCheck(*parsed, request, target); },
                       [&](const ChildCrash& crash) { return checkAfterCrash(*parsed, request, target, crash); });
}

}  // namespace sbcheck::cli
