// Shrinking cell sequences: removals (ddmin chunks, a binder with every use of
// its name, an alias inlined, two objects merged into one) and value steps (an older name of the
// same kind, lower keys, `discard` to `add`), then a check that no single step
// still fails.
#include "harness/cellseq/shrink.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "harness/cellseq/abstract_cell.hpp"

namespace sbcheck::cellseq {
namespace {

constexpr std::size_t kSmallChunk = 4;

/// A bound on kept simplifications, so shrinking always ends quickly.
constexpr int kMaxSteps = 5000;

/// What a name names: an object (`new`, `ref`), a guard (`borrow`,
/// `borrow_mut`) or an iterator (`iter`).
enum class Family : std::uint8_t { kObject, kGuard, kIterator };

/// The family of the name `op` binds, if it binds one.
std::optional<Family> boundFamily(OpKind kind) {
  switch (kind) {
    case OpKind::kNew:
    case OpKind::kRef: return Family::kObject;
    case OpKind::kBorrow:
    case OpKind::kBorrowMut: return Family::kGuard;
    case OpKind::kIter: return Family::kIterator;
    case OpKind::kDel:
    case OpKind::kAdd:
    case OpKind::kDiscard:
    case OpKind::kLen:
    case OpKind::kContains:
    case OpKind::kRead:
    case OpKind::kWrite:
    case OpKind::kRelease:
    case OpKind::kNext:
    case OpKind::kDrop: return std::nullopt;
  }
  return std::nullopt;
}

/// The family of the name `op` uses: an object for the object operations and
/// the right of every `=`, a guard for read/write/release, an iterator for
/// next/drop.
Family usedFamily(OpKind kind) {
  switch (kind) {
    case OpKind::kRead:
    case OpKind::kWrite:
    case OpKind::kRelease: return Family::kGuard;
    case OpKind::kNext:
    case OpKind::kDrop: return Family::kIterator;
    case OpKind::kNew:
    case OpKind::kRef:
    case OpKind::kDel:
    case OpKind::kAdd:
    case OpKind::kDiscard:
    case OpKind::kLen:
    case OpKind::kContains:
    case OpKind::kBorrow:
    case OpKind::kBorrowMut:
    case OpKind::kIter: return Family::kObject;
  }
  return Family::kObject;
}

/// The field holding the name an op uses: the source of a binding, else its
/// name; none for `new`.
std::string Op::*usedField(OpKind kind) {
  if (kind == OpKind::kNew) return nullptr;
  return boundFamily(kind) ? &Op::source : &Op::name;
}

std::string* usedName(Op& op) {
  std::string Op::*field = usedField(op.kind);
  return field != nullptr ? &(op.*field) : nullptr;
}
const std::string* usedName(const Op& op) {
  std::string Op::*field = usedField(op.kind);
  return field != nullptr ? &(op.*field) : nullptr;
}

/// Renames names to s0, g0, it0... (by what they name, not how they are
/// spelled) in order of first appearance and numbers lines.
Sequence canonical(Sequence sequence) {
  std::map<std::string, std::string> renamed;
  int counts[3] = {0, 0, 0};
  auto rename = [&](std::string& name, Family family) {
    static constexpr std::string_view kPrefixes[] = {"s", "g", "it"};
    const auto index = static_cast<std::size_t>(family);
    auto [it, fresh] = renamed.try_emplace(name);
    if (fresh) it->second = std::string(kPrefixes[index]) + std::to_string(counts[index]++);
    name = it->second;
  };
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    Op& op = sequence.ops[i];
    if (std::string* used = usedName(op)) rename(*used, usedFamily(op.kind));
    if (const std::optional<Family> family = boundFamily(op.kind)) rename(op.name, *family);
    op.line = static_cast<int>(i) + 1;
  }
  return sequence;
}

bool bindsName(const Op& op, const std::string& name) { return boundFamily(op.kind) && op.name == name; }

/// Where the name `ops[i]` uses was bound (the last binding before `i`), or `i`.
std::size_t bindingOf(const Sequence& sequence, std::size_t i) {
  const std::string* used = usedName(sequence.ops[i]);
  for (std::size_t j = i; used != nullptr && j-- > 0;) {
    if (bindsName(sequence.ops[j], *used)) return j;
  }
  return i;
}

/// Drops the binder at `i` with every later use of its name and, transitively,
/// of every name bound from it (`new s` takes `ref t = s`, `iter it = t`,
/// `next it`... with it), up to where a name is bound again.
Sequence withoutBinder(const Sequence& sequence, std::size_t i) {
  Sequence candidate;
  candidate.policies = sequence.policies;
  candidate.unsafePolicies = sequence.unsafePolicies;
  std::set<std::string> gone = {sequence.ops[i].name};
  for (std::size_t j = 0; j < sequence.ops.size(); ++j) {
    const Op& op = sequence.ops[j];
    if (j == i) continue;
    if (j < i) {
      candidate.ops.push_back(op);
      continue;
    }
    const std::string* used = usedName(op);
    if (used != nullptr && gone.contains(*used)) {
      if (boundFamily(op.kind)) gone.insert(op.name);
      continue;
    }
    if (boundFamily(op.kind)) gone.erase(op.name);  // bound again: later uses are the new binding's
    candidate.ops.push_back(op);
  }
  return candidate;
}

/// Points every use of the object `new`ed at `b`, after it, at the one `new`ed
/// at `a` instead, and drops `b`'s `new`: two objects become one.
Sequence merged(const Sequence& sequence, std::size_t a, std::size_t b) {
  Sequence candidate = sequence;
  const std::string& into = sequence.ops[a].name;
  const std::string& from = sequence.ops[b].name;
  candidate.ops.erase(candidate.ops.begin() + static_cast<std::ptrdiff_t>(b));
  for (std::size_t j = b; j < candidate.ops.size(); ++j) {
    Op& op = candidate.ops[j];
    if (std::string* used = usedName(op); used != nullptr && *used == from) *used = into;
    if (bindsName(op, from)) break;
  }
  return candidate;
}

/// Drops the alias `ref Q = P` at `i` and points Q's later uses at P: one
/// name where there were two. With `dropDel`, also the first `del` of either
/// name after it, so the object's references still balance (`ref t = s; del s;
/// iter it = t; del t` -> `iter it = s; del s`).
Sequence inlinedAlias(const Sequence& sequence, std::size_t i, bool dropDel) {
  Sequence candidate = sequence;
  const std::string& alias = sequence.ops[i].name;
  const std::string& aliased = sequence.ops[i].source;
  candidate.ops.erase(candidate.ops.begin() + static_cast<std::ptrdiff_t>(i));
  for (std::size_t j = i; j < candidate.ops.size(); ++j) {
    Op& op = candidate.ops[j];
    if (std::string* used = usedName(op); used != nullptr && *used == alias) *used = aliased;
    if (bindsName(op, alias)) break;
  }
  for (std::size_t j = i; dropDel && j < candidate.ops.size(); ++j) {
    if (candidate.ops[j].kind == OpKind::kDel && candidate.ops[j].name == aliased) {
      candidate.ops.erase(candidate.ops.begin() + static_cast<std::ptrdiff_t>(j));
      break;
    }
  }
  return candidate;
}

/// Smaller keys to try, smallest first: 0, then steps back from `key`
/// halving each time, so a large key shrinks in logarithmically many steps.
std::vector<std::int64_t> lowerKeys(std::int64_t key) {
  std::vector<std::int64_t> keys;
  if (key <= 0) return keys;
  keys.push_back(0);
  for (std::int64_t delta = key / 2; delta >= 1; delta /= 2) {
    if (key - delta != keys.back()) keys.push_back(key - delta);
  }
  return keys;
}

enum class StepKind : std::uint8_t { kRemoval, kValue };

struct Candidate {
  Sequence sequence;
  StepKind kind;
};

/// Every one-step simplification of `sequence`: each single op dropped, each
/// binder dropped with its uses, each alias inlined (with and without one
/// `del`), each later object merged into an earlier one,
/// each used name replaced by one of its family bound before it, each key
/// lowered, each `discard` made an `add`. Every step is strictly simpler
/// (fewer ops; or as many, with earlier-bound names, lower keys, fewer
/// `discard`s), so shrinking ends.
std::vector<Candidate> singleSteps(const Sequence& sequence) {
  std::vector<Candidate> steps;
  const std::vector<Op>& ops = sequence.ops;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    Sequence candidate = sequence;
    candidate.ops.erase(candidate.ops.begin() + static_cast<std::ptrdiff_t>(i));
    steps.push_back({std::move(candidate), StepKind::kRemoval});
  }
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (boundFamily(ops[i].kind)) steps.push_back({withoutBinder(sequence, i), StepKind::kRemoval});
  }
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].kind != OpKind::kRef) continue;
    steps.push_back({inlinedAlias(sequence, i, /*dropDel=*/true), StepKind::kRemoval});
    steps.push_back({inlinedAlias(sequence, i, /*dropDel=*/false), StepKind::kRemoval});
  }
  for (std::size_t b = 0; b < ops.size(); ++b) {
    for (std::size_t a = 0; a < b && ops[b].kind == OpKind::kNew; ++a) {
      if (ops[a].kind == OpKind::kNew) steps.push_back({merged(sequence, a, b), StepKind::kRemoval});
    }
  }
  // `ref t = s`, then `add t 1` -> `add s 1`, so the alias's `ref` can go.
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const std::string* used = usedName(ops[i]);
    if (used == nullptr) continue;
    const std::size_t boundAt = bindingOf(sequence, i);
    for (std::size_t j = 0; j < boundAt; ++j) {
      if (boundFamily(ops[j].kind) != usedFamily(ops[i].kind) || ops[j].name == *used) continue;
      Sequence candidate = sequence;
      *usedName(candidate.ops[i]) = ops[j].name;
      steps.push_back({std::move(candidate), StepKind::kValue});
    }
  }
  for (std::size_t i = 0; i < ops.size(); ++i) {
    for (const std::int64_t key : lowerKeys(ops[i].key)) {
      Sequence candidate = sequence;
      candidate.ops[i].key = key;
      steps.push_back({std::move(candidate), StepKind::kValue});
    }
    if (ops[i].kind == OpKind::kDiscard) {
      Sequence candidate = sequence;
      candidate.ops[i].kind = OpKind::kAdd;
      steps.push_back({std::move(candidate), StepKind::kValue});
    }
  }
  return steps;
}

