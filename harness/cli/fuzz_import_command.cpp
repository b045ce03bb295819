// `sbcheck fuzz-import`: from a fuzzer's crash to the corpus. Each input is
// decoded and checked exactly as its fuzz target did (properties/
// fuzz_findings), the failure shrunk by the shrinker `check` uses, and saved
// as `check` saves — so a fuzzer's find lands in corpus/ like any other.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "harness/cellseq/print.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/outputs.hpp"
#include "harness/cli/verdict.hpp"
#include "harness/corpus.hpp"
#include "harness/json.hpp"
#include "harness/sbt/print.hpp"
#include "properties/counterexample_file.hpp"
#include "properties/fuzz_findings.hpp"
#include "properties/model_agreement.hpp"

namespace sbcheck::cli {

const Command kFuzzImportCommand{
    "fuzz-import",
    "[--target cell_properties|sbt_laws] [--policy NAME] [--save-to DIR | --no-save] [--json] FILE...",
    "Turn fuzzer inputs (crashes) into shrunk .cell/.sbt corpus files.",
    "Each FILE is an input of the fuzz target --target (default cell_properties;\n"
    "docs/fuzzing.md). It is decoded and checked as the target does: for\n"
    "cell_properties under the sound policies with the properties that must hold\n"
    "there, or, with --policy (the target's SBCHECK_POLICY), under that policy\n"
    "with every property; for sbt_laws against every law under every variant\n"
    "where it must hold. The first failure is shrunk to a locally minimal\n"
    "sequence or trace, printed, and saved with its expectations as 'check'\n"
    "saves it: in the project's corpus/cell or corpus/sbt, named after the\n"
    "property and the policy or variant (a known flaw: one file, replaced only\n"
    "by a shorter one), or in --save-to DIR.\n\n"
    "exit status: 0 every input reproduced a known flaw, saved (or already in the\n"
    "corpus); 1 an input broke a property that must hold, or reproduced no failure\n"
    "(the crash was of another kind: run the target on it); 2 bad arguments, an\n"
    "unreadable file, or a file that could not be saved\n",
    {{"--target", "NAME", "the fuzz target the inputs are for: cell_properties (default) or sbt_laws"},
     {"--policy", "NAME", "cell_properties: the policy the target ran under (SBCHECK_POLICY)"},
     {"--save-to", "DIR", "where the files go (default: the project's corpus/cell, corpus/sbt)"},
     {"--no-save", "", "save nothing (a dry run)"},
     {"--json", "", "print one JSON document instead of text"}},
    /*takesFiles=*/true,
};

namespace {

/// One input's import: what failed, shrunk, and where it went.
struct Import {
  std::string file;
  bool failed = false;     ///< the input reproduced a failure
  bool expected = false;   ///< ... of a known flaw
  std::string property, under;  ///< the property id; the policy or model variant
  std::string reason;      ///< on the shrunk input
  std::string text;        ///< the shrunk lines, without headers or comments
  std::size_t originalLength = 0, length = 0;
  std::optional<Saved> saved;

