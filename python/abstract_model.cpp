// One line through the abstract cell.
#include "python/abstract_model.hpp"

#include <stdexcept>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/print.hpp"
#include "model/cell/policy.hpp"
#include "python/session.hpp"

namespace sbcheck::python {
namespace {

cellseq::AbstractCell cellFor(std::string_view policy) {
  for (const std::string_view name : cell::kPolicyNames) {
    if (name == policy) return cellseq::AbstractCell(policy);
  }
  throw std::invalid_argument("unknown policy '" + std::string(policy) + "'");
}

}  // namespace

AbstractModel::AbstractModel(std::string_view policy) : cell_(cellFor(policy)) {}

std::string AbstractModel::apply(std::string_view line) {
  auto parsed = cellseq::parseSequence(line, cell::kPolicyNames);
  if (const auto* error = std::get_if<cellseq::SequenceError>(&parsed)) throw std::invalid_argument(error->message);
  cellseq::Sequence& sequence = std::get<cellseq::Sequence>(parsed);
  if (sequence.ops.size() != 1) throw std::invalid_argument("expected one operation, got " + std::to_string(sequence.ops.size()));
  cellseq::Op op = std::move(sequence.ops.front());
  op.comment.clear();
  auto applied = cell_.apply(op);
  if (const auto* error = std::get_if<cellseq::SequenceError>(&applied)) throw std::invalid_argument(error->message);
  const cellseq::Outcome& outcome = std::get<cellseq::Outcome>(applied);
  op.expect = expectationOf(outcome);
  std::string text = cellseq::printOp(op);
  if (outcome.kind == cellseq::Outcome::Kind::kUndefined) text += "  # undefined";
  return text;
}

}  // namespace sbcheck::python
