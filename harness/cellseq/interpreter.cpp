// The `.cell` interpreter, instantiated once per policy.
#include "harness/cellseq/interpreter.hpp"

#include "harness/cellseq/print.hpp"

namespace sbcheck::cellseq {
namespace {

constexpr const char* kindName(std::size_t index) {
  constexpr const char* kNames[] = {"an object", "a guard", "an iterator"};
  return kNames[index];
}

Outcome success(std::optional<Value> value = std::nullopt) { return Outcome{Outcome::Kind::kSuccess, value, {}}; }
Value integer(std::uint64_t n) { return Value{Value::Kind::kInt, static_cast<std::int64_t>(n), false}; }

/// A cell result as Python sees it.
template <class T, class ToValue>
Outcome outcomeOf(const cell::Result<T>& result, ToValue&& toValue) {
  if (const auto* refusal = std::get_if<cell::Refusal>(&result)) {
    return Outcome{Outcome::Kind::kRefused, std::nullopt, std::string(cell::name(*refusal))};
  }
  if (std::holds_alternative<cell::Halted>(result)) return Outcome{Outcome::Kind::kUndefined, std::nullopt, {}};
  return success(toValue(std::get<T>(result)));
}

auto noValue = [](const auto&) { return std::optional<Value>{}; };

}  // namespace

template <cell::CellPolicy P>
template <class T>
T* Interpreter<P>::lookup(const Op& op, const std::string& name, SequenceError& error) {
  auto found = names_.find(name);
  if (found == names_.end()) {
    error = SequenceError{op.line, "unbound name '" + name + "'"};
    return nullptr;
  }
  if (T* entry = std::get_if<T>(&found->second)) return entry;
  constexpr std::size_t wanted = std::is_same_v<T, cell::Ref> ? 0 : std::is_same_v<T, cell::Guard> ? 1 : 2;
  error = SequenceError{op.line, "'" + name + "' is " + kindName(found->second.index()) + ", but '" +
                                     printOp(op) + "' needs " + kindName(wanted)};
  return nullptr;
}

template <cell::CellPolicy P>
bool Interpreter<P>::bindable(const Op& op, SequenceError& error) const {
  if (!names_.contains(op.name)) return true;
  error = SequenceError{op.line, "name '" + op.name + "' is already bound"};
  return false;
}

template <cell::CellPolicy P>
template <class T>
Outcome Interpreter<P>::bindIfDone(const std::string& name, cell::Result<T> result) {
  Outcome outcome = outcomeOf(result, noValue);
  if (T* value = std::get_if<T>(&result)) names_.emplace(name, Entry(std::in_place_type<T>, std::move(*value)));
  return outcome;
}

template <cell::CellPolicy P>
std::variant<Outcome, SequenceError> Interpreter<P>::execute(const Op& op) {
  SequenceError error;
  const bool binds = op.kind == OpKind::kNew || op.kind == OpKind::kRef || op.kind == OpKind::kBorrow ||
                     op.kind == OpKind::kBorrowMut || op.kind == OpKind::kIter;
  if (binds && !bindable(op, error)) return error;
  switch (op.kind) {
    case OpKind::kNew:
      names_.emplace(op.name, cell::Ref::adopt(cell::Object::create(probe_)));
      return success();
    case OpKind::kRead:
    case OpKind::kWrite:
    case OpKind::kRelease: return guardOp(op);
    case OpKind::kNext:
    case OpKind::kDrop: return iteratorOp(op);
    default: break;
  }
  // Every other operation acts on an object name.
  const std::string& objectName = binds ? op.source : op.name;
  const cell::Ref* object = lookup<cell::Ref>(op, objectName, error);
  if (object == nullptr) return error;
  switch (op.kind) {
    case OpKind::kRef: names_.emplace(op.name, *object); return success();
    case OpKind::kDel: names_.erase(op.name); return success();
    case OpKind::kAdd: return outcomeOf(Cell::add(*object, static_cast<std::uint32_t>(op.key)), noValue);
    case OpKind::kDiscard: return outcomeOf(Cell::discard(*object, static_cast<std::uint32_t>(op.key)), noValue);
    case OpKind::kLen: return outcomeOf(Cell::len(*object), [](std::uint64_t n) { return std::optional(integer(n)); });
    case OpKind::kContains:
      return outcomeOf(Cell::contains(*object, static_cast<std::uint32_t>(op.key)),
                       [](bool found) { return std::optional(Value{Value::Kind::kBool, 0, found}); });
    case OpKind::kBorrow: return bindIfDone(op.name, Cell::borrow(*object));
    case OpKind::kBorrowMut: return bindIfDone(op.name, Cell::borrowMut(*object));
    case OpKind::kIter: return bindIfDone(op.name, Cell::leak(*object));
    default: break;
  }
  return success();
}

template <cell::CellPolicy P>
std::variant<Outcome, SequenceError> Interpreter<P>::guardOp(const Op& op) {
  SequenceError error;
  cell::Guard* guard = lookup<cell::Guard>(op, op.name, error);
  if (guard == nullptr) return error;
  switch (op.kind) {
    case OpKind::kRead: return outcomeOf(guard->read(), [](std::uint64_t n) { return std::optional(integer(n)); });
    case OpKind::kWrite:
      if (!guard->isMutable()) {
        return SequenceError{op.line, "'" + op.name + "' is a shared guard (borrow); 'write' needs a borrow_mut guard"};
      }
      return outcomeOf(guard->write(), noValue);
    default: {
      Outcome outcome = outcomeOf(guard->release(), noValue);
      if (outcome.kind == Outcome::Kind::kSuccess) names_.erase(op.name);
      return outcome;
    }
  }
}

template <cell::CellPolicy P>
std::variant<Outcome, SequenceError> Interpreter<P>::iteratorOp(const Op& op) {
  SequenceError error;
  cell::Iterator* it = lookup<cell::Iterator>(op, op.name, error);
  if (it == nullptr) return error;
  if (op.kind == OpKind::kNext) {
    return outcomeOf(Cell::next(*it), [](const cell::Next& next) {
      return std::optional(next.stop ? Value{Value::Kind::kStop, 0, false} : integer(next.item));
    });
  }
  Outcome outcome = outcomeOf(it->drop(), noValue);
  if (outcome.kind == Outcome::Kind::kSuccess) names_.erase(op.name);
  return outcome;
}

template <cell::CellPolicy P>
CellFacts Interpreter<P>::facts() const {
  std::map<cell::PtrId, ObjectFacts> objects;
  auto factsOf = [&](cell::PtrId base) -> ObjectFacts& {
    ObjectFacts& facts = objects[base];
    facts.object = base;
    facts.freed = probe_.freed(base);
    return facts;
  };
  for (const auto& [name, entry] : names_) {
    if (const auto* ref = std::get_if<cell::Ref>(&entry)) {
      factsOf(ref->get()->base());
    } else if (const auto* guard = std::get_if<cell::Guard>(&entry)) {
      if (guard->object() != nullptr) ++(guard->isMutable() ? factsOf(guard->object()->base()).mutableGuards
                                                            : factsOf(guard->object()->base()).sharedGuards);
    } else {
      const auto& it = std::get<cell::Iterator>(entry);
      ObjectFacts& facts = factsOf(it.base());
      if (!it.released()) ++facts.liveLeaks;
    }
  }
  CellFacts facts;
  for (auto& [base, object] : objects) facts.objects.push_back(object);
  return facts;
}

template <cell::CellPolicy P>
std::optional<cell::PtrId> Interpreter<P>::objectOf(const Op& op) const {
  const bool binds = op.kind == OpKind::kRef || op.kind == OpKind::kBorrow || op.kind == OpKind::kBorrowMut ||
                     op.kind == OpKind::kIter;
  auto found = names_.find(binds ? op.source : op.name);
  if (found == names_.end()) return std::nullopt;
  if (const auto* ref = std::get_if<cell::Ref>(&found->second)) return ref->get()->base();
  if (const auto* guard = std::get_if<cell::Guard>(&found->second)) {
    if (guard->object() != nullptr) return guard->object()->base();
    return std::nullopt;
  }
  return std::get<cell::Iterator>(found->second).base();
}

template <cell::CellPolicy P>
void Interpreter<P>::tearDown() {
  probe_.detach();
  for (auto& [name, entry] : names_) {
    auto* it = std::get_if<cell::Iterator>(&entry);
    if (it != nullptr && !it->leak().holder && !it->released() && probe_.freed(it->base())) it->abandon();
  }
  for (const std::size_t kind : {2, 1, 0}) {  // iterators, then guards, then object names
    std::erase_if(names_, [kind](const auto& named) { return named.second.index() == kind; });
  }
}

template class Interpreter<cell::Strict>;
template class Interpreter<cell::Generation>;
template class Interpreter<cell::UncheckedLeak>;
template class Interpreter<cell::NoParentRef>;
template class Interpreter<cell::UnguardedInner>;

}  // namespace sbcheck::cellseq
