// The page: a header (lanes and verdicts, legend), then the timeline table,
// one <tr data-line> per event; notes say in words what the chips show.
#include "harness/html/page.hpp"

#include "harness/html/assets.hpp"
#include "harness/html/layout.hpp"

namespace sbcheck::html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

namespace {

std::string bytesText(ByteRange bytes) { return std::to_string(bytes.begin) + ".." + std::to_string(bytes.end); }

/// "x[0..4]", or "x[2]" for one byte, as the text report writes places.
std::string placeText(const std::string& alloc, ByteRange bytes) {
  return alloc + "[" + std::to_string(bytes.begin) + (bytes.size() == 1 ? "" : ".." + std::to_string(bytes.end)) + "]";
}

std::string shortPerm(sb::Permission perm) {
  std::string name(sb::shortName(perm));
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

std::string chipTitle(const Chip& chip) {
  std::string title = std::string(sb::longName(chip.perm)) + " " + chip.tag + " <" + std::to_string(chip.tagId) + ">";
  if (chip.tagId == 0) title = std::string(sb::longName(chip.perm)) + " <untagged>";
  if (chip.isProtected) title += ", protected";
  if (chip.granting) title += "; granted this access";
  if (chip.isNew) title += "; new";
  if (chip.removed) title += "; " + chip.why;
  return title;
}

void writeChip(std::string& out, const Chip& chip) {
  out += "<span class=\"chip\" data-perm=\"" + std::string(sb::longName(chip.perm)) + "\" data-tag=\"" +
         escape(chip.tag) + "\" data-tid=\"" + std::to_string(chip.tagId) + "\"";
  if (chip.isProtected) out += " data-protected";
  if (chip.granting) out += " data-granting";
  if (chip.isNew) out += " data-new";
  if (chip.removed) out += " data-removed";
  out += " title=\"" + escape(chipTitle(chip)) + "\">" + shortPerm(chip.perm) + " " + escape(chip.tag);
  // The number the text report writes (<2>), small: the name is what people read.
  if (chip.tagId != 0) out += "<span class=\"tid\">" + std::to_string(chip.tagId) + "</span>";
  out += "</span>";
}

void writeCell(std::string& out, const Page& page, const Lane& lane, const Column& column, const CellView& cell,
               bool first) {
  out += "<td class=\"stack" + std::string(first ? " first" : "") + "\" data-alloc=\"" + escape(column.alloc) +
         "\" data-bytes=\"" + bytesText(column.bytes) + "\" data-" + page.laneKind + "=\"" + escape(lane.name) + "\">";
  if (cell.state == CellView::State::kFreed) out += "<span class=\"freed\">freed</span>";
  for (const Chip& chip : cell.chips) writeChip(out, chip);
  out += "</td>";
}

/// The removals of a step, neighbouring byte runs of one cause joined.
std::vector<RemovedItem> joinedRemovals(const Step& step) {
  std::vector<RemovedItem> joined;
  for (const RemovedItem& removed : step.removed) {
    if (removed.removal.deallocated) continue;  // "freed" says it
    if (!joined.empty() && joined.back().removal.item == removed.removal.item && joined.back().why == removed.why &&
        joined.back().bytes.end == removed.bytes.begin) {
      joined.back().bytes.end = removed.bytes.end;
    } else {
      joined.push_back(removed);
    }
  }
  return joined;
}

void writeNotes(std::string& out, const Page& page, const Row& row) {
  out += "<td class=\"notes\">";
  std::string items;
  for (std::size_t l = 0; l < row.lanes.size(); ++l) {
    const Step* step = row.lanes[l].step;
    if (step == nullptr) continue;
    const std::string who = page.lanes.size() > 1 ? "[" + escape(page.lanes[l].name) + "] " : "";
    for (const RemovedItem& removed : joinedRemovals(*step)) {
      items += "<li>" + who + "<s>" + shortPerm(removed.removal.item.perm) + " " +
               escape(tagLabel(page.lanes[l], removed.removal.item.tag)) + "</s> at " +
               escape(placeText(removed.alloc, removed.bytes)) + " " + escape(removed.why) + "</li>";
    }
    if (step->ub) {
      out += "<pre class=\"ub-report\">" + who + escape(reportText(*step->ub)) + "</pre>";
    }
  }
  if (!items.empty()) out += "<ul>" + items + "</ul>";
  out += "</td>";
}

std::string rowTags(const Row& row) {
  std::vector<std::uint64_t> tags;
  for (const LaneRow& lane : row.lanes) tags.insert(tags.end(), lane.tags.begin(), lane.tags.end());
  std::ranges::sort(tags);
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  std::string text;
  for (const std::uint64_t tag : tags) text += (text.empty() ? "" : " ") + std::to_string(tag);
  return text;
}

void writeRow(std::string& out, const Page& page, const Layout& layout, std::size_t r) {
  const Row& row = layout.rows[r];
  const bool firstDifference = layout.firstDifference == r;
  out += "<tr data-line=\"" + std::to_string(row.line) + "\" data-tags=\"" + rowTags(row) + "\"";
  if (row.ub) out += " data-ub";
  if (firstDifference) out += " data-first-difference class=\"first-difference\"";
  out += ">";
  const std::size_t index = static_cast<std::size_t>(row.line) - 1;
  const std::string source = index < page.sourceLines.size() ? page.sourceLines[index] : "";
  out += "<td class=\"line\">" + std::to_string(row.line) + "</td><td class=\"src\"><code>" + escape(source) +
         "</code></td>";
  for (std::size_t l = 0; l < row.lanes.size(); ++l) {
    const LaneRow& lane = row.lanes[l];
    if (page.eventPerLane) {
      out += "<td class=\"event\"><code>" + (lane.step ? escape(lane.step->text) : "") + "</code></td>";
    }
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      writeCell(out, page, page.lanes[l], layout.columns[c], lane.cells[c], c == 0 && !page.eventPerLane);
    }
  }
  writeNotes(out, page, row);
  out += "</tr>\n";
}

void writeHead(std::string& out, const Page& page, const Layout& layout) {
  const std::size_t span = layout.columns.size() + (page.eventPerLane ? 1 : 0);
  out += "<thead><tr><th rowspan=\"2\">line</th><th rowspan=\"2\">source</th>";
  for (const Lane& lane : page.lanes) {
    out += "<th class=\"lane\" colspan=\"" + std::to_string(span) + "\">" + page.laneKind + " " + escape(lane.name) +
           "</th>";
  }
  out += "<th rowspan=\"2\">what happened</th></tr>\n<tr>";
  for (std::size_t l = 0; l < page.lanes.size(); ++l) {
    if (page.eventPerLane) out += "<th class=\"bytes\">model event</th>";
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      const bool edge = c == 0 && !page.eventPerLane;
      out += "<th" + std::string(edge ? " class=\"bytes\"" : "") + ">" +
             escape(placeText(layout.columns[c].alloc, layout.columns[c].bytes)) + "</th>";
    }
  }
  out += "</tr></thead>\n";
}

