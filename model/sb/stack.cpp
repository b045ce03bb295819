// Printing and invariant checks for borrow stacks.
#include "model/sb/stack.hpp"

namespace sbcheck::sb {

std::string toString(Tag tag) {
  return tag.untagged() ? std::string("<untagged>") : "<" + std::to_string(tag.id) + ">";
}

std::string toString(const Item& item) {
  std::string text(shortName(item.perm));
  text += ' ';
  text += toString(item.tag);
  if (item.protector != kNoCall) text += '*';
  return text;
}

std::string toString(const Stack& stack) {
  std::string text = "[";
  for (std::size_t i = 0; i < stack.size(); ++i) {
    if (i > 0) text += ", ";
    text += toString(stack[i]);
  }
  return text + "]";
}

bool Stack::checkInvariants() const {
  if (items_.empty()) return false;  // S1
  bool sawSharedReadOnly = false;
  std::size_t topUnique = kNone;
  for (std::size_t i = 0; i < items_.size(); ++i) {
    const Item& item = items_[i];
    if (sawSharedReadOnly && item.perm != Permission::SharedReadOnly) return false;  // S2
    sawSharedReadOnly = sawSharedReadOnly || item.perm == Permission::SharedReadOnly;
    if (item.perm == Permission::Unique) topUnique = i;
  }
  return topUnique == topUnique_;  // C1
}

}  // namespace sbcheck::sb
