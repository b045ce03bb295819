// Rendering comparison reports.
#include "harness/compare/render.hpp"

#include <algorithm>

#include "harness/cellseq/print.hpp"
#include "harness/json.hpp"
#include "harness/sbt/print.hpp"
#include "properties/cell_property.hpp"

namespace sbcheck::compare {
namespace {

std::string pad(const std::string& text, std::size_t width) {
  return text + std::string(width > text.size() ? width - text.size() : 1, ' ');
}

std::string cellText(const MatrixEntry& entry) {
  if (!entry.counterexample) return entry.expectedToHold ? "holds" : "holds?";
  return entry.expectedToHold ? "FAILS!" : "fails*";
}

const MatrixEntry& entryFor(const Report& report, std::string_view property, std::string_view policy) {
  return *std::find_if(report.matrix.begin(), report.matrix.end(),
                       [&](const MatrixEntry& e) { return e.property == property && e.policy == policy; });
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::vector<std::string> sequenceLines(const cellseq::Sequence& sequence) {
  std::vector<std::string> lines;
  for (const cellseq::Op& op : sequence.ops) lines.push_back(cellseq::printOp(op));
  return lines;
}

std::string outcomeAt(const std::vector<cellseq::Outcome>& outcomes, std::size_t i) {
  return i < outcomes.size() ? cellseq::describe(outcomes[i]) : "(not run)";
}

/// `files`: each file saved (and the page beside it), as `explore` lists them.
void writeFiles(JsonWriter& json, const std::vector<Saved>& saved) {
  json.key("files").beginArray();
  for (const Saved& file : saved) {
    json.beginObject();
    writeSavedMembers(json, &file);
    json.endObject();
  }
  json.endArray();
}

void textMatrix(const Report& report, std::ostream& out) {
  out << "1. Policies x properties  (" << report.runs << " random sequences per entry)\n"
      << "   legend: holds = no violation found; fails* = fails, as this policy is known to (minimal\n"
      << "   counterexample below); FAILS! = fails where it must hold; holds? = expected to fail, not found\n\n";
  std::size_t width = 30;
  out << "   " << pad("property", width);
  for (const std::string& policy : report.policies) out << pad(policy, std::max<std::size_t>(policy.size() + 2, 8));
  out << '\n';
  for (const properties::CellProperty& property : properties::cellProperties()) {
    out << "   " << pad(std::string(property.id), width);
    for (const std::string& policy : report.policies) {
      out << pad(cellText(entryFor(report, property.id, policy)), std::max<std::size_t>(policy.size() + 2, 8));
    }
    out << '\n';
  }
  out << "\n   counterexamples:\n";
  for (const MatrixEntry& entry : report.matrix) {
    if (!entry.counterexample) continue;
    const properties::Counterexample& c = *entry.counterexample;
    out << "   - " << entry.property << " under " << entry.policy << " (" << c.sequence.ops.size()
        << " ops): line " << c.violation.opIndex + 1 << ": " << c.violation.reason << '\n';
    for (const std::string& line : sequenceLines(c.sequence)) out << "         " << line << '\n';
    if (entry.saved) out << "       " << entry.saved->text() << '\n';
  }
}

/// The explored bound in words.
std::string boundText(const Report& report) {
  const explore::TraceUniverse& u = report.universe;
  return std::to_string(u.bytes) + (u.bytes == 1 ? " byte" : " bytes") + ", at most " + std::to_string(u.tags) +
         " live pointers besides x, stacks of at most " + std::to_string(u.height) + " items" +
         (report.exploreDepth == 0 ? "" : ", up to " + std::to_string(report.exploreDepth) + " events");
}

std::string exploredText(const ModelPair& pair) {
  return std::to_string(pair.explored) + " states explored" +
         (pair.ending == explore::Ending::kFixpoint ? ", to the fixpoint" : ", not to the fixpoint");
}

void textModelPairs(const Report& report, std::ostream& out) {
  out << "\n2. Model pairs  (" << report.runs * kTracesPerRun << " random traces per pair; a difference is a trace\n"
      << "   one model accepts and the other rejects; its minimal\n"
      << "   trace is the shortest within the explored bound when that holds one, else a shrunk random trace)\n"
      << "   explored bound: every trace of " << boundText(report) << "\n";
  for (const ModelPair& pair : report.modelPairs) {
    int differing = 0;
    for (const ModelDifference& d : pair.differences) differing += d.count;
    out << "\n   " << pair.a << " vs " << pair.b << ": ";
    if (pair.differences.empty()) {
      out << "no difference found in " << pair.checked << " random traces (" << exploredText(pair) << ")\n";
      continue;
    }
    out << "differ on " << differing << " of " << pair.checked << " random traces (" << exploredText(pair) << ")\n";
    for (const ModelDifference& d : pair.differences) {
      out << "   - " << d.accepts << " accepts, " << d.rejects << " rejects (random traces: " << d.count << "); "
          << sourceText(d.source) << " (" << d.minimal->events.size() << " events):\n";
      for (std::size_t i = 0; i < d.minimal->events.size(); ++i) {
        out << "       " << pad(std::to_string(i + 1), 3) << sbt::printEvent(d.minimal->events[i]) << '\n';
      }
      out << "       " << d.accepts << ": " << d.acceptsVerdict.text() << "; " << d.rejects << ": "
          << d.rejectsVerdict.text() << '\n';
      for (const Saved& saved : d.saved) out << "       " << saved.text() << '\n';
    }
  }
}

void textPolicyPairs(const Report& report, std::ostream& out) {
  out << "\n3. Policy pairs  (" << report.runs << " random sequences per pair)\n";
  for (const PolicyPair& pair : report.policyPairs) {
    out << "\n   " << pair.a << " vs " << pair.b << ": ";
    if (!pair.minimal) {
      out << "same outcomes on all " << pair.checked << " sequences\n";
      continue;
    }
    out << "outcomes differ on " << pair.differing << " of " << pair.checked << " sequences; minimal ("
        << pair.minimal->ops.size() << " ops):\n";
    const std::vector<std::string> lines = sequenceLines(*pair.minimal);
    std::size_t width = 4;
    for (const std::string& line : lines) width = std::max(width, line.size() + 2);
    out << "       " << pad("line", 6) << pad("op", width) << pad(pair.a, 28) << pair.b << '\n';
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out << "       " << pad(std::to_string(i + 1), 6) << pad(lines[i], width) << pad(outcomeAt(pair.outcomesA, i), 28)
          << outcomeAt(pair.outcomesB, i) << (static_cast<int>(i) + 1 == pair.firstDifference ? "   <- differ" : "")
          << '\n';
    }
    for (const Saved& saved : pair.saved) out << "       " << saved.text() << '\n';
  }
}

}  // namespace

void renderText(const Report& report, std::ostream& out) {
  out << "sbcheck compare  seed " << report.seed << "\n   policies: " << joined(report.policies)
      << "\n   models:   " << joined(report.models) << "\n\n";
  textMatrix(report, out);
  textModelPairs(report, out);
  textPolicyPairs(report, out);
  if (report.interrupted) out << "\ninterrupted: the sections above hold what was completed\n";
}

void renderMarkdown(const Report& report, std::ostream& out) {
  out << "# sbcheck compare\n\nSeed " << report.seed << ", " << report.runs
      << " random sequences per matrix entry and policy pair, " << report.runs * kTracesPerRun
      << " random traces per model pair" << (report.interrupted ? " (interrupted: only what was completed)" : "")
      << ". Policies: " << joined(report.policies) << ". Models: " << joined(report.models)
      << ".\n\n## Policies × properties\n\n| property |";
  for (const std::string& policy : report.policies) out << ' ' << policy << " |";
  out << "\n|---|";
  for (std::size_t i = 0; i < report.policies.size(); ++i) out << "---|";
  out << '\n';
  for (const properties::CellProperty& property : properties::cellProperties()) {
    out << "| " << property.id << " |";
    for (const std::string& policy : report.policies) out << ' ' << cellText(entryFor(report, property.id, policy)) << " |";
    out << '\n';
  }
  out << "\n*holds*: no violation found; *fails\\**: fails, as the policy is known to; *FAILS!*: fails where it "
         "must hold; *holds?*: expected to fail, not found.\n\n";
  for (const MatrixEntry& entry : report.matrix) {
    if (!entry.counterexample) continue;
    out << "**" << entry.property << "** under `" << entry.policy << "`: line "
        << entry.counterexample->violation.opIndex + 1 << ": " << entry.counterexample->violation.reason << "\n\n```\n";
    for (const std::string& line : sequenceLines(entry.counterexample->sequence)) out << line << '\n';
    out << "```\n\n";
  }
  out << "## Model pairs\n\nA difference's minimal trace is the shortest within the explored bound (every trace of "
      << boundText(report) << ") when that holds one, else a shrunk random trace.\n\n";
  for (const ModelPair& pair : report.modelPairs) {
    out << "### " << pair.a << " vs " << pair.b << "\n\n";
    if (pair.differences.empty()) {
      out << "No difference found in " << pair.checked << " random traces (" << exploredText(pair) << ").\n\n";
    }
    for (const ModelDifference& d : pair.differences) {
      out << "`" << d.accepts << "` accepts, `" << d.rejects << "` rejects (" << d.count << " of " << pair.checked
          << " random traces). Minimal trace, " << sourceText(d.source) << " — " << d.accepts << ": "
          << d.acceptsVerdict.text() << "; " << d.rejects << ": " << d.rejectsVerdict.text() << ":\n\n```\n";
      for (const sbt::Event& event : d.minimal->events) out << sbt::printEvent(event) << '\n';
      out << "```\n\n";
    }
  }
  out << "## Policy pairs\n\n";
  for (const PolicyPair& pair : report.policyPairs) {
    out << "### " << pair.a << " vs " << pair.b << "\n\n";
    if (!pair.minimal) {
      out << "Same outcomes on all " << pair.checked << " sequences.\n\n";
      continue;
    }
    out << "Outcomes differ on " << pair.differing << " of " << pair.checked << " sequences; minimal:\n\n| line | op | "
        << pair.a << " | " << pair.b << " |\n|---|---|---|---|\n";
    const std::vector<std::string> lines = sequenceLines(*pair.minimal);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const bool differ = static_cast<int>(i) + 1 == pair.firstDifference;
      out << "| " << i + 1 << " | `" << lines[i] << "` | " << (differ ? "**" : "") << outcomeAt(pair.outcomesA, i)
          << (differ ? "**" : "") << " | " << (differ ? "**" : "") << outcomeAt(pair.outcomesB, i) << (differ ? "**" : "")
          << " |\n";
    }
    out << '\n';
  }
}

