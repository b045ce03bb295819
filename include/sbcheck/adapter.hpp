// Plugging your own cell into sbcheck: an adapter maps the `.cell`
// vocabulary onto your cell's types and functions, and AdapterRunner runs
// `.cell` sequences on it, so `check`, `run` and the rest drive it exactly as
// they drive the built-in cell (docs/check-your-cell.md).
//
//   struct MyAdapter {
//     using Object = ...;    // one Python reference: copying it is `ref`, destroying it `del`
//     using Guard = ...;     // a held borrow (`borrow`, `borrow_mut`)
//     using Iterator = ...;  // an iterator (`iter`)
//     static Result<Object> make(Probe&);                    // new
//     static Result<Guard> borrow(Object&);                  // borrow G = P
//     static Result<Guard> borrowMut(Object&);               // borrow_mut G = P
//     static Result<std::uint64_t> read(Guard&);             // read G: the set's length
//     static Result<Done> write(Guard&);                     // write G
//     static Result<Done> release(Guard&);                   // release G
//     static Result<Iterator> iter(Object&);                 // iter I = P
//     static Result<Next> next(Iterator&);                   // next I
//     static Result<Done> drop(Iterator&);                   // drop I
//     static Result<std::uint64_t> len(Object&);             // len P
//     static Result<bool> contains(Object&, std::uint32_t);  // contains P K
//     static Result<Done> add(Object&, std::uint32_t);       // add P K
//     static Result<Done> discard(Object&, std::uint32_t);   // discard P K
//     static bool leakLive(const Iterator&);                 // optional: see below
//   };
//   static_assert(sbcheck::CellAdapter<MyAdapter>);
//
// Refusals are values (Refusal::kAlreadyBorrowed, Refusal::kInvalidated);
// Halted means the probe vetoed a memory operation (the cell stopped without
// performing it). The Probe given to make() is the one every memory operation
// of that object must be reported to. A failing static_assert names the
// first missing operation (the concepts below, one per operation).
#pragma once

#include <sbcheck/cell_runner.hpp>
#include <sbcheck/result.hpp>

#include <concepts>
#include <memory>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sbcheck {

template <class A>
concept AdapterNamesItsTypes = requires {
  typename A::Object;
  typename A::Guard;
  typename A::Iterator;
} && std::copy_constructible<typename A::Object> && std::move_constructible<typename A::Guard> &&
                               std::move_constructible<typename A::Iterator>;

// One concept per `.cell` operation, so a missing one is named in the error.
template <class A>
concept AdapterHasNew = requires(Probe& probe) {
  { A::make(probe) } -> std::same_as<Result<typename A::Object>>;
};
template <class A>
concept AdapterHasBorrow = requires(typename A::Object& object) {
  { A::borrow(object) } -> std::same_as<Result<typename A::Guard>>;
};
template <class A>
concept AdapterHasBorrowMut = requires(typename A::Object& object) {
  { A::borrowMut(object) } -> std::same_as<Result<typename A::Guard>>;
};
template <class A>
concept AdapterHasRead = requires(typename A::Guard& guard) {
  { A::read(guard) } -> std::same_as<Result<std::uint64_t>>;
};
template <class A>
concept AdapterHasWrite = requires(typename A::Guard& guard) {
  { A::write(guard) } -> std::same_as<Result<Done>>;
};
template <class A>
concept AdapterHasRelease = requires(typename A::Guard& guard) {
  { A::release(guard) } -> std::same_as<Result<Done>>;
};
template <class A>
concept AdapterHasIter = requires(typename A::Object& object) {
  { A::iter(object) } -> std::same_as<Result<typename A::Iterator>>;
};
template <class A>
concept AdapterHasNext = requires(typename A::Iterator& it) {
  { A::next(it) } -> std::same_as<Result<Next>>;
};
template <class A>
concept AdapterHasDrop = requires(typename A::Iterator& it) {
  { A::drop(it) } -> std::same_as<Result<Done>>;
};
template <class A>
concept AdapterHasLen = requires(typename A::Object& object) {
  { A::len(object) } -> std::same_as<Result<std::uint64_t>>;
};
template <class A>
concept AdapterHasContains = requires(typename A::Object& object, std::uint32_t key) {
  { A::contains(object, key) } -> std::same_as<Result<bool>>;
};
template <class A>
concept AdapterHasAdd = requires(typename A::Object& object, std::uint32_t key) {
  { A::add(object, key) } -> std::same_as<Result<Done>>;
};
template <class A>
concept AdapterHasDiscard = requires(typename A::Object& object, std::uint32_t key) {
  { A::discard(object, key) } -> std::same_as<Result<Done>>;
};

