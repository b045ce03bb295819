// sbcheck::main: the command line, one subcommand per job, over the built-in
// policies and a registry of designs.
#include <sbcheck/registry.hpp>

#include <exception>
#include <iostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/cellseq/designs.hpp"
#include "properties/cell_property.hpp"

#include "harness/cli/commands.hpp"
#include "harness/crash_report.hpp"
#include "harness/interrupt.hpp"
#include "harness/text/source.hpp"
#include "harness/version.hpp"

namespace {

struct Entry {
  const sbcheck::cli::Command* command;
  int (*main)(std::span<char* const>);
};

const Entry kCommands[] = {
    {&sbcheck::cli::kReplayCommand, &sbcheck::cli::replayMain},
    {&sbcheck::cli::kRunCommand, &sbcheck::cli::runMain},
    {&sbcheck::cli::kCheckCommand, &sbcheck::cli::checkMain},
    {&sbcheck::cli::kCompareCommand, &sbcheck::cli::compareMain},
    {&sbcheck::cli::kExploreCommand, &sbcheck::cli::exploreMain},
    {&sbcheck::cli::kFuzzImportCommand, &sbcheck::cli::fuzzImportMain},
};

const Entry* findCommand(std::string_view name) {
  for (const Entry& entry : kCommands) {
    if (entry.command->name == name) return &entry;
  }
  return nullptr;
}

void printUsage(std::ostream& out) {
  out << "usage: sbcheck COMMAND [OPTIONS] [FILE...]\n"
         "       sbcheck help COMMAND | --help | --version\n\n"
         "A model-checking test harness for shared-reference cells and the Stacked\n"
         "Borrows 2 aliasing model.\n\ncommands:\n";
  for (const Entry& entry : kCommands) {
    // Names longer than the column (`fuzz-import`) keep one space before the summary.
    const std::size_t pad = entry.command->name.size() < 12 ? 12 - entry.command->name.size() : 1;
    out << "  " << entry.command->name << std::string(pad, ' ') << entry.command->summary << '\n';
  }
  out << "\n'sbcheck help COMMAND' (or 'sbcheck COMMAND --help') explains a command.\n"
         "The input languages: docs/sbt.md (.sbt borrow traces), docs/cell.md (.cell sequences).\n"
         "exit status: 0 all checks hold, 1 a check failed, 2 bad arguments or input,\n"
         "130 interrupted (SIGINT or SIGTERM; what was completed is reported)\n";
}

int dispatch(std::span<char* const> args) {
  using namespace sbcheck::cli;
  if (args.empty()) {
    printUsage(std::cerr);
    return kExitUsage;
  }
  const std::string_view name = args[0];
  if (name == "--version") {
    std::cout << "sbcheck " << sbcheck::version() << '\n';
    return kExitOk;
  }
  if (name == "--help" || name == "-h" || (name == "help" && args.size() == 1)) {
    printUsage(std::cout);
    return kExitOk;
  }
  if (name == "help") {
    const Entry* entry = findCommand(args[1]);
    if (entry == nullptr || args.size() > 2) {
      std::cerr << "sbcheck help: no such command " << sbcheck::text::quoted(args[1]) << '\n';
      printUsage(std::cerr);
      return kExitUsage;
    }
    printHelp(*entry->command, std::cout);
    return kExitOk;
  }
  if (const Entry* entry = findCommand(name)) {
    sbcheck::installInterruptHandlers();
    sbcheck::installCrashReport();
    return entry->main(args.subspan(1));
  }
  std::cerr << "sbcheck: unknown command " << sbcheck::text::quoted(name) << '\n';
  printUsage(std::cerr);
  return kExitUsage;
}

/// Why `registry` cannot be used, or empty: every design's error, and names
/// registered twice.
std::string registryError(const sbcheck::Registry& registry) {
  std::vector<std::string_view> ids;
  for (const sbcheck::properties::CellProperty& property : sbcheck::properties::cellProperties()) ids.push_back(property.id);
  for (const sbcheck::RegisteredDesign& registered : registry.designs()) {
    std::string error = sbcheck::cellseq::designError(registered.design, ids);
    if (error.empty() && registry.find(registered.design.name) != &registered) {
      error = "design name '" + registered.design.name + "' is registered twice";
    }
    if (!error.empty()) return error;
  }
  return {};
}

}  // namespace

namespace sbcheck {

int main(int argc, char** argv, const Registry& registry) {
  const std::span<char* const> args(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0));
  // A user's mistake must never end in `terminate`: whatever escapes a
  // command is reported, with the status for an input that could not be run.
  try {
    if (const std::string error = registryError(registry); !error.empty()) {
      std::cerr << "sbcheck: the registry of designs: " << error << '\n';
      return cli::kExitUsage;
    }
    cellseq::useDesigns(registry);
    return dispatch(args);
  } catch (const std::exception& e) {
    std::cerr << "sbcheck: error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "sbcheck: error: unknown exception\n";
  }
  return cli::kExitUsage;
}

}  // namespace sbcheck
