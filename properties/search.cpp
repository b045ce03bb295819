// Random search and shrinking for cell properties.
#include "properties/search.hpp"

#include <map>

#include "harness/cellseq/abstract_cell.hpp"

namespace sbcheck::properties {
namespace {

using cellseq::Sequence;

std::optional<Violation> failure(const Sequence& sequence, const SearchOptions& options,
                                 const CellProperty* only = nullptr) {
  if (only != nullptr) {
    const CellProperty* one[] = {only};
    return checkSequence(sequence, options.policy, options.model, one);
  }
  return checkSequence(sequence, options.policy, options.model, options.properties);
}

/// Well-formed under the policy: the spec binds every name before its use.
bool wellFormed(const Sequence& sequence, std::string_view policy) {
  cellseq::AbstractCell spec(policy);
  for (const cellseq::Op& op : sequence.ops) {
    if (!std::holds_alternative<cellseq::Outcome>(spec.apply(op))) return false;
  }
  return true;
}

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
    cellseq::Op& op = sequence.ops[i];
    rename(op.source, 0);
    rename(op.name, familyOf(op.name));
    op.line = static_cast<int>(i) + 1;
  }
  return sequence;
}

constexpr std::size_t kSmallChunk = 4;

bool bindsObjectName(cellseq::OpKind kind) { return kind == cellseq::OpKind::kNew || kind == cellseq::OpKind::kRef; }

/// Ops whose own name (not a source) is an object name.
bool usesObjectName(cellseq::OpKind kind) {
  using cellseq::OpKind;
  return kind == OpKind::kDel || kind == OpKind::kAdd || kind == OpKind::kDiscard || kind == OpKind::kLen ||
         kind == OpKind::kContains;
}

/// One pass of simplifications; true if one was kept.
bool simplifyOnce(Sequence& sequence, const Violation& violation, const SearchOptions& options, int& steps) {
  auto keep = [&](const Sequence& candidate) {
    if (!wellFormed(candidate, options.policy)) return false;
    const std::optional<Violation> again = failure(candidate, options, violation.property);
    if (!again) return false;
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
      const cellseq::Op& earlier = sequence.ops[j];
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

Counterexample shrink(Sequence sequence, const Violation& violation, const SearchOptions& options) {
  Counterexample result;
  result.originalLength = sequence.ops.size();
  sequence.ops.resize(violation.opIndex + 1);  // nothing after the failing op matters
  while (simplifyOnce(sequence, violation, options, result.shrinkSteps)) {
  }
  result.sequence = canonical(std::move(sequence));
  result.violation = *failure(result.sequence, options, violation.property);
  return result;
}

bool failsDeterministically(const Sequence& sequence, const Violation& violation, const SearchOptions& options,
                            int times) {
  for (int i = 0; i < times; ++i) {
    const std::optional<Violation> again = failure(sequence, options, violation.property);
    if (!again || again->opIndex != violation.opIndex || again->reason != violation.reason) return false;
  }
  return true;
}

SearchResult search(const SearchOptions& options) {
  SearchResult result;
  rc::Random random(options.seed);
  const rc::Gen<cellseq::Recipe> gen = cellseq::genRecipe();
  for (int run = 0; run < options.runs; ++run) {
    const int size = options.maxSize == 0 ? 0 : run % (options.maxSize + 1);
    const rc::Shrinkable<cellseq::Recipe> recipe = gen(random.split(), size);
    std::vector<cellseq::Outcome> outcomes;
    const Sequence sequence = cellseq::decode(recipe.value(), options.policy, options.universe, &outcomes);
    if (options.stats != nullptr) options.stats->add(recipe.value().swarm, sequence, outcomes);
    result.runs = run + 1;
    if (const std::optional<Violation> violation = failure(sequence, options)) {
      result.counterexample = shrink(sequence, *violation, options);
      result.counterexample->foundAtRun = run + 1;
      return result;
    }
  }
  return result;
}

}  // namespace sbcheck::properties
