// Telling what `sbcheck check` found.
#include "harness/cli/check_results.hpp"

#include "harness/cellseq/print.hpp"
#include "harness/sbt/print.hpp"

namespace sbcheck::cli {
namespace {

std::string_view label(Verdict verdict) {
  switch (verdict) {
    case Verdict::kHolds: return "PASS  ";
    case Verdict::kUnexpectedFailure: return "FAIL  ";
    case Verdict::kExpectedFailureFound: return "XFAIL ";
    case Verdict::kExpectedFailureMissing: return "MISS  ";
  }
  return "";
}

/// "shrunk from 13: 9 removals, 2 value steps".
std::string shrinkText(std::size_t originalLength, const ShrinkStats& stats) {
  const auto count = [](int n, const char* what) { return std::to_string(n) + " " + what + (n == 1 ? "" : "s"); };
  return "shrunk from " + std::to_string(originalLength) + ": " + count(stats.removals, "removal") + ", " +
         count(stats.valueSteps, "value step");
}

/// "locally minimal" only when proven: no single removal or value step still fails.
std::string_view minimalText(const ShrinkStats& stats) {
  return stats.locallyMinimal ? "locally minimal" : "shrunk (not proven locally minimal)";
}

void printSaved(const std::optional<Saved>& saved, std::ostream& out) {
  if (saved) out << "      " << saved->text() << '\n';
}

void printMissing(Verdict verdict, std::uint64_t runs, std::string_view what, std::ostream& out) {
  if (verdict == Verdict::kHolds) {
    out << "holds (" << runs << ' ' << what << " checked)\n";
  } else {
    out << "not found in " << runs << ' ' << what << ": a known flaw here (more --runs find it; "
        << "--expect-failures=ignore gates on the rest)\n";
  }
}

void writeShrink(JsonWriter& json, std::size_t originalLength, const ShrinkStats& stats) {
  json.key("original_length").value(static_cast<std::uint64_t>(originalLength)).key("shrink_steps").value(stats.steps());
  json.key("removals").value(stats.removals).key("value_steps").value(stats.valueSteps);
  json.key("locally_minimal").value(stats.locallyMinimal);
}

}  // namespace

std::string_view scopeName(properties::TagScope scope) {
  return scope == properties::TagScope::kTagged ? "tagged" : "untagged";
}

std::string traceCounterexampleFile(const TraceResult& r) {
  const properties::TraceCounterexample& c = *r.result.counterexample;
  sbt::Trace trace = c.trace;
  trace.models = {r.options.model};
  const bool expected = !r.mustHold();
  const std::string text = sbt::printTrace(trace);
  const std::size_t header = text.find('\n') + 1;  // `#! models:` must stay the first line
  const std::string title = r.agreement ? "the model agrees with the reference"
                                        : "removed items never grant access (" +
                                              std::string(scopeName(r.options.scope)) + " pointers)";
  return text.substr(0, header) + "# property: " + title + " -- fails under " + r.options.model +
         (expected ? " (as expected of this variant)" : "") + "\n# reason: " + c.violation.reason +
         "\n# found by: " + r.reproduce + "\n" + text.substr(header);
}

void printTraceText(const TraceResult& r, std::ostream& out) {
  const Verdict verdict = r.verdict();
  out << label(verdict) << r.property() << "  [" << r.entry() << "]  ";
  if (!r.result.counterexample) return printMissing(verdict, static_cast<std::uint64_t>(r.result.runs), "traces", out);
  const properties::TraceCounterexample& c = *r.result.counterexample;
  out << "fails after " << c.foundAtRun << " trace(s)"
      << (verdict == Verdict::kExpectedFailureFound ? " (a known flaw of this variant)" : "")
      << "\n      reason: " << c.violation.reason << "\n      " << minimalText(c.shrink) << " trace ("
      << c.trace.events.size() << " events, " << shrinkText(c.originalLength, c.shrink) << "):\n";
  for (const sbt::Event& event : c.trace.events) out << "        " << sbt::printEvent(event) << '\n';
  out << "      reproduce: " << r.reproduce << '\n';
  printSaved(r.saved, out);
}

void printText(const PairResult& pair, std::ostream& out) {
  const Verdict verdict = pair.verdict();
  out << label(verdict) << pair.property->id << "  [" << pair.options.policy << "]  ";
  if (!pair.result.counterexample) {
    return printMissing(verdict, static_cast<std::uint64_t>(pair.result.runs), "sequences", out);
  }
  const properties::Counterexample& c = *pair.result.counterexample;
  out << "fails after " << c.foundAtRun << " sequence(s)"
      << (verdict == Verdict::kExpectedFailureFound ? " (a known flaw of this policy)" : "")
      << "\n      reason: line " << c.violation.opIndex + 1 << ": " << c.violation.reason
      << "\n      " << minimalText(c.shrink) << " sequence (" << c.sequence.ops.size() << " ops, "
      << shrinkText(c.originalLength, c.shrink) << "):\n";
  for (const cellseq::Op& op : c.sequence.ops) out << "        " << cellseq::printOp(op) << '\n';
  out << "      reproduce: " << pair.reproduce << '\n';
  if (!pair.deterministic) out << "      not saved: it did not fail the same way on every re-run\n";
  printSaved(pair.saved, out);
}

void writeTraceJson(JsonWriter& json, const TraceResult& r) {
  json.beginObject().key("property").value(r.property()).key("model").value(r.options.model);
  if (!r.agreement) json.key("tags").value(scopeName(r.options.scope));
  json.key("expected_to_hold").value(r.mustHold());
  json.key("status").value(r.result.counterexample ? "fails" : "holds").key("verdict").value(verdictId(r.verdict()));
  json.key("runs").value(r.result.runs).key("counterexample");
  if (const auto& c = r.result.counterexample) {
    json.beginObject().key("trace").value(sbt::printTrace(c->trace)).key("reason").value(c->violation.reason);
    json.key("found_at_run").value(c->foundAtRun);
    writeShrink(json, c->originalLength, c->shrink);
    json.key("found_by").value(r.reproduce);
    writeSavedMembers(json, r.saved ? &*r.saved : nullptr);
    json.endObject();
  } else {
    json.null();
  }
  json.endObject();
}

void writeJson(JsonWriter& json, const PairResult& pair) {
  json.beginObject().key("property").value(pair.property->id).key("policy").value(pair.options.policy);
  json.key("model").value(pair.options.model).key("expected_to_hold").value(pair.property->mustHold(pair.options.policy));
  json.key("status").value(pair.result.counterexample ? "fails" : "holds").key("verdict").value(verdictId(pair.verdict()));
  json.key("runs").value(pair.result.runs).key("counterexample");
  if (const auto& c = pair.result.counterexample) {
    std::string text;
    for (const cellseq::Op& op : c->sequence.ops) text += cellseq::printOp(op) + "\n";
    json.beginObject().key("sequence").value(text).key("line").value(static_cast<int>(c->violation.opIndex) + 1);
    json.key("violated").value(c->violation.property->id);  // the property, or runs-to-completion (--fork)
    json.key("reason").value(c->violation.reason).key("found_at_run").value(c->foundAtRun);
    writeShrink(json, c->originalLength, c->shrink);
    json.key("deterministic").value(pair.deterministic).key("found_by").value(pair.reproduce);
    writeSavedMembers(json, pair.saved ? &*pair.saved : nullptr);
    json.endObject();
  } else {
    json.null();
  }
  json.endObject();
}

}  // namespace sbcheck::cli
