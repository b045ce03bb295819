// The `.cell` interpreter, instantiated once per policy.
#include "harness/cellseq/interpreter.hpp"

#include <algorithm>
#include <cassert>

#include "harness/cellseq/print.hpp"
#include "harness/text/source.hpp"

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
Outcome outcomeOf(const Result<T>& result, ToValue&& toValue) {
  if (const auto* refusal = std::get_if<Refusal>(&result)) {
    return Outcome{Outcome::Kind::kRefused, std::nullopt, std::string(name(*refusal))};
  }
  if (std::holds_alternative<Halted>(result)) return Outcome{Outcome::Kind::kUndefined, std::nullopt, {}};
  return success(toValue(std::get<T>(result)));
}

auto noValue = [](const auto&) { return std::optional<Value>{}; };

/// Names this long or shorter are wholly in their key.
constexpr std::size_t kKeyedChars = 7;

/// A name's slot key: its first seven characters and its length in one
/// word, so a slot is matched with one comparison. Names longer than
/// kKeyedChars are compared in full when their keys match.
std::uint64_t keyOf(std::string_view name) {
  std::uint64_t key = std::uint64_t{std::min<std::size_t>(name.size(), 254) + 1} << 56;
  const std::size_t n = std::min(name.size(), kKeyedChars);
  for (std::size_t i = 0; i < n; ++i) key |= std::uint64_t{static_cast<unsigned char>(name[i])} << (8 * i);
  return key;
}

}  // namespace

template <cell::CellPolicy P>
Interpreter<P>::Interpreter(const Interpreter& other, CheckingProbe& probe)
    : probe_(probe), keys_(other.keys_) {
  std::vector<std::pair<const cell::Object*, cell::Object*>> copies;  // a handful
  auto copyOf = [&](const cell::Object* object) -> cell::Object& {
    for (const auto& [from, to] : copies) {
      if (from == object) return *to;
    }
    copies.emplace_back(object, cell::Object::copyOf(*object, probe));
    return *copies.back().second;
  };
  // A reference a buggy cell left to a freed object stays one, holding nothing.
  auto copyRef = [&](const cell::Ref& ref) {
    return other.probe_.freed(ref.base()) ? cell::Ref::dangling(probe, ref.base()) : cell::Ref::share(copyOf(ref.get()));
  };
  names_.reserve(other.names_.size());
  for (const std::optional<Named>& slot : other.names_) {
    const Entry& entry = slot->entry;
    if (const auto* ref = std::get_if<cell::Ref>(&entry)) {
      names_.emplace_back(Named{slot->name, copyRef(*ref)});
    } else if (const auto* guard = std::get_if<cell::Guard>(&entry)) {
      names_.emplace_back(Named{slot->name, guard->copyFor(copyRef(guard->object()))});
    } else {
      const auto& it = std::get<cell::Iterator>(entry);
      cell::Object* object = other.probe_.freed(it.base()) ? nullptr : &copyOf(it.leak().object);
      names_.emplace_back(Named{slot->name, Entry(std::in_place_type<cell::Iterator>, it, object, probe)});
    }
  }
}

template <cell::CellPolicy P>
std::size_t Interpreter<P>::slotOf(std::string_view name) const {
  const std::uint64_t key = keyOf(name);
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key && (name.size() <= kKeyedChars || names_[i]->name == name)) return i;
  }
  return keys_.size();
}

template <cell::CellPolicy P>
typename Interpreter<P>::Entry* Interpreter<P>::find(std::string_view name) {
  const std::size_t i = slotOf(name);
  return i < keys_.size() ? &names_[i]->entry : nullptr;
}

template <cell::CellPolicy P>
const typename Interpreter<P>::Entry* Interpreter<P>::find(std::string_view name) const {
  return const_cast<Interpreter*>(this)->find(name);
}

template <cell::CellPolicy P>
void Interpreter<P>::bind(const std::string& name, Entry entry) {
  assert(find(name) == nullptr && "callers check the name is unbound");
  keys_.push_back(keyOf(name));
  names_.emplace_back(Named{name, std::move(entry)});
}

template <cell::CellPolicy P>
void Interpreter<P>::unbind(std::string_view name) {
  const std::size_t i = slotOf(name);
  if (i == keys_.size()) return;
  names_[i].reset();  // first, as std::map::erase would: it may free the object
  // The last slot fills the hole, so the slots stay dense.
  if (i + 1 != names_.size()) {
    names_[i].emplace(std::move(*names_.back()));
    keys_[i] = keys_.back();
  }
  names_.pop_back();
  keys_.pop_back();
}

template <cell::CellPolicy P>
template <class T>
T* Interpreter<P>::lookup(const Op& op, const std::string& name, SequenceError& error) {
  Entry* found = find(name);
  if (found == nullptr) {
    error = SequenceError{op.line, "unbound name " + text::quoted(name)};
    return nullptr;
  }
  if (T* entry = std::get_if<T>(found)) return entry;
  constexpr std::size_t wanted = std::is_same_v<T, cell::Ref> ? 0 : std::is_same_v<T, cell::Guard> ? 1 : 2;
  error = SequenceError{op.line, text::quoted(name) + " is " + kindName(found->index()) + ", but " +
                                     text::quoted(printOp(op)) + " needs " + kindName(wanted)};
  return nullptr;
}

