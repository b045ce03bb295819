// A borrow trace (`.sbt`, ../shared/spec/sbt-format.md) as values: one Event
// per line that does something, with the line it came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/sb/range_map.hpp"

namespace sbcheck::sbt {

using sb::ByteRange;

/// A pointer operand: a name, and optionally `[A..B]` allocation offsets.
struct Operand {
  std::string name;
  std::optional<ByteRange> range;

  friend bool operator==(const Operand&, const Operand&) = default;
};

enum class EventKind : std::uint8_t { kAlloc, kLet, kCall, kReturn, kRead, kWrite, kDealloc };

/// The right-hand side of a `let`.
enum class LetKind : std::uint8_t {
  kMutRef,    ///< `&mut X` (with `twophase`: two-phase)
  kSharedRef, ///< `&X`, `&cell X`
  kRawMut,    ///< `*mut X`
  kRawConst,  ///< `*const X`, `*const cell X`
  kCopy,      ///< `X`
};

struct Event {
  int line = 0;  ///< 1-based line in the file; not part of equality
  EventKind kind = EventKind::kAlloc;
  std::string name;          ///< the bound name, for `alloc` and `let`
  std::uint64_t size = 0;    ///< `alloc X N`
  bool untagged = false;     ///< `alloc X N untagged`
  LetKind let = LetKind::kCopy;
  Operand operand;           ///< source of a `let`; target of read/write/dealloc
  bool twoPhase = false;     ///< `&mut X twophase`
  bool allCell = false;      ///< `&cell X`, `*const cell X`, `twophase cell`
  std::vector<ByteRange> cellRanges;  ///< `cell[A..B]`..., ascending, disjoint
  bool protect = false;
  bool expectUb = false;     ///< `!ub`
  std::string comment;       ///< printed after `#`; not part of equality

  friend bool operator==(const Event& a, const Event& b) {
    return a.kind == b.kind && a.name == b.name && a.size == b.size && a.untagged == b.untagged &&
           a.let == b.let && a.operand == b.operand && a.twoPhase == b.twoPhase &&
           a.allCell == b.allCell && a.cellRanges == b.cellRanges && a.protect == b.protect &&
           a.expectUb == b.expectUb;
  }
};

struct Trace {
  /// `#! models:` names in order, duplicates removed; empty when absent.
  std::vector<std::string> models;
  std::vector<Event> events;
};

}  // namespace sbcheck::sbt
