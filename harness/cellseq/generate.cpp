// Decoding recipes into well-formed sequences, and their statistics.
#include "harness/cellseq/generate.hpp"

#include <bit>
#include <cassert>
#include <charconv>
#include <iterator>
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
static_assert(kWeights.size() == static_cast<std::size_t>(OpKind::kDrop) + 1, "a weight per OpKind");

/// kWeights summed over every set of kinds (a bit per OpKind), a byte of the
/// set at a time: [0] for kinds 0-7, [1] for kinds 8-14.
constexpr auto kWeightSums = [] {
  std::array<std::array<int, 256>, 2> sums{};
  for (std::size_t half = 0; half < 2; ++half) {
    for (std::size_t kinds = 0; kinds < 256; ++kinds) {
      for (std::size_t k = 0; k < 8 && 8 * half + k < kWeights.size(); ++k) {
        if (((kinds >> k) & 1u) != 0) sums[half][kinds] += kWeights[8 * half + k];
      }
    }
  }
  return sums;
}();

int totalWeight(unsigned kinds) { return kWeightSums[0][kinds & 0xFFu] + kWeightSums[1][(kinds >> 8) & 0xFFu]; }

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

  /// The kind of op `choice` stands for, or nothing if no enabled kind applies.
  std::optional<OpKind> kindFor(const Choice& choice, std::uint16_t swarm) {
    readState();
    // `new` is always there when nothing else can be: every sequence starts with one.
    const unsigned enabled = swarm | (names_.empty() ? bit(OpKind::kNew) : 0u);
    const unsigned applicable = applicableKinds(enabled);
    const int total = totalWeight(applicable);
    if (total == 0) return std::nullopt;
    // Kinds in OpKind order, each taking its weight's share of `choice.kind`.
    int pick = choice.kind % total;
    unsigned rest = applicable;
    while (pick >= kWeights[std::countr_zero(rest)]) {
      pick -= kWeights[std::countr_zero(rest)];
      rest &= rest - 1;
    }
    return static_cast<OpKind>(std::countr_zero(rest));
  }

  /// Fills `op` (fresh) with the operands `choice` picks for `kind`, which
  /// kindFor just returned.
  void build(OpKind kind, const Choice& choice, Op& op) {
    op.kind = kind;
    switch (formOf(kind).operands) {
      case Operands::kBinding:
        pickFrom(kObjects, choice.pick, op.source);
        freshName(kind, op.name);
        break;
      case Operands::kNameKey: op.key = choice.key % universe_.keys; [[fallthrough]];
      case Operands::kName:
        if (kind == OpKind::kNew) {
          freshName(kind, op.name);
        } else if (kind == OpKind::kRead || kind == OpKind::kRelease) {
          pickFrom(kGuards, choice.pick, op.name);
        } else if (kind == OpKind::kWrite) {
          pickFrom(kMutableGuards, choice.pick, op.name);
        } else if (kind == OpKind::kNext || kind == OpKind::kDrop) {
          pickFrom(kIterators, choice.pick, op.name);
        } else {
          pickFrom(kObjects, choice.pick, op.name);
        }
        break;
    }
  }

  std::variant<Outcome, SequenceError> apply(const Op& op) { return cell_.apply(op); }

 private:
  /// The bound names (sorted by name) and the counts applicableKinds reads.
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

  static constexpr unsigned bit(OpKind kind) { return 1u << static_cast<unsigned>(kind); }

  /// The kinds among `enabled` that apply in the current state, a bit per OpKind.
  unsigned applicableKinds(unsigned enabled) const {
    const bool objects = count(kObjects) > 0;
    const int guards = count(kGuards);
    const int iterators = count(kIterators);
    unsigned kinds = 0;
    auto when = [&kinds](bool applies, std::initializer_list<OpKind> these) {
      if (!applies) return;
      for (const OpKind kind : these) kinds |= bit(kind);
    };
    when(liveObjects_ < universe_.maxObjects, {OpKind::kNew});
    when((enabled & bit(OpKind::kRef)) != 0 && roomForAnotherName(), {OpKind::kRef});  // the costly test, only if enabled
    when(objects, {OpKind::kDel, OpKind::kAdd, OpKind::kDiscard, OpKind::kLen, OpKind::kContains});
    when(objects && guards < universe_.maxGuards, {OpKind::kBorrow, OpKind::kBorrowMut});
    when(objects && iterators < universe_.maxIterators, {OpKind::kIter});
    when(guards > 0, {OpKind::kRead, OpKind::kRelease});
    when(count(kMutableGuards) > 0, {OpKind::kWrite});
    when(iterators > 0, {OpKind::kNext, OpKind::kDrop});
    return kinds & enabled;
  }

  /// The (pick mod n)-th of the n bound names of `kinds`, in name order, into `out`.
  void pickFrom(KindMask kinds, std::uint8_t pick, std::string& out) const {
    int index = pick % count(kinds);
    for (const AbstractCell::NameRef& name : names_) {
      if (((kinds >> static_cast<unsigned>(name.kind)) & 1u) != 0 && index-- == 0) {
        out.assign(name.name);
        return;
      }
    }
    assert(false && "count(kinds) names of those kinds are bound");
  }

  /// A fresh name into `out`: names are never reused, so a sequence reads
  /// unambiguously.
  void freshName(OpKind kind, std::string& out) {
    std::string_view prefix = "s";
    int* counter = &objects_;
    if (kind == OpKind::kIter) {
      prefix = "it";
      counter = &iterators_;
    } else if (kind == OpKind::kBorrow || kind == OpKind::kBorrowMut) {
      prefix = "g";
      counter = &guards_;
    }
    char digits[16];
    const auto [end, error] = std::to_chars(std::begin(digits), std::end(digits), (*counter)++);
    assert(error == std::errc{} && "an int fits");
    out.assign(prefix).append(digits, end);
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
    const std::optional<OpKind> kind = decoder.kindFor(choice, recipe.swarm);
    if (!kind) continue;
    Op& op = sequence.ops.emplace_back();  // built in place: no Op moves
    op.line = static_cast<int>(sequence.ops.size());
    decoder.build(*kind, choice, op);
    auto applied = decoder.apply(op);
    assert(std::holds_alternative<Outcome>(applied) && "the decoder only uses valid names");
    Outcome& outcome = std::get<Outcome>(applied);
    const bool undefined = outcome.kind == Outcome::Kind::kUndefined;
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
