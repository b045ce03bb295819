// Decoding recipes into well-formed sequences, and their statistics.
#include "harness/cellseq/generate.hpp"

#include <bit>
#include <sstream>

#include "harness/cellseq/abstract_cell.hpp"
#include "harness/cellseq/forms.hpp"

namespace sbcheck::cellseq {
namespace {

/// A realistic mix: mostly short-lived borrows (the methods), iterators
/// advanced often and dropped rarely, guards held now and then.
constexpr std::array<int, 15> kWeights = {
    /*new*/ 2, /*ref*/ 1, /*del*/ 1, /*add*/ 4, /*discard*/ 2, /*len*/ 3, /*contains*/ 2, /*borrow*/ 1,
    /*borrow_mut*/ 1, /*read*/ 2, /*write*/ 1, /*release*/ 3, /*iter*/ 2, /*next*/ 5, /*drop*/ 1};

using Kind = AbstractCell::NameKind;

/// The decoder's view of the current state.
class Decoder {
 public:
  Decoder(std::string_view policy, const Universe& universe) : cell_(policy), universe_(universe) {}

  /// The op `choice` stands for, or nothing if no enabled kind applies.
  std::optional<Op> opFor(const Choice& choice, std::uint16_t swarm) {
    names_ = cell_.names();
    std::array<bool, 15> applicable{};
    int total = 0;
    for (std::size_t k = 0; k < applicable.size(); ++k) {
      const auto kind = static_cast<OpKind>(k);
      applicable[k] = (kind == OpKind::kNew || ((swarm >> k) & 1u) != 0) && applies(kind);
      if (applicable[k]) total += kWeights[k];
    }
    if (total == 0) return std::nullopt;
    int pick = choice.kind % total;
    std::size_t k = 0;
    while (!applicable[k] || pick >= kWeights[k]) pick -= applicable[k] ? kWeights[k++] : (k++, 0);
    return build(static_cast<OpKind>(k), choice);
  }

  std::variant<Outcome, SequenceError> apply(const Op& op) { return cell_.apply(op); }

 private:
  std::vector<std::string> namesOf(std::initializer_list<Kind> kinds) const {
    std::vector<std::string> out;
    for (const auto& name : names_) {
      if (std::find(kinds.begin(), kinds.end(), name.kind) != kinds.end()) out.push_back(name.name);
    }
    return out;
  }
  int count(std::initializer_list<Kind> kinds) const { return static_cast<int>(namesOf(kinds).size()); }

  bool roomForAnotherName() const {
    for (const std::string& name : namesOf({Kind::kObject})) {
      int names = 0;
      for (const std::string& other : namesOf({Kind::kObject})) names += cell_.objectOf(other) == cell_.objectOf(name);
      if (names < universe_.maxNamesPerObject) return true;
    }
    return false;
  }

  bool applies(OpKind kind) const {
    const bool objects = count({Kind::kObject}) > 0;
    const int guards = count({Kind::kSharedGuard, Kind::kMutableGuard});
    switch (kind) {
      case OpKind::kNew: return static_cast<int>(cell_.liveObjects().size()) < universe_.maxObjects;
      case OpKind::kRef: return roomForAnotherName();
      case OpKind::kDel:
      case OpKind::kAdd:
      case OpKind::kDiscard:
      case OpKind::kLen:
      case OpKind::kContains: return objects;
      case OpKind::kBorrow:
      case OpKind::kBorrowMut: return objects && guards < universe_.maxGuards;
      case OpKind::kIter: return objects && count({Kind::kIterator}) < universe_.maxIterators;
      case OpKind::kRead:
      case OpKind::kRelease: return guards > 0;
      case OpKind::kWrite: return count({Kind::kMutableGuard}) > 0;
      case OpKind::kNext:
      case OpKind::kDrop: return count({Kind::kIterator}) > 0;
    }
    return false;
  }

