// Lanes and pages from input files, as `run` and `replay` check them.
#include "harness/html/file_page.hpp"

#include <algorithm>

#include "harness/cellseq/parse.hpp"
#include "harness/sbt/parse.hpp"
#include "harness/sbt/replay.hpp"
#include "model/cell/policy.hpp"

namespace sbcheck::html {

std::vector<cellseq::RunOptions> runsUnder(const cellseq::Sequence& sequence, const std::vector<std::string>& policies,
                                           std::string_view model) {
  const std::vector<cellseq::RunOptions> named = cellseq::policiesOf(sequence);
  std::vector<cellseq::RunOptions> runs = policies.empty() ? named : std::vector<cellseq::RunOptions>{};
  for (const std::string& policy : policies) {
    auto found = std::ranges::find_if(named, [&](const cellseq::RunOptions& r) { return r.policy == policy; });
    runs.push_back(found != named.end() ? *found : cellseq::RunOptions{policy, model, false, false});
  }
  for (cellseq::RunOptions& run : runs) run.model = model;
  return runs;
}

Lane sequenceLane(const cellseq::PolicyRun& run) {
  auto model = sb::AnyModel::create(run.model);
  Lane lane = recordLane(run.trace, *model, run.policy, run.ub);
  lane.passed = run.passed();
  std::string verdict = run.ub ? "UB at line " + std::to_string(run.ub->line) : "no UB";
  if (run.unsafeDeclared) verdict += run.ub ? ", as '#! unsafe:' declares" : ", but '#! unsafe:' declares it unsafe";
  if (!run.mismatches.empty()) verdict += ", " + std::to_string(run.mismatches.size()) + " outcome(s) not as expected";
  // A name misused under this policy (a difference's other policy, say): the run stopped there.
  if (run.error) verdict = "stopped at line " + std::to_string(run.error->line) + ": " + run.error->message;
  lane.verdict = (lane.passed ? "PASS: " : "FAIL: ") + verdict;
  return lane;
}

std::vector<std::string> modelsUnder(const sbt::Trace& trace, const std::vector<std::string>& models) {
  if (!models.empty()) return models;
  if (!trace.models.empty()) return trace.models;
  return {"sb2"};
}

Lane traceLane(const sbt::Trace& trace, const std::string& model) {
  auto fresh = sb::AnyModel::create(model);
  Lane lane = recordLane(trace, *fresh, model);
  const std::optional<int> expected = sbt::expectedUbLine(trace);
  const std::optional<int> got =
      !lane.steps.empty() && lane.steps.back().ub ? std::optional<int>(lane.steps.back().ub->line) : std::nullopt;
  lane.passed = expected == got;
  lane.verdict = (lane.passed ? "PASS: " : "FAIL: ") + sbt::verdictText(expected, got);
  return lane;
}

std::optional<Page> drawFile(const std::string& title, const std::string& text, bool cell, const Drawing& drawing) {
  if (!cell) {
    auto trace = sbt::parseTrace(text);
    const sbt::Trace* parsed = std::get_if<sbt::Trace>(&trace);
    if (parsed == nullptr || parsed->events.empty()) return std::nullopt;
    Page page{title, "model", {}, splitLines(text), false};
    for (const std::string& model : modelsUnder(*parsed, drawing.lanes)) page.lanes.push_back(traceLane(*parsed, model));
    return page;
  }
  auto sequence = cellseq::parseSequence(text, cell::kPolicyNames);
  const cellseq::Sequence* parsed = std::get_if<cellseq::Sequence>(&sequence);
  if (parsed == nullptr || parsed->ops.empty()) return std::nullopt;
  Page page{title, "policy", {}, splitLines(text), true};
  for (const cellseq::RunOptions& options : runsUnder(*parsed, drawing.lanes, drawing.model)) {
    page.lanes.push_back(sequenceLane(cellseq::runSequence(*parsed, options)));
  }
  return page;
}

}  // namespace sbcheck::html
