// `sbcheck`: one executable, one subcommand per job.
#include <iostream>
#include <span>
#include <string_view>

#include "harness/cli/commands.hpp"

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
};

void printUsage(std::ostream& out) {
  out << "usage: sbcheck COMMAND [OPTIONS] [FILE...]\n\n"
         "A model-checking test harness for shared-reference cells and the Stacked\n"
         "Borrows 2 aliasing model.\n\ncommands:\n";
  for (const Entry& entry : kCommands) {
    out << "  " << entry.command->name << std::string(10 - entry.command->name.size(), ' ') << entry.command->summary
        << '\n';
  }
  out << "\n'sbcheck COMMAND --help' explains a command.\n"
         "exit status: 0 all checks hold, 1 a check failed, 2 bad arguments or input\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::span<char* const> args(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0));
  if (args.empty()) {
    printUsage(std::cerr);
    return sbcheck::cli::kExitUsage;
  }
  const std::string_view name = args[0];
  if (name == "--help" || name == "-h" || name == "help") {
    printUsage(std::cout);
    return sbcheck::cli::kExitOk;
  }
  for (const Entry& entry : kCommands) {
    if (entry.command->name == name) return entry.main(args.subspan(1));
  }
  std::cerr << "sbcheck: unknown command '" << name << "'\n";
  printUsage(std::cerr);
  return sbcheck::cli::kExitUsage;
}
