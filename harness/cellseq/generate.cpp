// Decoding recipes into well-formed sequences, and their statistics.
#include "harness/cellseq/generate.hpp"

#include <bit>
#include <cassert>
#include <sstream>

#include "harness/cellseq/abstract_cell.hpp"
#include "harness/cellseq/forms.hpp"

namespace sbcheck::cellseq {
namespace {

/// A realistic mix: mostly short-lived borrows (the methods), iterators
/// advanced often and dropped rarely, guards held now and then.
constexpr std::array<int, 15> kWeights = {
    /*new*/ 2, /*ref*/ 1, /*del*/ 2, /*add*/ 4, /*discard*/ 2, /*len*/ 3, /*contains*/ 2, /*borrow*/ 1,
    /*borrow_mut*/ 1, /*read*/ 2, /*write*/ 1, /*release*/ 3, /*iter*/ 2, /*next*/ 5, /*drop*/ 2};

using Kind = AbstractCell::NameKind;

/// Which kinds of name an operand may be, as a bit per NameKind.
using KindMask = unsigned;
constexpr KindMask maskOf(Kind kind) { return 1u << static_cast<unsigned>(kind); }
constexpr KindMask kObjects = maskOf(Kind::kObject);
constexpr KindMask kGuards = maskOf(Kind::kSharedGuard) | maskOf(Kind::kMutableGuard);
constexpr KindMask kMutableGuards = maskOf(Kind::kMutableGuard);
constexpr KindMask kIterators = maskOf(Kind::kIterator);

/// The decoder's view of the current state. It reads the abstract cell's
/// bound names once per choice, without copying them, and counts what the
/// operation kinds need from that one read.
class Decoder {
 public:
  Decoder(std::string_view policy, const Universe& universe) : cell_(policy), universe_(universe) {}

