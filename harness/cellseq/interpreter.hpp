// Executes `.cell` operations on real cells under one policy: Python names
// bound to objects, guards and iterators, checked as the spec says (a refused
// operation binds nothing, so name errors are found as the sequence runs).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <sbcheck/cell_runner.hpp>

#include "harness/cellseq/checking_probe.hpp"
#include "harness/cellseq/run.hpp"
#include "model/cell/cell.hpp"

namespace sbcheck::cellseq {

template <cell::CellPolicy P>
class Interpreter final : public CellRunner {
 public:
  using Entry = std::variant<cell::Ref, cell::Guard, cell::Iterator>;

  explicit Interpreter(CheckingProbe& probe) : probe_(probe) {
    names_.reserve(8);
    keys_.reserve(8);
  }
  /// For an explorer that branches: `other`'s bindings over copies of its
  /// objects (an iterator whose object is freed keeps no object), reporting
  /// to `probe` (a copy of other's probe, over a copy of its model).
  Interpreter(const Interpreter& other, CheckingProbe& probe);
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;
  ~Interpreter() override { tearDown(); }

  /// The op's outcome, or the sequence error it commits.
  std::variant<Outcome, SequenceError> execute(const Op& op) override;

  /// What the real cell holds now, per object a name, guard or iterator
  /// reaches (objects are known by their probe base pointer).
  CellFacts facts() const;
  /// facts() into `into`, reusing its storage: the checker asks after every op.
  void facts(CellFacts& into) const override;
  /// The object `op` acts on (its object name's, guard's or iterator's), if bound.
  std::optional<PtrId> objectOf(const Op& op) const override;

  /// Calls `visit(name, entry)` on every bound name, in no fixed order.
  template <class Visit>
  void forEachBinding(Visit&& visit) const {
    for (const std::optional<Named>& slot : names_) visit(std::string_view(slot->name), slot->entry);
  }

  /// Drops everything still named, as the interpreter does at exit, without
  /// telling the model (the sequence is over) and without touching the memory
  /// of objects that are already gone.
  void tearDown() override;

 private:
  using Cell = cell::Cell<P>;

  /// A bound name. Names live in a dense array of slots searched linearly by
  /// a one-word key: a run binds a handful at a time and looks one up on every op.
  struct Named {
    std::string name;
    Entry entry;
  };

  /// The slot bound to `name`, or keys_.size().
  std::size_t slotOf(std::string_view name) const;
  Entry* find(std::string_view name);
  const Entry* find(std::string_view name) const;
  void bind(const std::string& name, Entry entry);
  void unbind(std::string_view name);

  template <class T>
  T* lookup(const Op& op, const std::string& name, SequenceError& error);
  bool bindable(const Op& op, SequenceError& error) const;
  template <class T>
  Outcome bindIfDone(const std::string& name, Result<T> result);
  std::variant<Outcome, SequenceError> guardOp(const Op& op);
  std::variant<Outcome, SequenceError> iteratorOp(const Op& op);

  CheckingProbe& probe_;
  std::vector<std::optional<Named>> names_;  ///< dense: every slot is bound (optional for in-place moves)
  std::vector<std::uint64_t> keys_;          ///< per slot: its name's key
};

}  // namespace sbcheck::cellseq
