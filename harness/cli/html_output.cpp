// Checked writing of HTML pictures.
#include "harness/cli/html_output.hpp"

#include <filesystem>

#include "harness/cli/outputs.hpp"
#include "harness/html/gallery.hpp"
#include "harness/output_file.hpp"

namespace sbcheck::cli {

std::optional<HtmlOutput> HtmlOutput::fromFlags(const Parsed& parsed) {
  static constexpr std::string_view kFileFlags[] = {"--html"};
  if (!checkOutputFiles(parsed, kFileFlags)) return std::nullopt;
  HtmlOutput output;
  output.file_ = parsed.get("--html");
  output.dir_ = parsed.get("--html-dir");
  if (output.dir_) {
    if (auto reason = checkWritableDirectory(*output.dir_)) {
      cannotWrite(*output.dir_, *reason);
      return std::nullopt;
    }
  }
  return output;
}

void HtmlOutput::add(html::Page page) { pages_.push_back(std::move(page)); }

bool HtmlOutput::write() const {
  if (file_ && !pages_.empty() && !emit(*file_, html::renderPage(pages_.front()))) return false;
  if (!dir_) return true;
  std::error_code ec;
  std::filesystem::create_directories(*dir_, ec);
  if (ec) return cannotWrite(*dir_, ec.message()) == kExitOk;
  std::set<std::string> taken{"index.html"};
  std::vector<html::GalleryEntry> entries;
  for (const html::Page& page : pages_) {
    html::GalleryEntry entry{html::pageName(page.title, taken), page.title, {}, true};
    for (const html::Lane& lane : page.lanes) {
      entry.verdicts.emplace_back(page.laneKind + " " + lane.name + ": " + lane.verdict, lane.passed);
      entry.passed = entry.passed && lane.passed;
    }
    if (!emit((std::filesystem::path(*dir_) / entry.page).string(), html::renderPage(page))) return false;
    entries.push_back(std::move(entry));
  }
  return emit((std::filesystem::path(*dir_) / "index.html").string(), html::renderIndex("sbcheck gallery", entries));
}

}  // namespace sbcheck::cli
