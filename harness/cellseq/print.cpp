// Writing a Sequence back as canonical `.cell` text: headers first, single
// spaces, so parseSequence(printSequence(s)) gives back s's headers and ops.
#include "harness/cellseq/print.hpp"

#include <algorithm>
#include <vector>

#include "harness/cellseq/forms.hpp"

namespace sbcheck::cellseq {
namespace {

std::string printOperands(const Op& op) {
  switch (formOf(op.kind).operands) {
    case Operands::kName: return op.name;
    case Operands::kNameKey: return op.name + " " + std::to_string(op.key);
    case Operands::kBinding: return op.name + " = " + op.source;
  }
  return op.name;
}

std::string printValue(const Value& value) {
  switch (value.kind) {
    case Value::Kind::kInt: return std::to_string(value.number);
    case Value::Kind::kBool: return value.flag ? "true" : "false";
    case Value::Kind::kStop: return "stop";
  }
  return {};
}

std::string printExpectation(const Expectation& expect) {
  switch (expect.kind) {
    case Expectation::Kind::kSuccess: return {};
    case Expectation::Kind::kRefused: return " !err";
    case Expectation::Kind::kValue: return " => " + printValue(expect.value);
  }
  return {};
}

std::string printHeader(std::string_view keyword, const std::vector<std::string>& names) {
  if (names.empty()) return {};
  std::string text = "#! " + std::string(keyword) + " ";
  for (std::size_t i = 0; i < names.size(); ++i) text += (i == 0 ? "" : ", ") + names[i];
  return text + "\n";
}

/// A comment stays on its line: a newline in it would start a new operation.
std::string oneLine(std::string comment) {
  std::replace_if(comment.begin(), comment.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return comment;
}

}  // namespace

std::string printOp(const Op& op) {
  return std::string(formOf(op.kind).keyword) + " " + printOperands(op) + printExpectation(op.expect);
}

std::string printSequence(const Sequence& sequence) {
  std::string text = printHeader("policies:", sequence.policies) + printHeader("unsafe:", sequence.unsafePolicies);
  for (const Op& op : sequence.ops) {
    text += printOp(op);
    if (!op.comment.empty()) text += "  # " + oneLine(op.comment);
    text += "\n";
  }
  return text;
}

}  // namespace sbcheck::cellseq
