// A session per SharedSet: the interpreter `sbcheck run` uses, under the
// policy the set was made with, on a model of its own.
#include "python/session.hpp"

#include <atomic>
#include <span>
#include <stdexcept>

#include "harness/cellseq/interpreter.hpp"
#include "harness/cellseq/model_probe.hpp"
#include "harness/cellseq/print.hpp"
#include "harness/sbt/print.hpp"
#include "model/cell/policy.hpp"
#include "python/unchecked_probe.hpp"

namespace sbcheck::python {
namespace {

std::string joined(std::span<const std::string_view> names) {
  std::string text;
  for (const std::string_view name : names) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

std::uint64_t nextId() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

template <cell::CellPolicy P>
class SessionFor final : public Session {
 public:
  SessionFor(std::string_view model, bool veto)
      : Session(std::string(P::kName), std::string(model)), model_(sb::AnyModel::create(model)),
        checked_(veto ? std::make_unique<cellseq::ModelProbe>(*model_) : nullptr),
        probe_(checked_ ? static_cast<cellseq::CheckingProbe&>(*checked_) : unchecked_), interpreter_(probe_) {}

  bool iteratorHoldsObject() const override { return P::kIteratorHoldsObject; }
  bool stopGivesBack() const override { return !P::kGenerations; }
  const std::optional<sbt::UbReport>& ub() const override {
    static const std::optional<sbt::UbReport> kNone;  // unchecked: no model, no UB
    return checked_ ? checked_->ub() : kNone;
  }
  std::string sbt() const override { return checked_ ? sbt::printTrace(checked_->trace()) : std::string(); }

 private:
  std::variant<cellseq::Outcome, cellseq::SequenceError> execute(const cellseq::Op& op) override {
    probe_.setOp(op);
    return interpreter_.execute(op);
  }

  std::unique_ptr<sb::AnyModel> model_;
  std::unique_ptr<cellseq::ModelProbe> checked_;  ///< null when unchecked
  UncheckedProbe unchecked_;
  cellseq::CheckingProbe& probe_;
  cellseq::Interpreter<P> interpreter_;  // last: torn down before the probe and model
};

}  // namespace

Session::Session(std::string policy, std::string model)
    : id_(nextId()), policy_(std::move(policy)), model_(std::move(model)) {}

std::shared_ptr<Session> Session::create(std::string_view policy, std::string_view model, bool veto) {
  if (sb::AnyModel::create(model) == nullptr) {
    throw std::invalid_argument("unknown model '" + std::string(model) + "': one of " + joined(sb::AnyModel::names()));
  }
  std::shared_ptr<Session> session;
  cell::forEachPolicy([&]<class P>() {
    if (P::kName == policy) session = std::make_shared<SessionFor<P>>(model, veto);
  });
  if (session == nullptr) {
    throw std::invalid_argument("unknown policy '" + std::string(policy) + "': one of " + joined(cell::kPolicyNames));
  }
  return session;
}

const Performed& Session::perform(cellseq::Op op) {
  op.line = kHeaderLines + static_cast<int>(history_.size()) + 1;
  history_.push_back(Performed{std::move(op), {}});
  Performed& performed = history_.back();
  auto executed = execute(performed.op);
  if (const auto* error = std::get_if<cellseq::SequenceError>(&executed)) {
    throw std::logic_error("sbcheck: the module ran a malformed op `" + cellseq::printOp(performed.op) +
                           "`: " + error->message);
  }
  performed.outcome = std::get<cellseq::Outcome>(executed);
  performed.op.expect = expectationOf(performed.outcome);
  return performed;
}

std::string Session::cell() const {
  std::string text = "#! policies: " + policy_ + "\n";
  text += ub() ? "#! unsafe: " + policy_ + "\n" : "# the model found no UB\n";  // kHeaderLines: two
  for (const Performed& performed : history_) text += cellseq::printOp(performed.op) + "\n";
  return text;
}

cellseq::Expectation expectationOf(const cellseq::Outcome& outcome) {
  using Kind = cellseq::Outcome::Kind;
  if (outcome.kind == Kind::kRefused) return {cellseq::Expectation::Kind::kRefused, {}};
  if (outcome.kind == Kind::kSuccess && outcome.value) return {cellseq::Expectation::Kind::kValue, *outcome.value};
  return {};  // success without a value; a UB line's own expectation is not checked
}

std::string freshName(char prefix) {
  static std::atomic<unsigned> counter{0};
  return std::string(1, prefix) + std::to_string(++counter);
}

}  // namespace sbcheck::python
