// `sbcheck run`: run `.cell` sequences on the cell under its policies, with
// every memory access checked by the aliasing model.
#include <iostream>

#include "harness/cellseq/designs.hpp"
#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/run.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/html_output.hpp"
#include "harness/html/file_page.hpp"
#include "harness/cli/report.hpp"
#include "harness/json.hpp"
#include "harness/sbt/print.hpp"
#include "model/cell/policy.hpp"

namespace sbcheck::cli {

const Command kRunCommand{
    "run",
    "[--policy NAME] [--model NAME] [--emit-sbt] [--json] [--html FILE] [--html-dir DIR] FILE|DIR|-...",
    "Run .cell sequences on the shared-reference cell; the SB2 model checks every memory access.",
    "Each FILE runs under every policy its '#! policies:' and '#! unsafe:' lines\n"
    "name ('strict' when '#! policies:' is absent), or only under --policy. Under a\n"
    "policy the expectations are for, every line must have its outcome (success,\n"
    "'!err' or '=> V'). Under a policy in '#! unsafe:' the model must report UB;\n"
    "under every other policy it must report none. A model UB is reported in the\n"
    "file's own lines: the line that made the tag, and the line that removed it.\n\n"
    "--emit-sbt prints, instead of the verdicts, the .sbt trace of what the model\n"
    "saw for one FILE under one policy (--policy, or the first the file names),\n"
    "with its UB marked '!ub': 'sbcheck replay' on it gives the same verdict;\n"
    "when the run fails, stderr says which expectation failed.\n\n"
    "--html FILE draws one sequence as a self-contained page: a row per model event\n"
    "beside the .cell line that emitted it, the stacks after it (one column group\n"
    "per policy), the items it removed and why, the UB row with its report.\n"
    "--html-dir DIR writes one such page per file and an index.html (docs/html.md).\n\n"
    "A DIR stands for every .cell file below it, sorted; '-' reads standard input.\n"
    "A file with no operations is a warning (nothing to check), counted in the\n"
    "summary.\n\n"
    "policies: strict, generation, unchecked-leak, no-parent-ref, unguarded-inner\n"
    "          (docs/cell.md describes the language and the policies)\n"
    "models:   sb2 (default), sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw\n\n"
    "exit status: 0 every file passes under every policy; 1 some run fails;\n"
    "2 bad arguments, an unreadable file, a sequence error (FILE:LINE: message),\n"
    "or no file with anything to check\n",
    {{"--policy", "NAME", "run under this policy only"},
     {"--model", "NAME", "the SB2 variant that checks the accesses (default sb2)"},
     {"--emit-sbt", "", "print the model's trace as .sbt instead of verdicts"},
     {"--json", "", "print one JSON document instead of text"},
     {"--html", "FILE", "write the sequence's borrow-stack timeline as HTML (one FILE only)"},
     {"--html-dir", "DIR", "write a timeline page per file and an index.html into DIR"}},
    /*takesFiles=*/true,
};

namespace {

struct FileRun {
  std::string file;
  cellseq::PolicyRun run;
  bool passed() const { return run.passed(); }
};

bool knownPolicy(std::string_view name) {
  return std::ranges::find(cellseq::policyNames(), name) != cellseq::policyNames().end();
}

void printText(const FileRun& fileRun, std::ostream& out) {
  const cellseq::PolicyRun& run = fileRun.run;
  out << (run.passed() ? "PASS  " : "FAIL  ") << fileRun.file << "  [" << run.policy << "]";
  if (run.ub) {
    out << "  UB at line " << run.ub->line << (run.unsafeDeclared ? ", as '#! unsafe:' declares" : ", not declared unsafe");
  } else if (run.unsafeDeclared) {
    out << "  no UB, but '#! unsafe:' declares this policy unsafe";
  }
  if (!run.outcomesChecked) out << "  (outcomes not checked)";
  out << '\n';
  for (const cellseq::Mismatch& m : run.mismatches) {
    out << "      line " << m.line << " `" << m.op << "`: expected " << m.expected << ", got " << m.actual << '\n';
  }
  if (run.ub && !run.passed()) printUbReport(*run.ub, out);
}

void writeJson(JsonWriter& json, const FileRun& fileRun) {
  const cellseq::PolicyRun& run = fileRun.run;
  json.beginObject().key("file").value(fileRun.file).key("policy").value(run.policy).key("model").value(run.model);
  json.key("status").value(run.passed() ? "pass" : "fail").key("unsafe_declared").value(run.unsafeDeclared);
  json.key("outcomes_checked").value(run.outcomesChecked).key("mismatches").beginArray();
  for (const cellseq::Mismatch& m : run.mismatches) {
    json.beginObject().key("line").value(m.line).key("op").value(m.op);
    json.key("expected").value(m.expected).key("actual").value(m.actual).endObject();
  }
  json.endArray().key("ub");
  writeUbReport(json, run.ub);
  json.endObject();
}

}  // namespace

int runMain(std::span<char* const> args) {
  std::string error;
  const std::optional<Parsed> parsed = parse(kRunCommand, args, error);
  if (!parsed) return usageError(kRunCommand, error);
  if (parsed->help) {
    printHelp(kRunCommand, std::cout);
    return kExitOk;
  }
  if (parsed->files.empty()) return usageError(kRunCommand, "no sequence files given");
  const std::optional<std::string> policy = parsed->get("--policy");
  if (policy && !knownPolicy(*policy)) return usageError(kRunCommand, "unknown policy '" + *policy + "'");
  const std::string model = parsed->get("--model").value_or("sb2");
  if (!sb::AnyModel::create(model)) return usageError(kRunCommand, "unknown model '" + model + "'");
  const bool emitSbt = parsed->has("--emit-sbt");
  if (emitSbt && parsed->files.size() != 1) return usageError(kRunCommand, "--emit-sbt takes exactly one FILE");

  std::optional<HtmlOutput> html = HtmlOutput::fromFlags(*parsed);
  if (!html) return kExitUsage;

  std::vector<FileRun> runs;
  std::vector<InputError> errors;
  std::vector<std::string> empty;
  const std::vector<Input> inputs = readInputs(parsed->files, InputKind{".cell", ".sbt", "replay"}, errors);
  if (html->single() && inputs.size() > 1) {
    return usageError(kRunCommand, "--html takes exactly one FILE (--html-dir writes a page per file)");
  }
  for (const Input& input : inputs) {
    const std::string& file = input.file;
    auto sequence = cellseq::parseSequence(input.text, cellseq::policyNames());
    if (auto* sequenceError = std::get_if<cellseq::SequenceError>(&sequence)) {
      errors.push_back(InputError{file, sequenceError->line, sequenceError->message});
      continue;
    }
    if (std::get<cellseq::Sequence>(sequence).ops.empty()) {
      warnEmpty(file, "no operations");
      empty.push_back(file);
      continue;
    }
    html::Page page{file, "policy", {}, html::splitLines(input.text), true};
    const std::vector<std::string> policies = policy ? std::vector{*policy} : std::vector<std::string>{};
    for (const cellseq::RunOptions& options : html::runsUnder(std::get<cellseq::Sequence>(sequence), policies, model)) {
      cellseq::PolicyRun run = cellseq::runSequence(std::get<cellseq::Sequence>(sequence), options);
      if (run.error) {
        errors.push_back(InputError{file, run.error->line, run.error->message + " (under " + run.policy + ")"});
        break;
      }
      if (html->wanted()) page.lanes.push_back(html::sequenceLane(run));
      runs.push_back(FileRun{file, std::move(run)});
      if (emitSbt) break;  // the first policy's trace
    }
    if (html->wanted() && !page.lanes.empty()) html->add(std::move(page));
  }
  const bool written = html->write();
  if (!written && !emitSbt) {
    finishFiles(runs, errors, empty, parsed->has("--json"), &writeJson, &printText);
    return kExitUsage;
  }
  if (!emitSbt) return finishFiles(runs, errors, empty, parsed->has("--json"), &writeJson, &printText);
  // The trace the model saw, as `.sbt` on stdout; the verdict is the exit
  // status, and what failed goes to stderr.
  printInputErrors(errors);
  if (runs.empty()) {
    if (errors.empty()) std::cerr << "sbcheck: nothing was checked (no file had anything to run)\n";
    return kExitUsage;
  }
  std::cout << sbt::printTrace(runs.front().run.trace);
  if (!runs.front().passed()) printText(runs.front(), std::cerr);
  return written ? exitStatus(errors, runs.front().passed() ? 0 : 1) : kExitUsage;
}

}  // namespace sbcheck::cli
