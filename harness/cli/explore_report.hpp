// What `sbcheck explore` prints: the run's figures (states per depth, how it
// ended, rate, memory), the progress line, and each mode's findings, as text
// or JSON.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "harness/cli/args.hpp"
#include "harness/cli/verdict.hpp"
#include "harness/corpus.hpp"
#include "harness/explore/cell_space.hpp"
#include "harness/json.hpp"

namespace sbcheck::cli {

/// The live progress line, on stderr.
void printProgress(const explore::Progress& progress);

/// The figures every exploration has, whatever its moves.
struct RunFigures {
  std::vector<std::uint64_t> statesPerDepth;
  std::uint64_t states = 0;
  std::uint64_t transitions = 0;
  std::uint32_t depthCompleted = 0;
  explore::Ending ending = explore::Ending::kFixpoint;
  double seconds = 0;
  std::size_t storedBytes = 0;
  unsigned threads = 1;

  template <class Move>
  static RunFigures of(const explore::Exploration<Move>& run, unsigned threads) {
    return {run.statesPerDepth, run.states, run.transitions, run.depthCompleted, run.ending,
            run.seconds, run.storedBytes, threads};
  }
};

/// "fixpoint", "time limit", "interrupted"...
std::string_view endingText(explore::Ending ending);

/// The per-depth table and the summary line.
void printFigures(const RunFigures& figures, std::ostream& out);
/// The figures as members of the open JSON object.
void writeFigures(const RunFigures& figures, JsonWriter& json);

struct CellReport {
  std::string policy, model;
  cellseq::Universe universe;
  unsigned threads = 1;
  explore::CellExploration exploration;
  std::uint64_t abstractStates = 0;  ///< of the spec alone, within the same limits
  explore::Ending abstractEnding = explore::Ending::kFixpoint;
  std::map<std::string_view, Saved> saved;  ///< per failing property id, saved as soon as it was found
  std::string foundBy;                      ///< the command that reproduces the run
  ExpectFailures expectFailures = ExpectFailures::kRequire;

  /// Each property's verdict, counted.
  Tally tally() const;
};

void printCellText(const CellReport& report, std::ostream& out);
void writeCellJson(const CellReport& report, std::ostream& out);

/// Reads option `flag` into `into` when given: a whole number in [low, high];
/// false, with `error` set, when it is not.
bool readCount(const Parsed& parsed, std::string_view flag, std::uint64_t low, std::uint64_t high,
               std::uint64_t& into, std::string& error);
/// Without --time-limit an exploration stops after this many seconds, so that
/// it always ends (`--time-limit 0`: no limit).
inline constexpr std::uint64_t kDefaultTimeLimit = 600;

/// The limits every mode shares (--depth, --max-states, --time-limit,
/// --threads), the interrupt flag, and the progress line when stderr is a terminal.
bool readLimits(const Parsed& parsed, explore::Limits& limits, std::string& error);

extern const Command kExploreCommand;

/// `sbcheck explore --model ...` without --policy (explore_traces.cpp).
int exploreTraces(const Parsed& parsed);

}  // namespace sbcheck::cli
