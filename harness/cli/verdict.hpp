// The exit-status contract of `check` and `explore`: each entry (a property
// under a policy, or a law under a model variant) is judged against what it
// is known for. A property that must hold and fails is an unexpected
// failure; a known flaw (a property a policy is documented not to satisfy)
// must be found, unless the user only gates on the sound entries.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "harness/cli/args.hpp"
#include "harness/json.hpp"

namespace sbcheck::cli {

enum class Verdict : std::uint8_t {
  kHolds,                   ///< must hold, and held
  kUnexpectedFailure,       ///< must hold, and failed
  kExpectedFailureFound,    ///< a known flaw, found
  kExpectedFailureMissing,  ///< a known flaw, not found (more runs, or a larger bound, find it)
};

Verdict verdictOf(bool mustHold, bool failed);
/// "holds", "unexpected_failure", "expected_failure_found", "expected_failure_missing".
std::string_view verdictId(Verdict verdict);

/// `--expect-failures=require` (the default): a known flaw not found fails
/// the run; `ignore`: only what must hold decides.
enum class ExpectFailures : std::uint8_t { kRequire, kIgnore };

/// Reads `--expect-failures`; nothing, with `error` set, for another value.
std::optional<ExpectFailures> readExpectFailures(const Parsed& parsed, std::string& error);

/// The entries' verdicts, counted.
struct Tally {
  int holds = 0, unexpected = 0, expectedFound = 0, expectedMissing = 0;

  void add(Verdict verdict);
  /// Whether the run passes under `mode`.
  bool ok(ExpectFailures mode) const;
  /// The entries that count as passed and as failed under `mode`, for "N passed, N failed".
  int passed(ExpectFailures mode) const;
  int failed(ExpectFailures mode) const;
  /// "N passed, N failed" and, when there are any, the known flaws' counts.
  std::string summary(ExpectFailures mode) const;
  /// `ok`, `unexpected_failures`, `expected_failures_found`, `expected_failures_missing`,
  /// `expect_failures`, `passed`, `failed` as members of the open JSON object.
  void write(JsonWriter& json, ExpectFailures mode) const;
};

}  // namespace sbcheck::cli
