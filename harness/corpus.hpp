// Saving shrunk counterexamples into the corpus: one file per failure, named
// after what failed, written only if no file in the folder already holds the
// same sequence (comment lines aside).
#pragma once

#include <filesystem>
#include <string>

namespace sbcheck {

struct Saved {
  std::filesystem::path path;  ///< the new file, or the existing one with the same content
  bool created = false;
};

/// Saves `text` as `dir/stem.extension` (or `stem-2`, `stem-3`... when that
/// name holds something else), creating `dir` if needed, unless a file of the
/// same extension in `dir` has the same content once `#` comment lines (but
/// not `#!` headers) are set aside.
Saved saveToCorpus(const std::filesystem::path& dir, const std::string& stem, const std::string& extension,
                   const std::string& text);

}  // namespace sbcheck