  Op build(OpKind kind, const Choice& choice) {
    Op op;
    op.kind = kind;
    auto pickFrom = [&](std::vector<std::string> names) { return names[choice.pick % names.size()]; };
    switch (formOf(kind).operands) {
      case Operands::kBinding:
        op.source = pickFrom(namesOf({Kind::kObject}));
        op.name = freshName(kind);
        break;
      case Operands::kNameKey: op.key = choice.key % universe_.keys; [[fallthrough]];
      case Operands::kName:
        if (kind == OpKind::kNew) {
          op.name = freshName(kind);
        } else if (kind == OpKind::kRead || kind == OpKind::kRelease) {
          op.name = pickFrom(namesOf({Kind::kSharedGuard, Kind::kMutableGuard}));
        } else if (kind == OpKind::kWrite) {
          op.name = pickFrom(namesOf({Kind::kMutableGuard}));
        } else if (kind == OpKind::kNext || kind == OpKind::kDrop) {
          op.name = pickFrom(namesOf({Kind::kIterator}));
        } else {
          op.name = pickFrom(namesOf({Kind::kObject}));
        }
        break;
    }
    return op;
  }

  /// Names are never reused, so a sequence reads unambiguously.
  std::string freshName(OpKind kind) {
    switch (kind) {
      case OpKind::kIter: return "it" + std::to_string(iterators_++);
      case OpKind::kBorrow:
      case OpKind::kBorrowMut: return "g" + std::to_string(guards_++);
      default: return "s" + std::to_string(objects_++);
    }
  }

  AbstractCell cell_;
  Universe universe_;
  std::vector<AbstractCell::Name> names_;
  int objects_ = 0, guards_ = 0, iterators_ = 0;
};

}  // namespace

rc::Gen<Recipe> genRecipe() {
  const auto choice = rc::gen::build<Choice>(rc::gen::set(&Choice::kind), rc::gen::set(&Choice::pick),
                                             rc::gen::set(&Choice::key));
  return rc::gen::build<Recipe>(rc::gen::set(&Recipe::swarm),
                                rc::gen::set(&Recipe::choices, rc::gen::container<std::vector<Choice>>(choice)));
}

Sequence decode(const Recipe& recipe, std::string_view policy, const Universe& universe,
                std::vector<Outcome>* outcomes) {
  Sequence sequence;
  Decoder decoder(policy, universe);
  for (const Choice& choice : recipe.choices) {
    std::optional<Op> op = decoder.opFor(choice, recipe.swarm);
    if (!op) continue;
    op->line = static_cast<int>(sequence.ops.size()) + 1;
    auto applied = decoder.apply(*op);
    assert(std::holds_alternative<Outcome>(applied) && "the decoder only uses valid names");
    const Outcome outcome = std::get<Outcome>(applied);
    sequence.ops.push_back(std::move(*op));
    if (outcomes != nullptr) outcomes->push_back(outcome);
    if (outcome.kind == Outcome::Kind::kUndefined) break;
  }
  return sequence;
}

void GenStats::add(std::uint16_t swarm, const Sequence& sequence, const std::vector<Outcome>& outcomes) {
  ++sequences;
  ops += static_cast<long>(sequence.ops.size());
  for (std::size_t i = 0; i < sequence.ops.size(); ++i) {
    const auto k = static_cast<std::size_t>(sequence.ops[i].kind);
    (outcomes[i].kind == Outcome::Kind::kRefused ? refused : succeeded)[k] += 1;
  }
  lengths[static_cast<int>(sequence.ops.size()) / 10 * 10] += 1;
  swarmSizes[std::popcount(static_cast<unsigned>(swarm | 1u))] += 1;
}

std::string GenStats::render() const {
  std::ostringstream out;
  out << "generated " << sequences << " sequences, " << ops << " operations\n";
  out << "  operation    succeeded   refused   share\n";
  for (std::size_t k = 0; k < kForms.size(); ++k) {
    const long all = succeeded[k] + refused[k];
    char line[96];
    std::snprintf(line, sizeof line, "  %-11s %10ld %9ld %6.1f%%\n", std::string(kForms[k].keyword).c_str(),
                  succeeded[k], refused[k], ops > 0 ? 100.0 * static_cast<double>(all) / static_cast<double>(ops) : 0.0);
    out << line;
  }
  out << "  lengths:";
  for (const auto& [bucket, n] : lengths) out << ' ' << bucket << "-" << bucket + 9 << ":" << n;
  out << "\n  kinds enabled per sequence (swarm):";
  for (const auto& [size, n] : swarmSizes) out << ' ' << size << ":" << n;
  out << '\n';
  return out.str();
}

}  // namespace sbcheck::cellseq
