// Saving shrunk counterexamples into the corpus: one file per failure, named
// after what failed, written only if no file in the folder already holds the
// same sequence (comment lines aside) — and for a known flaw (an expected
// failure) only if no file records that flaw yet or the new one is shorter.
// A file is reported saved only once it was written, flushed and closed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sbcheck {

class JsonWriter;

enum class SaveStatus : std::uint8_t {
  kSaved,            ///< a new file
  kReplaced,         ///< a known flaw's file, replaced by this shorter one
  kAlreadyInCorpus,  ///< the same content (or, for a known flaw, a file no longer than it) is there
  kLost,             ///< writing failed (see `error`): the run must not pass as if it were saved
  kNowhere,          ///< no corpus folder was found to save into (see `error`)
  kDryRun,           ///< saving was turned off (`--no-save`)
};

struct Saved {
  std::filesystem::path path;  ///< the file written, or the one already there; empty when none
  SaveStatus status = SaveStatus::kNowhere;
  std::string error;           ///< why not, for kLost and kNowhere
  /// The HTML page drawn beside a file just written (`X.cell` -> `X.html`,
  /// harness/html/beside.hpp); empty when none was drawn.
  std::filesystem::path page = {};
  std::string noPage = {};  ///< why a page that was wanted is not there
  bool pageLost = false;    ///< the page could not be written (`noPage` says why)

  /// A file now on disk holds this content.
  bool created() const { return status == SaveStatus::kSaved || status == SaveStatus::kReplaced; }
  /// Writing failed: the file is lost.
  bool lost() const { return status == SaveStatus::kLost; }
  /// The JSON value of `save_status`: "saved", "replaced", "already_in_corpus",
  /// "not_saved" (lost or nowhere to save), "dry_run".
  std::string_view statusId() const;
  /// "saved: PATH", "saved: PATH and PAGE", "already in the corpus: PATH",
  /// "NOT SAVED (PATH): reason"...
  std::string text() const;
};

/// `save_status` ("none" when nothing was to be saved) and `saved`,
/// `already_in_corpus`, `not_saved` — the path (or, for not_saved, the
/// reason) under the one that applies, null under the others — and `html`,
/// the page drawn beside it or null, as members of the open JSON object.
void writeSavedMembers(JsonWriter& json, const Saved* saved);

/// How files that say the same thing are recognised.
enum class Dedup : std::uint8_t {
  kByContent,  ///< a file with the same lines (comments aside)
  kByFlaw,     ///< the same, or any file named after the same stem: one file per known flaw
};

/// Saves `text` as `dir/stem.extension` (or `stem-2`, `stem-3`... when that
/// name holds something else), creating `dir` if needed, unless a file of the
/// same extension in `dir` has the same content once `#` comment lines (but
/// not `#!` headers) are set aside. Never throws: failures are kLost.
Saved saveToCorpus(const std::filesystem::path& dir, const std::string& stem, const std::string& extension,
                   const std::string& text, Dedup dedup = Dedup::kByContent);

/// Where a run's files go: straight into one folder (`--save-to DIR`), into
/// the project corpus's `cell/` and `sbt/` folders, nowhere (`--no-save`), or
/// nowhere because no corpus was found (each save then says so).
class SaveTarget {
 public:
  /// Saving turned off: every save is kDryRun.
  static SaveTarget off() { return SaveTarget(Mode::kOff, {}); }
  /// Every file straight into `dir`.
  static SaveTarget into(std::filesystem::path dir) { return SaveTarget(Mode::kInto, std::move(dir)); }
  /// `corpus/cell` and `corpus/sbt` under `corpus`; none found: kNowhere, saying why.
  static SaveTarget corpus(std::optional<std::filesystem::path> corpus);

  /// Saves `text` as a `kind` ("cell" or "sbt") file, as saveToCorpus does.
  Saved save(std::string_view kind, const std::string& stem, const std::string& extension, const std::string& text,
             Dedup dedup = Dedup::kByContent) const;
  /// The folder `kind` files go to, if any.
  std::optional<std::filesystem::path> folder(std::string_view kind) const;
  bool enabled() const { return mode_ != Mode::kOff; }
  /// Whether each file written gets its picture beside it (html::saveDrawn;
  /// `check`, `explore` and `compare` turn it on unless `--no-html`).
  bool drawsPages() const { return pages_; }
  SaveTarget& drawPages(bool on) {
    pages_ = on;
    return *this;
  }

 private:
  enum class Mode : std::uint8_t { kOff, kInto, kCorpus, kNoCorpus };
  SaveTarget(Mode mode, std::filesystem::path dir) : mode_(mode), dir_(std::move(dir)) {}
  Mode mode_;
  std::filesystem::path dir_;
  bool pages_ = false;
};

/// The project's `corpus/` folder: the first `corpus` directory in `from` or
/// one of its ancestors, so that a run inside the project saves there and a
/// run elsewhere creates nothing.
std::optional<std::filesystem::path> findCorpus(const std::filesystem::path& from);

}  // namespace sbcheck
