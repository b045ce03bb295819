// A fuzzer's bytes as a well-formed `.sbt` trace. sbt::genTrace draws from
// RapidCheck's random stream, which a fuzzer cannot steer; this decoder makes
// the same kinds of choice (swarm of features, bound names, ranges inside the
// pointer's, frames for protectors) from the input's bytes instead, so every
// input is a trace parseTrace accepts once printed.
#pragma once

#include <cstdint>
#include <span>

#include "harness/sbt/trace.hpp"

namespace sbcheck::fuzz {

/// The most events decoded from one input.
inline constexpr std::size_t kMaxTraceEvents = 64;

/// Bytes 0-1: which features the trace may use (as genTrace's swarm); then
/// each event's kind and operands, a byte a choice, until the input ends.
/// No models header, comments or `!ub` markers: the laws ignore them.
sbt::Trace traceFromBytes(std::span<const std::uint8_t> bytes);

}  // namespace sbcheck::fuzz
