// Exploring several models: each variant's laws alone, each pair's differences
// alone (docs/decisions.md says why), and the findings in one slot order.
#include <algorithm>
#include <cassert>
#include <utility>

#include "harness/explore/sbt_space.hpp"

namespace sbcheck::explore {
namespace {

std::size_t indexOf(const std::vector<std::string>& models, std::string_view model) {
  const auto found = std::find(models.begin(), models.end(), model);
  assert(found != models.end() && "an explored model");
  return static_cast<std::size_t>(found - models.begin());
}

}  // namespace

const TraceFinding& ModelExploration::law(std::string_view model, TraceLaw law) const {
  return findings[lawSlotOf(indexOf(models, model), law)];
}

const TraceFinding& ModelExploration::difference(std::string_view accepts, std::string_view rejects) const {
  return findings[differenceSlotOf(models.size(), indexOf(models, accepts), indexOf(models, rejects))];
}

namespace {

/// The earlier of two ways a run stopped: any limit before a fixpoint.
Ending earliest(Ending a, Ending b) { return a == Ending::kFixpoint ? b : a; }

/// One space explored, its findings told as they come and collected per slot.
ModelExploration exploreSpace(const TraceSpace& space, const TraceUniverse& universe, const Limits& limits,
                              const std::function<void(const TraceFinding&)>& onFinding) {
  const auto findingOf = [&](std::size_t slot, const Finding<TraceMove>* found) {
    TraceFinding finding{space.slotName(slot), space.slotModels(slot), space.slotMustHold(slot),
                         space.slotChecked(slot), std::nullopt, {}};
    if (found != nullptr) {
      finding.trace = space.traceOf(found->path);
      finding.reason = found->reason;
    }
    return finding;
  };
  FindingCallback<TraceMove> tell;
  if (onFinding) {
    tell = [&](std::size_t slot, const Finding<TraceMove>& found) { onFinding(findingOf(slot, &found)); };
  }
  ModelExploration result{space.models(), universe, explore(space, limits, tell), {}};
  for (std::size_t slot = 0; slot < space.findingSlots(); ++slot) {
    const auto& found = result.run.findings[slot];
    result.findings.push_back(findingOf(slot, found ? &*found : nullptr));
  }
  return result;
}

/// Adds one run's figures to the figures of the runs before it.
void addFigures(Exploration<TraceMove>& total, const Exploration<TraceMove>& run) {
  if (total.statesPerDepth.size() < run.statesPerDepth.size()) total.statesPerDepth.resize(run.statesPerDepth.size());
  for (std::size_t d = 0; d < run.statesPerDepth.size(); ++d) total.statesPerDepth[d] += run.statesPerDepth[d];
  total.states += run.states;
  total.transitions += run.transitions;
  // A run at its fixpoint has completed every depth; the total's depth is the
  // least one a stopped run completed, or, when every run reached its
  // fixpoint, the deepest fixpoint (the empty total counts as one at depth 0).
  const bool totalDone = total.ending == Ending::kFixpoint, runDone = run.ending == Ending::kFixpoint;
  if (totalDone && !runDone) {
    total.depthCompleted = run.depthCompleted;
  } else if (totalDone == runDone) {
    total.depthCompleted = runDone ? std::max(total.depthCompleted, run.depthCompleted)
                                   : std::min(total.depthCompleted, run.depthCompleted);
  }
  total.ending = earliest(total.ending, run.ending);
  total.seconds += run.seconds;
  total.storedBytes += run.storedBytes;
}

}  // namespace

ModelExploration exploreModels(std::span<const std::string> models, const TraceUniverse& universe,
                               const Limits& limits, std::span<const reference::Variant> references,
                               const std::function<void(const TraceFinding&)>& onFinding) {
  const std::vector<std::string> names(models.begin(), models.end());
  const std::vector<reference::Variant> given(references.begin(), references.end());
  if (names.size() == 1) return exploreSpace(TraceSpace(names, universe, given), universe, limits, onFinding);

  const TraceSpace all(names, universe, {}, TraceSpace::Checks::kDifferencesOnly);  // names the slots
  ModelExploration result{names, universe, {}, std::vector<TraceFinding>(all.findingSlots())};
  for (std::size_t m = 0; m < names.size(); ++m) {
    std::vector<reference::Variant> own;
    if (!given.empty()) own.push_back(given[m]);
    ModelExploration alone = exploreSpace(TraceSpace({names[m]}, universe, own), universe, limits, onFinding);
    for (const TraceLaw law : kTraceLaws) result.findings[all.lawSlot(m, law)] = std::move(alone.findings[lawSlotOf(0, law)]);
    addFigures(result.run, alone.run);
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (std::size_t j = i + 1; j < names.size(); ++j) {
      const TraceSpace pair({names[i], names[j]}, universe, {}, TraceSpace::Checks::kDifferencesOnly);
      ModelExploration both = exploreSpace(pair, universe, limits, onFinding);
      result.findings[all.differenceSlot(i, j)] = std::move(both.findings[pair.differenceSlot(0, 1)]);
      result.findings[all.differenceSlot(j, i)] = std::move(both.findings[pair.differenceSlot(1, 0)]);
      addFigures(result.run, both.run);
    }
  }
  return result;  // every slot filled: each law by its variant's run, each difference by its pair's
}

std::optional<sbt::UbReport> firstUbUnder(const sbt::Trace& trace, std::string_view model) {
  const std::unique_ptr<sb::AnyModel> aliasing = sb::AnyModel::create(model);
  assert(aliasing && "a known model");
  return sbt::firstUb(trace, *aliasing);
}

}  // namespace sbcheck::explore
