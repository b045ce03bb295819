// `--html FILE` and `--html-dir DIR` for the commands over input files: the
// paths are checked before the run, the pages collected as files run, and
// written at the end (a page per file and an index for --html-dir).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/cli/args.hpp"
#include "harness/html/page.hpp"

namespace sbcheck::cli {

class HtmlOutput {
 public:
  /// Reads and checks the flags: nothing, with "cannot write to ..." printed,
  /// when a path cannot be written.
  static std::optional<HtmlOutput> fromFlags(const Parsed& parsed);

  /// Whether any page is wanted (then call add() for every file run).
  bool wanted() const { return file_.has_value() || dir_.has_value(); }
  /// `--html FILE` names one page: more than one input is a usage error.
  bool single() const { return file_.has_value(); }

  void add(html::Page page);
  /// Writes every page; false, with "cannot write to ..." printed, if one fails.
  bool write() const;

 private:
  std::optional<std::string> file_;
  std::optional<std::string> dir_;
  std::vector<html::Page> pages_;
};

}  // namespace sbcheck::cli
