// An executable reading of cell-format.md, one policy at a time, written
// independently of the cell (model/cell/): Python objects, names, guards and
// iterators as plain values, and the outcome the spec gives each operation.
// It is the oracle the real cell is compared with, and it tells generators
// which names an operation binds.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/run.hpp"

namespace sbcheck::cellseq {

class AbstractCell {
 public:
  /// `policy` is one of policyNames(): a registered design is modelled as
  /// its reference policy (specPolicyOf), for generating and shrinking.
  explicit AbstractCell(std::string_view policy);
  AbstractCell(const AbstractCell&);
  AbstractCell& operator=(const AbstractCell&);
  ~AbstractCell();

  /// Applies `op`: the outcome the spec gives it in the current state —
  /// success (with its value), refused (with "AlreadyBorrowed" or
  /// "RuntimeError"), or undefined when it would touch an object that was
  /// already freed (possible only under no-parent-ref) — or the sequence error
  /// it commits (unbound name, wrong kind, rebinding). A refused operation
  /// changes nothing and binds nothing.
  std::variant<Outcome, SequenceError> apply(const Op& op);

  enum class NameKind : std::uint8_t { kObject, kSharedGuard, kMutableGuard, kIterator };
  struct Name {
    std::string name;
    NameKind kind;
    friend bool operator==(const Name&, const Name&) = default;
  };
  /// Bound names, sorted by name.
  std::vector<Name> names() const;
  /// A bound name as generators read it, without a copy; valid until the
  /// next `apply`.
  struct NameRef {
    std::string_view name;
    NameKind kind;
    int object;  ///< objectOf(name)
  };
  /// names() with each one's object, into `into` (cleared first, its capacity
  /// kept): for generators, which ask after every operation.
  void boundNames(std::vector<NameRef>& into) const;

  /// Facts the properties and the explorer read, per live object reachable
  /// from a name, guard or iterator.
  struct ObjectFacts {
    int id;                  ///< creation order, from 0
    int refcount;            ///< Python references: names, guards, iterators that hold one
    int sharedGuards;        ///< held `borrow` guards
    int mutableGuards;       ///< held `borrow_mut` guards
    int liveLeaks;           ///< iterators whose leak is not given back
    std::vector<std::uint32_t> set;  ///< ascending
  };
  std::vector<ObjectFacts> liveObjects() const;
  /// liveObjects().size(), without building the facts.
  std::size_t liveObjectCount() const;
  /// The state up to renaming of names and objects, as bytes: equal for two
  /// states exactly when no sequence of operations could tell them apart by
  /// its outcomes. Names count per object (one name of an object is as good
  /// as another), guards per object and kind, iterators per object by what
  /// they hold and where they stand, objects sorted; freed objects and the
  /// objects of iterators that hold nothing any more do not appear.
  std::string canonicalForm() const;

  /// Ids of objects freed so far.
  std::vector<int> freedObjects() const;
  /// The object a bound name refers to (an object name's object, a guard's or
  /// an iterator's object), or -1 for an unbound name.
  int objectOf(const std::string& name) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sbcheck::cellseq
