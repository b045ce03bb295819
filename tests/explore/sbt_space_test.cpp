// The `.sbt` explorer: pinned state counts, fixpoints, the laws where they
// must hold, and the shortest traces that tell variants apart — each checked
// independently: replayed on fresh models, with every single event dropped,
// against a brute-force enumeration without the canonical form's reductions,
// and against random traces of the same universe.
//
// Sanitizer and debug builds run the same checks over smaller bounds (or to
// the depth of the pinned answer) to stay within about 20 s.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "harness/explore/sbt_space.hpp"
#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"
#include "properties/model_agreement.hpp"
#include "properties/sbt_property.hpp"

namespace sbcheck::explore {
namespace {

#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
constexpr bool kOptimized = true;
#else
constexpr bool kOptimized = false;
#endif

std::vector<std::string> variants() {
  const auto names = sb::AnyModel::names();
  return {names.begin(), names.end()};
}

Limits limits(std::uint32_t maxDepth = 0) {
  Limits limits;
  limits.threads = 2;
  limits.maxDepth = maxDepth;
  return limits;
}

/// One byte, one pointer besides `x`, stacks of three: small enough to pin.
TraceUniverse tinyUniverse() {
  TraceUniverse universe;
  universe.tags = 1;
  universe.height = 3;
  return universe;
}

/// The bound the fixpoint tests use: the documented one where it is fast.
TraceUniverse testedUniverse() {
  TraceUniverse universe;
  if (!kOptimized) universe.tags = 1;
  return universe;
}

/// Each variant explored alone over testedUniverse(), once for all tests.
const ModelExploration& alone(const std::string& model) {
  static std::map<std::string, ModelExploration> cache;
  auto found = cache.find(model);
  if (found == cache.end()) {
    const std::vector<std::string> models{model};
    found = cache.emplace(model, exploreModels(models, testedUniverse(), limits())).first;
  }
  return found->second;
}

std::size_t lastLine(const sbt::Trace& trace) { return trace.events.size(); }

/// `accepts` runs the trace to its end and `rejects` finds UB at its last event.
bool distinguishes(const sbt::Trace& trace, const std::string& accepts, const std::string& rejects) {
  const auto rejected = firstUbUnder(trace, rejects);
  return !firstUbUnder(trace, accepts) && rejected && static_cast<std::size_t>(rejected->line) == lastLine(trace);
}

TEST(TraceExplorer, PinsTheStateCountsOfATinyBound) {
  const std::vector<std::string> models{"sb2"};
  const ModelExploration explored = exploreModels(models, tinyUniverse(), limits());
  EXPECT_EQ(explored.run.ending, Ending::kFixpoint);
  EXPECT_EQ(explored.run.statesPerDepth, (std::vector<std::uint64_t>{1, 2, 16, 25, 4, 1, 0}));
  EXPECT_EQ(explored.run.states, 49u);
}

TEST(TraceExplorer, EveryVariantReachesItsFixpoint) {
  // States per variant over the documented bound (and, in slow builds, over tags = 1).
  const std::map<std::string, std::uint64_t> pinned =
      kOptimized ? std::map<std::string, std::uint64_t>{{"sb2", 1156},
                                                        {"sb2-stackwrite", 2750},
                                                        {"sb2-disable", 2790},
                                                        {"sb2-strict", 2447},
                                                        {"sb2-tagged-raw", 405}}
                 : std::map<std::string, std::uint64_t>{{"sb2", 208},
                                                        {"sb2-stackwrite", 863},
                                                        {"sb2-disable", 770},
                                                        {"sb2-strict", 810},
                                                        {"sb2-tagged-raw", 47}};
  for (const std::string& model : variants()) {
    const ModelExploration& explored = alone(model);
    EXPECT_EQ(explored.run.ending, Ending::kFixpoint) << model;
    EXPECT_EQ(explored.run.states, pinned.at(model)) << model;
    EXPECT_TRUE(!kOptimized || explored.run.seconds < 10) << model << ": the acceptance's time bound";
  }
}

TEST(TraceExplorer, LawsHoldWhereTheyMust) {
  for (const std::string& model : variants()) {
    for (const TraceLaw law : kTraceLaws) {
      const TraceFinding& finding = alone(model).law(model, law);
      EXPECT_EQ(finding.mustHold, lawMustHold(model, law)) << finding.name;
      // Only laws that must hold are checked unless expectedFailures is on.
      EXPECT_EQ(finding.checked, finding.mustHold) << finding.name;
      EXPECT_FALSE(finding.trace) << finding.name << ": " << finding.reason << "\n" << sbt::printTrace(*finding.trace);
    }
  }
}

TEST(TraceExplorer, FindsTheKnownRemovedUntaggedItemCounterexampleInItsShortestForm) {
  TraceUniverse universe;
  universe.expectedFailures = true;
  const std::vector<std::string> models{"sb2"};
  const ModelExploration explored = exploreModels(models, universe, limits(5));
  const TraceFinding& finding = explored.law("sb2", TraceLaw::kRemovedItemsUntagged);
  ASSERT_TRUE(finding.trace);
  EXPECT_FALSE(finding.mustHold);
  EXPECT_TRUE(finding.checked);
  EXPECT_EQ(sbt::printTrace(*finding.trace), "alloc x 1\nlet p1 = *mut x\nwrite x\nlet p2 = *mut x\nread p2\n");
  // The property's own checker, on its own runner, agrees: at the last event.
  const auto violation = properties::checkRemovedItemsNeverGrant(*finding.trace, "sb2", properties::TagScope::kUntagged);
  ASSERT_TRUE(violation);
  EXPECT_EQ(violation->eventIndex, finding.trace->events.size() - 1);
  EXPECT_FALSE(explored.law("sb2", TraceLaw::kRemovedItemsTagged).trace);
}

/// A deliberately wrong reference for `model`: `mutate` applied to its knobs.
template <class Mutate>
std::vector<reference::Variant> wrongReference(std::string_view model, Mutate&& mutate) {
  reference::Variant variant = *reference::findVariant(model);
  mutate(variant.mutation);
  return {variant};
}

/// The agreement law's shortest trace against a wrong reference for sb2.
std::optional<sbt::Trace> shortestDisagreement(const std::vector<reference::Variant>& wrong,
                                               const TraceUniverse& universe) {
  const std::vector<std::string> models{"sb2"};
  const ModelExploration explored = exploreModels(models, universe, limits(6), wrong);
  const TraceFinding& finding = explored.law("sb2", TraceLaw::kAgreesWithReference);
  EXPECT_EQ(finding.name, "sb2: model-agrees-with-reference");
  EXPECT_TRUE(finding.mustHold && finding.checked);
  if (finding.trace) {
    // The property's own check (on the trace runner) sees it at the same last event.
    const auto underTest = properties::referenceSubject(wrong.front());
    const auto right = properties::referenceSubject(*reference::findVariant("sb2"));
    const auto violation = properties::checkAgreement(*finding.trace, *underTest, *right);
    EXPECT_TRUE(violation && violation->eventIndex + 1 == finding.trace->events.size()) << finding.reason;
  }
  return finding.trace;
}

TEST(TraceExplorer, FindsADisagreeingReferenceWithTheShortestTrace) {
  TraceUniverse universe = tinyUniverse();
  const auto noRegrant = shortestDisagreement(
      wrongReference("sb2", [](reference::Mutation& m) { m.noTwoPhaseRegrant = true; }), universe);
  ASSERT_TRUE(noRegrant);
  EXPECT_EQ(sbt::printTrace(*noRegrant), "alloc x 1\nlet p1 = &mut x twophase\n");
  const auto bottomUp = shortestDisagreement(
      wrongReference("sb2", [](reference::Mutation& m) { m.bottomUpSearch = true; }), universe);
  ASSERT_TRUE(bottomUp);
  EXPECT_LE(bottomUp->events.size(), 4u) << sbt::printTrace(*bottomUp);
  universe.frames = 1;
  const auto noProtectors = shortestDisagreement(
      wrongReference("sb2", [](reference::Mutation& m) { m.ignoreProtectors = true; }), universe);
  ASSERT_TRUE(noProtectors);
  EXPECT_EQ(noProtectors->events.size(), 4u) << sbt::printTrace(*noProtectors);
  EXPECT_EQ(noProtectors->events[1].kind, sbt::EventKind::kCall);
}

/// The differences the compare acceptance names, in their shortest form.
struct NamedDifference {
  std::string accepts, rejects;
  std::string trace;
};

const NamedDifference kNamedDifferences[] = {
    // A read through a `&mut` keeps the raw pointer derived from it in sb2; a strict stack pops it.
    {"sb2", "sb2-strict", "alloc x 1\nlet p1 = &mut x\nlet p2 = *mut p1\nread x\nread p2\n"},
    // A raw write keeps the SRW above a `&mut` in sb2; stack-like writes pop it.
    {"sb2", "sb2-stackwrite", "alloc x 1\nlet p1 = &mut x\nlet p2 = *mut x\nlet p3 = &cell p1\nwrite p2\nread p3\n"},
    // Untagged raw pointers share their grants: a `*const` writes through the heap's own item.
    {"sb2", "sb2-tagged-raw", "alloc x 1 untagged\nlet p1 = *const x\nwrite p1\n"},
};

/// The shortest trace the pair's exploration reports (to the fixpoint where
/// that is fast; elsewhere exhaustively up to the pinned trace's length).
sbt::Trace shortest(const NamedDifference& named) {
  const std::vector<std::string> models{named.accepts, named.rejects};
  const auto depth = static_cast<std::uint32_t>(std::count(named.trace.begin(), named.trace.end(), '\n'));
  const ModelExploration explored = exploreModels(models, TraceUniverse{}, limits(kOptimized ? 0 : depth));
  if (kOptimized) {
    EXPECT_EQ(explored.run.ending, Ending::kFixpoint);
  }
  const TraceFinding& finding = explored.difference(named.accepts, named.rejects);
  EXPECT_FALSE(finding.mustHold);
  return finding.trace.value_or(sbt::Trace{});
}

TEST(TraceExplorer, FindsTheShortestTraceEachNamedPairDisagreesOn) {
  for (const NamedDifference& named : kNamedDifferences) {
    const sbt::Trace trace = shortest(named);
    EXPECT_EQ(sbt::printTrace(trace), named.trace) << named.accepts << " accepts, " << named.rejects << " rejects";
    EXPECT_TRUE(distinguishes(trace, named.accepts, named.rejects)) << sbt::printTrace(trace);
    // It parses back to itself: a well-formed `.sbt` file.
    const auto parsed = sbt::parseTrace(sbt::printTrace(trace));
    ASSERT_TRUE(std::holds_alternative<sbt::Trace>(parsed));
    EXPECT_EQ(std::get<sbt::Trace>(parsed).events, trace.events);
  }
}

TEST(TraceExplorer, NoSingleEventCanBeDroppedFromAShortestDifference) {
  for (const NamedDifference& named : kNamedDifferences) {
    const auto parsed = sbt::parseTrace(named.trace);
    const sbt::Trace& trace = std::get<sbt::Trace>(parsed);
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
      sbt::Trace shorter = trace;
      shorter.events.erase(shorter.events.begin() + static_cast<std::ptrdiff_t>(i));
      const auto reparsed = sbt::parseTrace(sbt::printTrace(shorter));
      if (!std::holds_alternative<sbt::Trace>(reparsed)) continue;  // no longer well-formed
      const sbt::Trace& candidate = std::get<sbt::Trace>(reparsed);
      const auto rejected = firstUbUnder(candidate, named.rejects), accepted = firstUbUnder(candidate, named.accepts);
      EXPECT_FALSE(rejected && (!accepted || accepted->line > rejected->line))
          << "without event " << i + 1 << " it still distinguishes:\n" << sbt::printTrace(candidate);
    }
  }
}

// ---- an independent enumeration -----------------------------------------------

/// Every trace of a universe of one byte and `tags` pointers besides `x`, up
/// to `maxLength` events, run on the models themselves (no canonical form,
/// nothing forgotten, a new pointer in place of each old one in turn once all
/// are taken): per ordered pair of models, the shortest trace they disagree on.
class BruteForce {
 public:
  BruteForce(std::vector<std::string> models, std::size_t tags, std::size_t maxLength)
      : models_(std::move(models)), tags_(tags), maxLength_(maxLength), shortest_(models_.size() * models_.size()) {
    for (const bool untagged : {false, true}) {
      Node root;
      for (const std::string& model : models_) {
        root.models.push_back(sb::AnyModel::create(model));
        root.pointers.push_back({root.models.back()->allocate(1, untagged).tag});
      }
      visit(root, 1);
    }
  }
  std::optional<std::size_t> shortest(std::size_t accepts, std::size_t rejects) const {
    return shortest_[accepts * models_.size() + rejects];
  }

