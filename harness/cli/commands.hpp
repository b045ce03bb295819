// The subcommands of `sbcheck`, each a function over its arguments that
// returns the process exit status.
#pragma once

#include <span>

#include "harness/cli/args.hpp"

namespace sbcheck::cli {

extern const Command kReplayCommand;
int replayMain(std::span<char* const> args);

extern const Command kRunCommand;
int runMain(std::span<char* const> args);

extern const Command kCheckCommand;
int checkMain(std::span<char* const> args);

extern const Command kCompareCommand;
int compareMain(std::span<char* const> args);

extern const Command kExploreCommand;
int exploreMain(std::span<char* const> args);

extern const Command kFuzzImportCommand;
int fuzzImportMain(std::span<char* const> args);

}  // namespace sbcheck::cli
