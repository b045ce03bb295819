// `sbcheck explore --model ...`: every `.sbt` trace over a bounded
// allocation, run on one or more SB2 variants at once; the model's laws on
// every event, and for each ordered pair of variants the shortest trace the
// first accepts and the second rejects.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "harness/cli/explore_report.hpp"
#include "harness/explore/sbt_space.hpp"
#include "harness/sbt/print.hpp"

namespace sbcheck::cli {
namespace {

/// `--model`: one name, a comma-separated list, or `all`; empty on error.
std::vector<std::string> modelsFrom(const std::string& text, std::string& error) {
  const auto known = sb::AnyModel::names();
  if (text == "all") return {known.begin(), known.end()};
  std::vector<std::string> models;
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    const std::string name = text.substr(at, comma - at);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      error = "unknown model '" + name + "'";
      return {};
    }
    if (std::find(models.begin(), models.end(), name) == models.end()) models.push_back(name);
    at = comma + 1;
  }
  return models;
}

std::string verdictText(const sbt::Trace& trace, const std::string& model) {
  const std::optional<sbt::UbReport> ub = explore::firstUbUnder(trace, model);
  return ub ? "UB at line " + std::to_string(ub->line) + " (" + ub->kind + ")" : "accepts";
}

/// The finding's trace as a corpus file under `model`, `!ub` where it finds UB.
std::string traceFile(const explore::TraceFinding& finding, const std::string& model) {
  sbt::Trace trace = *finding.trace;
  trace.models = {model};
  if (const auto ub = explore::firstUbUnder(trace, model)) {
    trace.events[static_cast<std::size_t>(ub->line - 1)].expectUb = true;
  }
  const std::string text = sbt::printTrace(trace);
  const std::size_t header = text.find('\n') + 1;  // `#! models:` stays the first line
  return text.substr(0, header) + "# " + finding.name + (finding.reason.empty() ? "" : ": " + finding.reason) +
         "\n# found by: sbcheck explore --model (a shortest trace within the explored bound)\n" +
         text.substr(header);
}

/// The models a finding's file is saved under: the law's model, or both of a pair.
std::vector<std::string> modelsOf(const explore::ModelExploration& run, const explore::TraceFinding& finding) {
  std::vector<std::string> models;
  for (const std::string& model : run.models) {
    if (finding.name.starts_with(model + ":") || finding.name.starts_with(model + " accepts") ||
        finding.name.ends_with(", " + model + " rejects")) {
      models.push_back(model);
    }
  }
  return models;
}

bool isLaw(const explore::TraceFinding& finding) { return finding.name.find(" accepts, ") == std::string::npos; }

std::string stemOf(const std::string& name) {
  std::string stem = "explore-";
  for (const char c : name) stem += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
  return stem;
}

}  // namespace

int exploreTraces(const Parsed& parsed) {
  std::string error;
  const std::vector<std::string> models = modelsFrom(*parsed.get("--model"), error);
  if (models.empty()) return usageError(kExploreCommand, error);
  for (const char* flag : {"--objects", "--keys", "--names", "--guards", "--iterators"}) {
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
  const explore::ModelExploration run = explore::exploreModels(models, universe, limits);
  const std::string dir = parsed.get("--save-to").value_or("corpus/sbt");
  const bool json = parsed.has("--json");
  bool lawFailed = false;
  JsonWriter writer(std::cout);
  if (json) {
    writer.beginObject().key("mode").value("trace").key("models").beginArray();
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
    const bool law = isLaw(finding);
    lawFailed = lawFailed || (law && finding.trace);
    std::vector<Saved> saved;
    if (finding.trace) {
      for (const std::string& model : modelsOf(run, finding)) {
        saved.push_back(saveToCorpus(dir, stemOf(finding.name) + "--" + model, ".sbt", traceFile(finding, model)));
      }
    }
    if (json) {
      writer.beginObject().key("finding").value(finding.name).key("kind").value(law ? "law" : "difference");
      writer.key("status").value(finding.trace ? (law ? "fails" : "differs") : (law ? "holds" : "none found"));
      writer.key("trace");
      finding.trace ? writer.value(sbt::printTrace(*finding.trace)) : writer.null();
      writer.key("reason").value(finding.reason).key("verdicts").beginObject();
      for (const std::string& model : finding.trace ? modelsOf(run, finding) : std::vector<std::string>{}) {
        writer.key(model).value(verdictText(*finding.trace, model));
      }
      writer.endObject().key("saved").beginArray();
      for (const Saved& file : saved) writer.value(file.path.string());
      writer.endArray().endObject();
      continue;
    }
    if (!finding.trace) {
      std::cout << (law ? "PASS  " : "SAME  ") << finding.name
                << (law ? "  holds in every explored state" : "  -- no such trace within the bound") << '\n';
      continue;
    }
    std::cout << (law ? "FAIL  " : "DIFF  ") << finding.name << "  shortest trace ("
              << finding.trace->events.size() << " events)" << (finding.reason.empty() ? "" : ": " + finding.reason)
              << '\n';
    for (const sbt::Event& event : finding.trace->events) std::cout << "        " << sbt::printEvent(event) << '\n';
    for (const std::string& model : modelsOf(run, finding)) {
      std::cout << "      " << model << ": " << verdictText(*finding.trace, model) << '\n';
    }
    for (const Saved& file : saved) {
      std::cout << "      " << (file.created ? "saved: " : "already in the corpus: ") << file.path.string() << '\n';
    }
  }
  if (json) {
    writer.endArray().endObject();
    std::cout << '\n';
  }
  return lawFailed ? kExitFailed : kExitOk;
}

}  // namespace sbcheck::cli
