// Cell worlds as an explorer space.
#include "harness/explore/cell_space.hpp"

#include <algorithm>
#include <cassert>
#include <functional>
#include <memory>
#include <string_view>

#include "harness/cellseq/abstract_cell.hpp"
#include "harness/cellseq/direct_probe.hpp"
#include "harness/cellseq/enumerate.hpp"
#include "harness/cellseq/forms.hpp"
#include "harness/cellseq/interpreter.hpp"
#include "harness/explore/cell_form.hpp"

namespace sbcheck::explore {
namespace {

using cellseq::Op;
using cellseq::OpKind;
using cellseq::Outcome;

std::string_view prefixOf(OpKind kind) {
  switch (kind) {
    case OpKind::kBorrow:
    case OpKind::kBorrowMut:
    case OpKind::kRead:
    case OpKind::kWrite:
    case OpKind::kRelease: return "g";
    case OpKind::kIter:
    case OpKind::kNext:
    case OpKind::kDrop: return "it";
    case OpKind::kNew:
    case OpKind::kRef:
    case OpKind::kDel:
    case OpKind::kAdd:
    case OpKind::kDiscard:
    case OpKind::kLen:
    case OpKind::kContains: return "s";
  }
  return "s";
}

std::uint16_t numberOf(const std::string& name, std::string_view prefix) {
  assert(name.starts_with(prefix) && "the enumeration names everything canonically");
  const int number = std::stoi(name.substr(prefix.size()));
  assert(number >= 0 && number <= 0xffff && "fresh names are bounded by the depth");
  return static_cast<std::uint16_t>(number);
}

std::uint64_t hashOf(std::string_view form) { return std::hash<std::string_view>{}(form); }

/// The universe's ops in `spec`'s state, less those that differ from an
/// earlier one only in which name of the same object they use: an object's
/// names are interchangeable, so both lead to the same state up to renaming.
std::vector<Op> distinctOps(const cellseq::AbstractCell& spec, const cellseq::FreshNames& fresh,
                            const cellseq::Universe& universe) {
  std::vector<Op> ops = cellseq::candidateOps(spec, fresh, universe);
  struct Shape {
    OpKind kind;
    int object;
    std::int64_t key;
    bool operator==(const Shape&) const = default;
  };
  std::vector<Shape> seen;
  std::erase_if(ops, [&](const Op& op) {
    const bool binds = cellseq::formOf(op.kind).operands == cellseq::Operands::kBinding;
    const std::string& objectName = binds ? op.source : op.name;
    if (!objectName.starts_with('s')) return false;  // a guard's or an iterator's op
    const Shape shape{op.kind, spec.objectOf(objectName), op.key};
    if (std::find(seen.begin(), seen.end(), shape) != seen.end()) return true;
    seen.push_back(shape);
    return false;
  });
  return ops;
}

/// The spec alone: the abstract cell and its fresh names.
class AbstractSpace {
 public:
  struct State {
    cellseq::AbstractCell spec;
    cellseq::FreshNames fresh;
  };
  using Move = CellMove;

  AbstractSpace(std::string_view policy, const cellseq::Universe& universe) : policy_(policy), universe_(universe) {}

  State root() const { return State{cellseq::AbstractCell(policy_), {}}; }
  std::uint64_t fingerprint(const State& state) const { return hashOf(state.spec.canonicalForm()); }
  std::size_t findingSlots() const { return 0; }

  void expand(const State& state, Sink<State, Move>& sink) const {
    for (const Op& op : distinctOps(state.spec, state.fresh, universe_)) {
      State next = state;
      const Outcome outcome = std::get<Outcome>(next.spec.apply(op));
      next.fresh.advance(op.kind);
      if (outcome.kind == Outcome::Kind::kUndefined) {
        sink.terminal(CellMove::of(op));
      } else {
        sink.transition(CellMove::of(op), fingerprint(next), std::move(next));
      }
    }
  }

 private:
  std::string policy_;
  cellseq::Universe universe_;
};

/// A whole world. Its parts point at each other (the cell's objects at the
/// probe, the probe at the model), so a world stays where it was made and a
/// state holds it by pointer.
template <cell::CellPolicy P>
struct World {
  explicit World(std::string_view model)
      : model(sb::AnyModel::create(model)), probe(*this->model), real(probe), spec(P::kName) {}
  World(const World& other)
      : model(other.model->clone()), probe(other.probe, *model), real(other.real, probe), spec(other.spec),
        fresh(other.fresh) {}
  World& operator=(const World&) = delete;

  std::unique_ptr<sb::AnyModel> model;
  cellseq::DirectProbe probe;
  cellseq::Interpreter<P> real;
  cellseq::AbstractCell spec;
  cellseq::FreshNames fresh;
};

template <cell::CellPolicy P>
class WorldSpace {
 public:
  struct State {
    explicit State(std::unique_ptr<World<P>> world) : world(std::move(world)) {}
    State(const State& other) : world(std::make_unique<World<P>>(*other.world)) {}
    State(State&&) noexcept = default;
    State& operator=(State&&) noexcept = default;
    std::unique_ptr<World<P>> world;
  };
  using Move = CellMove;

  WorldSpace(std::string_view model, const cellseq::Universe& universe) : model_(model), universe_(universe) {}

  State root() const { return State(std::make_unique<World<P>>(model_)); }
  std::size_t findingSlots() const { return properties::cellProperties().size(); }

