// Pages beside saved counterexamples.
#include "harness/html/beside.hpp"

#include "harness/isolation.hpp"
#include "harness/output_file.hpp"

namespace sbcheck::html {
namespace {

/// As long as a `--fork` child may run one sequence (properties' kChildTimeoutSeconds).
constexpr unsigned kDrawTimeoutSeconds = 10;

/// The page's bytes; empty when the file has nothing to draw.
std::string rendered(const Saved& saved, const std::string& text, const std::string& extension, const Drawing& drawing) {
  const std::optional<Page> page = drawFile(saved.path.string(), text, extension == ".cell", drawing);
  return page ? renderPage(*page) : std::string();
}

}  // namespace

std::filesystem::path pageBeside(const std::filesystem::path& file) {
  return std::filesystem::path(file).replace_extension(".html");
}

Saved saveDrawn(const SaveTarget& target, std::string_view kind, const std::string& stem, const std::string& extension,
                const std::string& text, const Drawing& drawing, Dedup dedup, bool isolate) {
  Saved saved = target.save(kind, stem, extension, text, dedup);
  if (!target.drawsPages() || !saved.created()) return saved;
  std::string page;
  if (isolate) {
    const auto result = runIsolated([&] { return rendered(saved, text, extension, drawing); }, kDrawTimeoutSeconds);
    if (const auto* crash = std::get_if<ChildCrash>(&result)) {
      saved.noPage = "drawing it crashed (" + crash->reason + ")";
      return saved;
    }
    page = std::get<std::string>(result);
  } else {
    page = rendered(saved, text, extension, drawing);
  }
  if (page.empty()) return saved;  // no events to draw
  const std::filesystem::path path = pageBeside(saved.path);
  if (auto error = writeFile(path, page)) {
    saved.noPage = "cannot write to " + path.string() + ": " + *error;
    saved.pageLost = true;
    return saved;
  }
  saved.page = path;
  return saved;
}

}  // namespace sbcheck::html
