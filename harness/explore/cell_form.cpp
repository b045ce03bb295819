// Writing a cell world's canonical form (the reductions are argued in the header).
#include "harness/explore/cell_form.hpp"

#include <algorithm>
#include <vector>

namespace sbcheck::explore {
namespace {

void appendWord(std::string& into, std::uint64_t word) {
  for (int shift = 0; shift < 32; shift += 8) into.push_back(static_cast<char>((word >> shift) & 0xff));
}

/// Tag codes within one object: dead, Untagged, absent, then live tags by
/// first appearance.
class TagNumbers {
 public:
  static constexpr std::uint8_t kDead = 0, kUntagged = 1, kAbsent = 2;

  void addLive(sb::Tag tag) { live_.push_back({tag, kAbsent}); }
  bool isLive(sb::Tag tag) const { return tag.untagged() || find(tag) != nullptr; }

  /// The tag's code, numbering a live tag on first sight.
  std::uint8_t number(sb::Tag tag) {
    if (tag.untagged()) return kUntagged;
    Entry* entry = find(tag);
    if (entry == nullptr) return kDead;
    if (entry->code == kAbsent) entry->code = static_cast<std::uint8_t>(kAbsent + 1 + next_++);
    return entry->code;
  }
  /// The code a live tag got in the stacks, or kAbsent.
  std::uint8_t codeOf(sb::Tag tag) const {
    const Entry* entry = find(tag);
    return entry != nullptr ? entry->code : kAbsent;
  }

 private:
  struct Entry {
    sb::Tag tag;
    std::uint8_t code;
  };
  Entry* find(sb::Tag tag) {
    for (Entry& entry : live_) {
      if (entry.tag == tag) return &entry;
    }
    return nullptr;
  }
  const Entry* find(sb::Tag tag) const { return const_cast<TagNumbers*>(this)->find(tag); }

  std::vector<Entry> live_;
  int next_ = 0;
};

/// The object's stacks, run by run, bottom up, runs of equal dead items as
/// one; neighbouring runs whose stacks read the same once reduced are one run.
void appendStacks(const cell::Object& object, const cellseq::DirectProbe& probe, const sb::AnyModel& model,
                  TagNumbers& tags, std::string& into) {
  const sb::AllocId alloc = probe.pointer(object.base()).alloc;
  const bool forgetDead = model.itemsActAlone();
  std::string previousItems;
  model.forEachStack(alloc, sb::ByteRange{0, model.allocationSize(alloc)}, [&](sb::ByteRange run, const sb::Stack& stack) {
    std::string items;
    bool previousDead = false;
    sb::Item previous;
    for (const sb::Item& item : stack.items()) {
      const bool dead = !tags.isLive(item.tag) && item.protector == sb::kNoCall;
      if (dead && (forgetDead || (previousDead && item.perm == previous.perm))) continue;
      items.push_back(static_cast<char>(static_cast<int>(item.perm) | (item.protector != sb::kNoCall) << 3));
      items.push_back(static_cast<char>(tags.number(item.tag)));
      previousDead = dead;
      previous = item;
    }
    if (!into.empty() && items == previousItems) {
      into[into.size() - previousItems.size() - 1] = static_cast<char>(run.end);  // the previous run grows
      return;
    }
    into.push_back(static_cast<char>(items.size()));
    into.push_back(static_cast<char>(run.end));
    into += items;
    previousItems = std::move(items);
  });
}

std::string iteratorForm(const cell::Iterator& it, std::uint8_t tagCode, bool stale) {
  std::string form;
  appendWord(form, stale ? 0 : it.position());
  form.push_back(static_cast<char>(it.leak().counted | it.leak().holder.has_value() << 1 | stale << 2));
  form.push_back(static_cast<char>(tagCode));
  return form;
}

std::string objectForm(const cell::Object& object, std::span<const BindingView> bindings,
                       const cellseq::DirectProbe& probe, const sb::AnyModel& model) {
  TagNumbers tags;
  for (const BindingView& binding : bindings) {
    if (binding.object != &object) continue;
    if (binding.kind == BindingView::Kind::kGuard) tags.addLive(probe.pointer(binding.guard->ptr()).tag);
    if (binding.kind == BindingView::Kind::kIterator) tags.addLive(probe.pointer(binding.iterator->leak().ptr).tag);
  }
  std::string stacks;
  appendStacks(object, probe, model, tags, stacks);
  std::string form;
  appendWord(form, stacks.size());  // every variable part is counted, so forms never run together
  form += stacks;
  appendWord(form, object.refcount());
  appendWord(form, object.state.borrows);
  appendWord(form, object.state.leaks);
  form.push_back(static_cast<char>(object.state.mutablyBorrowed));
  appendWord(form, object.data.set.size());
  for (const std::uint32_t key : object.data.set) appendWord(form, key);
  std::vector<std::string> held;  // guards and iterators, sorted
  int names = 0;
  for (const BindingView& binding : bindings) {
    if (binding.object != &object) continue;
    switch (binding.kind) {
      case BindingView::Kind::kName: ++names; break;
      case BindingView::Kind::kGuard:
        held.push_back({'g', static_cast<char>(binding.guard->isMutable()),
                        static_cast<char>(tags.codeOf(probe.pointer(binding.guard->ptr()).tag))});
        break;
      case BindingView::Kind::kIterator: {
        const cell::Iterator& it = *binding.iterator;
        const bool stale = it.leak().generation != object.state.generation;
        held.push_back("i" + iteratorForm(it, tags.codeOf(probe.pointer(it.leak().ptr).tag), stale));
        break;
      }
    }
  }
  std::sort(held.begin(), held.end());
  form.push_back(static_cast<char>(names));
  form.push_back(static_cast<char>(held.size()));
  for (const std::string& part : held) form += part;
  return form;
}

}  // namespace

void appendCellForm(std::span<const BindingView> bindings, const cellseq::DirectProbe& probe,
                    const sb::AnyModel& model, std::string& into) {
  std::vector<const cell::Object*> objects;
  std::vector<std::string> dangling;
  int released = 0;
  for (const BindingView& binding : bindings) {
    if (binding.kind == BindingView::Kind::kIterator && binding.iterator->released()) {
      ++released;
    } else if (binding.object == nullptr) {
      dangling.push_back(binding.kind == BindingView::Kind::kIterator
                             ? "i" + iteratorForm(*binding.iterator, TagNumbers::kAbsent, false)
                             : std::string{binding.kind == BindingView::Kind::kName ? 'n' : 'g'});
    } else if (std::find(objects.begin(), objects.end(), binding.object) == objects.end()) {
      objects.push_back(binding.object);
    }
  }
  std::vector<std::string> forms;
  for (const cell::Object* object : objects) forms.push_back(objectForm(*object, bindings, probe, model));
  std::sort(forms.begin(), forms.end());
  std::sort(dangling.begin(), dangling.end());
  into.push_back(static_cast<char>(released));
  into.push_back(static_cast<char>(dangling.size()));
  for (const std::string& part : dangling) into += part;
  into.push_back(static_cast<char>(forms.size()));
  for (const std::string& form : forms) {
    appendWord(into, form.size());
    into += form;
  }
}

}  // namespace sbcheck::explore
