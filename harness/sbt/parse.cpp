// Reading `.sbt` text into a Trace (sbt-format.md): the `#! models:` header,
// each event line's syntax and modifiers, then TraceChecker for what depends
// on earlier lines. The first trace error in the file wins.
#include "harness/sbt/parse.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "harness/sbt/check.hpp"
#include "harness/sbt/lexer.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck::sbt {
namespace {

constexpr std::string_view kMarker = "!ub";
constexpr std::string_view kMisplacedMarker = "'!ub' may end only a let, read, write or dealloc line";
constexpr std::string_view kModifierOrder =
    "modifiers are twophase, cell or cell[A..B]..., protect, !ub, in that order";

// What a near miss is suggested from, per place on the line (sbt-format.md).
constexpr std::array<std::string_view, 7> kEvents = {"alloc", "let", "call", "return", "read", "write", "dealloc"};
constexpr std::array<std::string_view, 4> kPointerForms = {"&mut", "&cell", "*mut", "*const"};
constexpr std::array<std::string_view, 4> kModifiers = {"twophase", "cell", "protect", "!ub"};
constexpr std::array<std::string_view, 1> kAllocEnd = {"untagged"};
constexpr std::array<std::string_view, 1> kAccessEnd = {"!ub"};
constexpr std::array<std::string_view, 1> kHeaders = {"models:"};

std::string showCell(ByteRange range) {
  return "cell[" + std::to_string(range.begin) + ".." + std::to_string(range.end) + "]";
}

/// Modifiers of a `let`, in the only order they may appear.
enum class Modifier : std::uint8_t { kNone, kTwoPhase, kCell, kCellRange, kProtect, kMarker };

/// Rank in the order; `cell` and `cell[..]` share a place.
int rank(Modifier modifier) {
  switch (modifier) {
    case Modifier::kNone: return 0;
    case Modifier::kTwoPhase: return 1;
    case Modifier::kCell:
    case Modifier::kCellRange: return 2;
    case Modifier::kProtect: return 3;
    case Modifier::kMarker: return 4;
  }
  return 0;
}

/// Parses one event line's words. Each step returns false after recording the
/// line's trace error, so the first problem on the line is the one reported.
class EventParser : text::WordCursor {
 public:
  explicit EventParser(std::span<const std::string_view> words) : WordCursor(words) {}

  /// The event (line and comment not set), or its trace error's message.
  std::variant<Event, std::string> parse() {
    if (!parseEvent()) return error_;
    return event_;
  }

  /// "did you mean '&mut'?" when the line parsed but a word looked like a
  /// misspelt form ('let y = &mutt'): added to a later error about the line.
  const std::string& hint() const { return hint_; }

 private:
  bool parseEvent() {
    const std::string_view head = next();
    if (head == "alloc") return parseAlloc();
    if (head == "let") return parseLet();
    if (head == "call") return parseFrame(EventKind::kCall);
    if (head == "return") return parseFrame(EventKind::kReturn);
    if (head == "read") return parseAccess(EventKind::kRead);
    if (head == "write") return parseAccess(EventKind::kWrite);
    if (head == "dealloc") return parseAccess(EventKind::kDealloc);
    return fail(text::withSuggestion("unknown event " + quoted(head), head, kEvents,
                                     " (events are alloc, let, call, return, read, write, dealloc)"));
  }

  bool parseAlloc() {
    event_.kind = EventKind::kAlloc;
    if (atEnd()) return fail("expected a name after 'alloc'");
    if (!readInto(readName(next()), event_.name)) return false;
    if (atEnd()) return fail("expected a size in bytes after " + quoted(consumed()));
    if (!readInto(readNumber(next()), event_.size)) return false;
    if (event_.size == 0) return fail("'alloc' needs a size of at least 1 byte");
    if (!atEnd() && peek() == "untagged") {
      next();
      event_.untagged = true;
    }
    return parseEnd(false, kAllocEnd);
  }

  bool parseFrame(EventKind kind) {
    event_.kind = kind;
    return parseEnd(false, {});
  }

  bool parseAccess(EventKind kind) {
    event_.kind = kind;
    if (atEnd()) return fail("expected a pointer name after " + quoted(consumed()));
    if (!readInto(readOperand(next()), event_.operand)) return false;
    if (kind == EventKind::kDealloc && event_.operand.range) {
      return fail("'dealloc' frees the whole allocation and takes no range (write 'dealloc " +
                  event_.operand.name + "')");
    }
    return parseEnd(true, kAccessEnd);
  }

  /// The end of a line that takes no modifiers but, maybe, `!ub`; `endings`
  /// are the words that could have been meant.
  bool parseEnd(bool markerAllowed, std::span<const std::string_view> endings) {
    if (!atEnd() && peek() == kMarker) {
      if (!markerAllowed) return fail(std::string(kMisplacedMarker));
      next();
      event_.expectUb = true;
    }
    if (atEnd()) return true;
    return fail(text::withSuggestion("unexpected " + quoted(peek()) + " after " + quoted(consumed()), peek(), endings));
  }

