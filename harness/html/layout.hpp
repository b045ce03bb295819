// Laying lanes out as a table: rows (one per event, lanes aligned by source
// line), columns (byte ranges, neighbours merged while their stacks agree in
// every row and lane), and in each cell the stack after the event as chips,
// bottom to top, with the removed, granting, new and protected items flagged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/html/timeline.hpp"

namespace sbcheck::html {

/// One item drawn in a stack cell.
struct Chip {
  sb::Permission perm = sb::Permission::Unique;
  std::uint64_t tagId = 0;
  std::string tag;  ///< the trace's name for the tag, or "untagged"
  bool isProtected = false;
  bool granting = false;  ///< the item that granted this event's access or retag
  bool isNew = false;     ///< pushed (or inserted) by this event
  bool removed = false;   ///< removed (or disabled) by this event: shown, struck through
  std::string why;        ///< for a removed item, the rule's words

  friend bool operator==(const Chip&, const Chip&) = default;
};

/// One byte range's stack in one lane after one event.
struct CellView {
  enum class State : std::uint8_t { kNone, kLive, kFreed };
  State state = State::kNone;  ///< kNone: not allocated yet (or the lane has no such step)
  std::vector<Chip> chips;     ///< bottom to top

  friend bool operator==(const CellView&, const CellView&) = default;
};

struct Column {
  std::string alloc;
  ByteRange bytes;
};

/// One lane's part of a row.
struct LaneRow {
  const Step* step = nullptr;  ///< null: the lane has no such event (stopped, or emitted fewer)
  std::vector<CellView> cells; ///< one per column
  std::vector<std::uint64_t> tags;  ///< tags created, granted, removed or used here (ascending)
};

struct Row {
  int line = 0;
  std::vector<LaneRow> lanes;
  bool ub = false;  ///< some lane's UB is here
};

struct Layout {
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::optional<std::size_t> firstDifference;  ///< the first row where lanes differ
};

/// Lays out `lanes` (at least one). Lanes' steps are matched by line and by
/// their order within the line.
Layout layOut(const std::vector<Lane>& lanes);

}  // namespace sbcheck::html
