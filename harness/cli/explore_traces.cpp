// `sbcheck explore --model ...`: every `.sbt` trace over a bounded
// allocation, run on one or more SB2 variants at once; the model's laws on
// every event, and for each ordered pair of variants the shortest trace the
// first accepts and the second rejects.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <thread>

#include "harness/cli/explore_report.hpp"
#include "harness/cli/outputs.hpp"
#include "harness/explore/sbt_space.hpp"
#include "harness/html/beside.hpp"
#include "harness/sbt/print.hpp"

namespace sbcheck::cli {
namespace {

std::string verdictText(const sbt::Trace& trace, const std::string& model) {
  const std::optional<sbt::UbReport> ub = explore::firstUbUnder(trace, model);
  return ub ? "UB at line " + std::to_string(ub->line) + " (" + ub->kind + ")" : "accepts";
}

/// The finding's trace as a corpus file under `model`, `!ub` where it finds UB.
std::string traceFile(const explore::TraceFinding& finding, const std::string& model, const std::string& foundBy) {
  sbt::Trace trace = *finding.trace;
  trace.models = {model};
  if (const auto ub = explore::firstUbUnder(trace, model)) {
    trace.events[static_cast<std::size_t>(ub->line - 1)].expectUb = true;
  }
  const std::string text = sbt::printTrace(trace);
  const std::size_t header = text.find('\n') + 1;  // `#! models:` stays the first line
  return text.substr(0, header) + "# " + finding.name + (finding.reason.empty() ? "" : ": " + finding.reason) +
         "\n# found by: " + foundBy + "\n# a shortest trace within the explored bound\n" +
         text.substr(header);
}

/// A law of one variant, not a difference between two.
bool isLaw(const explore::TraceFinding& finding) { return finding.models.size() == 1; }

/// "fails", "holds", "not checked" (a law known not to hold here), "differs", "none found".
std::string_view statusOf(const explore::TraceFinding& finding) {
  if (!isLaw(finding)) return finding.trace ? "differs" : "none found";
  if (!finding.checked) return "not checked";
  return finding.trace ? "fails" : "holds";
}

void printFinding(const explore::TraceFinding& finding, const std::vector<Saved>& saved, std::ostream& out) {
  if (!finding.trace) {
    if (!isLaw(finding)) {
      out << "SAME  " << finding.name << "  -- no such trace within the bound\n";
    } else if (!finding.checked) {
      out << "----  " << finding.name << "  not checked: known not to hold under " << finding.models[0] << '\n';
    } else {
      out << "PASS  " << finding.name << "  holds in every explored state\n";
    }
    return;
  }
  out << (isLaw(finding) ? "FAIL  " : "DIFF  ") << finding.name
      << (isLaw(finding) && !finding.mustHold ? "  (expected for this variant)" : "") << "  shortest trace ("
      << finding.trace->events.size() << " events)" << (finding.reason.empty() ? "" : ": " + finding.reason) << '\n';
  for (const sbt::Event& event : finding.trace->events) out << "        " << sbt::printEvent(event) << '\n';
  for (const std::string& model : finding.models) out << "      " << model << ": " << verdictText(*finding.trace, model) << '\n';
  for (const Saved& file : saved) out << "      " << file.text() << '\n';
}

void writeFinding(const explore::TraceFinding& finding, const std::vector<Saved>& saved, JsonWriter& json) {
  json.beginObject().key("finding").value(finding.name).key("kind").value(isLaw(finding) ? "law" : "difference");
  json.key("models").beginArray();
  for (const std::string& model : finding.models) json.value(model);
  json.endArray().key("status").value(statusOf(finding));
  if (isLaw(finding)) json.key("must_hold").value(finding.mustHold);
  json.key("trace");
  finding.trace ? json.value(sbt::printTrace(*finding.trace)) : json.null();
  json.key("reason").value(finding.reason).key("verdicts").beginObject();
  for (const std::string& model : finding.trace ? finding.models : std::vector<std::string>{}) {
    json.key(model).value(verdictText(*finding.trace, model));
  }
  json.endObject().key("files").beginArray();
  for (const Saved& file : saved) {
    json.beginObject();
    writeSavedMembers(json, &file);
    json.endObject();
  }
  json.endArray().endObject();
}

/// The corpus name: `explore-LAW-MODEL`, or `explore-differ-A-accepts-B-rejects`.
std::string stemOf(const explore::TraceFinding& finding) {
  if (isLaw(finding)) return "explore-" + finding.name.substr(finding.name.find(": ") + 2) + "-" + finding.models[0];
  return "explore-differ-" + finding.models[0] + "-accepts-" + finding.models[1] + "-rejects";
}

}  // namespace

int exploreTraces(const Parsed& parsed) {
  std::string error;
  const std::optional<std::vector<std::string>> named = namesFrom(parsed, "--model", sb::AnyModel::names(), error);
  if (!named) return usageError(kExploreCommand, error);
  const std::vector<std::string>& models = *named;
  for (const char* flag : {"--objects", "--keys", "--names", "--guards", "--iterators", "--in-process"}) {
    if (parsed.has(flag)) return usageError(kExploreCommand, std::string(flag) + " is for cell sequences (--policy)");
  }
  explore::TraceUniverse universe;
  std::uint64_t bytes = universe.bytes, tags = universe.tags;
  explore::Limits limits;
  if (!readCount(parsed, "--bytes", 1, 8, bytes, error) || !readCount(parsed, "--tags", 1, 8, tags, error) ||
      !readLimits(parsed, limits, error)) {
    return usageError(kExploreCommand, error);
  }
  universe.bytes = static_cast<std::uint32_t>(bytes);
  universe.tags = static_cast<std::uint32_t>(tags);
  const std::optional<SaveTarget> target = readSaveTarget(parsed, /*pages=*/true);
  if (!target) return kExitUsage;
  std::string foundBy = "sbcheck explore --model ";
  for (const std::string& model : models) foundBy += (&model == &models.front() ? "" : ",") + model;
  for (const char* flag : {"--bytes", "--tags", "--depth"}) {
    if (auto value = parsed.get(flag)) foundBy += " " + std::string(flag) + " " + *value;
  }
  const bool json = parsed.has("--json");
  bool lost = false;
  // Saved (and, as text, announced) the moment it is found: a run that is
  // killed later still leaves its findings behind.
  std::map<std::string, std::vector<Saved>> savedByName;
  const auto onFinding = [&](const explore::TraceFinding& finding) {
    std::vector<Saved>& saved = savedByName[finding.name];
    std::vector<std::string> texts;  // one file per model; said once when alike (--no-save)
    for (const std::string& model : finding.models) {
      // Each model's file is drawn under all the finding's models: a difference side by side.
      saved.push_back(html::saveDrawn(*target, "sbt", stemOf(finding) + "--" + model, ".sbt",
                                      traceFile(finding, model, foundBy), html::Drawing{finding.models}));
      lost = reportLost(saved.back()) || lost;
      if (texts.empty() || texts.back() != saved.back().text()) texts.push_back(saved.back().text());
    }
    if (json) return;
    std::cout << "found: " << finding.name << " (" << finding.trace->events.size() << " events)";
    for (const std::string& text : texts) std::cout << "; " << text;
    std::cout << std::endl;
  };
  const explore::ModelExploration run = explore::exploreModels(models, universe, limits, {}, onFinding);
  bool lawFailed = false;
  JsonWriter writer(std::cout);
  if (json) {
    writer.beginDocument().key("mode").value("trace").key("models").beginArray();
    for (const std::string& model : models) writer.value(model);
    writer.endArray().key("universe").beginObject().key("bytes").value(bytes).key("tags").value(tags).endObject();
    writeFigures(RunFigures::of(run.run, limits.threads), writer);
    writer.key("findings").beginArray();
  } else {
    std::cout << "explore: traces over " << bytes << " byte" << (bytes == 1 ? "" : "s") << ", at most " << tags
              << " live pointers; models";
    for (const std::string& model : models) std::cout << ' ' << model;
    std::cout << '\n';
    printFigures(RunFigures::of(run.run, limits.threads), std::cout);
    std::cout << '\n';
  }
  for (const explore::TraceFinding& finding : run.findings) {
    lawFailed = lawFailed || (isLaw(finding) && finding.trace);
    const std::vector<Saved>& saved = savedByName[finding.name];
    json ? writeFinding(finding, saved, writer) : printFinding(finding, saved, std::cout);
  }
  const bool interrupted = run.run.ending == explore::Ending::kInterrupted;
  if (json) {
    writer.endArray().key("found_by").value(foundBy).key("interrupted").value(interrupted).key("ok").value(!lawFailed);
    writer.endObject();
    std::cout << '\n';
  } else if (interrupted) {
    std::cout << "interrupted: the figures and findings above are what was completed\n";
  }
  if (lost) return kExitUsage;
  if (interrupted) return kExitInterrupted;
  return lawFailed ? kExitFailed : kExitOk;
}

}  // namespace sbcheck::cli
