// Command-line parsing.
#include "harness/cli/args.hpp"

#include "harness/text/source.hpp"

#include <algorithm>
#include <charconv>
#include <iostream>
#include <sstream>

namespace sbcheck::cli {

std::optional<std::string> Parsed::get(std::string_view option) const {
  auto found = values.find(option);
  if (found == values.end()) return std::nullopt;
  return found->second;
}

namespace {
const Option* findOption(const Command& command, std::string_view name) {
  for (const Option& option : command.options) {
    if (option.name == name || (!option.shortName.empty() && option.shortName == name)) return &option;
  }
  return nullptr;
}
}  // namespace

std::optional<Parsed> parse(const Command& command, std::span<char* const> args, std::string& error) {
  Parsed parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      parsed.help = true;
      continue;
    }
    const bool shortOption = arg.size() == 2 && arg[0] == '-' && arg[1] != '-';
    if (shortOption) {
      const Option* option = findOption(command, arg);
      if (option == nullptr || !option->valueName.empty()) {
        error = "unknown option " + text::quoted(arg);
        return std::nullopt;
      }
      if (!parsed.values.emplace(std::string(option->name), "").second) {
        error = "option '" + std::string(option->name) + "' given twice";
        return std::nullopt;
      }
      continue;
    }
    if (arg.size() < 2 || arg.substr(0, 2) != "--" || arg == "--") {
      if (!command.takesFiles) {
        error = "unexpected argument " + text::quoted(arg);
        return std::nullopt;
      }
      parsed.files.emplace_back(arg);
      continue;
    }
    const std::size_t equals = arg.find('=');
    const std::string_view name = arg.substr(0, equals);
    const Option* option = findOption(command, name);
    if (option == nullptr) {
      error = "unknown option " + text::quoted(name);
      return std::nullopt;
    }
    std::string value;
    if (!option->valueName.empty()) {
      if (equals != std::string_view::npos) {
        value = arg.substr(equals + 1);
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        error = "option '" + std::string(name) + "' needs a value (" + std::string(option->valueName) + ")";
        return std::nullopt;
      }
    } else if (equals != std::string_view::npos) {
      error = "option '" + std::string(name) + "' takes no value";
      return std::nullopt;
    }
    if (parsed.values.contains(name)) {
      error = "option '" + std::string(name) + "' given twice";
      return std::nullopt;
    }
    parsed.values.emplace(std::string(name), std::move(value));
  }
  return parsed;
}

void printHelp(const Command& command, std::ostream& out) {
  out << "usage: sbcheck " << command.name << ' ' << command.synopsis << "\n\n" << command.summary << "\n\noptions:\n";
  for (const Option& option : command.options) {
    std::string left = "  " + std::string(option.name);
    if (!option.shortName.empty()) left += ", " + std::string(option.shortName);
    if (!option.valueName.empty()) left += " " + std::string(option.valueName);
    out << left;
    out << std::string(left.size() < 24 ? 24 - left.size() : 1, ' ') << option.help << '\n';
  }
  out << "  --help, -h              show this help\n";
  if (!command.details.empty()) out << '\n' << command.details;
}

int usageError(const Command& command, std::string_view message) {
  std::cerr << "sbcheck " << command.name << ": " << message << "\n"
            << "try 'sbcheck " << command.name << " --help'\n";
  return kExitUsage;
}

namespace {

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> names;
  std::stringstream in(text);
  for (std::string name; std::getline(in, name, ',');) {
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

}  // namespace

std::optional<std::vector<std::string>> namesFrom(const Parsed& parsed, std::string_view flag,
                                                  std::span<const std::string_view> known, std::string& error) {
  std::vector<std::string> all(known.begin(), known.end());
  const std::optional<std::string> given = parsed.get(flag);
  if (!given) return all;
  if (*given == "all") return all;
  std::vector<std::string> names = splitList(*given);
  for (const std::string& name : names) {
    if (std::find(all.begin(), all.end(), name) == all.end()) {
      error = "unknown name " + text::quoted(name) + " in " + std::string(flag);
      return std::nullopt;
    }
  }
  if (names.empty()) error = std::string(flag) + " needs at least one name";
  if (names.empty()) return std::nullopt;
  return names;
}

std::optional<std::uint64_t> parseCount(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint64_t> parseSeed(std::string_view text, std::string& error) {
  std::optional<std::uint64_t> seed = parseCount(text);
  if (!seed) error = "--seed needs a whole number from 0 to 2^64-1 (18446744073709551615)";
  return seed;
}

bool rejectOption(const Parsed& parsed, std::string_view option, std::string_view why, std::string& error) {
  if (!parsed.has(option)) return true;
  error = std::string(option) + " does not apply: " + std::string(why);
  return false;
}

}  // namespace sbcheck::cli