void writeHeader(std::string& out, const Page& page, const Layout& layout) {
  out += "<header><h1>" + escape(page.title) + " <small>borrow stacks after every event</small></h1>\n<p>";
  for (const Lane& lane : page.lanes) {
    out += "<span class=\"verdict " + std::string(lane.passed ? "pass" : "fail") + "\">" + page.laneKind + " " +
           escape(lane.name) + ": " + escape(lane.verdict) + "</span>";
  }
  out += "</p>\n<p class=\"legend\">Each stack reads bottom to top, left to right: "
         "<span class=\"chip\" data-perm=\"Unique\">Uniq</span> Unique, "
         "<span class=\"chip\" data-perm=\"SharedReadWrite\">SRW</span> SharedReadWrite, "
         "<span class=\"chip\" data-perm=\"SharedReadOnly\">SRO</span> SharedReadOnly, "
         "<span class=\"chip\" data-perm=\"Disabled\">Dis</span> Disabled. "
         "<b>+</b> new item, outlined: the item that granted the access, struck through: removed by this event, "
         "* protected. Hover or click a chip to follow its tag.</p>\n";
  if (layout.firstDifference) {
    out += "<p class=\"legend\">The " + page.laneKind + "s first differ at line " +
           std::to_string(layout.rows[*layout.firstDifference].line) + " (marked &#8800;).</p>\n";
  }
  out += "</header>\n";
}

}  // namespace

std::string renderPage(const Page& page) {
  const Layout layout = layOut(page.lanes);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>sbcheck: " +
                    escape(page.title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  writeHeader(out, page, layout);
  out += "<table class=\"timeline\">\n";
  writeHead(out, page, layout);
  out += "<tbody>\n";
  for (std::size_t r = 0; r < layout.rows.size(); ++r) writeRow(out, page, layout, r);
  out += "</tbody>\n</table>\n<footer>written by sbcheck</footer>\n<script>" + std::string(kScript) +
         "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace sbcheck::html
