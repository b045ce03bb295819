// Verdicts and their tally.
#include "harness/cli/verdict.hpp"

namespace sbcheck::cli {

Verdict verdictOf(bool mustHold, bool failed) {
  if (mustHold) return failed ? Verdict::kUnexpectedFailure : Verdict::kHolds;
  return failed ? Verdict::kExpectedFailureFound : Verdict::kExpectedFailureMissing;
}

std::string_view verdictId(Verdict verdict) {
  switch (verdict) {
    case Verdict::kHolds: return "holds";
    case Verdict::kUnexpectedFailure: return "unexpected_failure";
    case Verdict::kExpectedFailureFound: return "expected_failure_found";
    case Verdict::kExpectedFailureMissing: return "expected_failure_missing";
  }
  return "?";
}

std::optional<ExpectFailures> readExpectFailures(const Parsed& parsed, std::string& error) {
  const std::string mode = parsed.get("--expect-failures").value_or("require");
  if (mode == "require") return ExpectFailures::kRequire;
  if (mode == "ignore") return ExpectFailures::kIgnore;
  error = "--expect-failures takes 'require' or 'ignore'";
  return std::nullopt;
}

void Tally::add(Verdict verdict) {
  switch (verdict) {
    case Verdict::kHolds: ++holds; break;
    case Verdict::kUnexpectedFailure: ++unexpected; break;
    case Verdict::kExpectedFailureFound: ++expectedFound; break;
    case Verdict::kExpectedFailureMissing: ++expectedMissing; break;
  }
}

bool Tally::ok(ExpectFailures mode) const {
  return unexpected == 0 && (mode == ExpectFailures::kIgnore || expectedMissing == 0);
}

int Tally::passed(ExpectFailures mode) const {
  return holds + expectedFound + (mode == ExpectFailures::kIgnore ? expectedMissing : 0);
}

int Tally::failed(ExpectFailures mode) const {
  return unexpected + (mode == ExpectFailures::kRequire ? expectedMissing : 0);
}

std::string Tally::summary(ExpectFailures mode) const {
  std::string text = std::to_string(passed(mode)) + " passed, " + std::to_string(failed(mode)) + " failed\n";
  if (expectedFound + expectedMissing > 0) {
    text += "known flaws: " + std::to_string(expectedFound) + " found as expected, " + std::to_string(expectedMissing) +
            " not found" + (mode == ExpectFailures::kIgnore && expectedMissing > 0 ? " (ignored)" : "") + "\n";
  }
  return text;
}

void Tally::write(JsonWriter& json, ExpectFailures mode) const {
  json.key("ok").value(ok(mode)).key("expect_failures").value(mode == ExpectFailures::kRequire ? "require" : "ignore");
  json.key("unexpected_failures").value(unexpected).key("expected_failures_found").value(expectedFound);
  json.key("expected_failures_missing").value(expectedMissing);
  json.key("passed").value(passed(mode)).key("failed").value(failed(mode));
}

}  // namespace sbcheck::cli
