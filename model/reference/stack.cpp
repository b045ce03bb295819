// Searching, merging and printing reference stacks.
#include "model/reference/stack.hpp"

namespace sbcheck::reference {

std::optional<std::size_t> findGranting(const Stack& stack, Access access, TagId tag, bool bottomUp) {
  for (std::size_t k = 0; k < stack.size(); ++k) {
    const std::size_t i = bottomUp ? k : stack.size() - 1 - k;
    if (stack[i].tag == tag && grants(stack[i].perm, access)) return i;
  }
  return std::nullopt;
}

Stack mergeEqualNeighbours(const Stack& stack) {
  Stack merged;
  for (const Item& item : stack) {
    if (merged.empty() || !(merged.back() == item)) merged.push_back(item);
  }
  return merged;
}

std::string toString(const Item& item) {
  std::string text(shortName(item.perm));
  text += item.tag == kUntagged ? " <untagged>" : " <" + std::to_string(item.tag) + ">";
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

}  // namespace sbcheck::reference
