// The shared lexical layer.
#include "harness/text/source.hpp"

#include <algorithm>

namespace sbcheck::text {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || isDigit(c); }

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
  // indented header is used or reported rather than silently ignored.
  if (trim(text).starts_with("#!")) {
    line.directive = true;
    return line;
  }
  const std::size_t hash = text.find('#');
  if (hash != std::string_view::npos) line.comment = trim(text.substr(hash + 1));
  line.words = splitWords(text.substr(0, hash));
  return line;
}

std::string joined(std::span<const std::string_view> names) {
  std::string list;
  for (const std::string_view name : names) list += (list.empty() ? "" : ", ") + std::string(name);
  return list.empty() ? "none" : list;
}

}  // namespace

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

std::string_view trim(std::string_view text) {
  while (!text.empty() && isBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && isBlank(text.back())) text.remove_suffix(1);
  return text;
}

std::string quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
      continue;
    }
    constexpr std::string_view kHex = "0123456789abcdef";
    out += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xf]};
  }
  return out + "'";
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view text) { return !text.empty() && std::all_of(text.begin(), text.end(), isDigit); }

bool hasNameSyntax(std::string_view word) {
  return !word.empty() && isNameStart(word.front()) && std::all_of(word.begin(), word.end(), isNameChar);
}

std::string WordCursor::consumedBefore(std::size_t skip) const {
  std::string text;
  for (std::size_t i = 0; i + skip < pos_; ++i) text += (i == 0 ? "" : " ") + std::string(words_[i]);
  return text;
}

std::optional<std::string> readNameList(std::string_view list, std::span<const std::string_view> known,
                                        std::string_view what, const std::string& header,
                                        std::string_view example, std::vector<std::string>& names) {
  const std::string kind(what);
  if (trim(list).empty()) return "empty " + kind + " list in " + header;
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view name = trim(list.substr(0, comma));
    if (name.empty()) return "empty " + kind + " name in the " + header + " list";
    if (name.find_first_of(" \t") != std::string_view::npos) {
      return kind + " names are separated by ',' (as in '" + std::string(example) + "')";
    }
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return "unknown " + kind + " " + quoted(name) + " (known: " + joined(known) + ")";
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
    if (comma == std::string_view::npos) return std::nullopt;
    list.remove_prefix(comma + 1);
  }
}

}  // namespace sbcheck::text
