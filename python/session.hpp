// One SharedSet's world: the real cell under one policy, the aliasing model
// that checks its every memory access, and the history of what Python did to
// it as `.cell` operations. Every Python call on the set, its iterators and
// its guards becomes one op run here, exactly as `sbcheck run` runs a line.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "harness/cellseq/run.hpp"
#include "harness/cellseq/sequence.hpp"

namespace sbcheck::python {

/// One op Python performed, with what came of it.
struct Performed {
  cellseq::Op op;  ///< `op.expect` is the outcome, as a recording writes it
  cellseq::Outcome outcome;
};

class Session {
 public:
  /// A session for one new object. Throws std::invalid_argument for a policy
  /// not in cell::kPolicyNames or a model not in sb::AnyModel::names().
  /// `veto` off (test-only) drops the model: the cell does its plain memory
  /// work, freed memory included.
  static std::shared_ptr<Session> create(std::string_view policy, std::string_view model, bool veto);
  virtual ~Session() = default;

  /// Runs `op` (its line is set here) and records it. Throws std::logic_error
  /// if the op is malformed for the interpreter (a bug in the module).
  const Performed& perform(cellseq::Op op);

  /// Unique in the process: told apart from a later session at the same address.
  std::uint64_t id() const { return id_; }
  const std::string& policy() const { return policy_; }
  const std::string& model() const { return model_; }
  /// Whether an iterator holds a Python reference to its object (the policy's knob).
  virtual bool iteratorHoldsObject() const = 0;
  /// Whether an iterator's first `stop` gives back its leak and its reference
  /// (the strict family; under generation an exhausted iterator keeps both).
  virtual bool stopGivesBack() const = 0;
  /// The model's first UB, if it found one.
  virtual const std::optional<sbt::UbReport>& ub() const = 0;
  /// The events the model saw, as `.sbt` text (the UB event marked `!ub`).
  virtual std::string sbt() const = 0;
  /// Everything done to this object as a `.cell` file `sbcheck run` replays
  /// with the same outcomes (and the same UB) — the lines the UB report names.
  std::string cell() const;
  /// What has been done to this object so far, in order.
  const std::deque<Performed>& history() const { return history_; }

 protected:
  Session(std::string policy, std::string model);
  /// Runs one op on the interpreter: its outcome, or the sequence error.
  virtual std::variant<cellseq::Outcome, cellseq::SequenceError> execute(const cellseq::Op& op) = 0;

 private:
  std::uint64_t id_;
  std::string policy_;
  std::string model_;
  std::deque<Performed> history_;  // a deque: the probe keeps a pointer to the op running
};

/// The `.cell` header lines every session's history starts with; its first
/// op is on line kHeaderLines + 1.
inline constexpr int kHeaderLines = 2;

/// The expectation `outcome` meets, as a recording writes it on its line:
/// `!err`, `=> V`, or none (success without a value, or UB).
cellseq::Expectation expectationOf(const cellseq::Outcome& outcome);

/// A fresh name for a new binding: "s1", "i2", "g3" (prefix and a counter
/// shared by the process, so names from different sets never clash).
std::string freshName(char prefix);

}  // namespace sbcheck::python
