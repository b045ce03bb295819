// Helpers for the abstract-cell tests: play `.cell` text on an AbstractCell,
// check each line's expectation, and show outcomes as short strings so a
// failure reads like the spec ("ok 3", "refused RuntimeError", "undefined").
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/cellseq/abstract_cell.hpp"
#include "tests/cellseq/printers.hpp"

namespace sbcheck::cellseq::abstract_test {

/// The policies of cell-format.md's table, and the strict family (all but `generation`).
inline constexpr std::array<std::string_view, 5> kAllPolicies = kKnownPolicies;
inline constexpr std::array<std::string_view, 4> kStrictFamily = {"strict", "unchecked-leak", "no-parent-ref",
                                                                   "unguarded-inner"};

inline std::string show(const Value& value) {
  switch (value.kind) {
    case Value::Kind::kInt: return std::to_string(value.number);
    case Value::Kind::kBool: return value.flag ? "true" : "false";
    case Value::Kind::kStop: return "stop";
  }
  return "?";
}

/// "ok", "ok V", "refused TEXT" or "undefined".
inline std::string show(const Outcome& outcome) {
  switch (outcome.kind) {
    case Outcome::Kind::kSuccess: return outcome.value ? "ok " + show(*outcome.value) : "ok";
    case Outcome::Kind::kRefused: return "refused " + outcome.refusal;
    case Outcome::Kind::kUndefined: return "undefined";
  }
  return "?";
}

/// Whether `outcome` is what the line's marker asks for (cell-format.md "Outcomes").
inline bool meetsMarker(const Outcome& outcome, const Expectation& expect) {
  switch (expect.kind) {
    case Expectation::Kind::kSuccess: return outcome.kind == Outcome::Kind::kSuccess;
    case Expectation::Kind::kRefused: return outcome.kind == Outcome::Kind::kRefused;
    case Expectation::Kind::kValue: return outcome.kind == Outcome::Kind::kSuccess && outcome.value == expect.value;
  }
  return false;
}

/// The ops of `text`, which must parse.
inline std::vector<Op> opsOf(std::string_view text) {
  auto parsed = parseWithKnown(text);
  if (const auto* error = std::get_if<SequenceError>(&parsed)) {
    ADD_FAILURE() << "does not parse, line " << error->line << ": " << error->message << "\n" << text;
    return {};
  }
  return std::get<Sequence>(parsed).ops;
}

/// Applies every op of `text` to `cell`; each must meet its line's marker and
/// commit no sequence error. Returns each outcome shown.
inline std::vector<std::string> play(AbstractCell& cell, std::string_view text) {
  std::vector<std::string> shown;
  for (const Op& op : opsOf(text)) {
    auto result = cell.apply(op);
    if (const auto* error = std::get_if<SequenceError>(&result)) {
      ADD_FAILURE() << "line " << op.line << " (" << printOp(op) << "): sequence error: " << error->message;
      return shown;
    }
    const Outcome& outcome = std::get<Outcome>(result);
    EXPECT_TRUE(meetsMarker(outcome, op.expect)) << "line " << op.line << " (" << printOp(op) << ") gave "
                                                 << show(outcome);
    shown.push_back(show(outcome));
  }
  return shown;
}

/// A fresh cell under `policy` after playing `text`.
inline AbstractCell after(std::string_view policy, std::string_view text) {
  AbstractCell cell(policy);
  play(cell, text);
  return cell;
}

/// The outcome of one more line, shown; a sequence error shows as "error: MESSAGE".
inline std::string outcomeOf(AbstractCell& cell, std::string_view line) {
  const std::vector<Op> ops = opsOf(line);
  if (ops.size() != 1) {
    ADD_FAILURE() << "expected one op in: " << line;
    return "";
  }
  auto result = cell.apply(ops.front());
  if (const auto* error = std::get_if<SequenceError>(&result)) return "error: " + error->message;
  return show(std::get<Outcome>(result));
}

/// The first sequence error playing `text` commits (markers are not checked).
inline std::optional<SequenceError> firstError(std::string_view policy, std::string_view text) {
  AbstractCell cell(policy);
  for (const Op& op : opsOf(text)) {
    auto result = cell.apply(op);
    if (auto* error = std::get_if<SequenceError>(&result)) return *error;
  }
  return std::nullopt;
}

/// The facts of the live object with id `id`, if it is live.
inline std::optional<AbstractCell::ObjectFacts> factsOf(const AbstractCell& cell, int id) {
  for (const auto& facts : cell.liveObjects()) {
    if (facts.id == id) return facts;
  }
  return std::nullopt;
}

}  // namespace sbcheck::cellseq::abstract_test