/// An adapter for every operation of the `.cell` vocabulary.
template <class A>
concept CellAdapter = AdapterNamesItsTypes<A> && AdapterHasNew<A> && AdapterHasBorrow<A> && AdapterHasBorrowMut<A> &&
                      AdapterHasRead<A> && AdapterHasWrite<A> && AdapterHasRelease<A> && AdapterHasIter<A> &&
                      AdapterHasNext<A> && AdapterHasDrop<A> && AdapterHasLen<A> && AdapterHasContains<A> &&
                      AdapterHasAdd<A> && AdapterHasDiscard<A>;

/// An adapter that says whether an iterator still holds a leak (a reference
/// into the data that outlives the call), for the properties about leaks.
/// Without it, an iterator's leak is live from `iter` until `drop`.
template <class A>
concept AdapterTellsLeaks = requires(const typename A::Iterator& it) {
  { A::leakLive(it) } -> std::convertible_to<bool>;
};

/// Runs `.cell` operations on a user's cell through its adapter: binds names
/// as the language says (a refused operation binds nothing), and learns each
/// object's base pointer from the first allocation its `new` reports.
template <CellAdapter A>
class AdapterRunner final : public CellRunner {
 public:
  /// Every memory operation is reported to `probe`.
  explicit AdapterRunner(Probe& probe) : watch_(probe) {}
  ~AdapterRunner() override { tearDown(); }
  AdapterRunner(const AdapterRunner&) = delete;
  AdapterRunner& operator=(const AdapterRunner&) = delete;

  std::variant<cellseq::Outcome, cellseq::SequenceError> execute(const cellseq::Op& op) override {
    using cellseq::OpKind;
    const bool binds = op.kind == OpKind::kNew || op.kind == OpKind::kRef || op.kind == OpKind::kBorrow ||
                       op.kind == OpKind::kBorrowMut || op.kind == OpKind::kIter;
    if (binds && find(op.name) != nullptr) return error(op, "name '" + op.name + "' is already bound");
    switch (op.kind) {
      case OpKind::kNew: return make(op);
      case OpKind::kRead:
      case OpKind::kWrite:
      case OpKind::kRelease: return guardOp(op);
      case OpKind::kNext:
      case OpKind::kDrop: return iteratorOp(op);
      default: break;
    }
    Named* named = lookup(binds ? op.source : op.name, kObject);
    if (named == nullptr) return lookupError(op, binds ? op.source : op.name, kObject);
    auto& object = std::get<kObject>(named->entry);
    const PtrId base = named->base;
    const auto key = static_cast<std::uint32_t>(op.key);
    switch (op.kind) {
      case OpKind::kRef: bind(op.name, Entry(std::in_place_index<kObject>, object), base); return success();
      case OpKind::kDel: unbind(op.name); return success();
      case OpKind::kAdd: return outcome(A::add(object, key));
      case OpKind::kDiscard: return outcome(A::discard(object, key));
      case OpKind::kLen: return outcome(A::len(object));
      case OpKind::kContains: return outcome(A::contains(object, key));
      case OpKind::kBorrow: return bindIfDone<kGuard>(op.name, A::borrow(object), base, false);
      case OpKind::kBorrowMut: return bindIfDone<kGuard>(op.name, A::borrowMut(object), base, true);
      default: return bindIfDone<kIterator>(op.name, A::iter(object), base, false);  // kIter
    }
  }

