// The table of a picture: rows aligned across lanes, byte columns merged while
// they agree, and each cell's chips from the stacks before and after an event.
#include "harness/html/layout.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <span>

namespace sbcheck::html {
namespace {

using Key = std::pair<int, int>;  ///< (line, index of the event within its line)

/// Each lane's steps by key, and every key in order.
std::vector<std::map<Key, std::size_t>> keysOf(const std::vector<Lane>& lanes, std::set<Key>& all) {
  std::vector<std::map<Key, std::size_t>> byKey(lanes.size());
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    std::map<int, int> seen;
    for (std::size_t s = 0; s < lanes[l].steps.size(); ++s) {
      const Key key{lanes[l].steps[s].event.line, seen[lanes[l].steps[s].event.line]++};
      byKey[l].emplace(key, s);
      all.insert(key);
    }
  }
  return byKey;
}

/// The access a use asks of the item that grants it, at byte `at`: sb2.md's
/// strong retags access with the new permission's rights, weak ones need write.
std::optional<sb::AccessKind> accessOf(const sbt::Event& event, std::uint64_t at) {
  switch (event.kind) {
    case sbt::EventKind::kRead: return sb::AccessKind::Read;
    case sbt::EventKind::kWrite:
    case sbt::EventKind::kDealloc: return sb::AccessKind::Write;
    case sbt::EventKind::kLet: break;
    case sbt::EventKind::kAlloc:
    case sbt::EventKind::kCall:
    case sbt::EventKind::kReturn: return std::nullopt;
  }
  switch (event.let) {
    case sbt::LetKind::kMutRef:
    case sbt::LetKind::kRawMut: return sb::AccessKind::Write;
    case sbt::LetKind::kSharedRef:
    case sbt::LetKind::kRawConst: {
      const bool inCell = event.allCell || std::ranges::any_of(event.cellRanges, [&](ByteRange r) {
                            return r.begin <= at && at < r.end;
                          });
      return inCell ? sb::AccessKind::Write : sb::AccessKind::Read;
    }
    case sbt::LetKind::kCopy: break;
  }
  return std::nullopt;
}

/// Every allocation's byte boundaries across all lanes and steps.
std::vector<std::set<std::uint64_t>> boundaries(const std::vector<Lane>& lanes, std::vector<std::string>& names) {
  std::vector<std::set<std::uint64_t>> cuts;
  auto cut = [&](std::size_t a, ByteRange r) {
    cuts[a].insert(r.begin);
    cuts[a].insert(r.end);
  };
  for (const Lane& lane : lanes) {
    for (const Step& step : lane.steps) {
      for (std::size_t a = 0; a < step.allocations.size(); ++a) {
        const AllocationState& state = step.allocations[a];
        if (a >= cuts.size()) {
          cuts.emplace_back();
          names.push_back(state.name);
        }
        cut(a, ByteRange{0, state.size});
        for (const auto& [run, stack] : state.runs) cut(a, run);
        if (!step.use || step.use->ptr.alloc != a) continue;
        cut(a, ByteRange{std::min(step.use->bytes.begin, state.size), std::min(step.use->bytes.end, state.size)});
        for (ByteRange r : step.event.cellRanges) cut(a, r);
        for (const RemovedItem& removed : step.removed) cut(a, removed.bytes);
      }
    }
  }
  return cuts;
}

const sb::Stack* stackAt(const AllocationState& state, std::uint64_t at) {
  for (const auto& [run, stack] : state.runs) {
    if (run.begin <= at && at < run.end) return &stack;
  }
  return nullptr;
}

Chip chipOf(const Lane& lane, const sb::Item& item) {
  return Chip{item.perm, item.tag.id, tagLabel(lane, item.tag), item.protector != sb::kNoCall, false, false, false, {}};
}

/// The rule's words for `item` leaving byte `at` during `step`.
std::string whyGone(const Step& step, const sb::Item& item, std::uint64_t at) {
  for (const RemovedItem& removed : step.removed) {
    if (removed.removal.item == item && removed.bytes.begin <= at && at < removed.bytes.end) return removed.why;
  }
  return "removed";
}

/// Before and after, merged in stack order: kept items, removed ones where
/// they were, new ones where they were put. `granting` indexes `before`.
std::vector<Chip> mergeStacks(const Lane& lane, const Step& step, std::span<const sb::Item> before,
                              std::span<const sb::Item> after, std::optional<std::size_t> granting, std::uint64_t at) {
  std::vector<Chip> chips;
  std::size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    const std::span<const sb::Item> rest = after.subspan(j);
    const bool stays = i < before.size() && std::ranges::find(rest, before[i]) != rest.end();
    if (i < before.size() && j < after.size() && before[i] == after[j]) {
      chips.push_back(chipOf(lane, after[j++]));
      chips.back().granting = granting == i++;
    } else if (i < before.size() && !stays) {
      chips.push_back(chipOf(lane, before[i]));
      chips.back().removed = true;
      chips.back().granting = granting == i;
      chips.back().why = whyGone(step, before[i++], at);
    } else {
      chips.push_back(chipOf(lane, after[j++]));
      // An item turned Disabled (sb2-disable) is the old one, not a new one.
      chips.back().isNew = std::ranges::none_of(step.removed, [&](const RemovedItem& r) {
        return r.removal.disabled && r.removal.item.tag == after[j - 1].tag;
      });
    }
  }
  return chips;
}

