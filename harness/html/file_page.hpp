// The page for one input file: its lanes recorded from the runs (a `.cell`
// file under policies, a `.sbt` trace under models), each with its verdict.
// `run --html`, `replay --html` and the pages drawn beside saved
// counterexamples (beside.hpp) all build their pages here, so they agree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/cellseq/run.hpp"
#include "harness/html/page.hpp"
#include "harness/sbt/trace.hpp"

namespace sbcheck::html {

/// The runs of a `.cell` sequence on `model`: under `policies` when given
/// (each in the role the file gives it; one the file does not name has no
/// expectations to check and no UB allowed), else under the ones it names.
/// The options view `sequence`'s and `policies`' strings: keep both alive.
std::vector<cellseq::RunOptions> runsUnder(const cellseq::Sequence& sequence, const std::vector<std::string>& policies,
                                           std::string_view model);

/// One `.cell` run's lane: its trace recorded on a fresh model, the UB told
/// in the file's lines, and its verdict as `sbcheck run` gives it.
Lane sequenceLane(const cellseq::PolicyRun& run);

/// The models a trace runs under: `models` when given, else the ones its
/// `#! models:` line names, else sb2.
std::vector<std::string> modelsUnder(const sbt::Trace& trace, const std::vector<std::string>& models);

/// A trace's lane under `model`: recorded, with its verdict against the
/// trace's `!ub` as `sbcheck replay` gives it.
Lane traceLane(const sbt::Trace& trace, const std::string& model);

/// What a file is drawn under.
struct Drawing {
  std::vector<std::string> lanes;  ///< policies (`.cell`) or models (`.sbt`); empty: the ones the file names
  std::string model = "sb2";       ///< the model that checks a `.cell` file's accesses
};

/// The page for a file's `text` (a `.cell` sequence when `cell`, else a
/// `.sbt` trace), titled `title`, as `run --html` and `replay --html` draw
/// it; nothing when the text does not parse or has nothing to run.
std::optional<Page> drawFile(const std::string& title, const std::string& text, bool cell, const Drawing& drawing);

}  // namespace sbcheck::html
