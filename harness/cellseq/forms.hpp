// The shape of each `.cell` operation line as one table: its keyword, its
// operands, the values it can yield and whether a policy can refuse it. Parse,
// print and the generators all read this table, so they cannot disagree.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "harness/cellseq/sequence.hpp"

namespace sbcheck::cellseq {

/// What follows the keyword.
enum class Operands : std::uint8_t {
  kName,     ///< `del P`, `len P`, `read G`, `next I`, ...
  kNameKey,  ///< `add P K`, `discard P K`, `contains P K`
  kBinding,  ///< `ref Q = P`, `borrow G = P`, `borrow_mut G = P`, `iter I = P`
};

/// What `=> V` may say (cell-format.md "Outcomes").
enum class Yields : std::uint8_t {
  kNothing,        ///< no `=> V` at all
  kInteger,        ///< `len`, `read`
  kBoolean,        ///< `contains`
  kIntegerOrStop,  ///< `next`
};

struct Form {
  OpKind kind;
  std::string_view keyword;
  Operands operands;
  Yields yields;
  /// False where no policy can refuse the operation, so `!err` could never
  /// hold: `new`, `ref` and `del` only create or drop Python references;
  /// `release` only drops a guard; `drop` "always succeeds"; and `read`/`write`
  /// through a held guard "succeed" by a rule every policy shares (a guard
  /// keeps its object alive and blocks every mutable borrow that could
  /// invalidate it).
  bool refusable;
};

/// Indexed by OpKind, in its order.
inline constexpr std::array<Form, 15> kForms = {{
    {OpKind::kNew, "new", Operands::kName, Yields::kNothing, false},
    {OpKind::kRef, "ref", Operands::kBinding, Yields::kNothing, false},
    {OpKind::kDel, "del", Operands::kName, Yields::kNothing, false},
    {OpKind::kAdd, "add", Operands::kNameKey, Yields::kNothing, true},
    {OpKind::kDiscard, "discard", Operands::kNameKey, Yields::kNothing, true},
    {OpKind::kLen, "len", Operands::kName, Yields::kInteger, true},
    {OpKind::kContains, "contains", Operands::kNameKey, Yields::kBoolean, true},
    {OpKind::kBorrow, "borrow", Operands::kBinding, Yields::kNothing, true},
    {OpKind::kBorrowMut, "borrow_mut", Operands::kBinding, Yields::kNothing, true},
    {OpKind::kRead, "read", Operands::kName, Yields::kInteger, false},
    {OpKind::kWrite, "write", Operands::kName, Yields::kNothing, false},
    {OpKind::kRelease, "release", Operands::kName, Yields::kNothing, false},
    {OpKind::kIter, "iter", Operands::kBinding, Yields::kNothing, true},
    {OpKind::kNext, "next", Operands::kName, Yields::kIntegerOrStop, true},
    {OpKind::kDrop, "drop", Operands::kName, Yields::kNothing, false},
}};

constexpr bool formsFollowOpKindOrder() {
  for (std::size_t i = 0; i < kForms.size(); ++i) {
    if (static_cast<std::size_t>(kForms[i].kind) != i) return false;
  }
  return true;
}
static_assert(formsFollowOpKindOrder(), "kForms must be indexed by OpKind");

constexpr const Form& formOf(OpKind kind) { return kForms[static_cast<std::size_t>(kind)]; }

/// The operation a keyword starts, if it is one.
constexpr std::optional<OpKind> opKindNamed(std::string_view keyword) {
  for (const Form& form : kForms) {
    if (form.keyword == keyword) return form.kind;
  }
  return std::nullopt;
}

/// The keywords are exactly the operation names; none can be a name.
constexpr bool isKeyword(std::string_view word) { return opKindNamed(word).has_value(); }

/// Whether `=> V` with a value of this kind can be what the operation yields.
constexpr bool fits(Yields yields, Value::Kind value) {
  switch (yields) {
    case Yields::kNothing: return false;
    case Yields::kInteger: return value == Value::Kind::kInt;
    case Yields::kBoolean: return value == Value::Kind::kBool;
    case Yields::kIntegerOrStop: return value == Value::Kind::kInt || value == Value::Kind::kStop;
  }
  return false;
}

}  // namespace sbcheck::cellseq
