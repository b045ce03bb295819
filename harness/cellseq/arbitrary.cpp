// RapidCheck generators of syntactically valid cell sequences, built from the
// operation table so every form and every fitting expectation is reachable.
#include "harness/cellseq/arbitrary.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <vector>

#include "harness/cellseq/forms.hpp"
#include "harness/cellseq/lexer.hpp"

namespace sbcheck::cellseq {
namespace {

constexpr std::string_view kNameStart = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";

/// Corpus-like names, and names that sit next to keywords without being one.
std::vector<std::string> commonNames() {
  return {"s", "t", "p", "q", "g", "m", "it", "i2", "obj", "_g", "New", "next_", "borrow_mut2", "iterator"};
}

rc::Gen<std::string> genFreshName() {
  const std::string start(kNameStart);
  return rc::gen::apply([](char first, const std::string& rest) { return first + rest; },
                        rc::gen::elementOf(start),
                        rc::gen::container<std::string>(rc::gen::elementOf(start + "0123456789")));
}

rc::Gen<std::int64_t> genInteger() {
  return rc::gen::oneOf(rc::gen::inRange<std::int64_t>(0, 16), rc::gen::nonNegative<std::int64_t>(),
                        rc::gen::just(std::numeric_limits<std::int64_t>::max()));
}

rc::Gen<Value> genValue(Yields yields) {
  const auto integer = rc::gen::map(genInteger(), [](std::int64_t n) { return Value{Value::Kind::kInt, n, false}; });
  switch (yields) {
    case Yields::kInteger: return integer;
    case Yields::kBoolean:
      return rc::gen::map(rc::gen::arbitrary<bool>(), [](bool b) { return Value{Value::Kind::kBool, 0, b}; });
    case Yields::kIntegerOrStop: return rc::gen::oneOf(integer, rc::gen::just(Value{Value::Kind::kStop, 0, false}));
    case Yields::kNothing: break;
  }
  assert(false && "genValue is only asked for forms that yield a value");
  return integer;
}

/// Success always fits; `!err` only where a policy can refuse; `=> V` only
/// where the operation yields a value of V's kind.
rc::Gen<Expectation> genExpectation(const Form& form) {
  std::vector<Expectation::Kind> kinds{Expectation::Kind::kSuccess};
  if (form.refusable) kinds.push_back(Expectation::Kind::kRefused);
  if (form.yields != Yields::kNothing) kinds.push_back(Expectation::Kind::kValue);
  const Yields yields = form.yields;
  return rc::gen::mapcat(rc::gen::elementOf(kinds), [yields](Expectation::Kind kind) -> rc::Gen<Expectation> {
    if (kind != Expectation::Kind::kValue) return rc::gen::just(Expectation{kind, Value{}});
    return rc::gen::map(genValue(yields), [](Value value) { return Expectation{Expectation::Kind::kValue, value}; });
  });
}

/// Printable ASCII on one line; may hold `#` or `!err`, which a comment hides.
rc::Gen<std::string> genComment() {
  return rc::gen::oneOf(rc::gen::just(std::string()),
                        rc::gen::container<std::string>(rc::gen::inRange<char>(' ', '~' + 1)));
}

std::vector<OpKind> allOpKinds() {
  std::vector<OpKind> kinds;
  for (const Form& form : kForms) kinds.push_back(form.kind);
  return kinds;
}

/// Distinct names from `known`, in the order first drawn.
rc::Gen<std::vector<std::string>> genPolicyList(const std::vector<std::string>& known) {
  if (known.empty()) return rc::gen::just(std::vector<std::string>());
  return rc::gen::map(rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(known)),
                      [](const std::vector<std::string>& drawn) {
                        std::vector<std::string> names;
                        for (const std::string& name : drawn) {
                          if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
                        }
                        return names;
                      });
}

}  // namespace

rc::Gen<std::string> genName() {
  return rc::gen::suchThat(rc::gen::oneOf(rc::gen::elementOf(commonNames()), genFreshName()),
                           [](const std::string& name) { return !isKeyword(name); });
}

rc::Gen<std::int64_t> genKey() {
  return rc::gen::oneOf(rc::gen::inRange<std::int64_t>(0, 16), rc::gen::just<std::int64_t>(0),
                        rc::gen::just(kMaxKey), rc::gen::inRange<std::int64_t>(0, kMaxKey + 1));
}

rc::Gen<Op> genOpOf(OpKind kind) {
  const Form& form = formOf(kind);
  const auto source = form.operands == Operands::kBinding ? genName() : rc::gen::just(std::string());
  const auto key = form.operands == Operands::kNameKey ? genKey() : rc::gen::just<std::int64_t>(0);
  const auto op = rc::gen::apply(
      [kind](std::string name, std::string source, std::int64_t key, Expectation expect) {
        Op made;
        made.kind = kind;
        made.name = std::move(name);
        made.source = std::move(source);
        made.key = key;
        made.expect = expect;
        return made;
      },
      genName(), source, key, genExpectation(form));
  // `ref q = q` is a sequence error (the parser rejects it), not a valid line.
  return rc::gen::suchThat(op, [](const Op& made) { return made.name != made.source; });
}

rc::Gen<Op> genOp() {
  return rc::gen::apply(
      [](Op op, std::string comment) {
        op.comment = std::move(comment);
        return op;
      },
      rc::gen::mapcat(rc::gen::elementOf(allOpKinds()), genOpOf), genComment());
}

rc::Gen<Sequence> genSyntacticSequence(std::span<const std::string_view> knownPolicies) {
  // Copied: the generator outlives the caller's span.
  const std::vector<std::string> known(knownPolicies.begin(), knownPolicies.end());
  return rc::gen::apply(
      [](std::vector<std::string> policies, std::vector<std::string> unsafePolicies, std::vector<Op> ops) {
        return Sequence{std::move(policies), std::move(unsafePolicies), std::move(ops)};
      },
      genPolicyList(known), genPolicyList(known), rc::gen::container<std::vector<Op>>(genOp()));
}

}  // namespace sbcheck::cellseq
