// `sbcheck compare`: policies and model variants side by side, with minimal
// distinguishing examples.
#include <iostream>
#include <sstream>

#include "harness/cellseq/designs.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/outputs.hpp"
#include "harness/compare/render.hpp"
#include "model/cell/policy.hpp"

namespace sbcheck::cli {

const Command kCompareCommand{
    "compare",
    "[--policies A,B,...] [--models X,Y,...] [--runs N] [--seed S] [--markdown FILE|-] [--json] [--json-out FILE]\n"
    "       [--save-to DIR | --no-save] [--no-html]",
    "Compare cell policies and SB2 variants side by side, with minimal examples of each difference.",
    "Three searches; every verdict is found by searching, never read from a\n"
    "table of known answers:\n"
    "  1. the policy x property matrix: each entry holds (N random sequences\n"
    "     checked) or fails, with its minimal counterexample (shrunk);\n"
    "  2. for each pair of models, how often they disagree on 10 x N random\n"
    "     traces, and for each direction the shortest trace one accepts and the\n"
    "     other rejects: from an exhaustive exploration of every trace over one\n"
    "     byte and two live pointers (as 'sbcheck explore --model A,B'), or, when\n"
    "     that bound holds none, the shortest of a few shrunk random traces (the\n"
    "     report says which);\n"
    "  3. for each pair of policies, the minimal sequence on which their outcomes\n"
    "     differ (N random sequences, shrunk, then every shorter sequence of a\n"
    "     bounded universe), with both outcomes line by line.\n"
    "Counterexamples and distinguishing examples are saved to the project's\n"
    "corpus (corpus/cell, corpus/sbt; or --save-to DIR), each with the command\n"
    "that reproduces it. The same seed gives the same report, byte for byte\n"
    "(default seed 1). Beside each file saved, X.cell or X.sbt, goes X.html: the\n"
    "file drawn as 'sbcheck run --html' or 'sbcheck replay --html' draws it\n"
    "(docs/html.md); a distinguishing example's page has both policies or both\n"
    "models side by side, the first row where they differ marked. --no-html\n"
    "writes none.\n\n"
    "exit status: 0 every property that must hold held (a policy's known flaws and\n"
    "the differences are findings, not failures); 1 one failed; 2 bad arguments,\n"
    "an unwritable FILE or a file that could not be saved; 130 interrupted\n",
    {{"--policies", "A,B,...", "cell policies to compare (default: all five)"},
     {"--models", "X,Y,...", "SB2 variants to compare (default: all five)"},
     {"--runs", "N", "random sequences per entry and policy pair (default 1000); 10 x N traces per model pair"},
     {"--seed", "S", "the seed, 0 to 2^64-1 (default 1)"},
     {"--markdown", "FILE", "also write the report as Markdown to FILE ('-': stdout)"},
     {"--json", "", "print the report as one JSON document instead of text"},
     {"--json-out", "FILE", "also write the JSON document to FILE"},
     {"--save-to", "DIR", "where examples go (default: the project's corpus/cell and corpus/sbt)"},
     {"--no-save", "", "save nothing (a dry run)"},
     {"--no-html", "", "write no .html page beside each saved file"}},
    /*takesFiles=*/false,
};

namespace {

std::string rendered(const compare::Report& report, void (*render)(const compare::Report&, std::ostream&)) {
  std::ostringstream out;
  render(report, out);
  return out.str();
}

}  // namespace

int compareMain(std::span<char* const> args) {
  std::string error;
  const std::optional<Parsed> parsed = parse(kCompareCommand, args, error);
  if (!parsed) return usageError(kCompareCommand, error);
  if (parsed->help) {
    printHelp(kCompareCommand, std::cout);
    return kExitOk;
  }
  compare::CompareOptions options;
  if (const auto named = parsed->get("--policies")) {
    std::istringstream list(*named);
    for (std::string name; std::getline(list, name, ',');) {
      if (cellseq::userDesign(name) == nullptr) continue;
      return usageError(kCompareCommand, "'" + name +
                                             "' is a registered design: compare drives the built-in policies only so "
                                             "far (check and run drive designs)");
    }
  }
  const auto policies = namesFrom(*parsed, "--policies", cell::kPolicyNames, error);
  if (!policies) return usageError(kCompareCommand, error);
  const auto models = namesFrom(*parsed, "--models", sb::AnyModel::names(), error);
  if (!models) return usageError(kCompareCommand, error);
  options.policies = *policies;
  options.models = *models;
  const std::optional<std::uint64_t> runs = parseCount(parsed->get("--runs").value_or("1000"));
  if (!runs || *runs == 0 || *runs > 10'000'000) return usageError(kCompareCommand, "--runs needs a count from 1 to 10000000");
  const std::optional<std::uint64_t> seed = parseSeed(parsed->get("--seed").value_or("1"), error);
  if (!seed) return usageError(kCompareCommand, error);
  if (parsed->has("--no-save") && parsed->has("--save-to")) {
    return usageError(kCompareCommand, "--no-save and --save-to contradict each other");
  }
  options.runs = static_cast<int>(*runs);
  options.seed = *seed;
  constexpr std::string_view kFiles[] = {"--markdown", "--json-out"};
  const std::optional<SaveTarget> target = readSaveTarget(*parsed, /*pages=*/true);
  if (!target || !checkOutputFiles(*parsed, kFiles)) return kExitUsage;
  options.target = *target;

  const compare::Report report = compare::compare(options);
  const bool json = parsed->has("--json");
  const bool markdownToStdout = parsed->get("--markdown") == std::optional<std::string>("-");
  if (json) {
    std::cout << rendered(report, &compare::renderJson);
  } else if (!markdownToStdout) {
    std::cout << rendered(report, &compare::renderText);
  }
  bool failedToWrite = false;
  if (auto file = parsed->get("--markdown")) failedToWrite = !emit(*file, rendered(report, &compare::renderMarkdown));
  if (auto file = parsed->get("--json-out")) failedToWrite = !emit(*file, rendered(report, &compare::renderJson)) || failedToWrite;
  bool lost = false;
  for (const Saved* saved : compare::savedFiles(report)) lost = reportLost(*saved) || lost;
  if (failedToWrite || lost) return kExitUsage;
  if (report.interrupted) return kExitInterrupted;
  return compare::unexpectedFailures(report) == 0 ? kExitOk : kExitFailed;
}

}  // namespace sbcheck::cli
