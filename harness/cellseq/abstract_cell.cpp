// The abstract cell: cell-format.md's objects, names, guards and iterators as
// plain values, and each operation's outcome as the spec gives it. Written
// from the spec alone; the borrow rules per policy are in abstract_rules.cpp.
//
// Decisions where the spec is silent:
// - D1 Sequence errors are checked before any policy rule, the bound name
//   (`ref Q`, `borrow G`, `iter I`, `new P`) before the used one (`= P`).
// - D2 An iterator's position is "the smallest key greater than the last one
//   it yielded" (not an index). The two readings differ only when the set
//   changes under a live leak that is not stale, which only `unguarded-inner`
//   allows, and there the `next` after the change reads through the leak after
//   a write, which is UB, so the run stops before the difference shows.
// - D3 Under `generation` the staleness check comes first: a stale iterator is
//   refused even when exhausted; a fresh exhausted one yields `stop` again.
// - D4 An undefined operation (kUndefined) changes nothing and unbinds nothing;
//   the real run stops there, so what follows is not meaningful.
// - D5 A key outside 0..2^31 − 1 is a sequence error (the parser rejects it
//   first; ops built in code are held to the same rule).
// - D6 `freedObjects()` lists ids in ascending order, not in order of freeing.
// - D7 A freed object's set is kept in the state, but it is never read again:
//   every op that would read it through an iterator is kUndefined.
#include "harness/cellseq/abstract_cell.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/cellseq/abstract_rules.hpp"
#include "harness/cellseq/designs.hpp"
#include "harness/cellseq/forms.hpp"

namespace sbcheck::cellseq {

using abstract::Access;
using NameKind = AbstractCell::NameKind;
using Result = std::variant<Outcome, SequenceError>;

namespace {

constexpr std::int64_t kMaxKey = (std::int64_t{1} << 31) - 1;

/// A set of keys as a sorted vector: sets are small, and generators copy and
/// query the state after every operation.
class KeySet {
 public:
  void insert(std::uint32_t key) {
    auto at = std::lower_bound(keys_.begin(), keys_.end(), key);
    if (at == keys_.end() || *at != key) keys_.insert(at, key);
  }
  void erase(std::uint32_t key) {
    auto at = std::lower_bound(keys_.begin(), keys_.end(), key);
    if (at != keys_.end() && *at == key) keys_.erase(at);
  }
  bool contains(std::uint32_t key) const { return std::binary_search(keys_.begin(), keys_.end(), key); }
  std::size_t size() const { return keys_.size(); }
  /// The smallest key greater than `key`, or end().
  std::vector<std::uint32_t>::const_iterator upper_bound(std::uint32_t key) const {
    return std::upper_bound(keys_.begin(), keys_.end(), key);
  }
  std::vector<std::uint32_t>::const_iterator begin() const { return keys_.begin(); }
  std::vector<std::uint32_t>::const_iterator end() const { return keys_.end(); }

 private:
  std::vector<std::uint32_t> keys_;  // ascending, no duplicates
};

struct Object {
  KeySet set;
  int refcount = 1;  ///< `new P` is the first reference
  abstract::BorrowCounts counts;
  std::uint64_t generation = 0;  ///< bumped only under `generation`
  bool freed = false;
};

/// What an iterator still holds, and where it stands.
struct IteratorState {
  std::optional<std::uint32_t> lastYielded;  ///< D2
  std::uint64_t generation = 0;              ///< the object's generation at `iter`
  bool holdsLeak = true;
  bool holdsReference = true;
  bool exhausted = false;  ///< a `next` has returned `stop`
};

struct Binding {
  NameKind kind;
  int object;
  IteratorState iterator;  ///< kIterator only
};

Outcome success() { return {}; }
Outcome success(Value value) { return {Outcome::Kind::kSuccess, value, {}}; }
Outcome integer(std::size_t n) { return success({Value::Kind::kInt, static_cast<std::int64_t>(n), false}); }
Outcome stop() { return success({Value::Kind::kStop, 0, false}); }
Outcome refused(std::string text) { return {Outcome::Kind::kRefused, std::nullopt, std::move(text)}; }
Outcome alreadyBorrowed() { return refused("AlreadyBorrowed"); }
Outcome undefined() { return {Outcome::Kind::kUndefined, std::nullopt, {}}; }

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string_view kindName(NameKind kind) {
  switch (kind) {
    case NameKind::kObject: return "an object";
    case NameKind::kSharedGuard: return "a shared guard";
    case NameKind::kMutableGuard: return "a mutable guard";
    case NameKind::kIterator: return "an iterator";
  }
  return "a name";
}

/// The kinds of name an operation's used name may be, and how to say so.
struct Needs {
  bool object = false, sharedGuard = false, mutableGuard = false, iterator = false;
  std::string_view what;
  bool admits(NameKind kind) const {
    switch (kind) {
      case NameKind::kObject: return object;
      case NameKind::kSharedGuard: return sharedGuard;
      case NameKind::kMutableGuard: return mutableGuard;
      case NameKind::kIterator: return iterator;
    }
    return false;
  }
};

constexpr Needs kNeedsObject{true, false, false, false, "an object"};
constexpr Needs kNeedsGuard{false, true, true, false, "a guard"};
constexpr Needs kNeedsMutableGuard{false, false, true, false, "a mutable guard"};
constexpr Needs kNeedsIterator{false, false, false, true, "an iterator"};

/// The first eight characters of a name, big-endian, zero-padded: two names
/// whose keys differ are ordered as their keys are, so most comparisons in a
/// table of names are one integer comparison.
std::uint64_t orderKey(std::string_view name) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    key = (key << 8) | (i < name.size() ? static_cast<unsigned char>(name[i]) : 0u);
  }
  return key;
}

