// Reading `.cell` text into a Sequence (cell-format.md): the `#! policies:` and
// `#! unsafe:` headers, then each operation line's syntax, key range and
// expectation. Name use is the runner's business. The first error in the file wins.
#include "harness/cellseq/parse.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "harness/cellseq/forms.hpp"
#include "harness/cellseq/lexer.hpp"

namespace sbcheck::cellseq {
namespace {

constexpr std::string_view kRefused = "!err";
constexpr std::string_view kArrow = "=>";

constexpr std::array<std::string_view, 1> kMarkers = {kRefused};
constexpr std::array<std::string_view, 2> kHeaders = {"policies:", "unsafe:"};

constexpr std::array<std::string_view, kForms.size()> operationNames() {
  std::array<std::string_view, kForms.size()> names{};
  for (std::size_t i = 0; i < kForms.size(); ++i) names[i] = kForms[i].keyword;
  return names;
}
constexpr std::array<std::string_view, kForms.size()> kOperations = operationNames();

std::string operationList() {
  std::string list;
  for (const Form& form : kForms) list += (list.empty() ? "" : ", ") + std::string(form.keyword);
  return list;
}

/// What a `=> V` line of this form could say, for "which yields ...".
std::string_view yieldsText(Yields yields) {
  switch (yields) {
    case Yields::kNothing: return "no value";
    case Yields::kInteger: return "an integer";
    case Yields::kBoolean: return "true or false";
    case Yields::kIntegerOrStop: return "an integer or stop";
  }
  return "no value";
}

/// Parses one operation line's words. Each step returns false after recording
/// the line's error, so the first problem on the line is the one reported.
class OpParser : text::WordCursor {
 public:
  explicit OpParser(std::span<const std::string_view> words) : WordCursor(words) {}

  /// The op (line and comment not set), or its sequence error's message.
  std::variant<Op, std::string> parse() {
    if (!parseOp()) return error_;
    return op_;
  }

 private:
  bool parseOp() {
    const std::string_view head = next();
    const std::optional<OpKind> kind = opKindNamed(head);
    if (!kind) {
      return fail(text::withSuggestion("unknown operation " + quoted(head), head, kOperations,
                                       " (operations are " + operationList() + ")"));
    }
    op_.kind = *kind;
    return parseOperands(formOf(*kind).operands) && parseExpectation();
  }

  bool parseOperands(Operands operands) {
    switch (operands) {
      case Operands::kName: return readNameInto(op_.name, "a name");
      case Operands::kNameKey: return readNameInto(op_.name, "a name") && readKeyInto();
      case Operands::kBinding: return parseBinding();
    }
    return false;
  }

  /// `Q = P`: Q is bound from P, which must already be bound while Q must not
  /// be, so one name on both sides is wrong whatever runs before it.
  bool parseBinding() {
    if (!readNameInto(op_.name, "a name")) return false;
    if (atEnd() || peek() != "=") {
      if (!atEnd() && peek().starts_with('=') && !peek().starts_with(kArrow)) {
        return fail("write '=' as a word of its own, with spaces around it (as in 'ref q = p')");
      }
      return fail("expected '=' after " + quoted(consumed()));
    }
    next();
    if (!readNameInto(op_.source, "an object name")) return false;
    if (op_.name == op_.source) {
      return fail(quoted(consumed()) + " binds " + quoted(op_.name) +
                  " from itself (the left name must be unbound and the right one bound)");
    }
    return true;
  }

  /// Nothing (must succeed), `!err` or `=> V`, then the end of the line.
  bool parseExpectation() {
    if (atEnd()) return true;
    const std::string_view word = next();
    if (word == kRefused) return parseRefused();
    if (word == kArrow) return parseValue();
    if (word.starts_with(kArrow)) {
      return fail("write '=>' as a word of its own, with spaces around it (as in 'len s => 2')");
    }
    if (word.starts_with('!')) {
      return fail(text::withSuggestion("unknown marker " + quoted(word), word, kMarkers, " (the only one is '!err')"));
    }
    return fail(text::withSuggestion("unexpected " + quoted(word) + " after " + quoted(consumedBefore(1)), word,
                                     kMarkers));
  }

  bool parseRefused() {
    const Form& form = formOf(op_.kind);
    if (!form.refusable) {
      return fail("'!err' does not fit " + quoted(form.keyword) + ", which no policy refuses");
    }
    op_.expect.kind = Expectation::Kind::kRefused;
    return parseEnd();
  }

