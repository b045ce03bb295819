// The cell half of the explorer (`sbcheck explore --policy`): every
// well-formed `.cell` sequence over a bounded universe, breadth first. A state
// is a whole world — the real cell (which does the memory work), the aliasing
// model that checks each access, and the abstract cell that says what the spec
// expects — and every cell property is checked on every transition.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "harness/cellseq/generate.hpp"
#include "harness/cellseq/sequence.hpp"
#include "harness/explore/bfs.hpp"
#include "properties/cell_property.hpp"

namespace sbcheck::explore {

/// A `.cell` op in six bytes. Names are the canonical fresh names of the
/// enumeration (s<N> objects, g<N> guards, it<N> iterators; enumerate.hpp),
/// so a number stands for a name.
struct CellMove {
  cellseq::OpKind kind = cellseq::OpKind::kNew;
  std::uint8_t key = 0;
  std::uint16_t name = 0;    ///< N of the name the op binds or uses
  std::uint16_t source = 0;  ///< N of `= sN`

  static CellMove of(const cellseq::Op& op);
  cellseq::Op op() const;
};

/// Keys fit a move's byte.
inline constexpr std::uint32_t kMaxExploredKeys = 256;

struct CellExploreOptions {
  std::string policy = "strict";
  std::string model = "sb2";
  cellseq::Universe universe = cellseq::kSmallUniverse;
  Limits limits;
};

/// The shortest sequence that violates a property, its last op the violating one.
struct CellCounterexample {
  const properties::CellProperty* property = nullptr;
  cellseq::Sequence sequence;  ///< lines numbered from 1, no expectations
  std::string reason;
};

struct CellExploration {
  Exploration<CellMove> run;
  std::vector<CellCounterexample> counterexamples;  ///< in cellProperties() order
};

/// Explores the (real cell, model, spec) worlds of `options.policy`, telling
/// `onCounterexample` (when given) of each counterexample as soon as it is found.
CellExploration exploreCell(const CellExploreOptions& options,
                            const std::function<void(const CellCounterexample&)>& onCounterexample = {});

/// Explores the spec alone (the abstract cell, before model state is added)
/// over the same universe and limits: an independent count of the cell states.
Exploration<CellMove> exploreAbstractCell(const CellExploreOptions& options);

}  // namespace sbcheck::explore