/// Bound names, sorted by name, in one vector: a handful at a time, looked
/// up after every operation, so a flat sorted vector beats a tree.
class NameTable {
 public:
  struct Entry {
    std::uint64_t key;  ///< orderKey(name)
    std::string name;
    Binding binding;
  };

  Binding* find(std::string_view name) {
    const std::uint64_t key = orderKey(name);
    auto at = lowerBound(key, name);
    return at != entries_.end() && isFor(*at, key, name) ? &at->binding : nullptr;
  }
  const Binding* find(std::string_view name) const { return const_cast<NameTable*>(this)->find(name); }
  bool contains(std::string_view name) const { return find(name) != nullptr; }

  /// Binds `name` unless it is bound already (as std::map::emplace).
  void emplace(const std::string& name, const Binding& binding) {
    const std::uint64_t key = orderKey(name);
    auto at = lowerBound(key, name);
    if (at == entries_.end() || !isFor(*at, key, name)) entries_.insert(at, Entry{key, name, binding});
  }
  void erase(std::string_view name) {
    const std::uint64_t key = orderKey(name);
    auto at = lowerBound(key, name);
    if (at != entries_.end() && isFor(*at, key, name)) entries_.erase(at);
  }

  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  /// Whether `entry` is for `name` (whose key is `key`): a name of at most
  /// eight characters is all in its key.
  static bool isFor(const Entry& entry, std::uint64_t key, std::string_view name) {
    return entry.key == key && entry.name.size() == name.size() && (name.size() <= 8 || entry.name == name);
  }

  /// The first entry not ordered before `name` (whose key is `key`).
  std::vector<Entry>::iterator lowerBound(std::uint64_t key, std::string_view name) {
    return std::lower_bound(entries_.begin(), entries_.end(), name, [key](const Entry& entry, std::string_view name) {
      return entry.key != key ? entry.key < key : std::string_view(entry.name) < name;
    });
  }

  std::vector<Entry> entries_;  // sorted by name, no duplicates
};

}  // namespace

struct AbstractCell::State {
  const abstract::PolicyRules* policy;
  std::vector<Object> objects;  ///< indexed by id
  NameTable names;

  // ------------------------------------------------------------ name checks

  std::optional<SequenceError> checkUnbound(const Op& op, const std::string& name) const {
    if (!names.contains(name)) return std::nullopt;
    return SequenceError{op.line, quoted(name) + " is already bound"};
  }

  /// The binding `name` refers to, if it is bound to a kind `needs` admits.
  std::variant<Binding*, SequenceError> use(const Op& op, const std::string& name, const Needs& needs) {
    Binding* found = names.find(name);
    if (found == nullptr) return SequenceError{op.line, quoted(name) + " is not bound"};
    if (!needs.admits(found->kind)) {
      return SequenceError{op.line, quoted(formOf(op.kind).keyword) + " needs " + std::string(needs.what) + ", but " +
                                        quoted(name) + " is " + std::string(kindName(found->kind))};
    }
    return found;
  }

  // ------------------------------------------------------- reference counts

  void addReference(int id) {
    assert(!objects[id].freed && "only a live object gains references");
    ++objects[id].refcount;
  }

