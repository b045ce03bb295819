// Reading the page's stable hooks back (docs/html.md): its event rows, their
// stack cells and chips, by the data-* attributes alone, as an outside test would.
#pragma once

#include <utility>
#include <string>
#include <vector>

namespace sbcheck::html::dom {

struct Chip {
  std::string perm, tag, tid;
  bool isProtected = false, granting = false, isNew = false, removed = false;
  std::string title;
};

struct Cell {
  std::string alloc, bytes, lane;
  std::vector<Chip> chips;
};

struct Row {
  int line = 0;
  bool ub = false;
  std::string html;
  std::vector<Cell> cells;
};

/// The value of attribute `name` in one start tag, or "".
inline std::string attr(const std::string& tag, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const std::size_t at = tag.find(key);
  if (at == std::string::npos) return {};
  const std::size_t begin = at + key.size();
  return tag.substr(begin, tag.find('"', begin) - begin);
}

/// Whether a start tag carries the boolean attribute `name`.
inline bool flag(const std::string& tag, const std::string& name) {
  for (const char* end : {" ", ">", "="}) {
    if (tag.find(" " + name + end) != std::string::npos) return true;
  }
  return false;
}

/// The start tags `<OPEN...>` and their contents up to `close`, in `text`.
inline std::vector<std::pair<std::string, std::string>> elements(const std::string& text, const std::string& open,
                                                                 const std::string& close) {
  std::vector<std::pair<std::string, std::string>> found;
  for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
    const std::size_t tagEnd = text.find('>', at);
    const std::size_t end = close.empty() ? tagEnd : text.find(close, tagEnd);
    found.emplace_back(text.substr(at, tagEnd + 1 - at), text.substr(tagEnd + 1, end - tagEnd - 1));
  }
  return found;
}

/// Every `<tr data-line>` of the page, in order.
inline std::vector<Row> rows(const std::string& page) {
  std::vector<Row> result;
  for (const auto& [tr, body] : elements(page, "<tr data-line=", "</tr>")) {
    Row row{std::stoi(attr(tr, "data-line")), flag(tr, "data-ub"), tr + body, {}};
    for (const auto& [td, inner] : elements(body, "<td class=\"stack", "</td>")) {
      Cell cell{attr(td, "data-alloc"), attr(td, "data-bytes"), attr(td, "data-model") + attr(td, "data-policy"), {}};
      for (const auto& [span, text] : elements(inner, "<span class=\"chip\"", "")) {
        cell.chips.push_back(Chip{attr(span, "data-perm"), attr(span, "data-tag"), attr(span, "data-tid"),
                                  flag(span, "data-protected"), flag(span, "data-granting"), flag(span, "data-new"),
                                  flag(span, "data-removed"), attr(span, "title")});
      }
      row.cells.push_back(std::move(cell));
    }
    result.push_back(std::move(row));
  }
  return result;
}

}  // namespace sbcheck::html::dom