  bool parseLet() {
    event_.kind = EventKind::kLet;
    if (atEnd()) return fail("expected a name after 'let'");
    if (!readInto(readName(next()), event_.name)) return false;
    if (atEnd() || peek() != "=") {
      if (!atEnd() && peek().starts_with('=')) {
        return fail("write '=' as a word of its own, with spaces around it ('let y = &x')");
      }
      return fail("expected '=' after " + quoted(consumed()));
    }
    next();
    if (atEnd()) return fail("expected a pointer after " + quoted(consumed()));
    return parseRhs() && parseModifiers();
  }

  /// `&mut X`, `&cell X`, `&X`, `*mut X`, `*const [cell] X` or `X`.
  bool parseRhs() {
    const std::string_view word = next();
    if (word == "&" || word == "*") {
      return fail("write " + quoted(word) +
                  " attached to the word after it (as in '&x', '&mut x', '*mut x')");
    }
    if (word == "&mut") return parseRhsOperand(LetKind::kMutRef);
    if (word == "&cell") {
      event_.allCell = true;
      return parseRhsOperand(LetKind::kSharedRef);
    }
    if (word.starts_with('&')) {
      // `&mutt x`: a misspelt form, since a `&x` operand is one word.
      const std::string form(word.substr(0, word.find('[')));
      const std::string suggestion = form.size() > text::kMaxQuoted ? "" : text::didYouMean(form, kPointerForms);
      if (!suggestion.empty() && !atEnd() && classify(peek()) == Modifier::kNone) {
        return fail("unknown pointer form " + quoted(form) + "; " + suggestion);
      }
      hint_ = suggestion;
      event_.let = LetKind::kSharedRef;
      return readInto(readOperand(word.substr(1)), event_.operand);
    }
    if (word == "*mut") return parseRhsOperand(LetKind::kRawMut);
    if (word == "*const") {
      if (!atEnd() && peek() == "cell") {
        next();
        event_.allCell = true;
      }
      return parseRhsOperand(LetKind::kRawConst);
    }
    if (word.starts_with('*')) {
      return fail(text::withSuggestion("expected '*mut' or '*const', found " + quoted(word), word, kPointerForms));
    }
    event_.let = LetKind::kCopy;
    return readInto(readOperand(word), event_.operand);
  }

  /// The operand word after `&mut`, `&cell`, `*mut`, `*const` or `*const cell`.
  bool parseRhsOperand(LetKind kind) {
    event_.let = kind;
    if (atEnd()) return fail("expected a pointer name after " + quoted(consumed()));
    if (event_.let == LetKind::kMutRef && peek() == "cell") {
      return fail("'&mut cell' is not a form "
                  "(a two-phase borrow inside UnsafeCell is '&mut x twophase cell')");
    }
    return readInto(readOperand(next()), event_.operand);
  }

  bool parseModifiers() {
    Modifier last = Modifier::kNone;
    std::string_view lastWord;
    while (!atEnd()) {
      const std::string_view word = next();
      const Modifier modifier = classify(word);
      if (modifier == Modifier::kNone) return failUnknownModifier(word);
      if (!inOrder(last, lastWord, modifier, word) || !apply(modifier, word)) return false;
      last = modifier;
      lastWord = word;
    }
    return true;
  }

  static Modifier classify(std::string_view word) {
    if (word == "twophase") return Modifier::kTwoPhase;
    if (word == "cell") return Modifier::kCell;
    if (word.starts_with("cell[")) return Modifier::kCellRange;
    if (word == "protect") return Modifier::kProtect;
    if (word == kMarker) return Modifier::kMarker;
    return Modifier::kNone;
  }

  bool failUnknownModifier(std::string_view word) {
    if (word.starts_with('[')) {
      return fail("write a range attached to its name or keyword, with no space before '[' "
                  "(as in 'cell[0..4]')");
    }
    if (word.size() > kMarker.size() && word.ends_with(kMarker)) {
      const std::string fixed = std::string(word.substr(0, word.size() - kMarker.size())) + " !ub";
      return fail("write '!ub' as a word of its own (" + quoted(fixed) + ")");
    }
    return fail(text::withSuggestion("unexpected " + quoted(word) + " after " + quoted(consumedBefore(1)), word,
                                     kModifiers, " (" + std::string(kModifierOrder) + ")"));
  }

  bool inOrder(Modifier last, std::string_view lastWord, Modifier modifier, std::string_view word) {
    if (rank(modifier) > rank(last)) return true;
    if (last == Modifier::kCellRange && modifier == Modifier::kCellRange) return true;
    if (rank(modifier) == rank(last)) {
      if (modifier == last) return fail(quoted(word) + " appears twice");
      return fail("a bare 'cell' and 'cell[..]' ranges cannot be combined");
    }
    return fail(quoted(word) + " must come before " + quoted(lastWord) + " (" +
                std::string(kModifierOrder) + ")");
  }