  bool parseValue() {
    if (atEnd()) return fail("expected a value after " + quoted(consumed()) + " (an integer, true, false or stop)");
    const std::string_view word = next();
    if (word == kRefused) return fail("a line states one expectation: '!err' or '=> V', not both");
    Value value;
    if (!readInto(readValue(word), value)) return false;
    const Form& form = formOf(op_.kind);
    if (!fits(form.yields, value.kind)) {
      return fail("'=> " + text::shown(word) + "' does not fit " + quoted(form.keyword) + ", which yields " +
                  std::string(yieldsText(form.yields)));
    }
    op_.expect = Expectation{Expectation::Kind::kValue, value};
    return parseEnd();
  }

  bool parseEnd() {
    if (atEnd()) return true;
    if (peek() == kRefused || peek() == kArrow) {
      return fail("a line states one expectation: '!err' or '=> V', not both");
    }
    return fail("unexpected " + quoted(peek()) + " after " + quoted(consumed()));
  }

  /// A name operand; `what` says which for "expected ... after".
  bool readNameInto(std::string& out, std::string_view what) {
    if (atEnd() || peek() == kRefused || peek() == kArrow) {
      return fail("expected " + std::string(what) + " after " + quoted(consumed()));
    }
    return readInto(readName(next()), out);
  }

  bool readKeyInto() {
    if (atEnd() || peek() == kRefused || peek() == kArrow) {
      return fail("expected a key after " + quoted(consumed()));
    }
    return readInto(readKey(next()), op_.key);
  }

  Op op_;
};

/// Reads `#! policies:` and `#! unsafe:` lines into a Sequence, remembering
/// where each stood and where the first operation stood, for "appears twice"
/// and "must come before". One policy may be named in both headers: checked
/// outcomes and required UB are separate claims about the same run.
class HeaderParser {
 public:
  explicit HeaderParser(std::span<const std::string_view> knownPolicies) : known_(knownPolicies) {}

  /// Headers may stand only before the first operation.
  void noteOperation(int line) {
    if (state_.firstOpLine == 0) state_.firstOpLine = line;
  }

  std::optional<std::string> parse(const SourceLine& line, Sequence& sequence) {
    std::string_view body = trim(trim(line.text).substr(2));
    body = trim(body.substr(0, body.find('#')));  // a comment may follow the list
    if (body.starts_with(kPolicies)) {
      return parseList(line.number, kPolicies, state_.policiesLine, body, sequence.policies);
    }
    if (body.starts_with(kUnsafe)) {
      return parseList(line.number, kUnsafe, state_.unsafeLine, body, sequence.unsafePolicies);
    }
    return text::withSuggestion("unknown '#!' line", text::headerWord(body), kHeaders,
                                " (headers are '#! policies: NAME, ...' and '#! unsafe: NAME, ...')");
  }

 private:
  static constexpr std::string_view kPolicies = "policies:";
  static constexpr std::string_view kUnsafe = "unsafe:";

  /// One header's list; `seenLine` is where the same header stood before, if it did.
  std::optional<std::string> parseList(int number, std::string_view keyword, int& seenLine,
                                       std::string_view body, std::vector<std::string>& names) {
    const std::string header = "'#! " + std::string(keyword) + "'";
    if (state_.firstOpLine != 0) {
      return header + " must come before the first operation (line " + std::to_string(state_.firstOpLine) + ")";
    }
    if (seenLine != 0) return header + " appears twice (first on line " + std::to_string(seenLine) + ")";
    seenLine = number;
    return text::readNameList(body.substr(keyword.size()), known_, "policy", header,
                              "#! policies: strict, generation", names);
  }

  struct State {
    int policiesLine = 0;  ///< 0 while no `#! policies:` line was seen
    int unsafeLine = 0;
    int firstOpLine = 0;  ///< 0 before the first operation
  };

  std::span<const std::string_view> known_;
  State state_;
};

}  // namespace

std::variant<Sequence, SequenceError> parseSequence(std::string_view text,
                                                    std::span<const std::string_view> knownPolicies) {
  Sequence sequence;
  HeaderParser headers(knownPolicies);
  for (const SourceLine& line : splitLines(text)) {
    if (auto problem = text::lineProblem(line)) return SequenceError{line.number, std::move(*problem)};
    if (line.directive) {
      if (auto error = headers.parse(line, sequence)) return SequenceError{line.number, std::move(*error)};
      continue;
    }
    if (line.words.empty()) continue;
    auto parsed = OpParser(line.words).parse();
    if (auto* error = std::get_if<std::string>(&parsed)) return SequenceError{line.number, std::move(*error)};
    Op& op = std::get<Op>(parsed);
    op.line = line.number;
    op.comment = std::string(line.comment);
    headers.noteOperation(line.number);
    sequence.ops.push_back(std::move(op));
  }
  return sequence;
}

}  // namespace sbcheck::cellseq