  Verdict verdict() const { return failed ? (expected ? Verdict::kExpectedFailureFound : Verdict::kUnexpectedFailure) : Verdict::kHolds; }
};

std::optional<std::vector<std::uint8_t>> readBytes(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
}

std::string foundBy(const std::string& target, const std::optional<std::string>& policy, const std::string& file) {
  return "sbcheck fuzz-import --target " + target + (policy ? " --policy " + *policy : "") + " " + file;
}

void importCell(Import& import, const properties::CellFinding& finding, const std::string& by,
                const SaveTarget& target) {
  properties::SearchOptions options;
  options.policy = finding.policy;
  options.properties = {finding.violation.property};
  const properties::Counterexample c = properties::shrink(finding.sequence, finding.violation, options);
  import.failed = true;
  import.expected = finding.expected();
  import.property = finding.violation.property->id;
  import.under = finding.policy;
  import.reason = "line " + std::to_string(c.violation.opIndex + 1) + ": " + c.violation.reason;
  for (const cellseq::Op& op : c.sequence.ops) import.text += cellseq::printOp(op) + "\n";
  import.originalLength = c.originalLength;
  import.length = c.sequence.ops.size();
  import.saved = target.save("cell", import.property + "-" + import.under, ".cell",
                             properties::counterexampleFile(c, options, by),
                             import.expected ? Dedup::kByFlaw : Dedup::kByContent);
}

/// The shrunk trace of a law's failure, by that law's shrinker.
properties::TraceCounterexample shrinkFinding(const properties::TraceFinding& finding) {
  if (finding.law == properties::TraceLaw::kModelAgreesWithReference) {
    properties::AgreementSearchOptions options;
    options.model = finding.model;
    return properties::shrinkAgreement(finding.trace, finding.violation, options);
  }
  properties::TraceSearchOptions options;
  options.model = finding.model;
  options.scope = finding.scope;
  return properties::shrinkTrace(finding.trace, finding.violation, options);
}

void importTrace(Import& import, const properties::TraceFinding& finding, const std::string& by,
                 const SaveTarget& target) {
  properties::TraceCounterexample c = shrinkFinding(finding);
  const bool removed = finding.law == properties::TraceLaw::kRemovedItemsNeverGrant;
  import.failed = true;
  import.property = finding.propertyId();
  import.under = finding.model;
  import.reason = c.violation.reason;
  for (const sbt::Event& event : c.trace.events) import.text += sbt::printEvent(event) + "\n";
  import.originalLength = c.originalLength;
  import.length = c.trace.events.size();
  c.trace.models = {finding.model};
  const std::string text = sbt::printTrace(c.trace);
  const std::size_t header = text.find('\n') + 1;  // `#! models:` must stay the first line
  const std::string scope = removed ? (finding.scope == properties::TagScope::kTagged ? "tagged" : "untagged") : "";
  const std::string file = text.substr(0, header) + "# property: " + import.property +
                           (removed ? " (" + scope + " pointers)" : "") + " -- fails under " + finding.model +
                           "\n# reason: " + import.reason + "\n# found by: " + by + "\n" + text.substr(header);
  import.saved = target.save("sbt", import.property + (removed ? "-" + scope : "") + "-" + finding.model, ".sbt", file);
}

void printImport(const Import& import, std::ostream& out) {
  if (!import.failed) {
    out << "NONE  " << import.file << ": no failure (the crash was of another kind: run the target on it)\n";
    return;
  }
  out << (import.expected ? "XFAIL " : "FAIL  ") << import.property << "  [" << import.under << "]  " << import.file
      << (import.expected ? " (a known flaw)" : "") << "\n      reason: " << import.reason << "\n      shrunk from "
      << import.originalLength << " to " << import.length << ":\n";
  std::istringstream lines(import.text);
  for (std::string line; std::getline(lines, line);) out << "        " << line << '\n';
  if (import.saved) out << "      " << import.saved->text() << '\n';
}

void writeImport(JsonWriter& json, const Import& import) {
  json.beginObject().key("file").value(import.file).key("status").value(import.failed ? "fails" : "no_failure");
  json.key("verdict").value(verdictId(import.verdict()));
  if (import.failed) {
    json.key("property").value(import.property).key("under").value(import.under);
    json.key("expected_to_hold").value(!import.expected).key("reason").value(import.reason);
    json.key("shrunk").value(import.text).key("original_length").value(static_cast<std::uint64_t>(import.originalLength));
    json.key("length").value(static_cast<std::uint64_t>(import.length));
  }
  writeSavedMembers(json, import.saved ? &*import.saved : nullptr);
  json.endObject();
}

/// The import's exit status: 2 lost, 1 a failure that must not happen or none at all, else 0.
int exitStatus(const std::vector<Import>& imports) {
  int status = kExitOk;
  for (const Import& import : imports) {
    if (import.saved && reportLost(*import.saved)) return kExitUsage;
    if (!import.failed || !import.expected) status = kExitFailed;
  }
  return status;
}

}  // namespace

int fuzzImportMain(std::span<char* const> args) {
  std::string error;
  const std::optional<Parsed> parsed = parse(kFuzzImportCommand, args, error);
  if (!parsed) return usageError(kFuzzImportCommand, error);
  if (parsed->help) {
    printHelp(kFuzzImportCommand, std::cout);
    return kExitOk;
  }
  const std::string targetName = parsed->get("--target").value_or("cell_properties");
  if (targetName != "cell_properties" && targetName != "sbt_laws") {
    return usageError(kFuzzImportCommand, "unknown target '" + targetName + "' (cell_properties or sbt_laws)");
  }
  const std::optional<std::string> policy = parsed->get("--policy");
  const auto scope = properties::cellFuzzScope(policy);
  if (!scope) return usageError(kFuzzImportCommand, "unknown policy '" + *policy + "'");
  if (policy && targetName != "cell_properties") {
    return usageError(kFuzzImportCommand, "--policy is for cell_properties: sbt_laws inputs have no cell policy");
  }
  if (parsed->files.empty()) return usageError(kFuzzImportCommand, "no FILE given");
  if (parsed->has("--no-save") && parsed->has("--save-to")) {
    return usageError(kFuzzImportCommand, "--no-save and --save-to contradict each other");
  }
  const std::optional<SaveTarget> target = readSaveTarget(*parsed);
  if (!target) return kExitUsage;

  std::vector<Import> imports;
  for (const std::string& file : parsed->files) {
    const std::optional<std::vector<std::uint8_t>> bytes = readBytes(file);
    if (!bytes) {
      std::cerr << "sbcheck fuzz-import: cannot read " << file << '\n';
      return kExitUsage;
    }
    Import& import = imports.emplace_back();
    import.file = file;
    const std::string by = foundBy(targetName, policy, file);
    if (targetName == "cell_properties") {
      if (auto finding = properties::findCellFlaw(*bytes, *scope)) importCell(import, *finding, by, *target);
    } else if (auto finding = properties::findTraceFlaw(*bytes)) {
      importTrace(import, *finding, by, *target);
    }
    if (!parsed->has("--json")) printImport(import, std::cout);
  }
  if (parsed->has("--json")) {
    JsonWriter json(std::cout);
    json.beginDocument().key("target").value(targetName).key("imports").beginArray();
    for (const Import& import : imports) writeImport(json, import);
    json.endArray().endObject();
    std::cout << '\n';
  }
  return exitStatus(imports);
}

}  // namespace sbcheck::cli
