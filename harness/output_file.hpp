// Writing the files a run produces (corpus entries, reports) so that success
// is never claimed for a file that does not exist: every write is checked
// through flush and close, and output paths are checked before a run starts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sbcheck {

/// Writes `text` to `path` (replacing it), flushed and closed; the reason
/// (errno text) when any step fails, nothing on success.
std::optional<std::string> writeFile(const std::filesystem::path& path, std::string_view text);

/// Whether a report can be written to `path`: an existing regular file we can
/// open for writing, or a new file in an existing, writable directory. Tries
/// without changing anything (a probe file is created and removed). The
/// reason when not.
std::optional<std::string> checkWritableFile(const std::filesystem::path& path);

/// Whether files can be created in `dir`: an existing writable directory, or
/// one that can be made under its nearest existing ancestor (which must be a
/// writable directory). The reason when not.
std::optional<std::string> checkWritableDirectory(const std::filesystem::path& dir);

}  // namespace sbcheck
