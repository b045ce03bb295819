// `sbcheck replay`: run borrow traces on model variants and check their `!ub`
// expectations.
#include <iostream>

#include "harness/cli/commands.hpp"
#include "harness/cli/html_output.hpp"
#include "harness/html/file_page.hpp"
#include "harness/cli/report.hpp"
#include "harness/json.hpp"
#include "harness/sbt/parse.hpp"
#include "harness/sbt/replay.hpp"

namespace sbcheck::cli {

const Command kReplayCommand{
    "replay",
    "[--model NAME[,NAME...]] [--verbose] [--json] [--html FILE] [--html-dir DIR] FILE|DIR|-...",
    "Run .sbt borrow traces on the Stacked Borrows 2 model and check their expectations.",
    "Each FILE runs under every model its '#! models:' line names (sb2 when it has\n"
    "none), or only under --model when given. A file passes when the model's first\n"
    "UB is exactly at its '!ub' line, or when it has no '!ub' and runs to the end\n"
    "with no UB. A UB report names the line, the access or retag, the tag and bytes,\n"
    "the stack there, and the tag's history: where it was created and where and why\n"
    "its item left the stack.\n\n"
    "A DIR stands for every .sbt file below it, sorted; '-' reads standard input.\n"
    "A file with no events is a warning (nothing to check), counted in the summary.\n\n"
    "--html FILE draws one trace as a self-contained page: a row per event, the\n"
    "stacks of every byte range after it (one column group per model), the granting\n"
    "item, the items it removed and why, the UB row with its report. --html-dir DIR\n"
    "writes one such page per file and an index.html listing them with their\n"
    "verdicts (docs/html.md).\n\n"
    "models: sb2 (miri 2019-04-30), sb2-stackwrite, sb2-disable, sb2-strict,\n"
    "        sb2-tagged-raw (docs/sbt.md describes the language and the variants)\n\n"
    "exit status: 0 every file passes; 1 some file fails; 2 bad arguments, an\n"
    "unreadable file, a trace error (reported as FILE:LINE: message), or no file\n"
    "with anything to check\n",
    {{"--model", "NAME[,NAME...]", "run every file under these models only (side by side in --html)"},
     {"--verbose", "", "after every event, print the stacks of the bytes it touched", "-v"},
     {"--json", "", "print one JSON document instead of text"},
     {"--html", "FILE", "write the trace's borrow-stack timeline as HTML (one FILE only)"},
     {"--html-dir", "DIR", "write a timeline page per file and an index.html into DIR"}},
    /*takesFiles=*/true,
};

namespace {

struct FileRun {
  std::string file;
  std::string model;
  std::optional<int> expected;
  sbt::ReplayResult result;
  bool verbose = false;
  bool passed() const { return expected == (result.ub ? std::optional<int>(result.ub->line) : std::nullopt); }
};

std::string verdictText(const FileRun& run) {
  return sbt::verdictText(run.expected, run.result.ub ? std::optional<int>(run.result.ub->line) : std::nullopt);
}

void printTextRun(const FileRun& run, std::ostream& out) {
  if (run.verbose) {
    for (const sbt::Step& step : run.result.steps) {
      out << "  [" << run.model << "] " << step.line << " | " << step.event << '\n';
      for (const std::string& stack : step.stacks) out << "        " << stack << '\n';
    }
  }
  out << (run.passed() ? "PASS  " : "FAIL  ") << run.file << "  [" << run.model << "]  " << verdictText(run) << '\n';
  if (run.result.ub && (run.verbose || !run.passed())) printUbReport(*run.result.ub, out);
}

void writeJson(JsonWriter& json, const FileRun& run) {
  json.beginObject().key("file").value(run.file).key("model").value(run.model);
  json.key("status").value(run.passed() ? "pass" : "fail");
  json.key("expected_ub_line");
  run.expected ? json.value(*run.expected) : json.null();
  json.key("ub");
  writeUbReport(json, run.result.ub);
  json.key("steps").beginArray();
  for (const sbt::Step& step : run.result.steps) {
    json.beginObject().key("line").value(step.line).key("event").value(step.event).key("stacks").beginArray();
    for (const std::string& stack : step.stacks) json.value(stack);
    json.endArray().endObject();
  }
  json.endArray().endObject();
}

/// `--model A,B`: the names in order (one name is the common case).
std::optional<std::vector<std::string>> modelList(const std::optional<std::string>& flag) {
  if (!flag) return std::nullopt;
  std::vector<std::string> names;
  std::size_t start = 0;
  for (std::size_t comma; (comma = flag->find(',', start)) != std::string::npos; start = comma + 1) {
    names.push_back(flag->substr(start, comma - start));
  }
  names.push_back(flag->substr(start));
  return names;
}

}  // namespace

int replayMain(std::span<char* const> args) {
  std::string error;
  const std::optional<Parsed> parsed = parse(kReplayCommand, args, error);
  if (!parsed) return usageError(kReplayCommand, error);
  if (parsed->help) {
    printHelp(kReplayCommand, std::cout);
    return kExitOk;
  }
  if (parsed->files.empty()) return usageError(kReplayCommand, "no trace files given");
  const std::optional<std::vector<std::string>> forced = modelList(parsed->get("--model"));
  for (const std::string& name : forced.value_or(std::vector<std::string>{})) {
    if (!sb::AnyModel::create(name)) return usageError(kReplayCommand, "unknown model '" + name + "'");
  }
  const bool verbose = parsed->has("--verbose");
  std::optional<HtmlOutput> html = HtmlOutput::fromFlags(*parsed);
  if (!html) return kExitUsage;

  std::vector<FileRun> runs;
  std::vector<InputError> errors;
  std::vector<std::string> empty;
  const std::vector<Input> inputs = readInputs(parsed->files, InputKind{".sbt", ".cell", "run"}, errors);
  if (html->single() && inputs.size() > 1) {
    return usageError(kReplayCommand, "--html takes exactly one FILE (--html-dir writes a page per file)");
  }
  for (const Input& input : inputs) {
    const std::string& file = input.file;
    auto trace = sbt::parseTrace(input.text);
    if (auto* traceError = std::get_if<sbt::TraceError>(&trace)) {
      errors.push_back(InputError{file, traceError->line, traceError->message});
      continue;
    }
    const sbt::Trace& parsedTrace = std::get<sbt::Trace>(trace);
    if (parsedTrace.events.empty()) {
      warnEmpty(file, "no events");
      empty.push_back(file);
      continue;
    }
    html::Page page{file, "model", {}, html::splitLines(input.text), false};
    for (const std::string& modelName : html::modelsUnder(parsedTrace, forced.value_or(std::vector<std::string>{}))) {
      auto model = sb::AnyModel::create(modelName);
      runs.push_back(FileRun{file, modelName, sbt::expectedUbLine(parsedTrace), sbt::replay(parsedTrace, *model, verbose), verbose});
      if (html->wanted()) page.lanes.push_back(html::traceLane(parsedTrace, modelName));
    }
    if (html->wanted()) html->add(std::move(page));
  }

  const bool written = html->write();
  const int status = finishFiles(runs, errors, empty, parsed->has("--json"), &writeJson, &printTextRun);
  return written ? status : kExitUsage;
}

}  // namespace sbcheck::cli
