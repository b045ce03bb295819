// UB reports: the failing operation in the trace's own names, the stack where
// it failed, and the tag's history (created where, removed where and why).
#include "harness/sbt/explain.hpp"

#include "harness/sbt/print.hpp"
#include "model/sb/diagnostics.hpp"

namespace sbcheck::sbt {

void World::bind(const std::string& name, Binding binding, int line) {
  tagNames.try_emplace(binding.ptr.tag.id, name);
  nameLines.insert_or_assign(name, line);
  names.insert_or_assign(name, binding);
}

std::string World::place(sb::AllocId alloc, ByteRange range) const {
  std::string text = allocNames[alloc] + "[" + std::to_string(range.begin);
  if (range.size() != 1) text += ".." + std::to_string(range.end);
  return text + "]";
}

std::string World::tagName(sb::Tag tag) const {
  if (tag.untagged()) return "<untagged>";
  auto found = tagNames.find(tag.id);
  if (found == tagNames.end()) return sb::toString(tag);
  return terms.pointers.contains(found->second) ? pointerName(found->second, tag)
                                                : sb::toString(tag) + " (" + found->second + ")";
}

std::string World::pointerName(const std::string& name, sb::Tag tag) const {
  auto described = terms.pointers.find(name);
  if (described == terms.pointers.end()) {
    return tag.untagged() ? name + " <untagged>" : sb::toString(tag) + " (" + name + ")";
  }
  return described->second.what + " (line " + std::to_string(described->second.line) + ", " +
         (tag.untagged() ? "<untagged>" : sb::toString(tag)) + " " + name + ")";
}

std::string World::where(sb::AllocId alloc, ByteRange range) const {
  auto object = terms.allocations.find(allocNames[alloc]);
  if (object == terms.allocations.end()) return place(alloc, range);
  std::string what = object->second;
  for (const auto& [bytes, part] : terms.parts) {
    if (bytes.begin <= range.begin && range.end <= bytes.end) what += "'s " + part;
  }
  return what + " (" + place(alloc, range) + ")";
}

std::string World::allocation(sb::AllocId alloc) const {
  auto object = terms.allocations.find(allocNames[alloc]);
  return object == terms.allocations.end() ? allocNames[alloc] : object->second + " (" + allocNames[alloc] + ")";
}

namespace {

using sb::Operation;
using sb::UbKind;

std::string lineRef(const World& world, int line) {
  auto text = world.lineTexts.find(line);
  return "line " + std::to_string(line) + (text == world.lineTexts.end() ? "" : " (`" + text->second + "`)");
}

/// The bytes the failing event meant to touch.
ByteRange eventRange(const World& world, const Event& event, const sb::Ub& ub) {
  if (event.kind == EventKind::kDealloc) return ByteRange{0, world.model.allocationSize(ub.alloc)};
  return event.operand.range.value_or(world.lookup(event.operand.name).range);
}

/// "p <untagged>": the operand's name with its tag.
std::string pointerText(const World& world, const Event& event, sb::Tag tag) {
  return world.pointerName(event.operand.name, tag);
}

/// "<3> (b)'s SharedReadOnly item", or with user terms "the SharedReadOnly
/// item of the leak of iterator it (...)"; `perm` may be empty.
std::string itemOf(const World& world, sb::Tag tag, std::string_view perm) {
  const std::string item = perm.empty() ? "item" : std::string(perm) + " item";
  if (world.terms.pointers.empty()) return world.tagName(tag) + "'s " + item;
  return "the " + item + " of " + world.tagName(tag);
}

/// "read access via p <untagged>", "&mut retag (Unique, strong) from <2> (x0)", ...
std::string operationText(const World& world, const Event& event, const sb::Ub& ub) {
  switch (ub.op) {
    case Operation::kAccess: return std::string(sb::name(ub.access)) + " access via " + pointerText(world, event, ub.tag);
    case Operation::kRetag: return sb::retagDescription(ub.retag) + " from " + pointerText(world, event, ub.tag);
    case Operation::kTwoPhaseRegrant:
      return "the two-phase re-grant (a shared reborrow of the parent from " + world.tagName(ub.tag) + ")";
    case Operation::kDealloc: return "deallocation via " + pointerText(world, event, ub.tag);
    case Operation::kCopy: return "copy of " + pointerText(world, event, ub.tag);
  }
  return "operation";
}

std::string callText(const World& world, sb::CallId call) {
  return "the call at line " + std::to_string(world.callLines[call - 1]) + ", which is still active";
}

std::string creationText(const World& world, const std::string& name, sb::Tag tag) {
  const bool userTerms = !world.terms.pointers.empty();
  if (tag.untagged()) {
    const std::string who = userTerms && world.terms.pointers.contains(name) ? world.pointerName(name, tag) : name;
    auto bound = world.nameLines.find(name);
    const std::string where = bound == world.nameLines.end() ? "" : " bound at " + lineRef(world, bound->second);
    return who + where + " is untagged: <untagged> is the tag every raw pointer (and untagged allocation) shares in sb2";
  }
  const sb::Creation* creation = world.history.creation(tag);
  if (creation == nullptr) return world.tagName(tag) + " has no recorded creation";
  // With user terms the line is the caller's, and the event the model's own.
  std::string text = world.tagName(tag) + " was created at " +
                     (userTerms ? lineRef(world, creation->event) : "line " + std::to_string(creation->event)) +
                     (userTerms ? " as " : " by ");
  if (!creation->parent) return text + "an " + creation->how + " of " + std::to_string(creation->range.size()) + " bytes";
  return text + "`" + creation->how + "` from " + world.tagName(*creation->parent) + ", for " +
         world.where(creation->alloc, creation->range);
}

/// Why `tag` has no granting item at the failing byte.
std::string whyNoItem(const World& world, const sb::Ub& ub) {
  const std::string here = world.where(ub.alloc, ByteRange{ub.offset, ub.offset + 1});
  if (world.model.isLive(ub.alloc)) {
    std::string present;
    world.model.forEachStack(ub.alloc, ByteRange{ub.offset, ub.offset + 1}, [&](ByteRange, const sb::Stack& stack) {
      for (const sb::Item& item : stack.items()) {
        if (item.tag == ub.tag && present.empty()) present = std::string(sb::longName(item.perm));
      }
    });
    if (!present.empty() && present != "Disabled") {
      return itemOf(world, ub.tag, "") + " at " + here + " is " + present + ", which does not grant " +
             std::string(sb::name(ub.access)) + " access";
    }
  }
  if (const sb::RemovalRecord* removal = world.history.lastRemoval(ub.tag, ub.alloc, ub.offset)) {
    return itemOf(world, ub.tag, sb::longName(removal->removal.item.perm)) + " at " +
           world.where(removal->alloc, removal->bytes) + " was " +
           (removal->removal.disabled ? "disabled" : "removed") + " at " + lineRef(world, removal->event) +
           (removal->removal.deallocated ? "" : " by a " + std::string(sb::name(removal->removal.access)) +
                                                    " access via " + world.tagName(removal->removal.granting.tag)) +
           ": " + sb::ruleText(removal->removal);
  }
  return world.tagName(ub.tag) + " never had an item at " + here;
}

std::string mainMessage(const World& world, const Event& event, const sb::Ub& ub) {
  const std::string operation = operationText(world, event, ub);
  const std::string bytes = world.where(ub.alloc, eventRange(world, event, ub));
  const std::string here = world.place(ub.alloc, ByteRange{ub.offset, ub.offset + 1});
  switch (ub.kind) {
    case UbKind::kNoGrantingItem:
      return operation + " at " + bytes + ": no item grants " + sb::toString(ub.tag) + " " +
             std::string(sb::name(ub.access)) + " access at " + here;
    case UbKind::kProtectedItemRemoved:
      return operation + " at " + bytes + " would remove " + sb::toString(ub.item) + " at " + here + ", protected by " +
             callText(world, ub.item.protector);
    case UbKind::kProtectedItemDeallocated:
      return operation + " would remove " + sb::toString(ub.item) + " at " + here + ", protected by " +
             callText(world, ub.item.protector);
    case UbKind::kUseAfterFree:
      return operation + " at " + bytes + ": use after free (" + world.allocation(ub.alloc) + " was freed at line " +
             std::to_string(world.freedLines[ub.alloc]) + ")";
    case UbKind::kOutOfBounds:
      return operation + ": " + bytes + " is out of bounds of " + world.allocation(ub.alloc) + " (" +
             std::to_string(world.model.allocationSize(ub.alloc)) + " bytes)";
  }
  return operation;
}

}  // namespace

UbReport explain(const World& world, const Event& event, const sb::Ub& ub) {
  UbReport report;
  report.line = event.line;
  report.event = printEvent(event);
  report.kind = std::string(sb::kindId(ub.kind));
  report.message = mainMessage(world, event, ub);
  if (world.model.isLive(ub.alloc) && ub.kind != UbKind::kOutOfBounds) {
    const ByteRange here{ub.offset, ub.offset + 1};
    world.model.forEachStack(ub.alloc, here, [&](ByteRange, const sb::Stack& stack) {
      report.stack = world.place(ub.alloc, here) + ": " + sb::toString(stack);
    });
  }
  const std::string& name = event.operand.name;
  switch (ub.kind) {
    case UbKind::kNoGrantingItem:
      report.help.push_back(creationText(world, name, ub.tag));
      report.help.push_back(whyNoItem(world, ub));
      break;
    case UbKind::kProtectedItemRemoved:
    case UbKind::kProtectedItemDeallocated:
      report.help.push_back(creationText(world, world.tagName(ub.item.tag), ub.item.tag));
      report.help.push_back(creationText(world, name, ub.tag));
      break;
    case UbKind::kUseAfterFree:
    case UbKind::kOutOfBounds: report.help.push_back(creationText(world, name, ub.tag)); break;
  }
  return report;
}

}  // namespace sbcheck::sbt
