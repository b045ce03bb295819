// Checked file output.
#include "harness/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace sbcheck {
namespace {

namespace fs = std::filesystem;

std::string errnoText() { return std::strerror(errno); }

/// Creates and removes a probe file in the existing directory `dir`.
std::optional<std::string> probeDirectory(const fs::path& dir) {
  std::string pattern = (dir / ".sbcheck-probe-XXXXXX").string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) return errnoText();
  ::close(fd);
  ::unlink(pattern.c_str());
  return std::nullopt;
}

/// `path` itself if it exists, else its nearest existing ancestor ("." for a
/// relative path with none).
fs::path nearestExisting(const fs::path& path) {
  std::error_code ec;
  fs::path at = path;
  while (!at.empty() && !fs::exists(at, ec)) at = at.parent_path();
  return at.empty() ? fs::path(".") : at;
}

}  // namespace

std::optional<std::string> writeFile(const fs::path& path, std::string_view text) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return errnoText();
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size() && std::fflush(file) == 0;
  const std::string reason = written ? "" : errnoText();
  if (std::fclose(file) != 0 && written) return errnoText();
  if (!written) return reason;
  return std::nullopt;
}

std::optional<std::string> checkWritableFile(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (fs::exists(status)) {
    if (fs::is_directory(status)) return "is a directory";
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND);
    if (fd < 0) return errnoText();
    ::close(fd);
    return std::nullopt;
  }
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::exists(parent, ec)) return "no such directory: " + parent.string();
  if (!fs::is_directory(parent, ec)) return "not a directory: " + parent.string();
  return probeDirectory(parent);
}

std::optional<std::string> checkWritableDirectory(const fs::path& dir) {
  std::error_code ec;
  const fs::path existing = nearestExisting(dir);
  if (!fs::is_directory(existing, ec)) {
    return existing == dir ? std::string("not a directory") : "not a directory: " + existing.string();
  }
  return probeDirectory(existing);
}

}  // namespace sbcheck
