// A fuzzer's bytes as a cell recipe: the same Recipe that `check` draws with
// RapidCheck, so `cellseq::decode` turns any input into a well-formed `.cell`
// sequence under a policy, exactly as it does for `check`.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "harness/cellseq/generate.hpp"

namespace sbcheck::fuzz {

/// The most choices read from one input: longer inputs are cut here (the
/// decoder ends a sequence at its first UB well before this).
inline constexpr std::size_t kMaxCellChoices = 256;

/// Bytes 0-1: the swarm mask (little-endian); then three bytes per Choice
/// (kind, pick, key), a trailing partial choice padded with zeros.
cellseq::Recipe recipeFromBytes(std::span<const std::uint8_t> bytes);

/// The inverse, for seeds: recipeFromBytes(bytesFromRecipe(r)) == r for a
/// recipe of at most kMaxCellChoices choices.
std::vector<std::uint8_t> bytesFromRecipe(const cellseq::Recipe& recipe);

}  // namespace sbcheck::fuzz