  /// The op `choice` stands for, or nothing if no enabled kind applies.
  std::optional<Op> opFor(const Choice& choice, std::uint16_t swarm) {
    readState();
    std::array<bool, 15> applicable{};
    int total = 0;
    for (std::size_t k = 0; k < applicable.size(); ++k) {
      const auto kind = static_cast<OpKind>(k);
      // `new` is always there when nothing else can be: every sequence starts with one.
      const bool enabled = ((swarm >> k) & 1u) != 0 || (kind == OpKind::kNew && names_.empty());
      applicable[k] = enabled && applies(kind);
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
  /// The bound names (sorted by name) and the counts `applies` reads.
  void readState() {
    cell_.boundNames(names_);
    counts_ = {};
    for (const AbstractCell::NameRef& name : names_) ++counts_[static_cast<std::size_t>(name.kind)];
    liveObjects_ = static_cast<int>(cell_.liveObjectCount());
  }

  int count(KindMask kinds) const {
    int n = 0;
    for (std::size_t k = 0; k < counts_.size(); ++k) n += (kinds >> k) & 1u ? counts_[k] : 0;
    return n;
  }

  /// Some object has fewer names than the universe allows.
  bool roomForAnotherName() const {
    for (const AbstractCell::NameRef& name : names_) {
      if (name.kind != Kind::kObject) continue;
      int names = 0;
      for (const AbstractCell::NameRef& other : names_) names += other.kind == Kind::kObject && other.object == name.object;
      if (names < universe_.maxNamesPerObject) return true;
    }
    return false;
  }

  bool applies(OpKind kind) const {
    const bool objects = count(kObjects) > 0;
    const int guards = count(kGuards);
    switch (kind) {
      case OpKind::kNew: return liveObjects_ < universe_.maxObjects;
      case OpKind::kRef: return roomForAnotherName();
      case OpKind::kDel:
      case OpKind::kAdd:
      case OpKind::kDiscard:
      case OpKind::kLen:
      case OpKind::kContains: return objects;
      case OpKind::kBorrow:
      case OpKind::kBorrowMut: return objects && guards < universe_.maxGuards;
      case OpKind::kIter: return objects && count(kIterators) < universe_.maxIterators;
      case OpKind::kRead:
      case OpKind::kRelease: return guards > 0;
      case OpKind::kWrite: return count(kMutableGuards) > 0;
      case OpKind::kNext:
      case OpKind::kDrop: return count(kIterators) > 0;
    }
    return false;
  }

  /// The (pick mod n)-th of the n bound names of `kinds`, in name order.
  std::string pickFrom(KindMask kinds, std::uint8_t pick) const {
    int index = pick % count(kinds);
    for (const AbstractCell::NameRef& name : names_) {
      if (((kinds >> static_cast<unsigned>(name.kind)) & 1u) != 0 && index-- == 0) return std::string(name.name);
    }
    assert(false && "count(kinds) names of those kinds are bound");
    return {};
  }

  Op build(OpKind kind, const Choice& choice) {
    Op op;
    op.kind = kind;
    switch (formOf(kind).operands) {
      case Operands::kBinding:
        op.source = pickFrom(kObjects, choice.pick);
        op.name = freshName(kind);
        break;
      case Operands::kNameKey: op.key = choice.key % universe_.keys; [[fallthrough]];
      case Operands::kName:
        if (kind == OpKind::kNew) {
          op.name = freshName(kind);
        } else if (kind == OpKind::kRead || kind == OpKind::kRelease) {
          op.name = pickFrom(kGuards, choice.pick);
        } else if (kind == OpKind::kWrite) {
          op.name = pickFrom(kMutableGuards, choice.pick);
        } else if (kind == OpKind::kNext || kind == OpKind::kDrop) {
          op.name = pickFrom(kIterators, choice.pick);
        } else {
          op.name = pickFrom(kObjects, choice.pick);
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
  std::vector<AbstractCell::NameRef> names_;  ///< valid until the next apply
  std::array<int, 4> counts_{};               ///< bound names per NameKind
  int liveObjects_ = 0;
  int objects_ = 0, guards_ = 0, iterators_ = 0;
};

}  // namespace

rc::Gen<Recipe> genRecipe() {
  // Sizes scale the number of choices only: each number is drawn over its
  // whole range, or small sizes would favour the first operation kinds.
  auto full = [](auto gen) { return rc::gen::resize(rc::kNominalSize, gen); };
  const auto choice = rc::gen::build<Choice>(rc::gen::set(&Choice::kind, full(rc::gen::arbitrary<std::uint8_t>())),
                                             rc::gen::set(&Choice::pick, full(rc::gen::arbitrary<std::uint8_t>())),
                                             rc::gen::set(&Choice::key, full(rc::gen::arbitrary<std::uint8_t>())));
  return rc::gen::build<Recipe>(rc::gen::set(&Recipe::swarm, full(rc::gen::arbitrary<std::uint16_t>())),
                                rc::gen::set(&Recipe::choices, rc::gen::container<std::vector<Choice>>(choice)));
}

Sequence decode(const Recipe& recipe, std::string_view policy, const Universe& universe,
                std::vector<Outcome>* outcomes) {
  Sequence sequence;
  sequence.ops.reserve(recipe.choices.size());
  if (outcomes != nullptr) outcomes->reserve(outcomes->size() + recipe.choices.size());
  Decoder decoder(policy, universe);
  for (const Choice& choice : recipe.choices) {
    std::optional<Op> op = decoder.opFor(choice, recipe.swarm);
    if (!op) continue;
    op->line = static_cast<int>(sequence.ops.size()) + 1;
    auto applied = decoder.apply(*op);
    assert(std::holds_alternative<Outcome>(applied) && "the decoder only uses valid names");
    Outcome& outcome = std::get<Outcome>(applied);
    const bool undefined = outcome.kind == Outcome::Kind::kUndefined;
    sequence.ops.push_back(std::move(*op));
    if (outcomes != nullptr) outcomes->push_back(std::move(outcome));
    if (undefined) break;
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