  bool apply(Modifier modifier, std::string_view word) {
    switch (modifier) {
      case Modifier::kTwoPhase:
        if (event_.let != LetKind::kMutRef) return fail("'twophase' applies only to '&mut'");
        event_.twoPhase = true;
        return true;
      case Modifier::kCell: return applyCell();
      case Modifier::kCellRange: return applyCellRange(word);
      case Modifier::kProtect: return applyProtect();
      case Modifier::kMarker: event_.expectUb = true; return true;
      case Modifier::kNone: break;
    }
    return fail("unexpected " + quoted(word));
  }

  bool applyCell() {
    switch (event_.let) {
      case LetKind::kMutRef:
        if (!event_.twoPhase) return fail("a bare 'cell' follows only 'twophase' ('&mut x twophase cell')");
        event_.allCell = true;
        return true;
      case LetKind::kSharedRef:
        if (event_.allCell) {
          return fail("'cell' appears twice ('&cell x' already puts it all inside UnsafeCell)");
        }
        return fail("a bare 'cell' follows only 'twophase' (for '&' write '&cell x')");
      case LetKind::kRawConst:
        if (event_.allCell) {
          return fail("'cell' appears twice ('*const cell x' already puts it all inside UnsafeCell)");
        }
        return fail("a bare 'cell' follows only 'twophase' (for '*const' write '*const cell x')");
      case LetKind::kRawMut:
      case LetKind::kCopy: break;
    }
    return fail("'cell' applies only to '&cell x', '*const cell x' and '&mut x twophase cell'");
  }

  bool applyCellRange(std::string_view word) {
    const bool fits = event_.let == LetKind::kSharedRef || event_.let == LetKind::kRawConst ||
                      (event_.let == LetKind::kMutRef && event_.twoPhase);
    if (event_.let == LetKind::kMutRef && !event_.twoPhase) {
      return fail("'cell[..]' on '&mut' needs 'twophase' before it");
    }
    if (!fits) return fail("'cell[..]' applies only to '&x', '*const x' and '&mut x twophase'");
    if (event_.allCell) return fail("a bare 'cell' and 'cell[..]' ranges cannot be combined");
    ByteRange range;
    if (!readInto(readRange(word.substr(4), word), range)) return false;
    if (!event_.cellRanges.empty() && event_.cellRanges.back().end > range.begin) {
      return fail("cell ranges must be ascending and disjoint (" + quoted(word) + " after " +
                  quoted(showCell(event_.cellRanges.back())) + ")");
    }
    event_.cellRanges.push_back(range);
    return true;
  }

  bool applyProtect() {
    switch (event_.let) {
      case LetKind::kMutRef:
      case LetKind::kSharedRef: event_.protect = true; return true;
      case LetKind::kRawMut: return fail("'protect' may end only a '&mut' or '&' retag, not a '*mut' cast");
      case LetKind::kRawConst:
        return fail("'protect' may end only a '&mut' or '&' retag, not a '*const' cast");
      case LetKind::kCopy: break;
    }
    return fail("'protect' may end only a '&mut' or '&' retag, not a copy");
  }

  Event event_;
  std::string hint_;
};

/// A `#!` line: only `#! models: NAME[, NAME...]`, only on line 1.
std::optional<std::string> parseHeader(const SourceLine& line, std::vector<std::string>& models) {
  std::string_view body = trim(line.text).substr(2);
  body = trim(body.substr(0, body.find('#')));  // a comment may follow the list
  constexpr std::string_view kModels = "models:";
  if (!body.starts_with(kModels)) {
    return text::withSuggestion("unknown '#!' line", text::headerWord(body), kHeaders,
                                " (the only one is '#! models: NAME, ...' on the first line)");
  }
  if (line.number != 1) return "'#! models:' must be the first line of the file";
  return text::readNameList(body.substr(kModels.size()), sb::AnyModel::names(), "model", "'#! models:'",
                            "#! models: sb2, sb2-strict", models);
}

}  // namespace

std::variant<Trace, TraceError> parseTrace(std::string_view text) {
  Trace trace;
  TraceChecker checker;
  for (const SourceLine& line : splitLines(text)) {
    if (auto problem = text::lineProblem(line)) return TraceError{line.number, std::move(*problem)};
    if (line.directive) {
      if (auto error = parseHeader(line, trace.models)) return TraceError{line.number, std::move(*error)};
      continue;
    }
    if (line.words.empty()) continue;
    EventParser parser(line.words);
    auto parsed = parser.parse();
    if (auto* error = std::get_if<std::string>(&parsed)) return TraceError{line.number, std::move(*error)};
    Event& event = std::get<Event>(parsed);
    event.line = line.number;
    event.comment = std::string(line.comment);
    if (auto error = checker.check(event)) {
      // `let y = &mutt` reads as a borrow of an unbound `mutt`.
      const bool misspelt = !parser.hint().empty() && error->starts_with("unbound name");
      return TraceError{line.number, misspelt ? *error + "; " + parser.hint() : std::move(*error)};
    }
    trace.events.push_back(std::move(event));
  }
  return trace;
}

}  // namespace sbcheck::sbt
