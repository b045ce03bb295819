// The words of `.sbt` text — names, decimal numbers, `[A..B]` ranges and
// `X[A..B]` operands — with their trace error messages. Lines, comments and
// the rest of the lexical layer are shared with `.cell` (harness/text/source.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/sbt/trace.hpp"
#include "harness/text/source.hpp"

namespace sbcheck::sbt {

using text::quoted;
using text::SourceLine;
using text::splitLines;
using text::trim;
using text::WordError;
using text::WordResult;

/// True for the reserved words of sbt-format.md.
bool isKeyword(std::string_view word);

/// Checks `[A-Za-z_][A-Za-z0-9_]*` and not a keyword; returns the name.
WordResult<std::string> readName(std::string_view word);

/// A decimal number that fits in 64 bits.
WordResult<std::uint64_t> readNumber(std::string_view word);

/// `[A..B]` with A < B; `word` is the whole token, for messages.
WordResult<ByteRange> readRange(std::string_view bracketed, std::string_view word);

/// `NAME` or `NAME[A..B]`.
WordResult<Operand> readOperand(std::string_view word);

}  // namespace sbcheck::sbt
