// Output pieces every subcommand shares: reading input files, reporting bad
// input as FILE:LINE: message, and printing UB reports as text or JSON.
#pragma once

#include <iostream>
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
/// `path`'s text, or nothing after noting "cannot read file" in `errors`.
std::optional<std::string> readInput(const std::string& path, std::vector<InputError>& errors);

/// `FILE:LINE: message` on stderr, one per line.
void printInputErrors(const std::vector<InputError>& errors);
void writeInputErrors(JsonWriter& json, const std::vector<InputError>& errors);

/// 2 if any input could not be run, else 1 if a check failed, else 0.
int exitStatus(const std::vector<InputError>& errors, int failed);

/// Ends a command over input files: the input errors on stderr, then the runs
/// as one JSON document (`results`, `errors`, `passed`, `failed`) or as text
/// closed by "N passed, N failed"; returns the exit status. `Run` has `passed()`.
template <class Run>
int finishFiles(const std::vector<Run>& runs, const std::vector<InputError>& errors, bool asJson,
                void (*writeRun)(JsonWriter&, const Run&), void (*printRun)(const Run&, std::ostream&)) {
  printInputErrors(errors);
  int passed = 0;
  for (const Run& run : runs) passed += run.passed() ? 1 : 0;
  const int failed = static_cast<int>(runs.size()) - passed;
  if (asJson) {
    JsonWriter json(std::cout);
    json.beginObject().key("results").beginArray();
    for (const Run& run : runs) writeRun(json, run);
    json.endArray().key("errors");
    writeInputErrors(json, errors);
    json.key("passed").value(passed).key("failed").value(failed).endObject();
    std::cout << '\n';
  } else {
    for (const Run& run : runs) printRun(run, std::cout);
    std::cout << passed << " passed, " << failed << " failed\n";
    if (!errors.empty()) std::cout << errors.size() << " file(s) not run: see the errors above\n";
  }
  return exitStatus(errors, failed);
}

/// The indented `error:`, `stack:` and `help:` lines of a UB report.
void printUbReport(const sbt::UbReport& ub, std::ostream& out);
/// The report as a JSON object, or null.
void writeUbReport(JsonWriter& json, const std::optional<sbt::UbReport>& ub);

}  // namespace sbcheck::cli
