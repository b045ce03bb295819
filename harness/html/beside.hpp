// A picture beside every counterexample a search saves: `X.cell` or `X.sbt`
// gets `X.html`, the page `run --html` or `replay --html` draws for that file
// (docs/html.md), so that a finding can be read without running anything.
#pragma once

#include <string>
#include <string_view>

#include "harness/corpus.hpp"
#include "harness/html/file_page.hpp"

namespace sbcheck::html {

/// Where the page beside `file` goes: its name with `.html` for its extension.
std::filesystem::path pageBeside(const std::filesystem::path& file);

/// Saves `text` as `target.save` does; then, when the file was written (new,
/// or replacing a longer one) and the target draws pages, writes the page
/// drawing it under `drawing` beside it and names it in `Saved::page` (or
/// says in `Saved::noPage` why not). A file found already in the corpus gets
/// no page: nothing was saved. `isolate` draws in a forked child (`--fork`:
/// the cell may crash).
Saved saveDrawn(const SaveTarget& target, std::string_view kind, const std::string& stem, const std::string& extension,
                const std::string& text, const Drawing& drawing, Dedup dedup = Dedup::kByContent, bool isolate = false);

}  // namespace sbcheck::html