void renderJson(const Report& report, std::ostream& out) {
  JsonWriter json(out);
  json.beginDocument().key("seed").value(report.seed).key("runs").value(report.runs);
  json.key("traces_per_model_pair").value(report.runs * kTracesPerRun).key("interrupted").value(report.interrupted);
  json.key("ok").value(unexpectedFailures(report) == 0).key("unexpected_failures").value(unexpectedFailures(report));
  const auto number = [](std::uint32_t n) { return static_cast<std::uint64_t>(n); };
  json.key("explored_bound").beginObject().key("bytes").value(number(report.universe.bytes));
  json.key("tags").value(number(report.universe.tags)).key("height").value(number(report.universe.height));
  json.key("depth").value(number(report.exploreDepth)).endObject();
  json.key("matrix").beginArray();
  for (const MatrixEntry& e : report.matrix) {
    json.beginObject().key("property").value(e.property).key("policy").value(e.policy);
    json.key("expected_to_hold").value(e.expectedToHold).key("holds").value(!e.counterexample);
    json.key("checked").value(e.checked).key("counterexample");
    if (e.counterexample) {
      std::string text;
      for (const std::string& line : sequenceLines(e.counterexample->sequence)) text += line + "\n";
      json.beginObject().key("sequence").value(text).key("line").value(static_cast<int>(e.counterexample->violation.opIndex) + 1);
      json.key("reason").value(e.counterexample->violation.reason);
      writeSavedMembers(json, e.saved ? &*e.saved : nullptr);
      json.endObject();
    } else {
      json.null();
    }
    json.endObject();
  }
  json.endArray().key("model_pairs").beginArray();
  for (const ModelPair& pair : report.modelPairs) {
    json.beginObject().key("a").value(pair.a).key("b").value(pair.b).key("checked").value(pair.checked);
    json.key("explored_states").value(pair.explored).key("explored_to_fixpoint").value(pair.ending == explore::Ending::kFixpoint);
    json.key("differences").beginArray();
    for (const ModelDifference& d : pair.differences) {
      json.beginObject().key("accepts").value(d.accepts).key("rejects").value(d.rejects).key("count").value(d.count);
      json.key("source").value(d.source == TraceSource::kExplored ? "explored" : "shrunk");
      json.key("trace").value(sbt::printTrace(*d.minimal)).key("rejected_at_line").value(*d.rejectsVerdict.ubLine);
      json.key("rejection_kind").value(d.rejectsVerdict.ubKind);
      writeFiles(json, d.saved);
      json.endObject();
    }
    json.endArray().endObject();
  }
  json.endArray().key("policy_pairs").beginArray();
  for (const PolicyPair& pair : report.policyPairs) {
    json.beginObject().key("a").value(pair.a).key("b").value(pair.b).key("checked").value(pair.checked);
    json.key("differing").value(pair.differing).key("minimal");
    if (pair.minimal) {
      json.beginArray();
      const std::vector<std::string> lines = sequenceLines(*pair.minimal);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        json.beginObject().key("op").value(lines[i]).key(pair.a).value(outcomeAt(pair.outcomesA, i));
        json.key(pair.b).value(outcomeAt(pair.outcomesB, i)).endObject();
      }
      json.endArray().key("first_difference").value(pair.firstDifference);
    } else {
      json.null();
    }
    writeFiles(json, pair.saved);
    json.endObject();
  }
  json.endArray().endObject();
  out << '\n';
}

}  // namespace sbcheck::compare
