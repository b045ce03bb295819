// The shared lexical layer.
#include "harness/text/source.hpp"

#include <algorithm>
#include <string>

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

/// One character of UTF-8 text: its code point and byte length, or length 0
/// for a byte that does not start a well-formed sequence.
struct Decoded {
  char32_t point = 0;
  std::size_t length = 0;
};

Decoded decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t point = 0;
  char32_t least = 0;  // below it, the sequence is overlong
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2, point = lead & 0x1f, least = 0x80;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3, point = lead & 0x0f, least = 0x800;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4, point = lead & 0x07, least = 0x10000;
  } else {
    return {};
  }
  if (at + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xc0) != 0x80) return {};
    point = (point << 6) | (byte(at + i) & 0x3f);
  }
  if (point < least || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return {};
  return {point, length};
}

bool isControl(char32_t point) { return point < 0x20 || (point >= 0x7f && point <= 0x9f); }

/// Characters that print as nothing, or as a plain space, and so hide in a message.
bool isInvisible(char32_t point) {
  return point == 0xa0 || point == 0xad || (point >= 0x200b && point <= 0x200f) ||
         (point >= 0x2028 && point <= 0x202e) || (point >= 0x2060 && point <= 0x2064) || point == 0xfeff;
}

constexpr char32_t kByteOrderMark = 0xfeff;
constexpr std::string_view kByteOrderMarkBytes = "\\xef\\xbb\\xbf";

void appendEscaped(std::string& out, std::string_view bytes) {
  constexpr std::string_view kHex = "0123456789abcdef";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xf]};
  }
}

std::string hexByte(char c) {
  std::string out;
  appendEscaped(out, std::string_view(&c, 1));
  return out;
}

std::string codePoint(char32_t point) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(point >> shift) & 0xf];
  return out;
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours each cost 1 ("stpo" is 1 from "stop").
std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
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
  if (text.starts_with("\xef\xbb\xbf")) text.remove_prefix(3);  // editors' UTF-8 signature
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
  std::string body;
  std::size_t cut = 0;  // body's length at the last character boundary that leaves room for "..."
  for (std::size_t at = 0; at < text.size();) {
    if (body.size() <= kMaxQuoted - 3) cut = body.size();
    if (body.size() > kMaxQuoted) {
      body.resize(cut);
      body += "...";
      break;
    }
    const Decoded c = decode(text, at);
    const std::size_t length = c.length == 0 ? 1 : c.length;
    if (c.length == 0 || isControl(c.point) || isInvisible(c.point)) {
      appendEscaped(body, text.substr(at, length));
    } else {
      body += text.substr(at, length);
    }
    at += length;
  }
  if (body.size() > kMaxQuoted) body.resize(cut), body += "...";
  return "'" + body + "'";
}

std::string shown(std::string_view text) {
  const std::string withQuotes = quoted(text);
  return withQuotes.substr(1, withQuotes.size() - 2);
}

std::optional<std::string> lineProblem(const SourceLine& line) {
  const std::string_view text = line.text;
  if (text.size() > kMaxLineBytes) {
    return "line is " + std::to_string(text.size()) + " bytes long (lines are at most " +
           std::to_string(kMaxLineBytes) + " bytes; is this a binary file?)";
  }
  std::size_t column = 1;
  for (std::size_t at = 0; at < text.size(); ++column) {
    const Decoded c = decode(text, at);
    const std::string where = " at column " + std::to_string(column);
    if (c.length == 0) return "invalid UTF-8 byte " + hexByte(text[at]) + where + " (is this a binary file?)";
    if (c.point == 0) return "a NUL byte" + where + " (is this a binary file?)";
    if (c.point == kByteOrderMark) {
      return "unexpected byte-order mark (" + std::string(kByteOrderMarkBytes) + ")" + where +
             " (only the very start of a file may have one)";
    }
    if (c.point == '\r') return "a carriage return inside a line" + where + " (lines end with \\n or \\r\\n)";
    if (isControl(c.point) && c.point != '\t') {
      return "control character " + hexByte(text[at]) + where + " (is this a binary file?)";
    }
    if (isInvisible(c.point)) return "invisible character " + codePoint(c.point) + where;
    at += c.length;
  }
  return std::nullopt;
}

std::string didYouMean(std::string_view word, std::span<const std::string_view> candidates) {
  std::string_view best;
  std::size_t bestDistance = 3;  // more than 2 edits is no near miss
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = editDistance(word, candidate);
    // A short word is near everything short: an edit must be small beside both.
    if (distance == 0 || distance * 2 > std::max(word.size(), candidate.size())) continue;
    if (distance < bestDistance) best = candidate, bestDistance = distance;
  }
  return best.empty() ? "" : "did you mean " + quoted(best) + "?";
}

std::string withSuggestion(std::string message, std::string_view word, std::span<const std::string_view> candidates,
                           std::string_view otherwise) {
  const std::string suggestion = word.size() > kMaxQuoted ? "" : didYouMean(word, candidates);
  return suggestion.empty() ? message + std::string(otherwise) : message + "; " + suggestion;
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

std::string_view headerWord(std::string_view body) {
  std::size_t end = body.find_first_of(" \t");
  const std::size_t colon = body.find(':');
  if (colon != std::string_view::npos && colon < end) end = colon + 1;
  return body.substr(0, end);
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
      return withSuggestion("unknown " + kind + " " + quoted(name), name, known, " (known: " + joined(known) + ")");
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
    if (comma == std::string_view::npos) return std::nullopt;
    list.remove_prefix(comma + 1);
  }
}

}  // namespace sbcheck::text
