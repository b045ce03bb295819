// The lexical level of `.cell` text: lines, comments, words, and the word
// readers (names, keys, values) with their error messages.
#include "harness/cellseq/lexer.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

#include "harness/cellseq/forms.hpp"

namespace sbcheck::cellseq {
namespace {

constexpr std::string_view kRefused = "!err";
constexpr std::string_view kArrow = "=>";

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || isDigit(c); }

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), isDigit);
}

std::vector<std::string_view> splitWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (isBlank(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && !isBlank(text[i])) ++i;
    words.push_back(text.substr(start, i - start));
  }
  return words;
}

SourceLine lexLine(int number, std::string_view text) {
  SourceLine line;
  line.number = number;
  line.text = text;
  // `#!` opens a header, not a comment; leading blanks are allowed so an
  // indented header is reported or used rather than silently ignored.
  if (trim(text).starts_with("#!")) {
    line.header = true;
    return line;
  }
  const std::size_t hash = text.find('#');
  if (hash != std::string_view::npos) line.comment = trim(text.substr(hash + 1));
  line.words = splitWords(text.substr(0, hash));
  return line;
}

/// `add s 1!err` or `len s=>2`: markers must be words of their own, and saying
/// so beats "'1!err' is not a key".
std::optional<WordError> attachedMarker(std::string_view word) {
  if (word.size() > kRefused.size() && word.ends_with(kRefused)) {
    const std::string_view before = word.substr(0, word.size() - kRefused.size());
    return WordError{"write '!err' as a word of its own (" + quoted(std::string(before) + " !err") + ")"};
  }
  if (word.find(kArrow) != std::string_view::npos) {
    return WordError{"write '=>' as a word of its own, with spaces around it (as in 'len s => 2')"};
  }
  return std::nullopt;
}

/// Parses an all-digit word, or nullopt when it exceeds `max`.
std::optional<std::int64_t> digitsUpTo(std::string_view digits, std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error == std::errc::result_out_of_range || value > max) return std::nullopt;
  return value;
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && isBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && isBlank(text.back())) text.remove_suffix(1);
  return text;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::vector<SourceLine> splitLines(std::string_view text) {
  std::vector<SourceLine> lines;
  int number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(lexLine(++number, line));
  }
  return lines;
}

WordResult<std::string> readName(std::string_view word) {
  if (isKeyword(word)) return WordError{quoted(word) + " is a keyword and cannot be a name"};
  if (auto error = attachedMarker(word)) return std::move(*error);
  if (word.find('=') != std::string_view::npos) {
    return WordError{"write '=' as a word of its own, with spaces around it (as in 'ref q = p')"};
  }
  if (word.empty() || !isNameStart(word.front()) || !std::all_of(word.begin(), word.end(), isNameChar)) {
    return WordError{quoted(word) + " is not a name (names are [A-Za-z_][A-Za-z0-9_]*)"};
  }
  return std::string(word);
}

WordResult<std::int64_t> readKey(std::string_view word) {
  const std::string range = " out of range (0 to " + std::to_string(kMaxKey) + ")";
  if (auto error = attachedMarker(word)) return std::move(*error);
  // A negative key is well-formed as a number, just outside the spec's range.
  if (word.starts_with('-') && allDigits(word.substr(1))) return WordError{"key " + std::string(word) + range};
  if (!allDigits(word)) {
    return WordError{quoted(word) + " is not a key (keys are decimal integers from 0 to " +
                     std::to_string(kMaxKey) + ")"};
  }
  if (auto key = digitsUpTo(word, kMaxKey)) return *key;
  return WordError{"key " + std::string(word) + range};
}

WordResult<Value> readValue(std::string_view word) {
  if (word == "true" || word == "false") return Value{Value::Kind::kBool, 0, word == "true"};
  if (word == "stop") return Value{Value::Kind::kStop, 0, false};
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  // Every integer an operation yields is a length or a key, never negative.
  if (word.starts_with('-') && allDigits(word.substr(1))) {
    return WordError{"value " + std::string(word) + " is negative (lengths and keys are 0 or more)"};
  }
  if (!allDigits(word)) {
    return WordError{"expected a value after '=>' (an integer, true, false or stop), found " + quoted(word)};
  }
  if (auto number = digitsUpTo(word, kMax)) return Value{Value::Kind::kInt, *number, false};
  return WordError{"value " + std::string(word) + " out of range (0 to " + std::to_string(kMax) + ")"};
}

}  // namespace sbcheck::cellseq