  /// "when the count reaches 0 the object and its data are freed"
  void dropReference(int id) {
    Object& object = objects[id];
    assert(!object.freed && object.refcount > 0 && "a reference keeps its object alive");
    if (--object.refcount == 0) object.freed = true;
  }

  /// Gives back what an iterator still holds: its leak (a write of the leak
  /// counter), then its reference (which may free the object).
  void giveBack(Binding& binding) {
    IteratorState& iterator = binding.iterator;
    if (iterator.holdsLeak) {
      assert(!objects[binding.object].freed && "callers report a give-back after free as undefined");
      --objects[binding.object].counts.liveLeaks;
      iterator.holdsLeak = false;
    }
    if (iterator.holdsReference) {
      iterator.holdsReference = false;
      dropReference(binding.object);
    }
  }

  // ------------------------------------------------------------ operations

  Result bindNew(const Op& op) {
    if (auto error = checkUnbound(op, op.name)) return *error;
    objects.emplace_back();
    names.emplace(op.name, Binding{NameKind::kObject, static_cast<int>(objects.size()) - 1, {}});
    return success();
  }

  /// `ref`, `borrow`, `borrow_mut`, `iter`: the id of op.source's object, if
  /// op.name is unbound and op.source names an object (D1).
  std::variant<int, SequenceError> bindingSource(const Op& op) {
    if (auto error = checkUnbound(op, op.name)) return *error;
    auto source = use(op, op.source, kNeedsObject);
    if (auto* error = std::get_if<SequenceError>(&source)) return *error;
    return std::get<Binding*>(source)->object;
  }

  Result ref(const Op& op) {
    auto source = bindingSource(op);
    if (auto* error = std::get_if<SequenceError>(&source)) return *error;
    const int id = std::get<int>(source);
    addReference(id);
    names.emplace(op.name, Binding{NameKind::kObject, id, {}});
    return success();
  }

  /// `borrow G = P` (isMutable false) or `borrow_mut G = P` (isMutable true).
  Result borrow(const Op& op, bool isMutable) {
    auto source = bindingSource(op);
    if (auto* error = std::get_if<SequenceError>(&source)) return *error;
    const int id = std::get<int>(source);
    Object& object = objects[id];
    const Access access = isMutable ? Access::kBorrowMut : Access::kBorrow;
    if (abstract::refuses(*policy, access, object.counts)) return alreadyBorrowed();
    if (abstract::bumpsGeneration(*policy, access)) ++object.generation;
    ++(isMutable ? object.counts.mutableGuards : object.counts.sharedGuards);
    addReference(id);  // "a held guard holds a Python reference to its object"
    names.emplace(op.name, Binding{isMutable ? NameKind::kMutableGuard : NameKind::kSharedGuard, id, {}});
    return success();
  }

  Result iter(const Op& op) {
    auto source = bindingSource(op);
    if (auto* error = std::get_if<SequenceError>(&source)) return *error;
    const int id = std::get<int>(source);
    Object& object = objects[id];
    if (abstract::refuses(*policy, Access::kLeak, object.counts)) return alreadyBorrowed();
    ++object.counts.liveLeaks;
    IteratorState iterator;
    iterator.generation = object.generation;
    iterator.holdsReference = policy->iteratorHoldsReference;
    if (iterator.holdsReference) addReference(id);
    names.emplace(op.name, Binding{NameKind::kIterator, id, iterator});
    return success();
  }

  Result del(const Op& op) {
    auto used = use(op, op.name, kNeedsObject);
    if (auto* error = std::get_if<SequenceError>(&used)) return *error;
    const int id = std::get<Binding*>(used)->object;
    names.erase(op.name);
    dropReference(id);
    return success();
  }

  /// `add`, `discard`, `len`, `contains`: borrow, act, release.
  Result method(const Op& op) {
    auto used = use(op, op.name, kNeedsObject);
    if (auto* error = std::get_if<SequenceError>(&used)) return *error;
    const bool keyed = op.kind != OpKind::kLen;
    if (keyed && (op.key < 0 || op.key > kMaxKey)) {
      return SequenceError{op.line, "key " + std::to_string(op.key) + " is out of range 0..2147483647"};  // D5
    }
    Object& object = objects[std::get<Binding*>(used)->object];
    const bool mutating = op.kind == OpKind::kAdd || op.kind == OpKind::kDiscard;
    const Access access = mutating ? Access::kMutatingMethod : Access::kReadingMethod;
    if (abstract::refuses(*policy, access, object.counts)) return alreadyBorrowed();
    if (abstract::bumpsGeneration(*policy, access)) ++object.generation;
    const auto key = static_cast<std::uint32_t>(op.key);
    if (op.kind == OpKind::kAdd) object.set.insert(key);
    if (op.kind == OpKind::kDiscard) object.set.erase(key);
    if (op.kind == OpKind::kLen) return integer(object.set.size());
    if (op.kind == OpKind::kContains) return success({Value::Kind::kBool, 0, object.set.contains(key)});
    return success();
  }

