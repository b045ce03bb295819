// Corpus files, deduplicated by content (and by flaw).
#include "harness/corpus.hpp"

#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "harness/json.hpp"
#include "harness/output_file.hpp"

namespace sbcheck {
namespace {

namespace fs = std::filesystem;

/// The lines that matter: everything but blank lines and plain comments.
std::string essence(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    const std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos) continue;
    if (line[start] == '#' && line.compare(start, 2, "#!") != 0) continue;
    out += line.substr(start, line.find_last_not_of(" \t\r") + 1 - start) + '\n';
  }
  return out;
}

/// Operations or events: the essential lines that are not `#!` headers.
std::size_t length(const std::string& essential) {
  std::size_t lines = 0;
  std::istringstream in(essential);
  for (std::string line; std::getline(in, line);) lines += line.rfind("#!", 0) == 0 ? 0 : 1;
  return lines;
}

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// `stem.ext`, `stem-2.ext`, ...: the names a stem's files take.
bool namedAfter(const fs::path& file, const std::string& stem) {
  const std::string name = file.stem().string();
  if (name == stem) return true;
  if (name.size() <= stem.size() + 1 || name.compare(0, stem.size(), stem) != 0 || name[stem.size()] != '-') {
    return false;
  }
  return name.find_first_not_of("0123456789", stem.size() + 1) == std::string::npos;
}

Saved write(const fs::path& path, const std::string& text, SaveStatus status) {
  if (auto error = writeFile(path, text)) return Saved{path, SaveStatus::kLost, *error};
  return Saved{path, status, ""};
}

}  // namespace

std::string_view Saved::statusId() const {
  switch (status) {
    case SaveStatus::kSaved: return "saved";
    case SaveStatus::kReplaced: return "replaced";
    case SaveStatus::kAlreadyInCorpus: return "already_in_corpus";
    case SaveStatus::kLost:
    case SaveStatus::kNowhere: return "not_saved";
    case SaveStatus::kDryRun: return "dry_run";
  }
  return "not_saved";
}

std::string Saved::text() const {
  const std::string written = "saved: " + path.string() + (page.empty() ? "" : " and " + page.string());
  const std::string why = noPage.empty() ? "" : (pageLost ? "; PAGE NOT WRITTEN: " : "; no page: ") + noPage;
  switch (status) {
    case SaveStatus::kSaved: return written + why;
    case SaveStatus::kReplaced: return written + " (replaces a longer example of the same flaw)" + why;
    case SaveStatus::kAlreadyInCorpus: return "already in the corpus: " + path.string();
    case SaveStatus::kLost: return "NOT SAVED: cannot write to " + path.string() + ": " + error;
    case SaveStatus::kNowhere: return "not saved: " + error;
    case SaveStatus::kDryRun: return "not saved (--no-save)";
  }
  return "";
}

void writeSavedMembers(JsonWriter& json, const Saved* saved) {
  json.key("save_status").value(saved != nullptr ? saved->statusId() : std::string_view("none"));
  const auto member = [&](const char* key, bool applies, const std::string& value) {
    json.key(key);
    applies ? json.value(value) : json.null();
  };
  member("saved", saved != nullptr && saved->created(), saved != nullptr ? saved->path.string() : "");
  member("already_in_corpus", saved != nullptr && saved->status == SaveStatus::kAlreadyInCorpus,
         saved != nullptr ? saved->path.string() : "");
  member("not_saved", saved != nullptr && !saved->created() && saved->status != SaveStatus::kAlreadyInCorpus,
         saved != nullptr ? (saved->error.empty() ? std::string("--no-save") : saved->error) : "");
  member("html", saved != nullptr && !saved->page.empty(), saved != nullptr ? saved->page.string() : "");
}

Saved saveToCorpus(const fs::path& dir, const std::string& stem, const std::string& extension,
                   const std::string& text, Dedup dedup) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Saved{dir / (stem + extension), SaveStatus::kLost, "cannot create " + dir.string() + ": " + ec.message()};
  const std::string wanted = essence(text);
  std::optional<fs::path> sameFlaw;  // a longer file recording the same known flaw
  for (fs::directory_iterator entry(dir, ec), end; !ec && entry != end; entry.increment(ec)) {
    if (!entry->is_regular_file(ec) || entry->path().extension() != extension) continue;
    const std::string existing = essence(readAll(entry->path()));
    if (existing == wanted) return Saved{entry->path(), SaveStatus::kAlreadyInCorpus, ""};
    if (dedup != Dedup::kByFlaw || !namedAfter(entry->path(), stem)) continue;
    if (length(existing) <= length(wanted)) return Saved{entry->path(), SaveStatus::kAlreadyInCorpus, ""};
    sameFlaw = entry->path();
  }
  if (ec) return Saved{dir / (stem + extension), SaveStatus::kLost, "cannot list " + dir.string() + ": " + ec.message()};
  if (sameFlaw) return write(*sameFlaw, text, SaveStatus::kReplaced);
  fs::path path = dir / (stem + extension);
  for (int n = 2; fs::exists(path, ec); ++n) path = dir / (stem + "-" + std::to_string(n) + extension);
  return write(path, text, SaveStatus::kSaved);
}

SaveTarget SaveTarget::corpus(std::optional<fs::path> corpus) {
  return corpus ? SaveTarget(Mode::kCorpus, std::move(*corpus)) : SaveTarget(Mode::kNoCorpus, {});
}

std::optional<fs::path> SaveTarget::folder(std::string_view kind) const {
  switch (mode_) {
    case Mode::kInto: return dir_;
    case Mode::kCorpus: return dir_ / kind;
    case Mode::kOff:
    case Mode::kNoCorpus: return std::nullopt;
  }
  return std::nullopt;
}

Saved SaveTarget::save(std::string_view kind, const std::string& stem, const std::string& extension,
                       const std::string& text, Dedup dedup) const {
  if (mode_ == Mode::kOff) return Saved{{}, SaveStatus::kDryRun, ""};
  if (mode_ == Mode::kNoCorpus) {
    return Saved{{}, SaveStatus::kNowhere, "no corpus/ folder here or above (--save-to DIR saves elsewhere)"};
  }
  return saveToCorpus(*folder(kind), stem, extension, text, dedup);
}

std::optional<fs::path> findCorpus(const fs::path& from) {
  std::error_code ec;
  for (fs::path at = fs::absolute(from, ec); !ec && !at.empty(); at = at.parent_path()) {
    std::error_code missing;  // a folder without corpus/ is no error
    if (fs::is_directory(at / "corpus", missing)) return at / "corpus";
    if (at == at.root_path()) break;
  }
  return std::nullopt;
}

}  // namespace sbcheck
