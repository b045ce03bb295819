// `sbcheck compare`: policies and model variants side by side, with minimal
// distinguishing examples.
#include <fstream>
#include <iostream>
#include <sstream>

#include "harness/cli/commands.hpp"
#include "harness/compare/render.hpp"
#include "model/cell/policy.hpp"

namespace sbcheck::cli {

const Command kCompareCommand{
    "compare",
    "[--policies A,B,...] [--models X,Y,...] [--runs N] [--seed S] [--markdown FILE] [--json FILE] [--save-to DIR]",
    "Compare cell policies and SB2 variants side by side, with minimal examples of each difference.",
    "Three searches; every verdict is found by searching, never read from a\n"
    "table of known answers:\n"
    "  1. the policy x property matrix: each entry holds (N random sequences\n"
    "     checked) or fails, with its minimal counterexample (shrunk);\n"
    "  2. for each pair of models, how often they disagree on random traces, and\n"
    "     for each direction the shortest trace one accepts and the other rejects:\n"
    "     from an exhaustive exploration of every trace over one byte and two\n"
    "     live pointers (as 'sbcheck explore --model A,B'), or, when that bound\n"
    "     holds none, the shortest of a few shrunk random traces (the report says\n"
    "     which);\n"
    "  3. for each pair of policies, the minimal sequence on which their outcomes\n"
    "     differ (every sequence of a bounded universe, shortest first), with both\n"
    "     outcomes line by line.\n"
    "Counterexamples and distinguishing examples are saved to the corpus\n"
    "(corpus/cell, corpus/sbt; or --save-to DIR). The same seed gives the same\n"
    "report, byte for byte (default seed 1).\n\n"
    "exit status: 0 the report was made; 2 bad arguments or an unwritable FILE\n",
    {{"--policies", "A,B,...", "cell policies to compare (default: all five)"},
     {"--models", "X,Y,...", "SB2 variants to compare (default: all five)"},
     {"--runs", "N", "random inputs per entry and per pair (default 1000)"},
     {"--seed", "S", "the seed (default 1)"},
     {"--markdown", "FILE", "also write the report as Markdown to FILE"},
     {"--json", "FILE", "also write the report as JSON to FILE ('-' for stdout only)"},
     {"--save-to", "DIR", "where examples go (default corpus/cell and corpus/sbt)"}},
    /*takesFiles=*/false,
};

namespace {

bool writeTo(const std::string& path, const compare::Report& report, void (*render)(const compare::Report&, std::ostream&)) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return false;
  render(report, out);
  return static_cast<bool>(out);
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
  const auto policies = namesFrom(*parsed, "--policies", cell::kPolicyNames, error);
  if (!policies) return usageError(kCompareCommand, error);
  const auto models = namesFrom(*parsed, "--models", sb::AnyModel::names(), error);
  if (!models) return usageError(kCompareCommand, error);
  options.policies = *policies;
  options.models = *models;
  const std::optional<std::uint64_t> runs = parseCount(parsed->get("--runs").value_or("1000"));
  if (!runs || *runs == 0 || *runs > 10'000'000) return usageError(kCompareCommand, "--runs needs a count from 1 to 10000000");
  const std::optional<std::uint64_t> seed = parseCount(parsed->get("--seed").value_or("1"));
  if (!seed) return usageError(kCompareCommand, "--seed needs a non-negative integer");
  options.runs = static_cast<int>(*runs);
  options.seed = *seed;
  options.saveTo = parsed->get("--save-to");

  const compare::Report report = compare::compare(options);
  const std::optional<std::string> json = parsed->get("--json");
  if (json && *json == "-") {
    compare::renderJson(report, std::cout);
  } else {
    compare::renderText(report, std::cout);
    if (json && !writeTo(*json, report, &compare::renderJson)) return usageError(kCompareCommand, "cannot write '" + *json + "'");
  }
  if (auto markdown = parsed->get("--markdown")) {
    if (!writeTo(*markdown, report, &compare::renderMarkdown)) {
      return usageError(kCompareCommand, "cannot write '" + *markdown + "'");
    }
  }
  return kExitOk;
}

}  // namespace sbcheck::cli
