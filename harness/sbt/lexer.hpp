// The lexical level of `.sbt` text: lines (numbered over every line), comments,
// words split at spaces and tabs, and the words themselves — names, decimal
// numbers, `[A..B]` ranges and `X[A..B]` operands.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/sbt/trace.hpp"

namespace sbcheck::sbt {

/// One line of the file with its comment split off.
struct SourceLine {
  int number = 0;                       ///< 1-based, counting every line of the file
  std::string_view text;                ///< the whole line, without its line ending
  std::vector<std::string_view> words;  ///< before any `#`; empty for a blank line
  std::string_view comment;             ///< after the first `#`, trimmed
  bool directive = false;               ///< starts with `#!`: a header, or a trace error
};

/// Splits `text` at `\n` (a `\r` before it is dropped; the last line needs no
/// newline). Every line is returned, blank ones too, so numbers stay exact.
std::vector<SourceLine> splitLines(std::string_view text);

/// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

/// `'text'` for a message, control characters written `\xNN` so they show.
std::string quoted(std::string_view text);

/// Why a word could not be read: a trace error message.
struct WordError {
  std::string message;
};

template <class T>
using WordResult = std::variant<T, WordError>;

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