 private:
  struct Node {
    std::vector<std::shared_ptr<sb::AnyModel>> models;
    std::vector<std::vector<sb::Tag>> pointers;  ///< per model: `x`, then the let-bound pointers
  };
  enum class Kind { kRead, kWrite, kDealloc, kLet };

  void visit(const Node& node, std::size_t length) {
    if (length == maxLength_) return;
    for (std::size_t p = 0; p < node.pointers.front().size(); ++p) {
      for (const Kind kind : {Kind::kRead, Kind::kWrite, Kind::kDealloc}) step(node, length, p, kind, {});
      for (const sb::RetagKind retag : {sb::RetagKind::kUnique, sb::RetagKind::kTwoPhase, sb::RetagKind::kShared,
                                        sb::RetagKind::kRawMut, sb::RetagKind::kRawConst}) {
        step(node, length, p, Kind::kLet, sb::RetagSpec{retag, {}, false});
        if (retag == sb::RetagKind::kTwoPhase || retag == sb::RetagKind::kShared) {
          step(node, length, p, Kind::kLet, sb::RetagSpec{retag, std::span<const sb::ByteRange>(kAll), false});
        }
      }
    }
  }

  void step(const Node& node, std::size_t length, std::size_t p, Kind kind, const sb::RetagSpec& spec) {
    Node next{{}, node.pointers};
    Small<sb::Tag, 5> made;
    Small<bool, 5> ub;
    for (std::size_t m = 0; m < models_.size(); ++m) {
      next.models.push_back(std::shared_ptr<sb::AnyModel>(node.models[m]->clone()));
      sb::AnyModel& model = *next.models.back();
      const sb::Pointer ptr{0, node.pointers[m][p]};
      sb::Outcome outcome;
      if (kind == Kind::kLet) {
        const sb::Retagged retagged = model.retag(ptr, kAll[0], spec);
        outcome = retagged.ub;
        made.push_back(retagged.tag);
      } else if (kind == Kind::kDealloc) {
        outcome = model.dealloc(ptr);
      } else {
        outcome = model.access(kind == Kind::kRead ? sb::AccessKind::Read : sb::AccessKind::Write, ptr, kAll[0]);
      }
      ub.push_back(outcome.has_value());
    }
    for (std::size_t i = 0; i < models_.size(); ++i) {
      for (std::size_t j = 0; j < models_.size(); ++j) {
        auto& best = shortest_[i * models_.size() + j];
        if (!ub[i] && ub[j] && (!best || *best > length + 1)) best = length + 1;
      }
    }
    if (std::find(ub.begin(), ub.end(), true) != ub.end()) return;  // a run stops at its first UB
    if (kind != Kind::kLet) return visit(next, length + 1);
    const std::size_t used = next.pointers.front().size() - 1;
    for (std::size_t victim = 1; victim <= (used < tags_ ? 1 : used); ++victim) {
      Node bound = next;
      for (std::size_t m = 0; m < models_.size(); ++m) {
        if (used < tags_) bound.pointers[m].push_back(made[m]);
        else bound.pointers[m][victim] = made[m];
      }
      visit(bound, length + 1);
    }
  }

