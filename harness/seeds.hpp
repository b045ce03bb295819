// Independent random streams from one run seed: each (property, policy) pair
// or pair of models draws from its own stream, so a narrower run with the same
// seed finds the same inputs.
#pragma once

#include <cstdint>
#include <string_view>

namespace sbcheck {

/// FNV-1a of `label`, mixed into `seed`.
constexpr std::uint64_t streamSeed(std::uint64_t seed, std::string_view label) {
  std::uint64_t hash = 1469598103934665603ull;
  for (const char c : label) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return seed ^ hash;
}

}  // namespace sbcheck