  /// `read`, `write`, `release`: a guard keeps its object alive, so these
  /// always succeed once the name checks pass.
  Result guardOp(const Op& op) {
    auto used = use(op, op.name, op.kind == OpKind::kWrite ? kNeedsMutableGuard : kNeedsGuard);
    if (auto* error = std::get_if<SequenceError>(&used)) return *error;
    const Binding guard = *std::get<Binding*>(used);
    Object& object = objects[guard.object];
    assert(!object.freed && "a held guard holds a reference");
    if (op.kind == OpKind::kRead) return integer(object.set.size());
    if (op.kind == OpKind::kRelease) {
      --(guard.kind == NameKind::kMutableGuard ? object.counts.mutableGuards : object.counts.sharedGuards);
      names.erase(op.name);
      dropReference(guard.object);
    }
    return success();  // `write` "leaves the set's contents unchanged"
  }

  Result next(const Op& op) {
    auto used = use(op, op.name, kNeedsIterator);
    if (auto* error = std::get_if<SequenceError>(&used)) return *error;
    Binding& binding = *std::get<Binding*>(used);
    IteratorState& iterator = binding.iterator;
    Object& object = objects[binding.object];
    if (policy->generations) {
      assert(!object.freed && "under generation an iterator holds a reference until drop");
      if (iterator.generation != object.generation) return refused("RuntimeError");  // D3
      if (iterator.exhausted) return stop();
    } else {
      // The leak was given back at the first `stop`: "every later next
      // returns stop without touching the data", even if the object is gone.
      if (iterator.exhausted) return stop();
      if (object.freed) return undefined();  // no-parent-ref: a read through a dangling leak
    }
    auto item = iterator.lastYielded ? object.set.upper_bound(*iterator.lastYielded) : object.set.begin();  // D2
    if (item != object.set.end()) {
      iterator.lastYielded = *item;
      return integer(*item);
    }
    iterator.exhausted = true;
    if (!policy->generations) giveBack(binding);  // "as the seed's iterator does"
    return stop();
  }

  Result drop(const Op& op) {
    auto used = use(op, op.name, kNeedsIterator);
    if (auto* error = std::get_if<SequenceError>(&used)) return *error;
    Binding& binding = *std::get<Binding*>(used);
    // Giving the leak back writes the freed object's leak counter.
    if (binding.iterator.holdsLeak && objects[binding.object].freed) return undefined();
    giveBack(binding);
    names.erase(op.name);
    return success();
  }
};

AbstractCell::AbstractCell(std::string_view policy) : state_(std::make_unique<State>()) {
  // A registered design is generated and shrunk as its reference policy.
  state_->policy = abstract::findPolicyRules(specPolicyOf(policy));
  if (state_->policy == nullptr) {
    assert(false && "the policy is one of the names in cell-format.md's table");
    std::abort();
  }
}

AbstractCell::AbstractCell(const AbstractCell& other) : state_(std::make_unique<State>(*other.state_)) {}

AbstractCell& AbstractCell::operator=(const AbstractCell& other) {
  if (this != &other) state_ = std::make_unique<State>(*other.state_);
  return *this;
}

AbstractCell::~AbstractCell() = default;

std::variant<Outcome, SequenceError> AbstractCell::apply(const Op& op) {
  switch (op.kind) {
    case OpKind::kNew: return state_->bindNew(op);
    case OpKind::kRef: return state_->ref(op);
    case OpKind::kBorrow: return state_->borrow(op, false);
    case OpKind::kBorrowMut: return state_->borrow(op, true);
    case OpKind::kIter: return state_->iter(op);
    case OpKind::kDel: return state_->del(op);
    case OpKind::kAdd:
    case OpKind::kDiscard:
    case OpKind::kLen:
    case OpKind::kContains: return state_->method(op);
    case OpKind::kRead:
    case OpKind::kWrite:
    case OpKind::kRelease: return state_->guardOp(op);
    case OpKind::kNext: return state_->next(op);
    case OpKind::kDrop: return state_->drop(op);
  }
  assert(false && "every OpKind is handled above");
  return Outcome{};
}

