// Output pieces every subcommand shares: reading input files, reporting bad
// input as FILE:LINE: message, and printing UB reports as text or JSON.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "harness/json.hpp"
#include "harness/sbt/replay.hpp"

namespace sbcheck::cli {

/// A file that could not be run: unreadable, or malformed at `line` (0: none).
struct InputError {
  std::string file;
  int line = 0;
  std::string message;
};

std::optional<std::string> readFile(const std::string& path);

/// `FILE:LINE: message` on stderr, one per line.
void printInputErrors(const std::vector<InputError>& errors);
void writeInputErrors(JsonWriter& json, const std::vector<InputError>& errors);

/// The indented `error:`, `stack:` and `help:` lines of a UB report.
void printUbReport(const sbt::UbReport& ub, std::ostream& out);
/// The report as a JSON object, or null.
void writeUbReport(JsonWriter& json, const std::optional<sbt::UbReport>& ub);

}  // namespace sbcheck::cli