  void facts(cellseq::CellFacts& into) const override {
    into.objects.clear();
    for (const std::unique_ptr<Named>& slot : names_) {
      const Named& named = *slot;
      cellseq::ObjectFacts& facts = factsOf(into, named.base);
      if (named.entry.index() == kGuard) ++(named.mutableGuard ? facts.mutableGuards : facts.sharedGuards);
      if (const auto* it = std::get_if<kIterator>(&named.entry); it != nullptr && leakLive(*it)) ++facts.liveLeaks;
    }
  }

  std::optional<PtrId> objectOf(const cellseq::Op& op) const override {
    using cellseq::OpKind;
    const bool binds = op.kind == OpKind::kRef || op.kind == OpKind::kBorrow || op.kind == OpKind::kBorrowMut ||
                       op.kind == OpKind::kIter;
    const Named* named = find(binds ? op.source : op.name);
    if (named == nullptr) return std::nullopt;
    return named->base;
  }

  void tearDown() override {
    for (const std::size_t kind : {kIterator, kGuard, kObject}) {
      std::erase_if(names_, [kind](const std::unique_ptr<Named>& named) { return named->entry.index() == kind; });
    }
  }

 private:
  using Entry = std::variant<typename A::Object, typename A::Guard, typename A::Iterator>;
  static constexpr std::size_t kObject = 0, kGuard = 1, kIterator = 2;

  struct Named {
    std::string name;
    Entry entry;
    PtrId base;                 ///< the object's, for objects, guards and iterators alike
    bool mutableGuard = false;  ///< for guards: made by borrow_mut
  };

  /// Forwards to the harness's probe, remembering the last allocation: the
  /// base pointer of the object a `new` makes.
  class Watch final : public Probe {
   public:
    explicit Watch(Probe& to) : to_(to) {}
    PtrId allocate(const Layout& layout) override {
      const PtrId base = to_.allocate(layout);
      last = base;
      return base;
    }
    std::optional<PtrId> retag(PtrId parent, Retag kind, Bytes bytes) override { return to_.retag(parent, kind, bytes); }
    bool access(PtrId ptr, Access kind, Bytes bytes) override { return to_.access(ptr, kind, bytes); }
    bool deallocate(PtrId base) override { return to_.deallocate(base); }
    bool freed(PtrId base) const override { return to_.freed(base); }
    std::optional<PtrId> last;

   private:
    Probe& to_;
  };

  static bool leakLive(const typename A::Iterator& it) {
    if constexpr (AdapterTellsLeaks<A>) {
      return A::leakLive(it);
    } else {
      return true;
    }
  }

  cellseq::ObjectFacts& factsOf(cellseq::CellFacts& into, PtrId base) const {
    auto at = into.objects.begin();
    while (at != into.objects.end() && at->object < base) ++at;
    if (at != into.objects.end() && at->object == base) return *at;
    cellseq::ObjectFacts facts;
    facts.object = base;
    facts.freed = watch_.freed(base);
    return *into.objects.insert(at, facts);
  }

  std::variant<cellseq::Outcome, cellseq::SequenceError> make(const cellseq::Op& op) {
    watch_.last.reset();
    Result<typename A::Object> made = A::make(watch_);
    if (!watch_.last) return error(op, "the adapter's make() allocated nothing: an object needs its memory");
    return bindIfDone<kObject>(op.name, std::move(made), *watch_.last, false);
  }

  std::variant<cellseq::Outcome, cellseq::SequenceError> guardOp(const cellseq::Op& op) {
    Named* named = lookup(op.name, kGuard);
    if (named == nullptr) return lookupError(op, op.name, kGuard);
    auto& guard = std::get<kGuard>(named->entry);
    if (op.kind == cellseq::OpKind::kRead) return outcome(A::read(guard));
    if (op.kind == cellseq::OpKind::kWrite) {
      if (!named->mutableGuard) return error(op, "'" + op.name + "' is a shared guard (borrow); 'write' needs a borrow_mut guard");
      return outcome(A::write(guard));
    }
    cellseq::Outcome released = outcome(A::release(guard));
    if (released.kind == cellseq::Outcome::Kind::kSuccess) unbind(op.name);
    return released;
  }

