// The lexical level of `.cell` text: lines (numbered over every line), `#`
// comments, `#!` header lines, words split at spaces and tabs, and the word
// readers (names, keys, values) with their sequence error messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/cellseq/sequence.hpp"

namespace sbcheck::cellseq {

/// Largest key: cell-format.md "Keys are integers from 0 to 2^31 − 1".
inline constexpr std::int64_t kMaxKey = 2147483647;

/// One line of the file with its comment split off.
struct SourceLine {
  int number = 0;                       ///< 1-based, counting every line of the file
  std::string_view text;                ///< the whole line, without its line ending
  std::vector<std::string_view> words;  ///< before any `#`; empty for a blank line
  std::string_view comment;             ///< after the first `#`, trimmed
  bool header = false;                  ///< starts with `#!` (after blanks): `words` stays empty
};

/// Splits `text` at `\n` (a `\r` before it is dropped; the last line needs no
/// newline). Every line is returned, blank ones too, so numbers stay exact.
std::vector<SourceLine> splitLines(std::string_view text);

/// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

/// `'text'`, the way messages show a word.
std::string quoted(std::string_view text);

/// Why a word could not be read: a sequence error message.
struct WordError {
  std::string message;
};

/// A word reader's value, or why not.
template <class T>
using WordResult = std::variant<T, WordError>;

/// Checks `[A-Za-z_][A-Za-z0-9_]*` and not a keyword; returns the name.
WordResult<std::string> readName(std::string_view word);

/// A decimal key from 0 to kMaxKey.
WordResult<std::int64_t> readKey(std::string_view word);

/// The V of `=> V`: a non-negative decimal integer, `true`, `false` or `stop`.
WordResult<Value> readValue(std::string_view word);

}  // namespace sbcheck::cellseq
