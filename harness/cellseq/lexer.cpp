// Reading `.cell` words: names, keys, values.
#include "harness/cellseq/lexer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <optional>

#include "harness/cellseq/forms.hpp"

namespace sbcheck::cellseq {
namespace {

constexpr std::string_view kRefused = "!err";
constexpr std::string_view kArrow = "=>";

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

WordResult<std::string> readName(std::string_view word) {
  if (isKeyword(word)) return WordError{quoted(word) + " is a keyword and cannot be a name"};
  if (auto error = attachedMarker(word)) return std::move(*error);
  if (word.find('=') != std::string_view::npos) {
    return WordError{"write '=' as a word of its own, with spaces around it (as in 'ref q = p')"};
  }
  if (!text::hasNameSyntax(word)) {
    return WordError{quoted(word) + " is not a name (names are [A-Za-z_][A-Za-z0-9_]*)"};
  }
  return std::string(word);
}

WordResult<std::int64_t> readKey(std::string_view word) {
  const std::string range = " out of range (0 to " + std::to_string(kMaxKey) + ")";
  if (auto error = attachedMarker(word)) return std::move(*error);
  // A negative key is well-formed as a number, just outside the spec's range.
  if (word.starts_with('-') && text::allDigits(word.substr(1))) return WordError{"key " + text::shown(word) + range};
  if (!text::allDigits(word)) {
    return WordError{quoted(word) + " is not a key (keys are decimal integers from 0 to " +
                     std::to_string(kMaxKey) + ")"};
  }
  if (auto key = digitsUpTo(word, kMaxKey)) return *key;
  return WordError{"key " + text::shown(word) + range};
}

WordResult<Value> readValue(std::string_view word) {
  if (word == "true" || word == "false") return Value{Value::Kind::kBool, 0, word == "true"};
  if (word == "stop") return Value{Value::Kind::kStop, 0, false};
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  // Every integer an operation yields is a length or a key, never negative.
  if (word.starts_with('-') && text::allDigits(word.substr(1))) {
    return WordError{"value " + text::shown(word) + " is negative (lengths and keys are 0 or more)"};
  }
  if (!text::allDigits(word)) {
    constexpr std::array<std::string_view, 3> kWords = {"true", "false", "stop"};
    return WordError{text::withSuggestion(
        "expected a value after '=>' (an integer, true, false or stop), found " + quoted(word), word, kWords)};
  }
  if (auto number = digitsUpTo(word, kMax)) return Value{Value::Kind::kInt, *number, false};
  return WordError{"value " + text::shown(word) + " out of range (0 to " + std::to_string(kMax) + ")"};
}

}  // namespace sbcheck::cellseq