  std::variant<cellseq::Outcome, cellseq::SequenceError> iteratorOp(const cellseq::Op& op) {
    Named* named = lookup(op.name, kIterator);
    if (named == nullptr) return lookupError(op, op.name, kIterator);
    auto& it = std::get<kIterator>(named->entry);
    if (op.kind == cellseq::OpKind::kNext) return outcome(A::next(it));
    cellseq::Outcome dropped = outcome(A::drop(it));
    if (dropped.kind == cellseq::Outcome::Kind::kSuccess) unbind(op.name);
    return dropped;
  }

  template <std::size_t kind, class T>
  cellseq::Outcome bindIfDone(const std::string& name, Result<T> result, PtrId base, bool mutableGuard) {
    if (T* value = std::get_if<T>(&result)) {
      names_.push_back(std::make_unique<Named>(Named{name, Entry(std::in_place_index<kind>, std::move(*value)), base, mutableGuard}));
      return success();
    }
    return std::holds_alternative<Refusal>(result) ? refused(std::get<Refusal>(result)) : undefined();
  }
  void bind(const std::string& name, Entry entry, PtrId base) {
    names_.push_back(std::make_unique<Named>(Named{name, std::move(entry), base}));
  }
  void unbind(const std::string& name) {
    std::erase_if(names_, [&](const std::unique_ptr<Named>& named) { return named->name == name; });
  }

  Named* find(const std::string& name) {
    for (const std::unique_ptr<Named>& named : names_) {
      if (named->name == name) return named.get();
    }
    return nullptr;
  }
  const Named* find(const std::string& name) const { return const_cast<AdapterRunner*>(this)->find(name); }
  Named* lookup(const std::string& name, std::size_t kind) {
    Named* named = find(name);
    return named != nullptr && named->entry.index() == kind ? named : nullptr;
  }
  std::variant<cellseq::Outcome, cellseq::SequenceError> lookupError(const cellseq::Op& op, const std::string& name,
                                                                     std::size_t kind) {
    static constexpr const char* kKinds[] = {"an object", "a guard", "an iterator"};
    const Named* named = find(name);
    if (named == nullptr) return error(op, "unbound name '" + name + "'");
    return error(op, "'" + name + "' is " + kKinds[named->entry.index()] + ", but the operation needs " + kKinds[kind]);
  }

  static std::variant<cellseq::Outcome, cellseq::SequenceError> error(const cellseq::Op& op, std::string message) {
    return cellseq::SequenceError{op.line, std::move(message)};
  }
  static cellseq::Outcome success(std::optional<cellseq::Value> value = std::nullopt) {
    return cellseq::Outcome{cellseq::Outcome::Kind::kSuccess, value, {}};
  }
  static cellseq::Outcome refused(Refusal refusal) {
    return cellseq::Outcome{cellseq::Outcome::Kind::kRefused, std::nullopt, std::string(name(refusal))};
  }
  static cellseq::Outcome undefined() { return cellseq::Outcome{cellseq::Outcome::Kind::kUndefined, std::nullopt, {}}; }

  /// A result as Python sees it.
  template <class T>
  static cellseq::Outcome outcome(const Result<T>& result) {
    if (const auto* refusal = std::get_if<Refusal>(&result)) return refused(*refusal);
    if (std::holds_alternative<Halted>(result)) return undefined();
    const T& value = std::get<T>(result);
    using Value = cellseq::Value;
    if constexpr (std::is_same_v<T, std::uint64_t>) {
      return success(Value{Value::Kind::kInt, static_cast<std::int64_t>(value), false});
    } else if constexpr (std::is_same_v<T, bool>) {
      return success(Value{Value::Kind::kBool, 0, value});
    } else if constexpr (std::is_same_v<T, Next>) {
      return success(value.stop ? Value{Value::Kind::kStop, 0, false} : Value{Value::Kind::kInt, value.item, false});
    } else {
      return success();
    }
  }

  Watch watch_;
  std::vector<std::unique_ptr<Named>> names_;  // boxed: a cell's guards need not be assignable
};

}  // namespace sbcheck
