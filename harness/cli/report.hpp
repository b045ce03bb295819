// Output pieces every subcommand shares: reading input files, reporting bad
// input as FILE:LINE: message, and printing UB reports as text or JSON.
#pragma once

#include <iostream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "harness/cli/args.hpp"
#include "harness/json.hpp"
#include "harness/sbt/replay.hpp"

namespace sbcheck::cli {

/// A file that could not be run: unreadable, or malformed at `line` (0: none).
struct InputError {
  std::string file;
  int line = 0;
  std::string message;
};

/// `path`'s text ('-': standard input), or nothing with `why` set (errno text).
std::optional<std::string> readFile(const std::string& path, std::string& why);

/// One input file, read.
struct Input {
  std::string file;  ///< as named ("-" for standard input)
  std::string text;
};

/// What a command over files accepts: `.sbt` for replay, `.cell` for run.
struct InputKind {
  std::string_view extension;       ///< ".sbt"
  std::string_view otherExtension;  ///< ".cell": named with a hint instead of run
  std::string_view otherCommand;    ///< "run": the command that takes those
};

/// The FILE arguments, read: a directory stands for every `kind.extension`
/// file below it, sorted (said on stderr); '-' for standard input; a file of
/// the other language is an error with a hint naming the right command; an
/// unreadable file an error saying why.
std::vector<Input> readInputs(const std::vector<std::string>& args, const InputKind& kind,
                              std::vector<InputError>& errors);

/// "FILE: warning: MESSAGE" on stderr, for a file that had nothing to check.
void warnEmpty(const std::string& file, std::string_view what);

/// `FILE:LINE: message` on stderr, one per line.
void printInputErrors(const std::vector<InputError>& errors);
void writeInputErrors(JsonWriter& json, const std::vector<InputError>& errors);

/// 2 if any input could not be run, else 1 if a check failed, else 0.
int exitStatus(const std::vector<InputError>& errors, int failed);

/// Ends a command over input files: the input errors on stderr, then the runs
/// as one JSON document (`results`, `errors`, `empty`, `passed`, `failed`) or
/// as text closed by "N passed, N failed"; returns the exit status: 2 also
/// when no file was checked at all. `Run` has `passed()`.
template <class Run>
int finishFiles(const std::vector<Run>& runs, const std::vector<InputError>& errors,
                const std::vector<std::string>& empty, bool asJson, void (*writeRun)(JsonWriter&, const Run&),
                void (*printRun)(const Run&, std::ostream&)) {
  printInputErrors(errors);
  int passed = 0;
  for (const Run& run : runs) passed += run.passed() ? 1 : 0;
  const int failed = static_cast<int>(runs.size()) - passed;
  if (asJson) {
    JsonWriter json(std::cout);
    json.beginDocument().key("results").beginArray();
    for (const Run& run : runs) writeRun(json, run);
    json.endArray().key("errors");
    writeInputErrors(json, errors);
    json.key("empty").beginArray();
    for (const std::string& file : empty) json.value(file);
    json.endArray().key("ok").value(errors.empty() && failed == 0 && !runs.empty());
    json.key("passed").value(passed).key("failed").value(failed).endObject();
    std::cout << '\n';
  } else {
    for (const Run& run : runs) printRun(run, std::cout);
    std::cout << passed << " passed, " << failed << " failed\n";
    if (!empty.empty()) std::cout << empty.size() << " empty file(s) with nothing to check: see the warnings above\n";
    if (!errors.empty()) std::cout << errors.size() << " file(s) not run: see the errors above\n";
  }
  if (runs.empty() && errors.empty()) {
    std::cerr << "sbcheck: nothing was checked (no file had anything to run)\n";
    return kExitUsage;
  }
  return exitStatus(errors, failed);
}

/// The indented `error:`, `stack:` and `help:` lines of a UB report.
void printUbReport(const sbt::UbReport& ub, std::ostream& out);
/// The report as a JSON object, or null.
void writeUbReport(JsonWriter& json, const std::optional<sbt::UbReport>& ub);

}  // namespace sbcheck::cli
