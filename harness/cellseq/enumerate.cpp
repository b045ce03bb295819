// Exhaustive depth-first enumeration of well-formed cell sequences.
#include "harness/cellseq/enumerate.hpp"

#include <cassert>
#include <map>
#include <string>
#include <utility>

#include "harness/cellseq/abstract_cell.hpp"
#include "harness/cellseq/forms.hpp"

namespace sbcheck::cellseq {
namespace {

using Kind = AbstractCell::NameKind;

/// What a prefix leaves behind: the abstract state and the next fresh names.
struct Node {
  AbstractCell cell;
  FreshNames fresh;
};

/// The bound names of a state, by kind.
struct Names {
  std::vector<std::string> objects;  ///< object names
  std::vector<std::string> guards;   ///< shared and mutable, sorted
  std::vector<std::string> mutableGuards;
  std::vector<std::string> iterators;
};

Names namesOf(const AbstractCell& cell) {
  Names out;
  for (const AbstractCell::Name& name : cell.names()) {  // sorted by name
    switch (name.kind) {
      case Kind::kObject: out.objects.push_back(name.name); break;
      case Kind::kMutableGuard: out.mutableGuards.push_back(name.name); [[fallthrough]];
      case Kind::kSharedGuard: out.guards.push_back(name.name); break;
      case Kind::kIterator: out.iterators.push_back(name.name); break;
    }
  }
  return out;
}

/// How many object names share `name`'s object.
int namesOfObject(const AbstractCell& cell, const Names& names, const std::string& name) {
  const int object = cell.objectOf(name);
  int count = 0;
  for (const std::string& other : names.objects) count += cell.objectOf(other) == object ? 1 : 0;
  return count;
}

void addCandidates(OpKind kind, const AbstractCell& cell, const FreshNames& fresh, const Names& names,
                   const Universe& universe, std::vector<Op>& ops) {
  const std::string object = "s" + std::to_string(fresh.objects);
  const std::string guard = "g" + std::to_string(fresh.guards);
  const std::string iterator = "it" + std::to_string(fresh.iterators);
  const bool roomForGuard = static_cast<int>(names.guards.size()) < universe.maxGuards;
  const bool roomForIterator = static_cast<int>(names.iterators.size()) < universe.maxIterators;
  switch (kind) {
    case OpKind::kNew:
      if (static_cast<int>(cell.liveObjectCount()) < universe.maxObjects) ops.push_back(makeOp(kind, object));
      break;
    case OpKind::kRef:
      for (const std::string& p : names.objects) {
        if (namesOfObject(cell, names, p) < universe.maxNamesPerObject) ops.push_back(makeOp(kind, object, p));
      }
      break;
    case OpKind::kDel:
    case OpKind::kLen:
      for (const std::string& p : names.objects) ops.push_back(makeOp(kind, p));
      break;
    case OpKind::kAdd:
    case OpKind::kDiscard:
    case OpKind::kContains:
      for (const std::string& p : names.objects) {
        for (std::uint32_t key = 0; key < universe.keys; ++key) ops.push_back(makeOp(kind, p, {}, key));
      }
      break;
    case OpKind::kBorrow:
    case OpKind::kBorrowMut:
      if (roomForGuard) {
        for (const std::string& p : names.objects) ops.push_back(makeOp(kind, guard, p));
      }
      break;
    case OpKind::kIter:
      if (roomForIterator) {
        for (const std::string& p : names.objects) ops.push_back(makeOp(kind, iterator, p));
      }
      break;
    case OpKind::kRead:
    case OpKind::kRelease:
      for (const std::string& g : names.guards) ops.push_back(makeOp(kind, g));
      break;
    case OpKind::kWrite:
      for (const std::string& g : names.mutableGuards) ops.push_back(makeOp(kind, g));
      break;
    case OpKind::kNext:
    case OpKind::kDrop:
      for (const std::string& i : names.iterators) ops.push_back(makeOp(kind, i));
      break;
  }
}

class Enumerator {
 public:
  Enumerator(std::size_t maxLength, const Universe& universe, const std::function<bool(const Sequence&)>& visit)
      : maxLength_(maxLength), universe_(universe), visit_(visit) {}

  /// Visits every extension of the current sequence, whose state is `node`.
  void extend(const Node& node) {
    if (sequence_.ops.size() >= maxLength_) return;
    for (Op& op : candidateOps(node.cell, node.fresh, universe_)) {
      Node next = node;
      auto applied = next.cell.apply(op);
      assert(std::holds_alternative<Outcome>(applied) && "the enumerator only uses bound names of the right kind");
      const bool undefined = std::get<Outcome>(applied).kind == Outcome::Kind::kUndefined;
      next.fresh.advance(op.kind);
      op.line = static_cast<int>(sequence_.ops.size()) + 1;
      sequence_.ops.push_back(std::move(op));
      if (visit_(sequence_) && !undefined) extend(next);
      sequence_.ops.pop_back();
    }
  }

 private:
  std::size_t maxLength_;
  Universe universe_;
  const std::function<bool(const Sequence&)>& visit_;
  Sequence sequence_;
};

}  // namespace

void FreshNames::advance(OpKind kind) {
  switch (kind) {
    case OpKind::kNew:
    case OpKind::kRef: ++objects; break;
    case OpKind::kBorrow:
    case OpKind::kBorrowMut: ++guards; break;
    case OpKind::kIter: ++iterators; break;
    default: break;
  }
}

std::vector<Op> candidateOps(const AbstractCell& cell, const FreshNames& fresh, const Universe& universe) {
  const Names names = namesOf(cell);
  std::vector<Op> ops;
  for (const Form& form : kForms) addCandidates(form.kind, cell, fresh, names, universe, ops);
  return ops;
}

void enumerateSequences(std::string_view policy, std::size_t maxLength, const Universe& universe,
                        const std::function<bool(const Sequence&)>& visit) {
  Enumerator enumerator(maxLength, universe, visit);
  enumerator.extend(Node{AbstractCell(policy), {}});
}

std::vector<std::uint64_t> countSequencesByLength(std::string_view policy, std::size_t maxLength,
                                                  const Universe& universe) {
  std::vector<std::uint64_t> counts(maxLength + 1, 0);
  enumerateSequences(policy, maxLength, universe, [&](const Sequence& sequence) {
    ++counts[sequence.ops.size()];
    return true;
  });
  return counts;
}

std::uint64_t countSequences(std::string_view policy, std::size_t maxLength, const Universe& universe) {
  std::uint64_t total = 0;
  for (const std::uint64_t count : countSequencesByLength(policy, maxLength, universe)) total += count;
  return total;
}

}  // namespace sbcheck::cellseq