/// One pass of simplifications; true if one was kept.
bool simplifyOnce(Sequence& sequence, const std::function<bool(const Sequence&)>& stillFails, ShrinkStats& stats) {
  auto keep = [&](Sequence candidate, StepKind kind) {
    if (candidate.ops == sequence.ops || !stillFails(candidate)) return false;
    sequence = std::move(candidate);
    ++(kind == StepKind::kRemoval ? stats.removals : stats.valueSteps);
    return true;
  };
  // Delete chunks of operations, halves first, down to pairs (ddmin): most of
  // a long failing sequence goes in a few big steps. Small chunks are tried at
  // every position, so a borrow and its release go together.
  bool changed = false;
  for (std::size_t chunk = sequence.ops.size() / 2; chunk >= 2; chunk /= 2) {
    const std::size_t stride = chunk <= kSmallChunk ? 1 : chunk;
    for (std::size_t start = 0; start + chunk <= sequence.ops.size();) {
      Sequence candidate = sequence;
      const auto first = candidate.ops.begin() + static_cast<std::ptrdiff_t>(start);
      candidate.ops.erase(first, first + static_cast<std::ptrdiff_t>(chunk));
      if (keep(std::move(candidate), StepKind::kRemoval)) {
        changed = true;
      } else {
        start += stride;
      }
    }
  }
  if (changed) return true;
  for (Candidate& candidate : singleSteps(sequence)) {
    if (keep(std::move(candidate.sequence), candidate.kind)) return true;
  }
  return false;
}

}  // namespace

bool locallyMinimal(const Sequence& sequence, const std::function<bool(const Sequence&)>& stillFails) {
  for (const Candidate& candidate : singleSteps(sequence)) {
    if (candidate.sequence.ops != sequence.ops && stillFails(candidate.sequence)) return false;
  }
  return true;
}

Sequence shrinkWhile(Sequence sequence, const std::function<bool(const Sequence&)>& stillFails, ShrinkStats* stats) {
  ShrinkStats kept;
  while (kept.steps() < kMaxSteps && simplifyOnce(sequence, stillFails, kept)) {
  }
  sequence = canonical(std::move(sequence));
  kept.locallyMinimal = kept.steps() < kMaxSteps && locallyMinimal(sequence, stillFails);
  if (stats != nullptr) *stats = kept;
  return sequence;
}

bool wellFormedUnder(const Sequence& sequence, std::string_view policy) {
  AbstractCell spec(policy);
  for (const Op& op : sequence.ops) {
    if (!std::holds_alternative<Outcome>(spec.apply(op))) return false;
  }
  return true;
}

}  // namespace sbcheck::cellseq
