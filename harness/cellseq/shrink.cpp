// Shrinking cell sequences.
#include "harness/cellseq/shrink.hpp"

#include <algorithm>
#include <map>

#include "harness/cellseq/abstract_cell.hpp"

namespace sbcheck::cellseq {
namespace {

/// Renames names to s0, g0, it0... in order of first appearance and numbers lines.
Sequence canonical(Sequence sequence) {
  std::map<std::string, std::string> renamed;
  int counts[3] = {0, 0, 0};
  auto rename = [&](std::string& name, int family) {
    if (name.empty()) return;
    auto [it, fresh] = renamed.try_emplace(name);
    if (fresh) it->second = (family == 0 ? "s" : family == 1 ? "g" : "it") + std::to_string(counts[family]++);
    name = it->second;
  };
  auto familyOf = [](const std::string& name) { return name.rfind("it", 0) == 0 ? 2 : name[0] == 'g' ? 1 : 0; };
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    Op& op = sequence.ops[i];
    rename(op.source, 0);
    rename(op.name, familyOf(op.name));
    op.line = static_cast<int>(i) + 1;
  }
  return sequence;
}

constexpr std::size_t kSmallChunk = 4;

bool bindsObjectName(OpKind kind) { return kind == OpKind::kNew || kind == OpKind::kRef; }

/// Ops whose own name (not a source) is an object name.
bool usesObjectName(OpKind kind) {
  return kind == OpKind::kDel || kind == OpKind::kAdd || kind == OpKind::kDiscard || kind == OpKind::kLen ||
         kind == OpKind::kContains;
}

/// One pass of simplifications; true if one was kept.
bool simplifyOnce(Sequence& sequence, const std::function<bool(const Sequence&)>& stillFails, int& steps) {
  auto keep = [&](const Sequence& candidate) {
    if (!stillFails(candidate)) return false;
    sequence = candidate;
    ++steps;
    return true;
  };
  // Delete chunks of operations, halves first, down to single ones (ddmin):
  // most of a long failing sequence goes in a few big steps. Small chunks are
  // tried at every position, so a borrow and its release go together.
  bool changed = false;
  for (std::size_t chunk = std::max<std::size_t>(sequence.ops.size() / 2, 1); chunk >= 1; chunk /= 2) {
    const std::size_t stride = chunk <= kSmallChunk ? 1 : chunk;
    for (std::size_t start = 0; start + chunk <= sequence.ops.size();) {
      Sequence candidate = sequence;
      const auto first = candidate.ops.begin() + static_cast<std::ptrdiff_t>(start);
      candidate.ops.erase(first, first + static_cast<std::ptrdiff_t>(chunk));
      if (keep(candidate)) {
        changed = true;
      } else {
        start += stride;
      }
    }
    if (chunk == 1) break;
  }
  if (changed) return true;
  // Use an older name for an object (`ref t = s`, then `add t 1` -> `add s 1`),
  // so the alias's `ref` can go on the next pass. Only names bound before the
  // one in use are tried, so this always moves towards the first name.
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    std::string& used = usesObjectName(sequence.ops[i].kind) ? sequence.ops[i].name : sequence.ops[i].source;
    if (used.empty()) continue;
    std::size_t boundAt = 0;
    while (boundAt < i && !(bindsObjectName(sequence.ops[boundAt].kind) && sequence.ops[boundAt].name == used)) ++boundAt;
    for (std::size_t j = 0; j < boundAt; ++j) {
      const Op& earlier = sequence.ops[j];
      if (!bindsObjectName(earlier.kind)) continue;
      Sequence candidate = sequence;
      (usesObjectName(candidate.ops[i].kind) ? candidate.ops[i].name : candidate.ops[i].source) = earlier.name;
      if (keep(candidate)) return true;
    }
  }
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    for (std::int64_t key = 0; key < sequence.ops[i].key; ++key) {
      Sequence candidate = sequence;
      candidate.ops[i].key = key;
      if (keep(candidate)) return true;
    }
  }
  return false;
}

}  // namespace

Sequence shrinkWhile(Sequence sequence, const std::function<bool(const Sequence&)>& stillFails, int* steps) {
  int kept = 0;
  while (simplifyOnce(sequence, stillFails, kept)) {
  }
  if (steps != nullptr) *steps = kept;
  return canonical(std::move(sequence));
}

bool wellFormedUnder(const Sequence& sequence, std::string_view policy) {
  AbstractCell spec(policy);
  for (const Op& op : sequence.ops) {
    if (!std::holds_alternative<Outcome>(spec.apply(op))) return false;
  }
  return true;
}

}  // namespace sbcheck::cellseq
