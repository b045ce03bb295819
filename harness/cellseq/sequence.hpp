// A cell sequence (`.cell`, ../shared/spec/cell-format.md) as values: what a
// Python program does to cell-backed objects, one Op per line, with the
// outcome the line expects.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sbcheck::cellseq {

enum class OpKind : std::uint8_t {
  kNew,        ///< new P
  kRef,        ///< ref Q = P
  kDel,        ///< del P
  kAdd,        ///< add P K
  kDiscard,    ///< discard P K
  kLen,        ///< len P
  kContains,   ///< contains P K
  kBorrow,     ///< borrow G = P
  kBorrowMut,  ///< borrow_mut G = P
  kRead,       ///< read G
  kWrite,      ///< write G
  kRelease,    ///< release G
  kIter,       ///< iter I = P
  kNext,       ///< next I
  kDrop,       ///< drop I
};

/// A value an operation yields: an integer (`len`, `read`, `next`), a boolean
/// (`contains`), or `stop` (an exhausted `next`).
struct Value {
  enum class Kind : std::uint8_t { kInt, kBool, kStop };
  Kind kind = Kind::kInt;
  std::int64_t number = 0;  ///< kInt
  bool flag = false;        ///< kBool

  friend bool operator==(const Value&, const Value&) = default;
};

/// What a line expects: success (no marker), `!err`, or `=> V`.
struct Expectation {
  enum class Kind : std::uint8_t { kSuccess, kRefused, kValue };
  Kind kind = Kind::kSuccess;
  Value value;  ///< kValue

  friend bool operator==(const Expectation&, const Expectation&) = default;
};

struct Op {
  int line = 0;  ///< 1-based line in the file; not part of equality
  OpKind kind = OpKind::kNew;
  /// The name the line binds (`new P`, `ref Q`, `borrow G`, `borrow_mut G`,
  /// `iter I`) or uses (`del P`, `add P K`, `read G`, `next I`, ...).
  std::string name;
  /// The object name on the right of `=` (`ref Q = P`, `borrow G = P`, `iter I = P`).
  std::string source;
  std::int64_t key = 0;  ///< `add`, `discard`, `contains`: 0 ≤ K ≤ 2^31 − 1
  Expectation expect;
  std::string comment;  ///< printed after `#`; not part of equality

  friend bool operator==(const Op& a, const Op& b) {
    return a.kind == b.kind && a.name == b.name && a.source == b.source && a.key == b.key && a.expect == b.expect;
  }
};

struct Sequence {
  /// `#! policies:` names (duplicates removed, in order); empty when absent.
  std::vector<std::string> policies;
  /// `#! unsafe:` names; empty when absent.
  std::vector<std::string> unsafePolicies;
  std::vector<Op> ops;
};

}  // namespace sbcheck::cellseq
