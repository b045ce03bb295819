// Printing explorations.
#include "harness/cli/explore_report.hpp"

#include <unistd.h>

#include <cstdio>
#include <iomanip>
#include <iostream>

#include "harness/cellseq/print.hpp"

namespace sbcheck::cli {

std::string_view endingText(explore::Ending ending) {
  switch (ending) {
    case explore::Ending::kFixpoint: return "fixpoint";
    case explore::Ending::kDepthBound: return "depth bound";
    case explore::Ending::kStateLimit: return "state limit";
    case explore::Ending::kTimeLimit: return "time limit";
    case explore::Ending::kInterrupted: return "interrupted";
  }
  return "?";
}

namespace {

std::string_view endingId(explore::Ending ending) {
  switch (ending) {
    case explore::Ending::kFixpoint: return "fixpoint";
    case explore::Ending::kDepthBound: return "depth_bound";
    case explore::Ending::kStateLimit: return "state_limit";
    case explore::Ending::kTimeLimit: return "time_limit";
    case explore::Ending::kInterrupted: return "interrupted";
  }
  return "?";
}

double rate(const RunFigures& figures) { return figures.seconds > 0 ? figures.states / figures.seconds : 0; }

std::string universeText(const cellseq::Universe& u) {
  return std::to_string(u.maxObjects) + " objects alive, " + std::to_string(u.maxNamesPerObject) +
         " names per object, keys 0.." + std::to_string(u.keys - 1) + ", " + std::to_string(u.maxGuards) +
         " guards and " + std::to_string(u.maxIterators) + " iterators held";
}

}  // namespace

void printProgress(const explore::Progress& p) {
  std::fprintf(stderr, "\rexploring depth %u: %llu states, %llu transitions, %.0f states/s   ", p.depth,
               static_cast<unsigned long long>(p.states), static_cast<unsigned long long>(p.transitions),
               p.seconds > 0 ? p.states / p.seconds : 0.0);
  std::fflush(stderr);
}

void printFigures(const RunFigures& figures, std::ostream& out) {
  if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\r%80s\r", "");
  out << "depth  new states\n";
  for (std::size_t depth = 0; depth < figures.statesPerDepth.size(); ++depth) {
    out << std::setw(5) << depth << "  " << std::setw(10) << figures.statesPerDepth[depth] << '\n';
  }
  out << endingText(figures.ending) << " after depth " << figures.depthCompleted << ": " << figures.states
      << " distinct states, " << figures.transitions << " transitions, " << std::fixed << std::setprecision(2)
      << figures.seconds << " s (" << std::setprecision(0) << rate(figures) << " states/s on " << figures.threads
      << " thread" << (figures.threads == 1 ? "" : "s") << "), " << std::setprecision(1)
      << (figures.states > 0 ? static_cast<double>(figures.storedBytes) / figures.states : 0.0)
      << " bytes stored per state\n";
  out.unsetf(std::ios::fixed);
}

void writeFigures(const RunFigures& figures, JsonWriter& json) {
  json.key("states").value(figures.states).key("transitions").value(figures.transitions);
  json.key("states_per_depth").beginArray();
  for (const std::uint64_t count : figures.statesPerDepth) json.value(count);
  json.endArray();
  json.key("depth_completed").value(static_cast<std::uint64_t>(figures.depthCompleted));
  json.key("ending").value(endingId(figures.ending)).key("seconds").value(figures.seconds);
  json.key("states_per_second").value(rate(figures)).key("threads").value(static_cast<std::uint64_t>(figures.threads));
  json.key("stored_bytes").value(static_cast<std::uint64_t>(figures.storedBytes));
}

namespace {

const explore::CellCounterexample* counterexampleFor(const CellReport& report, const properties::CellProperty& property) {
  for (const explore::CellCounterexample& c : report.exploration.counterexamples) {
    if (c.property == &property) return &c;
  }
  return nullptr;
}

const Saved* savedFor(const CellReport& report, const properties::CellProperty& property) {
  const auto found = report.saved.find(property.id);
  return found == report.saved.end() ? nullptr : &found->second;
}

Verdict verdictFor(const CellReport& report, const properties::CellProperty& property) {
  return verdictOf(property.mustHold(report.policy), counterexampleFor(report, property) != nullptr);
}

}  // namespace

Tally CellReport::tally() const {
  Tally tally;
  for (const properties::CellProperty& property : properties::cellProperties()) tally.add(verdictFor(*this, property));
  return tally;
}

void printCellText(const CellReport& report, std::ostream& out) {
  out << "explore: policy " << report.policy << ", model " << report.model << "; " << universeText(report.universe)
      << '\n';
  printFigures(RunFigures::of(report.exploration.run, report.threads), out);
  out << "the spec alone (before model state): " << report.abstractStates << " distinct states";
  if (report.abstractEnding != explore::Ending::kFixpoint) out << " (" << endingText(report.abstractEnding) << ")";
  out << "\n\n";
  const bool complete = report.exploration.run.ending == explore::Ending::kFixpoint;
  for (const properties::CellProperty& property : properties::cellProperties()) {
    const explore::CellCounterexample* c = counterexampleFor(report, property);
    switch (verdictFor(report, property)) {
      case Verdict::kHolds:
        out << "PASS  " << property.id << "  holds in every explored state"
            << (complete ? "" : " (the exploration did not reach its fixpoint)") << '\n';
        continue;
      case Verdict::kExpectedFailureMissing:
        out << "MISS  " << property.id << "  not found: a known flaw of this policy, but no explored state shows it"
            << " (a larger universe may; --expect-failures=ignore gates on the rest)\n";
        continue;
      case Verdict::kUnexpectedFailure: out << "FAIL  " << property.id; break;
      case Verdict::kExpectedFailureFound: out << "XFAIL " << property.id << "  (a known flaw of this policy)"; break;
    }
    out << "\n      reason: line " << c->sequence.ops.size() << ": " << c->reason << "\n      shortest counterexample ("
        << c->sequence.ops.size() << " ops):\n";
    for (const cellseq::Op& op : c->sequence.ops) out << "        " << cellseq::printOp(op) << '\n';
    out << "      reproduce: " << report.foundBy << '\n';
    if (const Saved* saved = savedFor(report, property)) out << "      " << saved->text() << '\n';
  }
  if (report.exploration.run.ending == explore::Ending::kInterrupted) {
    out << "interrupted: the figures and findings above are what was completed\n";
  }
  out << report.tally().summary(report.expectFailures);
}

void writeCellJson(const CellReport& report, std::ostream& out) {
  JsonWriter json(out);
  const cellseq::Universe& u = report.universe;
  json.beginDocument().key("mode").value("cell").key("policy").value(report.policy).key("model").value(report.model);
  json.key("universe").beginObject().key("objects").value(u.maxObjects).key("names_per_object").value(u.maxNamesPerObject);
  json.key("keys").value(static_cast<std::uint64_t>(u.keys)).key("guards").value(u.maxGuards);
  json.key("iterators").value(u.maxIterators).endObject();
  writeFigures(RunFigures::of(report.exploration.run, report.threads), json);
  json.key("interrupted").value(report.exploration.run.ending == explore::Ending::kInterrupted);
  json.key("abstract_states").value(report.abstractStates).key("abstract_ending").value(endingId(report.abstractEnding));
  json.key("found_by").value(report.foundBy).key("properties").beginArray();
  for (const properties::CellProperty& property : properties::cellProperties()) {
    const explore::CellCounterexample* c = counterexampleFor(report, property);
    json.beginObject().key("property").value(property.id).key("expected_to_hold").value(property.mustHold(report.policy));
    json.key("status").value(c != nullptr ? "fails" : "holds").key("verdict").value(verdictId(verdictFor(report, property)));
    json.key("counterexample");
    if (c != nullptr) {
      std::string text;
      for (const cellseq::Op& op : c->sequence.ops) text += cellseq::printOp(op) + "\n";
      json.beginObject().key("sequence").value(text).key("length").value(static_cast<std::uint64_t>(c->sequence.ops.size()));
      json.key("reason").value(c->reason);
      writeSavedMembers(json, savedFor(report, property));
      json.endObject();
    } else {
      json.null();
    }
    json.endObject();
  }
  json.endArray();
  report.tally().write(json, report.expectFailures);
  json.endObject();
  out << '\n';
}

}  // namespace sbcheck::cli
