// Checked output locations.
#include "harness/cli/outputs.hpp"

#include <filesystem>
#include <iostream>

#include "harness/output_file.hpp"

namespace sbcheck::cli {

int cannotWrite(std::string_view path, std::string_view reason) {
  std::cerr << "sbcheck: cannot write to " << path << ": " << reason << '\n';
  return kExitUsage;
}

std::optional<SaveTarget> readSaveTarget(const Parsed& parsed, bool pages) {
  const bool drawn = pages && !parsed.has("--no-html");
  if (parsed.has("--no-save")) return SaveTarget::off();
  if (const auto dir = parsed.get("--save-to")) {
    if (auto reason = checkWritableDirectory(*dir)) {
      cannotWrite(*dir, *reason);
      return std::nullopt;
    }
    return SaveTarget::into(*dir).drawPages(drawn);
  }
  std::error_code ec;
  SaveTarget target = SaveTarget::corpus(findCorpus(std::filesystem::current_path(ec)));
  target.drawPages(drawn);
  for (const char* kind : {"cell", "sbt"}) {
    const auto folder = target.folder(kind);
    if (!folder) continue;
    if (auto reason = checkWritableDirectory(*folder)) {
      cannotWrite(folder->string(), *reason);
      return std::nullopt;
    }
  }
  return target;
}

bool checkOutputFiles(const Parsed& parsed, std::span<const std::string_view> flags) {
  for (const std::string_view flag : flags) {
    const auto path = parsed.get(flag);
    if (!path || *path == "-") continue;
    if (auto reason = checkWritableFile(*path)) {
      cannotWrite(*path, *reason);
      return false;
    }
  }
  return true;
}

bool emit(const std::string& path, std::string_view text) {
  if (path == "-") {
    std::cout << text << std::flush;
    return static_cast<bool>(std::cout);
  }
  if (auto reason = writeFile(path, text)) {
    cannotWrite(path, *reason);
    return false;
  }
  return true;
}

bool reportLost(const Saved& saved) {
  if (saved.lost()) cannotWrite(saved.path.string(), saved.error);
  // A page that could not be written is an output asked for and lost, as a file is.
  if (saved.pageLost) std::cerr << "sbcheck: " << saved.noPage << '\n';
  return saved.lost() || saved.pageLost;
}

}  // namespace sbcheck::cli
