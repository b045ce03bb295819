// Command-line parsing shared by every subcommand: declared options, `--help`,
// `--opt VALUE` and `--opt=VALUE`, positional arguments, usage errors.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sbcheck::cli {

/// Exit statuses every command shares.
inline constexpr int kExitOk = 0;      ///< everything checked holds
inline constexpr int kExitFailed = 1;  ///< a check failed
inline constexpr int kExitUsage = 2;   ///< bad arguments or malformed input
inline constexpr int kExitInterrupted = 130;  ///< SIGINT or SIGTERM: what was completed was reported

struct Option {
  std::string_view name;       ///< "--model"
  std::string_view valueName;  ///< "NAME"; empty for a flag
  std::string_view help;
  std::string_view shortName = {};  ///< "-v"; empty for none
};

struct Command {
  std::string_view name;      ///< "replay"
  std::string_view synopsis;  ///< "[--model NAME] [--verbose] [--json] FILE..."
  std::string_view summary;   ///< one line for `sbcheck --help`
  std::string_view details;   ///< paragraphs after the options
  std::vector<Option> options;
  bool takesFiles = false;
};

struct Parsed {
  std::map<std::string, std::string, std::less<>> values;  ///< option -> value ("" for flags)
  std::vector<std::string> files;
  bool help = false;

  bool has(std::string_view option) const { return values.contains(option); }
  std::optional<std::string> get(std::string_view option) const;
};

/// Parses `args` (after the subcommand name); on error returns the message.
std::optional<Parsed> parse(const Command& command, std::span<char* const> args, std::string& error);

void printHelp(const Command& command, std::ostream& out);

/// Prints "sbcheck CMD: MESSAGE" and a hint to stderr; returns kExitUsage.
int usageError(const Command& command, std::string_view message);

/// The names `--flag` gives, comma-separated, in order, duplicates dropped;
/// `all` or no flag: every one of `known`. Empty, with `error`, when a name
/// is not known or none is given.
std::optional<std::vector<std::string>> namesFrom(const Parsed& parsed, std::string_view flag,
                                                  std::span<const std::string_view> known, std::string& error);

/// Reads a non-negative integer option; error text on failure.
std::optional<std::uint64_t> parseCount(std::string_view text);

/// `--seed`: a whole number from 0 to 2^64-1, or nothing with `error` set.
std::optional<std::uint64_t> parseSeed(std::string_view text, std::string& error);

/// Fails with `error` naming `option` and `why` when `option` was given.
bool rejectOption(const Parsed& parsed, std::string_view option, std::string_view why, std::string& error);

}  // namespace sbcheck::cli