/// Allocation `a`'s stack at byte `at` in the step before `s`, if it was live.
const sb::Stack* stackBefore(const Lane& lane, std::size_t s, std::size_t a, std::uint64_t at) {
  if (s == 0 || a >= lane.steps[s - 1].allocations.size()) return nullptr;
  const AllocationState& state = lane.steps[s - 1].allocations[a];
  return state.live ? stackAt(state, at) : nullptr;
}

CellView cellOf(const Lane& lane, std::size_t s, std::size_t a, ByteRange bytes) {
  const Step& step = lane.steps[s];
  if (a >= step.allocations.size()) return {};
  const AllocationState& state = step.allocations[a];
  const sb::Stack* before = stackBefore(lane, s, a, bytes.begin);
  if (!state.live && before == nullptr) return CellView{CellView::State::kFreed, {}};
  std::optional<std::size_t> granting;
  const bool used = step.use && step.use->ptr.alloc == a && step.use->bytes.begin <= bytes.begin &&
                    bytes.begin < step.use->bytes.end;
  if (used && before != nullptr) {
    if (auto access = accessOf(step.event, bytes.begin)) granting = before->findGranting(*access, step.use->ptr.tag);
  }
  const sb::Stack* after = state.live ? stackAt(state, bytes.begin) : nullptr;
  const std::span<const sb::Item> none;
  return CellView{state.live ? CellView::State::kLive : CellView::State::kFreed,
                  mergeStacks(lane, step, before ? before->items() : none, after ? after->items() : none, granting,
                              bytes.begin)};
}

/// The tags a row's cells show as created, granting or removed, and the one it used.
std::vector<std::uint64_t> tagsOf(const LaneRow& row) {
  std::set<std::uint64_t> tags;
  for (const CellView& cell : row.cells) {
    for (const Chip& chip : cell.chips) {
      if (chip.isNew || chip.granting || chip.removed) tags.insert(chip.tagId);
    }
  }
  if (row.step != nullptr && row.step->use) tags.insert(row.step->use->ptr.tag.id);
  return {tags.begin(), tags.end()};
}

/// Whether fine columns c and c + 1 look the same in every row and lane.
bool sameEverywhere(const std::vector<Row>& rows, std::size_t c) {
  return std::ranges::all_of(rows, [&](const Row& row) {
    return std::ranges::all_of(row.lanes, [&](const LaneRow& lane) { return lane.cells[c] == lane.cells[c + 1]; });
  });
}

/// Merges neighbouring columns of one allocation that never differ.
void mergeColumns(Layout& layout) {
  for (std::size_t c = 0; c + 1 < layout.columns.size();) {
    Column& left = layout.columns[c];
    const Column& right = layout.columns[c + 1];
    if (left.alloc != right.alloc || left.bytes.end != right.bytes.begin || !sameEverywhere(layout.rows, c)) {
      ++c;
      continue;
    }
    left.bytes.end = right.bytes.end;
    layout.columns.erase(layout.columns.begin() + static_cast<std::ptrdiff_t>(c) + 1);
    for (Row& row : layout.rows) {
      for (LaneRow& lane : row.lanes) lane.cells.erase(lane.cells.begin() + static_cast<std::ptrdiff_t>(c) + 1);
    }
  }
}

bool lanesDiffer(const Row& row) {
  const LaneRow& first = row.lanes.front();
  return std::ranges::any_of(row.lanes, [&](const LaneRow& lane) {
    if ((lane.step == nullptr) != (first.step == nullptr)) return true;
    if (lane.step == nullptr) return false;
    return lane.step->text != first.step->text || lane.step->ub.has_value() != first.step->ub.has_value() ||
           lane.cells != first.cells;
  });
}

}  // namespace

Layout layOut(const std::vector<Lane>& lanes) {
  Layout layout;
  std::set<Key> keys;
  const auto byKey = keysOf(lanes, keys);
  std::vector<std::string> names;
  const auto cuts = boundaries(lanes, names);
  std::vector<std::size_t> allocOf;  // fine column -> allocation index
  for (std::size_t a = 0; a < cuts.size(); ++a) {
    for (auto it = cuts[a].begin(); std::next(it) != cuts[a].end(); ++it) {
      layout.columns.push_back(Column{names[a], ByteRange{*it, *std::next(it)}});
      allocOf.push_back(a);
    }
  }
  for (const Key& key : keys) {
    Row row{key.first, {}, false};
    for (std::size_t l = 0; l < lanes.size(); ++l) {
      LaneRow laneRow;
      auto found = byKey[l].find(key);
      if (found != byKey[l].end()) {
        laneRow.step = &lanes[l].steps[found->second];
        for (std::size_t c = 0; c < layout.columns.size(); ++c) {
          laneRow.cells.push_back(cellOf(lanes[l], found->second, allocOf[c], layout.columns[c].bytes));
        }
        row.ub = row.ub || laneRow.step->ub.has_value();
      } else {
        laneRow.cells.resize(layout.columns.size());
      }
      laneRow.tags = tagsOf(laneRow);
      row.lanes.push_back(std::move(laneRow));
    }
    layout.rows.push_back(std::move(row));
  }
  mergeColumns(layout);
  for (std::size_t r = 0; r < layout.rows.size() && lanes.size() > 1; ++r) {
    if (lanesDiffer(layout.rows[r])) {
      layout.firstDifference = r;
      break;
    }
  }
  return layout;
}

}  // namespace sbcheck::html
