// Reading `.sbt` words: names, numbers, ranges, operands.
#include "harness/sbt/lexer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace sbcheck::sbt {
namespace {

constexpr std::array<std::string_view, 12> kKeywords = {
    "alloc", "let", "mut", "cell", "twophase", "protect", "untagged",
    "call", "return", "read", "write", "dealloc"};

/// `read x!ub`: the marker must be a word of its own.
std::optional<WordError> attachedMarker(std::string_view word) {
  if (word.size() <= 3 || !word.ends_with("!ub")) return std::nullopt;
  const std::string fixed = std::string(word.substr(0, word.size() - 3)) + " !ub";
  return WordError{"write '!ub' as a word of its own (" + quoted(fixed) + ")"};
}

}  // namespace

bool isKeyword(std::string_view word) {
  return std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end();
}

WordResult<std::string> readName(std::string_view word) {
  if (isKeyword(word)) return WordError{quoted(word) + " is a keyword and cannot be a name"};
  if (auto error = attachedMarker(word)) return std::move(*error);
  if (word.find('=') != std::string_view::npos) {
    return WordError{"write '=' as a word of its own, with spaces around it ('let y = &x')"};
  }
  if (!text::hasNameSyntax(word)) {
    return WordError{quoted(word) + " is not a name (names are [A-Za-z_][A-Za-z0-9_]*)"};
  }
  return std::string(word);
}

WordResult<std::uint64_t> readNumber(std::string_view word) {
  if (!text::allDigits(word)) return WordError{quoted(word) + " is not a decimal number"};
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (error == std::errc::result_out_of_range) {
    return WordError{"number " + text::shown(word) + " does not fit in 64 bits"};
  }
  // allDigits guarantees from_chars read every character.
  return value;
}

WordResult<ByteRange> readRange(std::string_view bracketed, std::string_view word) {
  const WordError malformed{"malformed range in " + quoted(word) +
                            " (write [A..B] with decimal offsets and no spaces)"};
  if (!bracketed.starts_with('[') || !bracketed.ends_with(']')) return malformed;
  const std::string_view inner = bracketed.substr(1, bracketed.size() - 2);
  const std::size_t dots = inner.find("..");
  if (dots == std::string_view::npos) return malformed;
  const std::string_view first = inner.substr(0, dots);
  const std::string_view second = inner.substr(dots + 2);
  if (!text::allDigits(first) || !text::allDigits(second)) return malformed;
  const auto begin = readNumber(first);
  if (const auto* error = std::get_if<WordError>(&begin)) return *error;
  const auto end = readNumber(second);
  if (const auto* error = std::get_if<WordError>(&end)) return *error;
  const ByteRange range{std::get<std::uint64_t>(begin), std::get<std::uint64_t>(end)};
  const std::string shown = "[" + text::shown(first) + ".." + text::shown(second) + "]";
  if (range.begin == range.end) return WordError{"empty range " + shown};
  if (range.begin > range.end) return WordError{"reversed range " + shown + " (A must be less than B)"};
  return range;
}

WordResult<Operand> readOperand(std::string_view word) {
  if (auto error = attachedMarker(word)) return std::move(*error);
  const std::size_t bracket = word.find('[');
  if (bracket == 0) {
    return WordError{"write a range attached to its name, with no space before '[' (as in 'x[0..4]')"};
  }
  auto name = readName(word.substr(0, bracket));
  if (auto* error = std::get_if<WordError>(&name)) return std::move(*error);
  Operand operand{std::move(std::get<std::string>(name)), std::nullopt};
  if (bracket == std::string_view::npos) return operand;
  auto range = readRange(word.substr(bracket), word);
  if (auto* error = std::get_if<WordError>(&range)) return std::move(*error);
  operand.range = std::get<ByteRange>(range);
  return operand;
}

}  // namespace sbcheck::sbt
