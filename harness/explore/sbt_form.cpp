// The canonical form of a `.sbt` explorer state (R1–R5 in sbt_form.hpp).
#include "harness/explore/sbt_form.hpp"

#include <algorithm>
#include <span>
#include <string_view>

namespace sbcheck::explore {
namespace {

/// R1 and R2: one variant's canonical tag names. Live tags are named by
/// first appearance in the stacks; a live tag that appears nowhere is absent.
class TagNames {
 public:
  static constexpr char kAnonymous = 0, kUntagged = 1, kAbsent = 2, kFirstLive = 3;

  void live(sb::Tag tag) {
    if (!tag.untagged()) names_.emplace_back(tag.id, kAnonymous);
  }
  /// An item's tag, naming a live one on its first appearance.
  char inStack(sb::Tag tag) {
    if (tag.untagged()) return kUntagged;
    for (auto& [id, name] : names_) {
      if (id != tag.id) continue;
      if (name == kAnonymous) name = static_cast<char>(kFirstLive + next_++);
      return name;
    }
    return kAnonymous;  // dead
  }
  char of(sb::Tag tag) const {
    if (tag.untagged()) return kUntagged;
    for (const auto& [id, name] : names_) {
      if (id == tag.id && name != kAnonymous) return name;
    }
    return kAbsent;
  }

 private:
  Small<std::pair<std::uint64_t, char>, 6> names_;
  int next_ = 0;
};

/// R2: a protector as the depth of its call while that call is active.
char protectorName(sb::CallId call, std::span<const sb::CallId> open, bool anonymous) {
  if (call == sb::kNoCall) return 0;
  const auto at = std::find(open.begin(), open.end(), call);
  if (at != open.end()) return static_cast<char>(1 + (at - open.begin()));
  return anonymous ? 0 : 0x7f;  // ended
}

/// Every byte's stack under R1–R4, three characters an item; `|` ends a byte
/// (where a permission, 0..3, would start). Returns the tallest stack written.
std::size_t writeStacks(const sb::AnyModel& model, std::uint32_t bytes, std::span<const sb::CallId> calls,
                        TagNames& names, std::string& form) {
  if (!model.isLive(0)) {
    form += 'F';
    return 0;
  }
  const bool itemsActAlone = model.itemsActAlone();
  std::size_t tallest = 0;
  model.forEachStack(0, sb::ByteRange{0, bytes}, [&](sb::ByteRange run, const sb::Stack& stack) {
    const std::size_t start = form.size();
    std::size_t height = 0;
    for (const sb::Item& item : stack.items()) {
      const char tag = item.perm == sb::Permission::Disabled ? TagNames::kAnonymous : names.inStack(item.tag);
      const bool anonymous = tag == TagNames::kAnonymous;
      const char written[3] = {static_cast<char>(item.perm), tag, protectorName(item.protector, calls, anonymous)};
      if (anonymous && written[2] == 0 && itemsActAlone) continue;                   // R4
      if (height > 0 && form.compare(form.size() - 3, 3, written, 3) == 0) continue;  // R3
      form.append(written, 3);
      ++height;
    }
    form += '|';
    // The form reads byte by byte: a run of bytes sharing a stack repeats it.
    const std::string byte = form.substr(start);
    for (std::uint64_t b = run.begin + 1; b < run.end; ++b) form += byte;
    tallest = std::max(tallest, height);
  });
  return tallest;
}

}  // namespace

std::string canonicalTraceForm(const TraceSpace::State& state, std::size_t models, std::uint32_t bytes,
                               std::size_t& tallest) {
  std::string form{static_cast<char>(state.allocated), static_cast<char>(state.calls.size())};
  Small<std::size_t, 4> live;
  for (std::size_t s = 0; s < state.slots.size(); ++s) {
    if (state.slots[s].live) live.push_back(s);
  }
  // The pointer table, one record per live pointer: its bytes, then per
  // variant its tag's name and the law's memory of it.
  const std::size_t record = 2 + 2 * models;
  std::string table(live.size() * record, '\0');
  for (std::size_t k = 0; k < live.size(); ++k) {
    table[k * record] = static_cast<char>(state.slots[live[k]].range.begin);
    table[k * record + 1] = static_cast<char>(state.slots[live[k]].range.end);
  }
  for (std::size_t m = 0; m < models; ++m) {
    TagNames names;
    for (const std::size_t s : live) names.live(state.held[s * models + m].tag);
    if (state.allocated) {
      const std::span<const sb::CallId> calls(state.calls.data(), state.calls.size());
      tallest = std::max(tallest, writeStacks(*state.models[m], bytes, calls, names, form));
    }
    form += static_cast<char>(state.untaggedLost[m]);
    for (std::size_t k = 0; k < live.size(); ++k) {
      const TraceSpace::Held& held = state.held[live[k] * models + m];
      table[k * record + 2 + 2 * m] = names.of(held.tag);
      table[k * record + 3 + 2 * m] = static_cast<char>(held.lost);
    }
  }
  Small<std::string_view, 4> records;  // R5: a set, whatever the slots
  for (std::size_t k = 0; k < live.size(); ++k) records.push_back(std::string_view(table).substr(k * record, record));
  std::sort(records.begin(), records.end());
  for (const std::string_view pointer : records) form += pointer;
  return form;
}

}  // namespace sbcheck::explore