std::vector<AbstractCell::Name> AbstractCell::names() const {
  std::vector<Name> result;
  for (const auto& entry : state_->names) result.push_back({entry.name, entry.binding.kind});  // sorted
  return result;
}

void AbstractCell::boundNames(std::vector<NameRef>& into) const {
  into.clear();
  for (const auto& entry : state_->names) into.push_back({entry.name, entry.binding.kind, entry.binding.object});
}

std::size_t AbstractCell::liveObjectCount() const {
  return static_cast<std::size_t>(
      std::count_if(state_->objects.begin(), state_->objects.end(), [](const Object& object) { return !object.freed; }));
}

std::vector<AbstractCell::ObjectFacts> AbstractCell::liveObjects() const {
  std::vector<ObjectFacts> result;
  for (std::size_t id = 0; id < state_->objects.size(); ++id) {
    const Object& object = state_->objects[id];
    if (object.freed) continue;
    result.push_back({static_cast<int>(id), object.refcount, object.counts.sharedGuards, object.counts.mutableGuards,
                      object.counts.liveLeaks, {object.set.begin(), object.set.end()}});
  }
  return result;
}

namespace {

void appendWord(std::string& into, std::uint32_t word) {
  for (int shift = 0; shift < 32; shift += 8) into.push_back(static_cast<char>((word >> shift) & 0xff));
}

/// What an iterator still decides: where it stands (unless its leak is
/// stale, when every `next` is refused wherever it stands), what it holds.
std::string iteratorForm(const IteratorState& iterator, const Object& object) {
  const bool stale = iterator.generation != object.generation;
  std::string form;
  appendWord(form, iterator.lastYielded && !stale ? *iterator.lastYielded + 1 : 0);
  form.push_back(static_cast<char>((iterator.exhausted && !stale) | iterator.holdsLeak << 1 |
                                   iterator.holdsReference << 2 | stale << 3));
  return form;
}

}  // namespace

std::string AbstractCell::canonicalForm() const {
  struct Parts {
    int names = 0;
    std::vector<std::string> iterators;
  };
  std::vector<Parts> parts(state_->objects.size());
  int detached = 0;  // exhausted iterators that gave everything back (strict family)
  int dangling = 0;  // iterators whose object was freed under them (no-parent-ref)
  for (const auto& entry : state_->names) {
    const Binding& binding = entry.binding;
    const Object& object = state_->objects[binding.object];
    if (binding.kind == NameKind::kObject) ++parts[binding.object].names;
    if (binding.kind != NameKind::kIterator) continue;
    const IteratorState& iterator = binding.iterator;
    if (iterator.exhausted && !iterator.holdsLeak && !iterator.holdsReference) {
      ++detached;
    } else if (object.freed) {
      ++dangling;
    } else {
      parts[binding.object].iterators.push_back(iteratorForm(iterator, object));
    }
  }
  std::vector<std::string> objects;
  for (std::size_t id = 0; id < parts.size(); ++id) {
    const Object& object = state_->objects[id];
    if (object.freed) continue;
    std::string form;
    appendWord(form, static_cast<std::uint32_t>(object.set.size()));
    for (const std::uint32_t key : object.set) appendWord(form, key);
    form.push_back(static_cast<char>(parts[id].names));
    form.push_back(static_cast<char>(object.counts.sharedGuards));
    form.push_back(static_cast<char>(object.counts.mutableGuards));
    std::sort(parts[id].iterators.begin(), parts[id].iterators.end());
    form.push_back(static_cast<char>(parts[id].iterators.size()));
    for (const std::string& iterator : parts[id].iterators) form += iterator;
    objects.push_back(std::move(form));
  }
  std::sort(objects.begin(), objects.end());
  std::string result{static_cast<char>(detached), static_cast<char>(dangling), static_cast<char>(objects.size())};
  for (const std::string& object : objects) result += object;
  return result;
}

std::vector<int> AbstractCell::freedObjects() const {
  std::vector<int> result;  // D6
  for (std::size_t id = 0; id < state_->objects.size(); ++id) {
    if (state_->objects[id].freed) result.push_back(static_cast<int>(id));
  }
  return result;
}

int AbstractCell::objectOf(const std::string& name) const {
  const Binding* found = state_->names.find(name);
  return found == nullptr ? -1 : found->object;
}

}  // namespace sbcheck::cellseq