template <cell::CellPolicy P>
bool Interpreter<P>::bindable(const Op& op, SequenceError& error) const {
  if (find(op.name) == nullptr) return true;
  error = SequenceError{op.line, "name " + text::quoted(op.name) + " is already bound"};
  return false;
}

template <cell::CellPolicy P>
template <class T>
Outcome Interpreter<P>::bindIfDone(const std::string& name, Result<T> result) {
  Outcome outcome = outcomeOf(result, noValue);
  if (T* value = std::get_if<T>(&result)) bind(name, Entry(std::in_place_type<T>, std::move(*value)));
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
      bind(op.name, cell::Ref::adopt(cell::Object::create(probe_)));
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
    case OpKind::kRef: bind(op.name, *object); return success();  // the Entry copies *object first
    case OpKind::kDel: unbind(op.name); return success();
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
        return SequenceError{op.line, text::quoted(op.name) + " is a shared guard (borrow); 'write' needs a borrow_mut guard"};
      }
      return outcomeOf(guard->write(), noValue);
    default: {
      Outcome outcome = outcomeOf(guard->release(), noValue);
      if (outcome.kind == Outcome::Kind::kSuccess) unbind(op.name);
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
    return outcomeOf(Cell::next(*it), [](const Next& next) {
      return std::optional(next.stop ? Value{Value::Kind::kStop, 0, false} : integer(next.item));
    });
  }
  Outcome outcome = outcomeOf(it->drop(), noValue);
  if (outcome.kind == Outcome::Kind::kSuccess) unbind(op.name);
  return outcome;
}

template <cell::CellPolicy P>
CellFacts Interpreter<P>::facts() const {
  CellFacts facts;
  this->facts(facts);
  return facts;
}

template <cell::CellPolicy P>
void Interpreter<P>::facts(CellFacts& into) const {
  std::vector<ObjectFacts>& objects = into.objects;
  objects.clear();
  // A handful of objects, kept sorted by insertion.
  auto factsOf = [&](PtrId base) -> ObjectFacts& {
    auto at = objects.begin();
    while (at != objects.end() && at->object < base) ++at;
    if (at != objects.end() && at->object == base) return *at;
    ObjectFacts facts;
    facts.object = base;
    facts.freed = probe_.freed(base);
    return *objects.insert(at, facts);
  };
  for (const std::optional<Named>& slot : names_) {
    const Entry& entry = slot->entry;
    if (const auto* ref = std::get_if<cell::Ref>(&entry)) {
      factsOf(ref->base());
    } else if (const auto* guard = std::get_if<cell::Guard>(&entry)) {
      if (guard->object()) ++(guard->isMutable() ? factsOf(guard->object().base()).mutableGuards
                                                 : factsOf(guard->object().base()).sharedGuards);
    } else {
      const auto& it = std::get<cell::Iterator>(entry);
      ObjectFacts& facts = factsOf(it.base());
      if (!it.released()) ++facts.liveLeaks;
    }
  }
}

template <cell::CellPolicy P>
std::optional<PtrId> Interpreter<P>::objectOf(const Op& op) const {
  const bool binds = op.kind == OpKind::kRef || op.kind == OpKind::kBorrow || op.kind == OpKind::kBorrowMut ||
                     op.kind == OpKind::kIter;
  const Entry* found = find(binds ? op.source : op.name);
  if (found == nullptr) return std::nullopt;
  if (const auto* ref = std::get_if<cell::Ref>(found)) return ref->base();
  if (const auto* guard = std::get_if<cell::Guard>(found)) {
    if (guard->object()) return guard->object().base();
    return std::nullopt;
  }
  return std::get<cell::Iterator>(*found).base();
}

template <cell::CellPolicy P>
void Interpreter<P>::tearDown() {
  probe_.detach();
  std::vector<std::size_t> order;  // slots by name, as a std::map would hold them
  for (std::size_t i = 0; i < names_.size(); ++i) {
    order.push_back(i);
    auto* it = std::get_if<cell::Iterator>(&names_[i]->entry);
    if (it != nullptr && !it->leak().holder && !it->released() && probe_.freed(it->base())) it->abandon();
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return names_[a]->name < names_[b]->name; });
  for (const std::size_t kind : {2, 1, 0}) {  // iterators, then guards, then object names
    for (const std::size_t i : order) {
      if (names_[i] && names_[i]->entry.index() == kind) names_[i].reset();
    }
  }
  names_.clear();
  keys_.clear();
}

template class Interpreter<cell::Strict>;
template class Interpreter<cell::Generation>;
template class Interpreter<cell::UncheckedLeak>;
template class Interpreter<cell::NoParentRef>;
template class Interpreter<cell::UnguardedInner>;

}  // namespace sbcheck::cellseq
