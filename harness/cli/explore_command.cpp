// `sbcheck explore`: bounded exhaustive exploration — every well-formed
// `.cell` sequence of a policy over a bounded universe (or every `.sbt` trace
// over a bounded allocation), breadth first, every property checked on every
// reachable state, and the shortest counterexample of each that fails.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <thread>

#include "harness/cellseq/designs.hpp"
#include "harness/cellseq/print.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/explore_report.hpp"
#include "harness/cli/outputs.hpp"
#include "harness/corpus.hpp"
#include "harness/explore/cell_space.hpp"
#include "harness/html/beside.hpp"
#include "harness/interrupt.hpp"
#include "harness/isolation.hpp"
#include "harness/json.hpp"
#include "model/cell/policy.hpp"
#include "properties/counterexample_file.hpp"

namespace sbcheck::cli {

bool readCount(const Parsed& parsed, std::string_view flag, std::uint64_t low, std::uint64_t high,
               std::uint64_t& into, std::string& error) {
  const std::optional<std::string> text = parsed.get(flag);
  if (!text) return true;
  const std::optional<std::uint64_t> value = parseCount(*text);
  if (value && *value >= low && *value <= high) {
    into = *value;
    return true;
  }
  error = std::string(flag) + " needs a whole number from " + std::to_string(low) + " to " + std::to_string(high);
  return false;
}

bool readLimits(const Parsed& parsed, explore::Limits& limits, std::string& error) {
  std::uint64_t depth = 0, states = 0, seconds = kDefaultTimeLimit;
  std::uint64_t threads = std::max(1u, std::thread::hardware_concurrency());
  if (!readCount(parsed, "--depth", 1, 10'000, depth, error) ||
      !readCount(parsed, "--max-states", 1, 4'000'000'000ull, states, error) ||
      !readCount(parsed, "--time-limit", 0, 1'000'000, seconds, error) ||
      !readCount(parsed, "--threads", 1, 64, threads, error)) {
    return false;
  }
  limits.maxDepth = static_cast<std::uint32_t>(depth);
  limits.maxStates = states;
  limits.maxSeconds = static_cast<double>(seconds);
  limits.threads = static_cast<unsigned>(threads);
  limits.cancel = &interruptFlag();
  if (isatty(STDERR_FILENO) && !parsed.has("--json")) limits.progress = printProgress;
  return true;
}

const Command kExploreCommand{
    "explore",
    "--policy NAME [--model NAME] [--depth N] [--objects K] [--keys K] [--names K] [--guards K] [--iterators K] "
    "[--threads T] [--max-states N] [--time-limit S] [--expect-failures require|ignore] [--save-to DIR | --no-save] "
    "[--no-html] [--in-process] [--json]\n"
    "       sbcheck explore --model NAME[,NAME...] [--bytes B] [--tags L] [--depth N] [--threads T] [--max-states N] "
    "[--time-limit S] [--save-to DIR | --no-save] [--no-html] [--json]",
    "Explore every sequence (or trace) in a bounded universe; shortest counterexamples.",
    "With --policy: every well-formed .cell sequence over the bounded universe,\n"
    "breadth first. A state is the real cell, the SB2 model checking its accesses\n"
    "and the abstract cell (the spec), deduplicated up to renaming of names,\n"
    "objects and tags (docs/decisions.md says why each reduction is sound). Every\n"
    "cell property is checked on every transition; for each one that fails, the\n"
    "first counterexample found is a shortest one; it is printed and saved as a\n"
    "a .cell file with its expectations (the project's corpus/cell, or --save-to)\n"
    "as soon as it is found, so a run that is stopped keeps it. The default universe is the\n"
    "issue's: at most 2 objects alive, 2 names per object, keys {0, 1}, 2 guards\n"
    "and 2 iterators held at a time; --model picks the SB2 variant (default sb2).\n\n"
    "With --model and no --policy: every .sbt trace over one allocation of B bytes\n"
    "with at most L live pointers, checking the model's laws; with several models\n"
    "(or 'all'), also the shortest trace each pair disagrees on (saved to\n"
    "corpus/sbt). A trace stops at its first UB under any explored model, so a\n"
    "pair's shortest difference can be longer among several models than when\n"
    "the pair is explored alone (as 'sbcheck compare' does).\n\n"
    "Beside each file saved, X.cell or X.sbt, goes X.html: the file drawn as\n"
    "'sbcheck run --html' or 'sbcheck replay --html' draws it (docs/html.md),\n"
    "under the policy or the model it fails under; a difference's page has both\n"
    "models side by side, its first differing row marked. --no-html writes none.\n\n"
    "The report gives the distinct states, the transitions, the new states per\n"
    "depth, the depth completed, the time and the rate. Without --depth the run\n"
    "goes on to its fixpoint (a depth that finds no new state), but for at most\n"
    "600 seconds unless --time-limit says otherwise (0: no limit), so it always\n"
    "ends. --max-states, --time-limit, Ctrl-C and SIGTERM end it cleanly with what\n"
    "was completed (marked so). On a terminal a live line on stderr shows depth,\n"
    "states and rate.\n\n"
    "exit status: 0 every property that must hold held and (with --policy, unless\n"
    "--expect-failures=ignore) every known flaw of the policy was found, as for\n"
    "'sbcheck check'; 1 otherwise, or a law of a model fails (two models\n"
    "differing is a finding, not a failure); 2 bad arguments or a counterexample\n"
    "that could not be saved; 130 interrupted. With --policy the exploration\n"
    "runs in a child process: a cell that crashes it (memory touched behind its\n"
    "probe's back) is reported as a failure (status 1) naming 'check --fork',\n"
    "which shrinks such a crash; --in-process turns that off, for a debugger.\n",
    {{"--policy", "NAME", "explore .cell sequences under this cell policy"},
     {"--model", "NAME", "the SB2 variant(s): one for --policy; for traces, one, a list or 'all'"},
     {"--depth", "N", "explore sequences of at most N operations (default: to the fixpoint)"},
     {"--objects", "K", "objects alive at a time (default 2)"},
     {"--keys", "K", "keys are 0..K-1 (default 2)"},
     {"--names", "K", "Python names per object (default 2)"},
     {"--guards", "K", "guards held at a time (default 2)"},
     {"--iterators", "K", "iterators held at a time (default 2)"},
     {"--bytes", "B", "traces: the allocation's size in bytes, 1 to 8 (default 1)"},
     {"--tags", "L", "traces: live pointers at a time besides x (default 2)"},
     {"--threads", "T", "worker threads (default: one per core)"},
     {"--max-states", "N", "stop after N distinct states"},
     {"--time-limit", "S", "stop after S seconds (default 600; 0: no limit)"},
     {"--expect-failures", "MODE", "require (default): a policy's known flaws must be found; ignore"},
     {"--save-to", "DIR", "where counterexamples go (default: the project's corpus/cell, corpus/sbt)"},
     {"--no-save", "", "save nothing (a dry run)"},
     {"--no-html", "", "write no .html page beside each saved file"},
     {"--in-process", "", "with --policy: run in this process (for a debugger); a crash of the cell ends sbcheck"},
     {"--json", "", "print one JSON document instead of text"}},
    /*takesFiles=*/false,
};

namespace {

bool readUniverse(const Parsed& parsed, cellseq::Universe& universe, std::string& error) {
  std::uint64_t objects = static_cast<std::uint64_t>(universe.maxObjects);
  std::uint64_t names = static_cast<std::uint64_t>(universe.maxNamesPerObject);
  std::uint64_t guards = static_cast<std::uint64_t>(universe.maxGuards);
  std::uint64_t iterators = static_cast<std::uint64_t>(universe.maxIterators);
  std::uint64_t keys = universe.keys;
  if (!readCount(parsed, "--objects", 1, 16, objects, error) || !readCount(parsed, "--names", 1, 16, names, error) ||
      !readCount(parsed, "--guards", 0, 16, guards, error) ||
      !readCount(parsed, "--iterators", 0, 16, iterators, error) ||
      !readCount(parsed, "--keys", 1, explore::kMaxExploredKeys, keys, error)) {
    return false;
  }
  universe = cellseq::Universe{static_cast<int>(objects), static_cast<int>(names), static_cast<int>(guards),
                               static_cast<int>(iterators), static_cast<std::uint32_t>(keys)};
  return true;
}

/// The flags that differ from the default universe, for the reproducing command.
std::string universeFlags(const Parsed& parsed) {
  std::string flags;
  for (const char* flag : {"--objects", "--keys", "--names", "--guards", "--iterators", "--depth"}) {
    if (auto value = parsed.get(flag)) flags += " " + std::string(flag) + " " + *value;
  }
  return flags;
}

std::string counterexampleFile(const explore::CellCounterexample& c, const explore::CellExploreOptions& options,
                               const std::string& foundBy) {
  const std::size_t line = c.sequence.ops.size();
  std::string text = "# property: " + std::string(c.property->title) + " -- fails under " + options.policy +
                     (c.property->mustHold(options.policy) ? "" : " (as expected of this policy)") + "\n";
  text += "# reason: line " + std::to_string(line) + ": " + c.reason + "\n";
  text += "# found by: " + foundBy + "\n# a shortest counterexample: no shorter sequence in the bounded universe fails it\n";
  return text + properties::expectationsFile(c.sequence, options.policy, options.model);
}

/// Said when the cell crashed the exploration: what happened, and the mode
/// that turns such a crash into a shrunk counterexample.
int reportCrash(const Parsed& parsed, const ChildCrash& crash) {
  const std::string policy = *parsed.get("--policy");
  const std::string why = "the cell crashed the exploration (" + crash.reason +
                          "): it touched memory without telling its probe; the counterexamples found before the "
                          "crash are saved. `sbcheck check --fork --policy " + policy +
                          "` runs each sequence in its own process and shrinks such a crash";
  if (parsed.has("--json")) {
    JsonWriter json(std::cout);
    json.beginDocument().key("ok").value(false).key("policy").value(policy).key("crashed").value(crash.reason);
    json.key("error").value(why).endObject();
    std::cout << '\n';
  }
  std::cerr << "sbcheck explore: " << why << '\n';
  return kExitFailed;
}

int exploreCells(const Parsed& parsed) {
  explore::CellExploreOptions options;
  std::string error;
  options.policy = *parsed.get("--policy");
  if (cellseq::userDesign(options.policy) != nullptr) {
    return usageError(kExploreCommand, "'" + options.policy +
                                           "' is a registered design: explore drives the built-in policies only so far "
                                           "(check and run drive designs)");
  }
  if (std::ranges::find(cell::kPolicyNames, options.policy) == std::end(cell::kPolicyNames)) {
    return usageError(kExploreCommand, "unknown policy '" + options.policy + "'");
  }
  options.model = parsed.get("--model").value_or("sb2");
  if (!sb::AnyModel::create(options.model)) return usageError(kExploreCommand, "unknown model '" + options.model + "'");
  if (parsed.has("--bytes") || parsed.has("--tags")) {
    return usageError(kExploreCommand, "--bytes and --tags are for traces (--model without --policy)");
  }
  CellReport report;
  const auto mode = readExpectFailures(parsed, error);
  if (!mode || !readUniverse(parsed, options.universe, error) || !readLimits(parsed, options.limits, error)) {
    return usageError(kExploreCommand, error);
  }
  const std::optional<SaveTarget> target = readSaveTarget(parsed, /*pages=*/true);
  if (!target) return kExitUsage;
  report.expectFailures = *mode;
  report.policy = options.policy;
  report.model = options.model;
  report.universe = options.universe;
  report.threads = options.limits.threads;
  report.foundBy = "sbcheck explore --policy " + options.policy + " --model " + options.model + universeFlags(parsed);
  const bool json = parsed.has("--json");
  bool lost = false;
  // Saved (and, as text, announced) the moment it is found: a run that is
  // killed later still leaves its counterexamples behind.
  const auto onCounterexample = [&](const explore::CellCounterexample& c) {
    const Dedup dedup = c.property->mustHold(options.policy) ? Dedup::kByContent : Dedup::kByFlaw;
    const Saved saved =
        html::saveDrawn(*target, "cell", "explore-" + std::string(c.property->id) + "-" + options.policy, ".cell",
                        counterexampleFile(c, options, report.foundBy), html::Drawing{{}, options.model}, dedup);
    lost = reportLost(saved) || lost;
    if (!json) {
      std::cout << "found: " << c.property->id << " fails (" << c.sequence.ops.size() << " ops); " << saved.text()
                << std::endl;
    }
    report.saved.emplace(c.property->id, saved);
  };
  report.exploration = explore::exploreCell(options, onCounterexample);
  const auto spec = explore::exploreAbstractCell(options);
  report.abstractStates = spec.states;
  report.abstractEnding = spec.ending;
  json ? writeCellJson(report, std::cout) : printCellText(report, std::cout);
  if (lost) return kExitUsage;
  if (report.exploration.run.ending == explore::Ending::kInterrupted) return kExitInterrupted;
  return report.tally().ok(report.expectFailures) ? kExitOk : kExitFailed;
}

}  // namespace

int exploreMain(std::span<char* const> args) {
  std::string error;
  const std::optional<Parsed> parsed = parse(kExploreCommand, args, error);
  if (!parsed) return usageError(kExploreCommand, error);
  if (parsed->help) {
    printHelp(kExploreCommand, std::cout);
    return kExitOk;
  }
  if (parsed->has("--policy")) {
    // A cell that crashes where its probe cannot see must not take sbcheck
    // down: the exploration runs in a child, and a crash there is reported.
    if (parsed->has("--in-process")) return exploreCells(*parsed);
    return runSupervised([&] { return exploreCells(*parsed); },
                         [&](const ChildCrash& crash) { return reportCrash(*parsed, crash); });
  }
  if (parsed->has("--model")) return exploreTraces(*parsed);
  return usageError(kExploreCommand, "say what to explore: --policy NAME (cell sequences) or --model NAME (traces)");
}

}  // namespace sbcheck::cli
