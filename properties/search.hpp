// Searching for a counterexample to cell properties: random sequences from
// the generator, checked one by one; a failure is shrunk to a minimal
// sequence that fails the same property, and checked to fail the same way
// every time before it is reported.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "harness/cellseq/generate.hpp"
#include "harness/shrink_stats.hpp"
#include "properties/check.hpp"

namespace sbcheck::properties {

struct SearchOptions {
  std::string policy = "strict";
  std::string model = "sb2";
  std::vector<const CellProperty*> properties;
  int runs = 1000;
  std::uint64_t seed = 0;
  int maxSize = 100;  ///< sizes ramp from 0 to this, as RapidCheck's do
  cellseq::Universe universe;
  cellseq::GenStats* stats = nullptr;  ///< filled when given
  /// Each sequence checked in a forked child (check --fork): a crash or a
  /// hang fails the sequence (kRunsToCompletion) instead of ending the search.
  bool isolate = false;
};

struct Counterexample {
  cellseq::Sequence sequence;  ///< minimal, lines numbered from 1
  Violation violation;         ///< on the minimal sequence
  int foundAtRun = 0;
  std::size_t originalLength = 0;  ///< ops in the sequence as found
  int shrinkSteps = 0;             ///< kept steps in all: shrink.removals + shrink.valueSteps
  ShrinkStats shrink;              ///< what the shrinker kept, and whether the result is locally minimal
};

struct SearchResult {
  int runs = 0;  ///< sequences checked
  std::optional<Counterexample> counterexample;
};

SearchResult search(const SearchOptions& options);

/// Shrinks a failing sequence (cellseq::shrinkWhile's moves) while the same
/// property still fails and the sequence stays well-formed; then checks that
/// no single step still fails (`shrink.locallyMinimal`).
Counterexample shrink(cellseq::Sequence sequence, const Violation& violation, const SearchOptions& options);

/// Whether `sequence` fails `property` identically on `times` fresh runs.
bool failsDeterministically(const cellseq::Sequence& sequence, const Violation& violation,
                            const SearchOptions& options, int times = 3);

}  // namespace sbcheck::properties
