// Writing a borrow-stack timeline as one self-contained HTML page (inline CSS
// and JS, no network), readable without JS, byte for byte deterministic. Its
// data-* attributes are a stable interface for tests (docs/html.md).
#pragma once

#include <string>
#include <vector>

#include "harness/html/timeline.hpp"

namespace sbcheck::html {

struct Page {
  std::string title;          ///< the input file, as named
  std::string laneKind;       ///< "model" (replay) or "policy" (run): the data-* attribute and heading
  std::vector<Lane> lanes;    ///< at least one
  std::vector<std::string> sourceLines;  ///< the input file's lines (line N is sourceLines[N - 1])
  bool eventPerLane = false;  ///< show each lane's `.sbt` event beside the source line (`.cell` runs)
};

/// The whole page.
std::string renderPage(const Page& page);

/// The file's text split into lines (no line ends).
std::vector<std::string> splitLines(const std::string& text);

/// `text` with &, <, >, " escaped.
std::string escape(std::string_view text);

}  // namespace sbcheck::html
