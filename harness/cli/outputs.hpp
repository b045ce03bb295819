// Where a command's output goes, checked before the run starts: the corpus
// folder (`--save-to DIR`, `--no-save`, or the project's own `corpus/`), and
// report files (`--json-out FILE`, `--markdown FILE`, '-' for stdout). A path
// that cannot be written is a usage error, never a crash after the run.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "harness/cli/args.hpp"
#include "harness/corpus.hpp"

namespace sbcheck::cli {

/// Prints "sbcheck: cannot write to PATH: REASON" on stderr; returns kExitUsage.
int cannotWrite(std::string_view path, std::string_view reason);

/// The save target the flags ask for: `--no-save`, `--save-to DIR` (checked
/// writable), or the `corpus/` folder found from the working directory up
/// (checked writable; none found: nothing is saved, and each save says why).
/// Nothing, with "cannot write to ..." printed, when a folder cannot be written.
/// `pages`: the command draws a page beside each file it saves unless `--no-html`.
std::optional<SaveTarget> readSaveTarget(const Parsed& parsed, bool pages = false);

/// Each of `flags` that names a FILE ('-' aside) is checked writable; false,
/// with "cannot write to ..." printed, when one is not.
bool checkOutputFiles(const Parsed& parsed, std::span<const std::string_view> flags);

/// Writes `text` to `path` ('-': stdout); false, with "cannot write to ..."
/// printed, when that fails.
bool emit(const std::string& path, std::string_view text);

/// Whether `saved` (or the page drawn beside it) was lost; if so it is named
/// on stderr ("cannot write to ...").
bool reportLost(const Saved& saved);

}  // namespace sbcheck::cli
