// The words of `.cell` text: names, keys and `=> V` values, with their
// sequence error messages. Lines, comments and the rest of the lexical layer
// are shared with `.sbt` (harness/text/source.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "harness/cellseq/sequence.hpp"
#include "harness/text/source.hpp"

namespace sbcheck::cellseq {

using text::quoted;
using text::SourceLine;
using text::splitLines;
using text::trim;
using text::WordError;
using text::WordResult;

/// Largest key: cell-format.md "Keys are integers from 0 to 2^31 − 1".
inline constexpr std::int64_t kMaxKey = 2147483647;

/// Checks `[A-Za-z_][A-Za-z0-9_]*` and not a keyword; returns the name.
WordResult<std::string> readName(std::string_view word);

/// A decimal key from 0 to kMaxKey.
WordResult<std::int64_t> readKey(std::string_view word);

/// The V of `=> V`: a non-negative decimal integer, `true`, `false` or `stop`.
WordResult<Value> readValue(std::string_view word);

}  // namespace sbcheck::cellseq
