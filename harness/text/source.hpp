// The lexical layer both input languages share: a file as numbered lines with
// comments split off, words, `'quoted'` words for messages, the name syntax,
// a cursor over one line's words, and the `#! header: NAME, NAME` list.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sbcheck::text {

/// One line of a file with its comment split off.
struct SourceLine {
  int number = 0;                       ///< 1-based, counting every line of the file
  std::string_view text;                ///< the whole line, without its line ending
  std::vector<std::string_view> words;  ///< before any `#`; empty for a blank line
  std::string_view comment;             ///< after the first `#`, trimmed
  bool directive = false;               ///< starts with `#!` (after blanks): `words` stays empty
};

/// Longest line either language reads, in bytes: anything longer is refused
/// with one short message rather than echoed.
inline constexpr std::size_t kMaxLineBytes = 4096;
/// Most characters of input quoted() shows before cutting it with `...`.
inline constexpr std::size_t kMaxQuoted = 80;

/// Splits `text` at `\n` (a `\r` before it is dropped; the last line needs no
/// newline). Every line is returned, blank ones too, so numbers stay exact. A
/// UTF-8 byte-order mark at the very start of `text` is skipped.
std::vector<SourceLine> splitLines(std::string_view text);

/// What is wrong with a line as text, before any word is read: too long, a
/// NUL or other control byte, invalid UTF-8 (a binary file), a byte-order
/// mark or another invisible character. nullopt for a line fit to parse.
std::optional<std::string> lineProblem(const SourceLine& line);

/// "did you mean 'alloc'?" when `word` is a near miss (at most 2 edits, few
/// for its length) of one of `candidates`, the first nearest; else "".
std::string didYouMean(std::string_view word, std::span<const std::string_view> candidates);
/// `message` + "; did you mean 'X'?" when `word` is a near miss of a
/// candidate, else `message` + `otherwise` (a list of what is allowed, say).
std::string withSuggestion(std::string message, std::string_view word, std::span<const std::string_view> candidates,
                           std::string_view otherwise = "");

/// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

/// `'text'` for a message: every echo of input goes through it. Control
/// bytes, invalid UTF-8 and invisible characters (a byte-order mark, a
/// no-break space) are written `\xNN` so they show; past kMaxQuoted
/// characters the text is cut and ends `...`.
std::string quoted(std::string_view text);
/// quoted() without the quotes, for input shown bare ("key 99999 out of range").
std::string shown(std::string_view text);

bool isDigit(char c);
/// Non-empty and only decimal digits.
bool allDigits(std::string_view text);
/// `[A-Za-z_][A-Za-z0-9_]*` (keywords are each language's business).
bool hasNameSyntax(std::string_view word);

/// Why a word could not be read: an error message.
struct WordError {
  std::string message;
};

/// A word reader's value, or why not.
template <class T>
using WordResult = std::variant<T, WordError>;

/// Reads one line's words in order; the first error on the line is kept.
class WordCursor {
 protected:
  explicit WordCursor(std::span<const std::string_view> words) : words_(words) {}

  bool atEnd() const { return pos_ == words_.size(); }
  std::string_view peek() const { return words_[pos_]; }
  std::string_view next() { return words_[pos_++]; }

  /// The words read so far, for "after 'let y ='" in messages.
  std::string consumed() const { return consumedBefore(0); }
  /// The same without the last `skip` words read.
  std::string consumedBefore(std::size_t skip) const;

  /// Records the line's error; returns false so steps can `return fail(...)`.
  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  /// Stores a word reader's value, or records its error.
  template <class T, class U>
  bool readInto(WordResult<T>&& result, U& out) {
    if (auto* error = std::get_if<WordError>(&result)) return fail(std::move(error->message));
    out = std::move(std::get<T>(result));
    return true;
  }

  std::span<const std::string_view> words_;
  std::size_t pos_ = 0;
  std::string error_;
};

/// The first word of a `#!` line's body, through its `:` if it has one
/// ("policies:"), for suggesting a header.
std::string_view headerWord(std::string_view body);

/// The comma-separated names of a `#!` header, in `list`: each must be one of
/// `known`; repeats are dropped. `what` is "model" or "policy", `header` the
/// header as messages show it ("'#! models:'"), `example` a well-formed line.
std::optional<std::string> readNameList(std::string_view list, std::span<const std::string_view> known,
                                        std::string_view what, const std::string& header,
                                        std::string_view example, std::vector<std::string>& names);

}  // namespace sbcheck::text
