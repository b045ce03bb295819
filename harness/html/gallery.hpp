// A folder of pictures: one page per input file and an index.html listing
// them with their verdicts (`--html-dir DIR`).
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sbcheck::html {

struct GalleryEntry {
  std::string page;   ///< the page's file name inside the folder
  std::string input;  ///< the input file, as named
  /// Per lane: "model sb2: PASS: UB at line 9, as expected", and whether it passed.
  std::vector<std::pair<std::string, bool>> verdicts;
  bool passed = true;  ///< every lane passed
};

/// The page's file name for `input`: its base name with ".html" added, made
/// unique among `taken` (which it joins) by a "-2", "-3"... suffix.
std::string pageName(const std::string& input, std::set<std::string>& taken);

/// The index page: a table of every entry, linked, with its verdicts.
std::string renderIndex(const std::string& title, const std::vector<GalleryEntry>& entries);

}  // namespace sbcheck::html
