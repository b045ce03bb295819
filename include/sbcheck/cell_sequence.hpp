// The `.cell` language as values (docs/cell.md): what a Python program does
// to cell-backed objects, one Op per line with the outcome it expects, what
// running an op came to (Outcome), a misuse of names (SequenceError), and what
// a cell holds per object (CellFacts) for the properties to judge.
#pragma once

#include <cstdint>
#include <optional>
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

/// A sequence error: reported as `FILE:LINE: message`, exit status 2.
struct SequenceError {
  int line = 0;
  std::string message;  ///< lowercase, no final period
};

/// What an operation did, as Python would see it.
struct Outcome {
  enum class Kind : std::uint8_t { kSuccess, kRefused, kUndefined };
  Kind kind = Kind::kSuccess;
  std::optional<Value> value;  ///< for kSuccess of a value-yielding op
  std::string refusal;         ///< "AlreadyBorrowed" / "RuntimeError"
};

/// What the real cell holds for one object, read from its guards and iterators.
struct ObjectFacts {
  std::uint32_t object = 0;  ///< the object's probe base pointer
  int sharedGuards = 0;
  int mutableGuards = 0;
  int liveLeaks = 0;         ///< iterators whose leak is not given back
  bool freed = false;
};

struct CellFacts {
  std::vector<ObjectFacts> objects;  ///< sorted by object
  const ObjectFacts* find(std::uint32_t object) const;
};

}  // namespace sbcheck::cellseq
