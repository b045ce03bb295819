// Random well-formed cell sequences. RapidCheck generates (and shrinks) a
// recipe — a swarm mask and a list of raw choices — and `decode` turns any
// recipe into a sequence that uses only valid names under a given policy, so
// every shrink of a sequence is well-formed too. Swarm testing: each recipe
// enables a random subset of operation kinds, so rare states are reached.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <rapidcheck.h>

#include "harness/cellseq/sequence.hpp"

namespace sbcheck::cellseq {

/// One raw choice: numbers that pick an operation kind, its operands, a key.
struct Choice {
  std::uint8_t kind = 0;
  std::uint8_t pick = 0;
  std::uint8_t key = 0;
  friend bool operator==(const Choice&, const Choice&) = default;
};

struct Recipe {
  std::uint16_t swarm = 0;  ///< bit k enables OpKind k (`new` also when no name is bound)
  std::vector<Choice> choices;
  friend bool operator==(const Recipe&, const Recipe&) = default;
};

/// The bounded universe sequences are drawn from.
struct Universe {
  int maxObjects = 3;         ///< objects alive at a time
  int maxNamesPerObject = 2;  ///< Python names per object
  int maxGuards = 3;          ///< guards held at a time
  int maxIterators = 3;       ///< iterators alive at a time
  std::uint32_t keys = 4;     ///< keys are 0 .. keys-1
};

/// The small universe, which exhaustive searches (`explore`, the
/// policy-pair pass of `compare`) settle: at most 2 objects alive, 2 names
/// per object, keys {0, 1}, 2 guards and 2 iterators held at a time.
inline constexpr Universe kSmallUniverse{2, 2, 2, 2, 2};

rc::Gen<Recipe> genRecipe();

/// The well-formed sequence `recipe` stands for under `policy`: choices that
/// fit no operation in the current state are skipped; decoding stops after an
/// operation the spec leaves undefined (the run stops there anyway). The
/// spec's outcome of each op (by the abstract model) goes to `outcomes`.
Sequence decode(const Recipe& recipe, std::string_view policy, const Universe& universe = {},
                std::vector<struct Outcome>* outcomes = nullptr);

/// What a batch of generated sequences looked like, for `--stats`.
struct GenStats {
  int sequences = 0;
  long ops = 0;
  std::array<long, 15> succeeded{};  ///< per OpKind
  std::array<long, 15> refused{};
  std::map<int, int> lengths;        ///< length bucket (multiples of 10) -> count
  std::map<int, int> swarmSizes;     ///< enabled kinds -> count

  void add(std::uint16_t swarm, const Sequence& sequence, const std::vector<struct Outcome>& outcomes);
  std::string render() const;
};

}  // namespace sbcheck::cellseq