  static constexpr sb::ByteRange kAll[] = {{0, 1}};
  std::vector<std::string> models_;
  std::size_t tags_;
  std::size_t maxLength_;
  std::vector<std::optional<std::size_t>> shortest_;
};

TEST(TraceExplorer, AgreesWithABruteForceEnumerationOnEveryPairsShortestDifference) {
  // Checked once further, too: 6 events agree as well (19 pairs, about 20 s).
  const std::size_t length = kOptimized ? 5 : 4, tags = TraceUniverse{}.tags;
  const std::vector<std::string> models = variants();
  const BruteForce brute(models, tags, length);
  TraceUniverse universe;
  universe.tags = static_cast<std::uint32_t>(tags);
  universe.height = 16;  // no bound the brute force does not share
  const ModelExploration explored = exploreModels(models, universe, limits(static_cast<std::uint32_t>(length)));
  int found = 0;
  for (std::size_t i = 0; i < models.size(); ++i) {
    for (std::size_t j = 0; j < models.size(); ++j) {
      if (i == j) continue;
      const TraceFinding& finding = explored.difference(models[i], models[j]);
      const std::optional<std::size_t> reported =
          finding.trace ? std::optional(finding.trace->events.size()) : std::nullopt;
      EXPECT_EQ(reported, brute.shortest(i, j)) << finding.name;
      found += reported.has_value();
    }
  }
  EXPECT_EQ(found, kOptimized ? 16 : 11);  // not vacuous: many pairs disagree within a few events
}

// ---- random traces --------------------------------------------------------------

/// A random trace of the documented universe's vocabulary: at most `tags`
/// let-bound names in use at a time (a new one retires one at random).
sbt::Trace randomTrace(std::mt19937& random, std::size_t length) {
  const TraceUniverse universe;
  const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  std::string text = pick(2) == 0 ? "alloc x 1\n" : "alloc x 1 untagged\n";
  std::vector<std::string> names;
  static const char* const kLets[] = {"&mut ", "*mut ", "&", "*const ", "&cell "};
  for (std::size_t event = 1, next = 1; event < length; ++event) {
    const std::size_t operand = pick(names.size() + 1);
    const std::string name = operand == names.size() ? "x" : names[operand];
    const std::size_t what = pick(10);
    if (what < 2) {
      text += (what == 0 ? "read " : "write ") + name + "\n";
    } else if (what == 2) {
      text += "dealloc " + name + "\n";
    } else {
      const std::string bound = "p" + std::to_string(next++);
      text += "let " + bound + " = " + (what < 8 ? kLets[what - 3] + name : "&mut " + name + (what == 8 ? " twophase" : " twophase cell")) + "\n";
      if (names.size() == universe.tags) names.erase(names.begin() + static_cast<std::ptrdiff_t>(pick(names.size())));
      names.push_back(bound);
    }
  }
  return std::get<sbt::Trace>(sbt::parseTrace(text));
}

/// Whether each stack stays within the universe's height before event `last`
/// (1-based) under `model`: as the model keeps it, which the canonical form
/// (sbt_form.hpp) only ever shortens.
bool withinHeight(const sbt::Trace& trace, std::size_t last, const std::string& model) {
  const auto aliasing = sb::AnyModel::create(model);
  sbt::TraceRunner runner(*aliasing, /*explaining=*/false);
  for (std::size_t i = 0; i + 1 < last; ++i) {
    if (runner.step(trace.events[i])) return false;
    bool low = true;
    aliasing->forEachStack(0, {0, 1}, [&](sb::ByteRange, const sb::Stack& stack) { low = stack.size() <= TraceUniverse{}.height; });
    if (!low) return false;
  }
  return true;
}

TEST(TraceExplorer, NoRandomTraceOfTheUniverseDisagreesSooner) {
  std::mt19937 random(20190430);  // the SB2 announcement's date
  std::map<std::string, int> disagreements;
  for (int run = 0; run < (kOptimized ? 20000 : 2000); ++run) {
    const sbt::Trace trace = randomTrace(random, 2 + static_cast<std::size_t>(run % 8));
    for (const NamedDifference& named : kNamedDifferences) {
      const auto accepted = firstUbUnder(trace, named.accepts), rejected = firstUbUnder(trace, named.rejects);
      if (!rejected || (accepted && accepted->line <= rejected->line)) continue;
      const auto line = static_cast<std::size_t>(rejected->line);
      if (!withinHeight(trace, line, named.accepts) || !withinHeight(trace, line, named.rejects)) continue;
      ++disagreements[named.rejects];
      EXPECT_GE(line, static_cast<std::size_t>(std::count(named.trace.begin(), named.trace.end(), '\n')))
          << named.accepts << " accepts, " << named.rejects << " rejects sooner:\n" << sbt::printTrace(trace);
    }
  }
  // Not vacuous: random traces do meet each difference (rarely, for some).
  for (const NamedDifference& named : kNamedDifferences) {
    EXPECT_TRUE(!kOptimized || disagreements[named.rejects] > 0) << named.rejects;
  }
  EXPECT_GT(disagreements["sb2-tagged-raw"], 0);
}

TEST(TraceExplorer, IsTheSameOnOneThreadAsOnTwo) {
  const std::vector<std::string> models{"sb2", "sb2-strict"};
  Limits one = limits(kOptimized ? 6 : 4);
  one.threads = 1;
  const ModelExploration a = exploreModels(models, TraceUniverse{}, one),
                         b = exploreModels(models, TraceUniverse{}, limits(kOptimized ? 6 : 4));
  EXPECT_EQ(a.run.statesPerDepth, b.run.statesPerDepth);
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t slot = 0; slot < a.findings.size(); ++slot) {
    EXPECT_EQ(a.findings[slot].trace.has_value(), b.findings[slot].trace.has_value());
    if (a.findings[slot].trace && b.findings[slot].trace) {
      EXPECT_EQ(sbt::printTrace(*a.findings[slot].trace), sbt::printTrace(*b.findings[slot].trace));
    }
  }
}

}  // namespace
}  // namespace sbcheck::explore