  std::uint64_t fingerprint(const State& state) const {
    const World<P>& world = *state.world;
    thread_local std::string form;  // each worker fingerprints millions of states: keep the buffers
    thread_local std::vector<BindingView> bindings;
    form = world.spec.canonicalForm();
    bindings.clear();
    world.real.forEachBinding([&](std::string_view, const typename cellseq::Interpreter<P>::Entry& entry) {
      bindings.push_back(viewOf(world, entry));
    });
    appendCellForm(bindings, world.probe, *world.model, form);
    return hashOf(form);
  }

  void expand(const State& state, Sink<State, Move>& sink) const {
    cellseq::CellFacts before, after;
    state.world->real.facts(before);
    for (const Op& op : distinctOps(state.world->spec, state.world->fresh, universe_)) {
      const CellMove move = CellMove::of(op);
      State next = state;
      if (step(*next.world, op, move, before, after, sink)) {
        sink.transition(move, fingerprint(next), std::move(next));
      } else {
        sink.terminal(move);
      }
    }
  }

 private:
  static BindingView viewOf(const World<P>& world, const typename cellseq::Interpreter<P>::Entry& entry) {
    if (const auto* ref = std::get_if<cell::Ref>(&entry)) {
      return {BindingView::Kind::kName, ref->live() ? ref->get() : nullptr, nullptr, nullptr};
    }
    if (const auto* guard = std::get_if<cell::Guard>(&entry)) {
      return {BindingView::Kind::kGuard, guard->object().live() ? guard->object().get() : nullptr, guard, nullptr};
    }
    const auto& it = std::get<cell::Iterator>(entry);
    const bool gone = it.released() || world.probe.freed(it.base());
    return {BindingView::Kind::kIterator, gone ? nullptr : it.leak().object, nullptr, &it};
  }

  /// Runs `op` on `world`, reporting what it violates; false when the run
  /// stops there (UB, or the cell parted from the spec, which the oracle reports).
  bool step(World<P>& world, const Op& op, const CellMove& move, const cellseq::CellFacts& before,
            cellseq::CellFacts& after, Sink<State, Move>& sink) const {
    const std::optional<PtrId> object = world.real.objectOf(op);
    const Outcome specified = std::get<Outcome>(world.spec.apply(op));
    world.fresh.advance(op.kind);
    auto executed = world.real.execute(op);
    if (const auto* error = std::get_if<cellseq::SequenceError>(&executed)) {
      sink.finding(oracleSlot(), move, "the cell refuses a well-formed op: " + error->message);
      return false;
    }
    const Outcome& outcome = std::get<Outcome>(executed);
    world.real.facts(after);
    const properties::Step facts{op, outcome, specified, object, before, after, world.probe.ub()};
    const auto all = properties::cellProperties();
    for (std::size_t slot = 0; slot < all.size(); ++slot) {
      if (std::optional<std::string> reason = all[slot].check(facts)) sink.finding(slot, move, std::move(*reason));
    }
    return outcome.kind != Outcome::Kind::kUndefined && outcome.kind == specified.kind &&
           outcome.value == specified.value;
  }

  static std::size_t oracleSlot() {
    const auto all = properties::cellProperties();
    return static_cast<std::size_t>(properties::findCellProperty("oracle") - all.data());
  }

  std::string model_;
  cellseq::Universe universe_;
};

cellseq::Sequence sequenceOf(const std::vector<CellMove>& path) {
  cellseq::Sequence sequence;
  for (const CellMove& move : path) {
    sequence.ops.push_back(move.op());
    sequence.ops.back().line = static_cast<int>(sequence.ops.size());
  }
  return sequence;
}

}  // namespace

CellMove CellMove::of(const Op& op) {
  assert(op.key >= 0 && op.key < kMaxExploredKeys && "the universe's keys fit a byte");
  CellMove move;
  move.kind = op.kind;
  move.key = static_cast<std::uint8_t>(op.key);
  move.name = numberOf(op.name, prefixOf(op.kind));
  if (!op.source.empty()) move.source = numberOf(op.source, "s");
  return move;
}

Op CellMove::op() const {
  Op op;
  op.kind = kind;
  op.key = key;
  op.name = std::string(prefixOf(kind)) + std::to_string(name);
  if (cellseq::formOf(kind).operands == cellseq::Operands::kBinding) op.source = "s" + std::to_string(source);
  return op;
}

CellExploration exploreCell(const CellExploreOptions& options,
                            const std::function<void(const CellCounterexample&)>& onCounterexample) {
  const auto all = properties::cellProperties();
  const auto counterexampleOf = [&](std::size_t slot, const Finding<CellMove>& finding) {
    return CellCounterexample{&all[slot], sequenceOf(finding.path), finding.reason};
  };
  FindingCallback<CellMove> tell;
  if (onCounterexample) {
    tell = [&](std::size_t slot, const Finding<CellMove>& finding) { onCounterexample(counterexampleOf(slot, finding)); };
  }
  CellExploration result;
  bool known = false;
  cell::forEachPolicy([&]<class P>() {
    if (P::kName != options.policy) return;
    known = true;
    result.run = explore(WorldSpace<P>(options.model, options.universe), options.limits, tell);
  });
  assert(known && "callers check the policy name");
  for (std::size_t slot = 0; slot < all.size(); ++slot) {
    if (const auto& finding = result.run.findings[slot]) result.counterexamples.push_back(counterexampleOf(slot, *finding));
  }
  return result;
}

Exploration<CellMove> exploreAbstractCell(const CellExploreOptions& options) {
  return explore(AbstractSpace(options.policy, options.universe), options.limits);
}

}  // namespace sbcheck::explore
