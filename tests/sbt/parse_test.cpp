// parseTrace against sbt-format.md: every event form and modifier read into the
// right fields, every trace error reported at its line, and which error wins.
#include "harness/sbt/parse.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "harness/text/source.hpp"
#include "tests/sbt/printers.hpp"

namespace sbcheck::sbt {
namespace {

/// The trace of `text`; a trace error fails the test.
Trace parseOk(std::string_view text) {
  auto result = parseTrace(text);
  if (const auto* error = std::get_if<TraceError>(&result)) {
    ADD_FAILURE() << "unexpected trace error at line " << error->line << ": " << error->message << "\nin:\n"
                  << text;
    return {};
  }
  return std::get<Trace>(std::move(result));
}

/// The trace error of `text`; a successful parse fails the test.
TraceError parseError(std::string_view text) {
  auto result = parseTrace(text);
  if (auto* error = std::get_if<TraceError>(&result)) return std::move(*error);
  ADD_FAILURE() << "expected a trace error in:\n" << text;
  return {};
}

Operand op(std::string name) {
  Operand operand;
  operand.name = std::move(name);
  return operand;
}

Operand op(std::string name, std::uint64_t begin, std::uint64_t end) {
  Operand operand = op(std::move(name));
  operand.range = ByteRange{begin, end};
  return operand;
}

/// An expected event, built field by field so a table reads like the spec's.
struct Ev {
  Event event;

  static Ev alloc(std::string name, std::uint64_t size) {
    Ev ev;
    ev.event.kind = EventKind::kAlloc;
    ev.event.name = std::move(name);
    ev.event.size = size;
    return ev;
  }
  static Ev let(std::string name, LetKind kind, Operand operand) {
    Ev ev;
    ev.event.kind = EventKind::kLet;
    ev.event.name = std::move(name);
    ev.event.let = kind;
    ev.event.operand = std::move(operand);
    return ev;
  }
  static Ev on(EventKind kind, Operand operand = {}) {
    Ev ev;
    ev.event.kind = kind;
    ev.event.operand = std::move(operand);
    return ev;
  }
  Ev& untagged() {
    event.untagged = true;
    return *this;
  }
  Ev& twoPhase() {
    event.twoPhase = true;
    return *this;
  }
  Ev& allCell() {
    event.allCell = true;
    return *this;
  }
  Ev& cell(std::uint64_t begin, std::uint64_t end) {
    event.cellRanges.push_back(ByteRange{begin, end});
    return *this;
  }
  Ev& protect() {
    event.protect = true;
    return *this;
  }
  Ev& ub() {
    event.expectUb = true;
    return *this;
  }
};

// ---------------------------------------------------------------- event forms

struct FormCase {
  std::string_view line;
  Event expected;
};

/// Every row of the spec's table, and every modifier combination it allows.
/// Each line follows `alloc x 8` and `call`, so `x` is bound and a frame open.
const std::vector<FormCase>& formCases() {
  using enum LetKind;
  static const std::vector<FormCase> cases = {
      {"alloc y 4", Ev::alloc("y", 4).event},
      {"alloc y 4 untagged", Ev::alloc("y", 4).untagged().event},
      {"alloc y 18446744073709551615", Ev::alloc("y", 18446744073709551615u).event},
      {"let y = &mut x", Ev::let("y", kMutRef, op("x")).event},
      {"let y = &mut x twophase", Ev::let("y", kMutRef, op("x")).twoPhase().event},
      {"let y = &mut x twophase cell", Ev::let("y", kMutRef, op("x")).twoPhase().allCell().event},
      {"let y = &mut x twophase cell[0..2]", Ev::let("y", kMutRef, op("x")).twoPhase().cell(0, 2).event},
      {"let y = &mut x twophase cell[0..2] cell[4..8]",
       Ev::let("y", kMutRef, op("x")).twoPhase().cell(0, 2).cell(4, 8).event},
      {"let y = &x", Ev::let("y", kSharedRef, op("x")).event},
      {"let y = &cell x", Ev::let("y", kSharedRef, op("x")).allCell().event},
      {"let y = &x cell[2..4]", Ev::let("y", kSharedRef, op("x")).cell(2, 4).event},
      {"let y = &x cell[0..2] cell[2..4] cell[6..8]",
       Ev::let("y", kSharedRef, op("x")).cell(0, 2).cell(2, 4).cell(6, 8).event},
      {"let y = *mut x", Ev::let("y", kRawMut, op("x")).event},
      {"let y = *const x", Ev::let("y", kRawConst, op("x")).event},
      {"let y = *const cell x", Ev::let("y", kRawConst, op("x")).allCell().event},
      {"let y = *const x cell[0..8]", Ev::let("y", kRawConst, op("x")).cell(0, 8).event},
      {"let y = x", Ev::let("y", kCopy, op("x")).event},
      {"let y = x[2..12]", Ev::let("y", kCopy, op("x", 2, 12)).event},
      {"let y = &mut x[0..4]", Ev::let("y", kMutRef, op("x", 0, 4)).event},
      {"let y = &x[4..8]", Ev::let("y", kSharedRef, op("x", 4, 8)).event},
      {"let y = &cell x[1..3]", Ev::let("y", kSharedRef, op("x", 1, 3)).allCell().event},
      {"let y = *mut x[0..1]", Ev::let("y", kRawMut, op("x", 0, 1)).event},
      {"let y = *const cell x[0..1]", Ev::let("y", kRawConst, op("x", 0, 1)).allCell().event},
      {"let y = &mut x protect", Ev::let("y", kMutRef, op("x")).protect().event},
      {"let y = &mut x twophase protect", Ev::let("y", kMutRef, op("x")).twoPhase().protect().event},
      {"let y = &mut x twophase cell protect",
       Ev::let("y", kMutRef, op("x")).twoPhase().allCell().protect().event},
      {"let y = &x protect", Ev::let("y", kSharedRef, op("x")).protect().event},
      {"let y = &cell x protect", Ev::let("y", kSharedRef, op("x")).allCell().protect().event},
      {"let y = &x cell[0..4] protect", Ev::let("y", kSharedRef, op("x")).cell(0, 4).protect().event},
      {"let y = &mut x[0..4] twophase cell[0..2] cell[2..4] protect !ub",
       Ev::let("y", kMutRef, op("x", 0, 4)).twoPhase().cell(0, 2).cell(2, 4).protect().ub().event},
      {"let y = x !ub", Ev::let("y", kCopy, op("x")).ub().event},
      {"let y = *mut x !ub", Ev::let("y", kRawMut, op("x")).ub().event},
      {"let y = &x !ub", Ev::let("y", kSharedRef, op("x")).ub().event},
      {"call", Ev::on(EventKind::kCall).event},
      {"return", Ev::on(EventKind::kReturn).event},
      {"read x", Ev::on(EventKind::kRead, op("x")).event},
      {"read x[0..4]", Ev::on(EventKind::kRead, op("x", 0, 4)).event},
      {"read x !ub", Ev::on(EventKind::kRead, op("x")).ub().event},
      {"write x", Ev::on(EventKind::kWrite, op("x")).event},
      {"write x[4..100]", Ev::on(EventKind::kWrite, op("x", 4, 100)).event},
      {"write x[3..5] !ub", Ev::on(EventKind::kWrite, op("x", 3, 5)).ub().event},
      {"dealloc x", Ev::on(EventKind::kDealloc, op("x")).event},
      {"dealloc x !ub", Ev::on(EventKind::kDealloc, op("x")).ub().event},
  };
  return cases;
}

TEST(ParseForms, EveryEventFormReadsIntoItsFields) {
  for (const FormCase& form : formCases()) {
    SCOPED_TRACE(form.line);
    const Trace trace = parseOk("alloc x 8\ncall\n" + std::string(form.line) + "\n");
    ASSERT_EQ(trace.events.size(), 3u);
    EXPECT_EQ(trace.events[2], form.expected);
    EXPECT_EQ(trace.events[2].line, 3);
  }
}

TEST(ParseForms, WholeFileKeepsEventsInOrderWithTheirLines) {
  const Trace trace = parseOk(
      "# a comment line\n"
      "\n"
      "alloc x 4            # let x = &mut 0u32 (a local)\n"
      "let x0 = &mut x\n"
      "let p = *mut x0\n"
      "call                 # foo(a, y)\n"
      "let a = &mut x0 protect\n"
      "write a\n"
      "let b = &a\n"
      "read p !ub           # no item grants the untagged pointer a read\n");
  ASSERT_EQ(trace.events.size(), 8u);
  const std::vector<int> lines = {3, 4, 5, 6, 7, 8, 9, 10};
  for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(trace.events[i].line, lines[i]) << i;
  EXPECT_EQ(trace.events[0].comment, "let x = &mut 0u32 (a local)");
  EXPECT_EQ(trace.events[3].comment, "foo(a, y)");
  EXPECT_EQ(trace.events[1].comment, "");
  EXPECT_TRUE(trace.events[7].expectUb);
  EXPECT_TRUE(trace.models.empty());
}

TEST(ParseForms, SpacesAndTabsBetweenTokensAreEquivalent) {
  const Trace spaced = parseOk("alloc x 8\nlet y = &mut x twophase cell[0..2] !ub\n");
  const Trace loose = parseOk("  alloc\tx   8\t\n\tlet  y\t=\t&mut   x twophase\t\tcell[0..2]   !ub  \n");
  EXPECT_EQ(spaced.events, loose.events);
}

TEST(ParseForms, CommentMayTouchTheLastToken) {
  const Trace trace = parseOk("alloc x 8# size\nread x[0..4]#first half\n");
  ASSERT_EQ(trace.events.size(), 2u);
  EXPECT_EQ(trace.events[1], Ev::on(EventKind::kRead, op("x", 0, 4)).event);
  EXPECT_EQ(trace.events[1].comment, "first half");
}

TEST(ParseForms, CrLfLineEndingsAndAMissingFinalNewlineAreAccepted) {
  const Trace trace = parseOk("alloc x 8\r\n\r\n# note\r\nread x\r\nwrite x");
  ASSERT_EQ(trace.events.size(), 3u);
  EXPECT_EQ(trace.events[1].line, 4);
  EXPECT_EQ(trace.events[2].line, 5);
  EXPECT_EQ(trace.events[2], Ev::on(EventKind::kWrite, op("x")).event);
}

TEST(ParseForms, EmptyAndCommentOnlyFilesHaveNoEvents) {
  EXPECT_TRUE(parseOk("").events.empty());
  EXPECT_TRUE(parseOk("\n\n  \t\n# only a comment\n").events.empty());
}

TEST(ParseForms, NamesMayLookLikeKeywordsWithoutBeingOne) {
  const Trace trace = parseOk("alloc const 4\nalloc _ 1\nalloc Mut_9 2\nalloc mutx 2\nlet y = *const const\n"
                              "let z = &mutx\nread Mut_9\n");
  ASSERT_EQ(trace.events.size(), 7u);
  EXPECT_EQ(trace.events[4], Ev::let("y", LetKind::kRawConst, op("const")).event);
  EXPECT_EQ(trace.events[5], Ev::let("z", LetKind::kSharedRef, op("mutx")).event);
}

TEST(ParseForms, RangesMayReachPastTheAllocation) {
  // Out-of-bounds is runtime UB, not a trace error, for copies too.
  const Trace trace = parseOk("alloc x 4\nlet y = x[2..64]\nread x[0..1000]\nlet z = &mut y[60..64]\n");
  ASSERT_EQ(trace.events.size(), 4u);
  EXPECT_EQ(trace.events[1].operand, op("x", 2, 64));
}

TEST(ParseForms, ShadowingRebindsTheNameWithItsNewRange) {
  // The second `x` has 16 bytes, so cell[8..16] lies inside it.
  const Trace trace = parseOk("alloc x 4\nalloc x 16\nlet y = &x cell[8..16]\nlet x = &x[0..2]\n"
                              "let z = &x cell[0..2]\n");
  EXPECT_EQ(trace.events.size(), 5u);
}

TEST(ParseForms, LetTracksTheStaticRangeThroughCopiesAndCasts) {
  const Trace trace = parseOk("alloc x 16\nlet y = &mut x[4..12]\nlet z = y\nlet w = *const z\n"
                              "let v = &w cell[4..6] cell[10..12]\n");
  EXPECT_EQ(trace.events.size(), 5u);
}

TEST(ParseForms, ALetMayReborrowTheNameItShadows) {
  const Trace trace = parseOk("alloc x 4\nlet x = &mut x\nread x\n");
  ASSERT_EQ(trace.events.size(), 3u);
  EXPECT_EQ(trace.events[1], Ev::let("x", LetKind::kMutRef, op("x")).event);
}

TEST(ParseForms, FramesNestAndATraceMayEndWithFramesOpen) {
  const Trace trace = parseOk("call\ncall\nreturn\nalloc x 1\nlet y = &x protect\nreturn\ncall\n");
  EXPECT_EQ(trace.events.size(), 7u);
}

// ---------------------------------------------------------------- header

TEST(ParseHeader, ModelsAreReadInOrderWithRepeatsDropped) {
  const Trace trace = parseOk("#! models: sb2-strict, sb2, sb2-strict,sb2-disable\nalloc x 1\n");
  EXPECT_EQ(trace.models, (std::vector<std::string>{"sb2-strict", "sb2", "sb2-disable"}));
  ASSERT_EQ(trace.events.size(), 1u);
  EXPECT_EQ(trace.events[0].line, 2);
}

TEST(ParseHeader, EveryKnownModelIsAccepted) {
  for (const char* name : {"sb2", "sb2-stackwrite", "sb2-disable", "sb2-strict", "sb2-tagged-raw"}) {
    EXPECT_EQ(parseOk(std::string("#! models: ") + name + "\n").models, std::vector<std::string>{name});
  }
}

TEST(ParseHeader, AbsentHeaderLeavesModelsEmpty) {
  EXPECT_TRUE(parseOk("alloc x 1\n").models.empty());
  EXPECT_TRUE(parseOk("# models: sb3\nalloc x 1\n").models.empty());
}

TEST(ParseHeader, HeaderToleratesExtraBlanksAndATrailingComment) {
  EXPECT_EQ(parseOk("#!\tmodels:   sb2 ,  sb2-strict  # why\n").models,
            (std::vector<std::string>{"sb2", "sb2-strict"}));
  EXPECT_EQ(parseOk("#! models: sb2\r\n").models, std::vector<std::string>{"sb2"});
}

// ---------------------------------------------------------------- trace errors

struct ErrorCase {
  std::string_view text;
  int line;
  std::string_view fragment;  ///< a part of the message that names the problem
};

/// Every trace error of sbt-format.md, each at a known line.
const std::vector<ErrorCase>& errorCases() {
  static const std::vector<ErrorCase> cases = {
      // Attachment of `&`, `*`, ranges and `!ub`; spaces around `=`.
      {"alloc x 4\nlet y = & x\n", 2, "attached"},
      {"alloc x 4\nlet y = & mut x\n", 2, "attached"},
      {"alloc x 4\nlet y = * mut x\n", 2, "attached"},
      {"alloc x 4\nlet y = * const x\n", 2, "attached"},
      {"alloc x 4\nlet y=&x\n", 2, "'='"},
      {"alloc x 4\nlet y= &x\n", 2, "'='"},
      {"alloc x 4\nlet y =&x\n", 2, "'='"},
      {"alloc x 4\nread x!ub\n", 2, "'!ub' as a word of its own"},
      {"alloc x 4\nread x[0..4]!ub\n", 2, "'!ub' as a word of its own"},
      {"alloc x 4\nlet y = &x protect!ub\n", 2, "'!ub' as a word of its own"},
      {"alloc x 4\nread x [0..4]\n", 2, "unexpected"},
      {"alloc x 4\nlet y = &x [0..4]\n", 2, "no space before '['"},
      {"alloc x 4\nlet y = &mut x twophase cell [0..4]\n", 2, "no space before '['"},
      {"alloc x 4\nlet y = &x cell [0..4]\n", 2, "'cell'"},
      {"alloc x 4\nread [0..4]\n", 2, "attached"},
      {"alloc x 4\nlet y = &&x\n", 2, "not a name"},
      // Keywords as names.
      {"alloc cell 4\n", 1, "'cell' is a keyword and cannot be a name"},
      {"alloc alloc 4\n", 1, "keyword"},
      {"alloc let 4\n", 1, "keyword"},
      {"alloc mut 4\n", 1, "keyword"},
      {"alloc twophase 4\n", 1, "keyword"},
      {"alloc protect 4\n", 1, "keyword"},
      {"alloc untagged 4\n", 1, "keyword"},
      {"alloc call 4\n", 1, "keyword"},
      {"alloc return 4\n", 1, "keyword"},
      {"alloc read 4\n", 1, "keyword"},
      {"alloc write 4\n", 1, "keyword"},
      {"alloc dealloc 4\n", 1, "keyword"},
      {"alloc x 4\nlet mut = &x\n", 2, "'mut' is a keyword"},
      {"alloc x 4\nlet y = &untagged\n", 2, "'untagged' is a keyword"},
      {"alloc x 4\nlet y = protect\n", 2, "'protect' is a keyword"},
      {"read protect\n", 1, "'protect' is a keyword"},
      {"alloc x 4\nlet y = &mut cell x\n", 2, "'&mut cell'"},
      // Malformed names.
      {"alloc 1x 4\n", 1, "not a name"},
      {"alloc x-y 4\n", 1, "not a name"},
      {"alloc x.y 4\n", 1, "not a name"},
      {"alloc \xc3\xa9 4\n", 1, "not a name"},
      {"alloc x[0..4] 4\n", 1, "not a name"},
      // Unbound names.
      {"read q\n", 1, "unbound name 'q'"},
      {"alloc x 4\nwrite q[0..1]\n", 2, "unbound name 'q'"},
      {"alloc x 4\ndealloc q\n", 2, "unbound name 'q'"},
      {"alloc x 4\nlet y = &q\n", 2, "unbound name 'q'"},
      {"alloc x 4\nlet y = y\n", 2, "unbound name 'y'"},
      {"alloc x 4\nlet y = *const cell q\n", 2, "unbound name 'q'"},
      {"alloc x 4\nlet y = &mut q twophase\n", 2, "unbound name 'q'"},
      // Numbers and sizes.
      {"alloc x 0\n", 1, "at least 1 byte"},
      {"alloc x -1\n", 1, "not a decimal number"},
      {"alloc x +4\n", 1, "not a decimal number"},
      {"alloc x 4x\n", 1, "not a decimal number"},
      {"alloc x 0x10\n", 1, "not a decimal number"},
      {"alloc x four\n", 1, "not a decimal number"},
      {"alloc x 18446744073709551616\n", 1, "does not fit in 64 bits"},
      {"alloc x 99999999999999999999999\n", 1, "does not fit in 64 bits"},
      {"alloc x\n", 1, "expected a size"},
      {"alloc\n", 1, "expected a name"},
      {"alloc x 4 5\n", 1, "unexpected '5'"},
      {"alloc x 4 untagged untagged\n", 1, "unexpected 'untagged'"},
      {"alloc x 4 protect\n", 1, "unexpected 'protect'"},
      // Ranges.
      {"alloc x 8\nread x[4..4]\n", 2, "empty range [4..4]"},
      {"alloc x 8\nread x[0..0]\n", 2, "empty range [0..0]"},
      {"alloc x 8\nread x[4..2]\n", 2, "reversed range [4..2]"},
      {"alloc x 8\nlet y = x[5..1]\n", 2, "reversed range"},
      {"alloc x 8\nlet y = &x cell[4..4]\n", 2, "empty range"},
      {"alloc x 8\nread x[0..]\n", 2, "malformed range"},
      {"alloc x 8\nread x[..4]\n", 2, "malformed range"},
      {"alloc x 8\nread x[0...4]\n", 2, "malformed range"},
      {"alloc x 8\nread x[0.4]\n", 2, "malformed range"},
      {"alloc x 8\nread x[0..4\n", 2, "malformed range"},
      {"alloc x 8\nread x[0..4]]\n", 2, "malformed range"},
      {"alloc x 8\nread x[0..4]y\n", 2, "malformed range"},
      {"alloc x 8\nread x[a..b]\n", 2, "malformed range"},
      {"alloc x 8\nread x[-1..4]\n", 2, "malformed range"},
      {"alloc x 8\nread x[0 ..4]\n", 2, "malformed range"},
      {"alloc x 8\nread x[0..4][4..8]\n", 2, "malformed range"},
      {"alloc x 8\nread x[0..18446744073709551616]\n", 2, "does not fit in 64 bits"},
      {"alloc x 8\ndealloc x[0..8]\n", 2, "'dealloc' frees the whole allocation"},
      // Frames: `return` and `protect`.
      {"return\n", 1, "'return' with no open frame (no 'call' before it)"},
      {"call\nreturn\nreturn\n", 3, "'return' with no open frame"},
      {"alloc x 4\nlet y = &mut x protect\n", 2, "'protect' needs an open frame (no 'call' before it)"},
      {"call\nreturn\nalloc x 4\nlet y = &x protect\n", 4, "'protect' needs an open frame"},
      {"call\nalloc x 4\nlet y = x protect\n", 3, "not a copy"},
      {"call\nalloc x 4\nlet y = *mut x protect\n", 3, "not a '*mut' cast"},
      {"call\nalloc x 4\nlet y = *const x protect\n", 3, "not a '*const' cast"},
      {"call\nalloc x 4\nlet y = *const cell x protect\n", 3, "not a '*const' cast"},
      {"call\nalloc x 4\nread x protect\n", 3, "unexpected 'protect'"},
      {"call x\n", 1, "unexpected 'x'"},
      {"call\nreturn x\n", 2, "unexpected 'x'"},
      // `cell` and `cell[..]`: placement, order, inside the new pointer's range.
      {"alloc x 8\nlet y = &x cell\n", 2, "'&cell x'"},
      {"alloc x 8\nlet y = *const x cell\n", 2, "'*const cell x'"},
      {"alloc x 8\nlet y = &mut x cell\n", 2, "follows only 'twophase'"},
      {"alloc x 8\nlet y = *mut x cell\n", 2, "'cell' applies only"},
      {"alloc x 8\nlet y = x cell\n", 2, "'cell' applies only"},
      {"alloc x 8\nlet y = &cell x cell\n", 2, "twice"},
      {"alloc x 8\nlet y = &mut x twophase cell cell\n", 2, "twice"},
      {"alloc x 8\nlet y = &mut x cell[0..2]\n", 2, "needs 'twophase'"},
      {"alloc x 8\nlet y = *mut x cell[0..2]\n", 2, "applies only"},
      {"alloc x 8\nlet y = x cell[0..2]\n", 2, "applies only"},
      {"alloc x 8\nlet y = &cell x cell[0..2]\n", 2, "cannot be combined"},
      {"alloc x 8\nlet y = *const cell x cell[0..2]\n", 2, "cannot be combined"},
      {"alloc x 8\nlet y = &mut x twophase cell cell[0..2]\n", 2, "cannot be combined"},
      {"alloc x 8\nlet y = &mut x twophase cell[0..2] cell\n", 2, "cannot be combined"},
      {"alloc x 8\nlet y = &x cell[2..4] cell[0..2]\n", 2, "ascending and disjoint"},
      {"alloc x 8\nlet y = &x cell[0..3] cell[2..4]\n", 2, "ascending and disjoint"},
      {"alloc x 8\nlet y = &x cell[0..4] cell[0..4]\n", 2, "ascending and disjoint"},
      {"alloc x 4\nlet y = &x cell[0..8]\n", 2, "outside the new pointer's range [0..4]"},
      {"alloc x 8\nlet y = &x[0..2] cell[2..4]\n", 2, "outside the new pointer's range [0..2]"},
      {"alloc x 8\nlet y = &x[2..6]\nlet z = &y cell[0..2]\n", 3, "outside the new pointer's range [2..6]"},
      {"alloc x 8\nlet y = x[2..6]\nlet z = *const y cell[5..7]\n", 3, "outside"},
      {"alloc x 8\nlet y = &mut x[0..4] twophase cell[2..6]\n", 2, "outside"},
      {"alloc x 8\nlet y = &x cell[0..2] cell[4..9]\n", 2, "cell[4..9] lies outside"},
      // `twophase` and modifier order.
      {"alloc x 8\nlet y = &x twophase\n", 2, "'twophase' applies only to '&mut'"},
      {"alloc x 8\nlet y = *mut x twophase\n", 2, "'twophase' applies only to '&mut'"},
      {"alloc x 8\nlet y = &mut x twophase twophase\n", 2, "twice"},
      {"alloc x 8\nlet y = &mut x cell twophase\n", 2, "follows only 'twophase'"},
      {"call\nalloc x 8\nlet y = &mut x protect twophase\n", 3, "'twophase' must come before 'protect'"},
      {"call\nalloc x 8\nlet y = &x protect cell[0..2]\n", 3, "must come before 'protect'"},
      {"call\nalloc x 8\nlet y = &x protect protect\n", 3, "twice"},
      {"call\nalloc x 8\nlet y = &x !ub protect\n", 3, "'protect' must come before '!ub'"},
      {"alloc x 8\nlet y = &x !ub !ub\n", 2, "twice"},
      {"alloc x 8\nlet y = &x frozen\n", 2, "unexpected 'frozen'"},
      // `!ub`: only on let/read/write/dealloc, once per line and per file.
      {"alloc x 4 !ub\n", 1, "'!ub' may end only a let, read, write or dealloc line"},
      {"alloc x 4 untagged !ub\n", 1, "may end only"},
      {"call !ub\n", 1, "may end only"},
      {"call\nreturn !ub\n", 2, "may end only"},
      {"!ub\n", 1, "unknown event"},
      {"alloc x 4\nread x !ub !ub\n", 2, "unexpected '!ub'"},
      {"alloc x 4\nread x !ub\nwrite x !ub\n", 3, "a second '!ub' (the first is on line 2"},
      {"alloc x 4\nlet y = &x !ub\n\n# gap\ndealloc x !ub\n", 5, "a second '!ub'"},
      // Malformed lines.
      {"foo x\n", 1, "unknown event 'foo'"},
      {"Alloc x 4\n", 1, "unknown event 'Alloc'"},
      {"alloc x 4\n&x\n", 2, "unknown event"},
      {"let\n", 1, "expected a name after 'let'"},
      {"alloc x 4\nlet y\n", 2, "expected '=' after 'let y'"},
      {"alloc x 4\nlet y : &x\n", 2, "expected '=' after 'let y'"},
      {"alloc x 4\nlet y =\n", 2, "expected a pointer after 'let y ='"},
      {"alloc x 4\nlet y = &mut\n", 2, "expected a pointer name after 'let y = &mut'"},
      {"alloc x 4\nlet y = *const cell\n", 2, "expected a pointer name"},
      {"alloc x 4\nlet y = &\n", 2, "attached"},
      {"alloc x 4\nlet y = *x\n", 2, "'*mut' or '*const'"},
      {"alloc x 4\nlet y = *mutx\n", 2, "'*mut' or '*const'"},
      {"alloc x 4\nlet 1 = &x\n", 2, "not a name"},
      {"read\n", 1, "expected a pointer name after 'read'"},
      {"alloc x 4\nread x x\n", 2, "unexpected 'x' after 'read x'"},
      {"alloc x 4\nwrite x\vy\n", 2, "control character \\x0b at column 8"},
      // The header.
      {"#! models:\n", 1, "empty model list"},
      {"#! models:   \n", 1, "empty model list"},
      {"#! models: sb3\n", 1, "unknown model 'sb3'; did you mean 'sb2'?"},
      {"#! models: tree\n", 1,
       "unknown model 'tree' (known: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw)"},
      {"#! models: sb2, SB2\n", 1, "unknown model 'SB2'"},
      {"#! models: sb2,\n", 1, "empty model name"},
      {"#! models: ,sb2\n", 1, "empty model name"},
      {"#! models: sb2 sb2-strict\n", 1, "separated by ','"},
      {"alloc x 4\n#! models: sb2\n", 2, "'#! models:' must be the first line"},
      {"\n#! models: sb2\n", 2, "must be the first line"},
      {"#! models: sb2\n#! models: sb2\n", 2, "must be the first line"},
      {"#! model: sb2\n", 1, "unknown '#!' line"},
      {"#!\n", 1, "unknown '#!' line"},
      {"alloc x 4\n#! hello\n", 2, "unknown '#!' line"},
      {"alloc x 4\n   #!models sb2\n", 2, "unknown '#!' line"},
  };
  return cases;
}

TEST(ParseErrors, EveryTraceErrorIsReportedAtItsLine) {
  for (const ErrorCase& error : errorCases()) {
    SCOPED_TRACE(std::string(error.text));
    const TraceError found = parseError(error.text);
    EXPECT_EQ(found.line, error.line);
    EXPECT_NE(found.message.find(error.fragment), std::string::npos)
        << "message: " << found.message << "\nexpected to contain: " << error.fragment;
  }
}

TEST(ParseErrors, MessagesAreLowercaseWithoutAFinalPeriod) {
  for (const ErrorCase& error : errorCases()) {
    const std::string message = parseError(error.text).message;
    ASSERT_FALSE(message.empty()) << error.text;
    EXPECT_FALSE(std::isupper(static_cast<unsigned char>(message.front()))) << message;
    EXPECT_NE(message.back(), '.') << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST(ParseErrors, ExactMessagesForTheCommonMistakes) {
  EXPECT_EQ(parseError("read q\n").message, "unbound name 'q'");
  EXPECT_EQ(parseError("alloc cell 1\n").message, "'cell' is a keyword and cannot be a name");
  EXPECT_EQ(parseError("alloc x 1\nlet y\n").message, "expected '=' after 'let y'");
  EXPECT_EQ(parseError("alloc x 1\nlet y = &x protect\n").message,
            "'protect' needs an open frame (no 'call' before it)");
  EXPECT_EQ(parseError("alloc x 8\nread x[4..4]\n").message, "empty range [4..4]");
  EXPECT_EQ(parseError("#! models: tree\n").message,
            "unknown model 'tree' (known: sb2, sb2-stackwrite, sb2-disable, sb2-strict, sb2-tagged-raw)");
}

TEST(ParseErrors, TheFirstErrorInTheFileIsReported) {
  // A checked error (unbound) before a syntax error, and the reverse.
  EXPECT_EQ(parseError("alloc x 4\nread q\nread x[4..4]\n").line, 2);
  EXPECT_EQ(parseError("alloc x 0\nreturn\n").line, 1);
  EXPECT_EQ(parseError("return\nalloc x 0\n").line, 1);
  EXPECT_EQ(parseError("alloc x 4\nread x\nlet y = &q\nfoo\n#! bad\n").line, 3);
  // Several errors on one line: the leftmost is reported.
  EXPECT_EQ(parseError("alloc cell 0\n").message, "'cell' is a keyword and cannot be a name");
}

TEST(ParseErrors, ErrorsAfterTheUbLineAreStillReported) {
  const TraceError unbound = parseError("alloc x 4\nread x !ub\nread q\n");
  EXPECT_EQ(unbound.line, 3);
  EXPECT_EQ(unbound.message, "unbound name 'q'");
  EXPECT_EQ(parseError("alloc x 4\nwrite x !ub\n\nfoo\n").line, 4);
  EXPECT_EQ(parseError("alloc x 4\nlet y = &mut x !ub\nreturn\n").line, 3);
  EXPECT_EQ(parseError("alloc x 4\nread x !ub\n#! models: sb2\n").line, 3);
}

TEST(ParseErrors, LineNumbersCountBlankCommentAndCrLfLines) {
  EXPECT_EQ(parseError("# header comment\n\n\t\nalloc x 4\r\n\r\nread q\r\n").line, 6);
  EXPECT_EQ(parseError("alloc x 4\nread q").line, 2);  // no final newline
  EXPECT_EQ(parseError("#! models: sb2\r\n# c\r\nfoo").line, 3);
}

TEST(ParseErrors, CommentedOutErrorsAreIgnored) {
  const Trace trace =
      parseOk("alloc x 4 # read q\n# let cell = &x\n  # return\nread x # !ub !ub #! models:\n");
  ASSERT_EQ(trace.events.size(), 2u);
  EXPECT_FALSE(trace.events[1].expectUb);
}

/// Text made of trace words, blanks, line breaks and junk, mostly malformed.
rc::Gen<std::string> genNoisyText() {
  static const std::vector<std::string> kPieces = {
      "alloc", "let", "x", "y", "=", "&mut", "&", "&cell", "*mut", "*const", "cell", "cell[0..2]",
      "x[1..3]", "y[4..2]", "twophase", "protect", "untagged", "!ub", "call", "return", "read", "write",
      "dealloc", "4", "0", "18446744073709551616", " ", " ", "\t", "\n", "\n", "\r\n", "#", "#!",
      "#! models: sb2", "models:", ",", "[", "]", "..", "\xc3\xa9", std::string(1, '\0'), "\r"};
  return rc::gen::map(rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(kPieces)),
                      [](const std::vector<std::string>& pieces) {
                        std::string text;
                        for (const std::string& piece : pieces) text += piece;
                        return text;
                      });
}

/// Whatever the input, parseTrace returns a trace or an error that points at
/// one of the file's lines with a lowercase, one-line message.
void anyTextGivesATraceOrAnErrorOnARealLine() {
  const std::string text = *genNoisyText();
  const auto result = parseTrace(text);
  const auto* error = std::get_if<TraceError>(&result);
  if (error == nullptr) return;
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  RC_ASSERT(error->line >= 1);
  RC_ASSERT(error->line <= lines);
  RC_ASSERT(!error->message.empty());
  RC_ASSERT(!std::isupper(static_cast<unsigned char>(error->message.front())));
  RC_ASSERT(error->message.back() != '.');
  RC_ASSERT(error->message.find('\n') == std::string::npos);
}

TEST(ParseErrors, AnyTextGivesATraceOrAnErrorOnARealLine) {
  EXPECT_TRUE(rc::check("parseTrace on noisy text", anyTextGivesATraceOrAnErrorOnARealLine));
}


// ---------------------------------------------------------------- messages people can act on

TEST(ParseSuggestions, AMisspeltWordGetsTheNearestOfItsPlace) {
  EXPECT_EQ(parseError("alloc x 4\nlet y = &mutt x\n").message, "unknown pointer form '&mutt'; did you mean '&mut'?");
  EXPECT_EQ(parseError("alloc x 4\nlet y = &mutt\n").message, "unbound name 'mutt'; did you mean '&mut'?");
  EXPECT_EQ(parseError("alloc x 4\nlet y = &cel x\n").message, "unknown pointer form '&cel'; did you mean '&cell'?");
  EXPECT_EQ(parseError("alloc x 4\nlet y = *muut x\n").message,
            "expected '*mut' or '*const', found '*muut'; did you mean '*mut'?");
  EXPECT_EQ(parseError("alocc x 4\n").message, "unknown event 'alocc'; did you mean 'alloc'?");
  EXPECT_EQ(parseError("alloc x 4\nwirte x\n").message, "unknown event 'wirte'; did you mean 'write'?");
  EXPECT_EQ(parseError("alloc x 4\nlet y = &mut x twophse\n").message,
            "unexpected 'twophse' after 'let y = &mut x'; did you mean 'twophase'?");
  EXPECT_EQ(parseError("alloc x 4 untaged\n").message, "unexpected 'untaged' after 'alloc x 4'; did you mean 'untagged'?");
  EXPECT_EQ(parseError("alloc x 4\nread x !u\n").message, "unexpected '!u' after 'read x'; did you mean '!ub'?");
  EXPECT_EQ(parseError("#! model: sb2\n").message, "unknown '#!' line; did you mean 'models:'?");
  EXPECT_EQ(parseError("#! models: sb2-strct\n").message, "unknown model 'sb2-strct'; did you mean 'sb2-strict'?");
}

TEST(ParseSuggestions, AWordFarFromEveryCandidateGetsNone) {
  EXPECT_EQ(parseError("x\n").message, "unknown event 'x' (events are alloc, let, call, return, read, write, dealloc)");
  EXPECT_EQ(parseError("alloc x 4\nlet y = &x frozen\n").message.find("did you mean"), std::string::npos);
  // A bound name that looks like a form is a name: `&mu` borrows mu.
  EXPECT_EQ(parseOk("alloc mu 4\nlet y = &mu\n").events.size(), 2u);
}

TEST(ParseText, AByteOrderMarkStartingTheFileIsSkipped) {
  const Trace trace = parseOk("\xef\xbb\xbf#! models: sb2\nalloc x 4\n");
  EXPECT_EQ(trace.models, std::vector<std::string>{"sb2"});
  ASSERT_EQ(trace.events.size(), 1u);
  EXPECT_EQ(trace.events[0].name, "x");
  EXPECT_EQ(parseOk("\xef\xbb\xbf").events.size(), 0u);
}

TEST(ParseText, AByteOrderMarkAnywhereElseIsNamed) {
  const TraceError error = parseError("alloc x 4\nread x\xef\xbb\xbf\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.message, "unexpected byte-order mark (\\xef\\xbb\\xbf) at column 7 (only the very start of a file may have one)");
  EXPECT_TRUE(parseError("\xef\xbb\xbf\xef\xbb\xbf" "alloc x 4\n").message.starts_with("unexpected byte-order mark"));
}

TEST(ParseText, BinaryNulAndHugeLinesGiveOneShortErrorOnTheirLine) {
  EXPECT_EQ(parseError(std::string("alloc x 4\nread x\0\n", 18)).message, "a NUL byte at column 7 (is this a binary file?)");
  EXPECT_EQ(parseError("\x7f" "ELF\x02\x01\x01\n").message, "control character \\x7f at column 1 (is this a binary file?)");
  EXPECT_EQ(parseError("alloc x 4\n\xff\xfe garbage\n").message, "invalid UTF-8 byte \\xff at column 1 (is this a binary file?)");
  const TraceError huge = parseError("alloc x 4\nread " + std::string(1 << 20, 'x') + "\n");
  EXPECT_EQ(huge.line, 2);
  EXPECT_EQ(huge.message, "line is 1048581 bytes long (lines are at most 4096 bytes; is this a binary file?)");
  EXPECT_EQ(parseError("# " + std::string(5000, 'c') + "\n").line, 1);
  EXPECT_EQ(parseError("alloc x 4\nread x\xe2\x80\x8b\n").message, "invisible character U+200B at column 7");
}

TEST(ParseText, RandomBytesGiveOneLineErrors) {
  EXPECT_TRUE(rc::check("parseTrace on random bytes", [](const std::vector<char>& bytes) {
    const std::string text(bytes.begin(), bytes.end());
    const auto result = parseTrace(text);
    if (const auto* error = std::get_if<TraceError>(&result)) {
      RC_ASSERT(error->line >= 1);
      RC_ASSERT(error->message.size() < 300u);
      RC_ASSERT(error->message.find('\n') == std::string::npos);
    }
  }));
}

TEST(Quoted, EchoedInputIsCutAndEscaped) {
  EXPECT_EQ(text::quoted("x"), "'x'");
  EXPECT_EQ(text::quoted("a\tb\x01\x7f"), "'a\\x09b\\x01\\x7f'");
  EXPECT_EQ(text::quoted("\xc3\xa9"), "'\xc3\xa9'");  // printable UTF-8 shows as itself
  EXPECT_EQ(text::quoted("\xef\xbb\xbfx"), "'\\xef\\xbb\\xbfx'");
  EXPECT_EQ(text::quoted("\xc2\xa0"), "'\\xc2\\xa0'");  // a no-break space would pass for a space
  EXPECT_EQ(text::quoted("\xff\xc3"), "'\\xff\\xc3'");
  const std::string cut = text::quoted(std::string(1000, 'a'));
  EXPECT_EQ(cut, "'" + std::string(77, 'a') + "...'");
  EXPECT_EQ(text::quoted(std::string(80, 'a')), "'" + std::string(80, 'a') + "'");
  EXPECT_LE(text::quoted(std::string(1000, '\x01')).size(), text::kMaxQuoted + 2);
  // A cut never splits a character.
  const std::string fits = text::quoted(std::string(200, 'a').replace(75, 2, "\xc3\xa9"));
  EXPECT_EQ(fits, "'" + std::string(75, 'a') + "\xc3\xa9...'") << fits;
  const std::string across = text::quoted(std::string(200, 'a').replace(76, 2, "\xc3\xa9"));
  EXPECT_EQ(across, "'" + std::string(76, 'a') + "...'") << across;
}

TEST(Quoted, EveryEchoInAMessageIsCut) {
  const std::string longName(3000, 'n');
  EXPECT_LT(parseError("read " + longName + "\n").message.size(), 120u);
  EXPECT_LT(parseError("alloc x " + std::string(3000, '9') + "\n").message.size(), 120u);
  EXPECT_LT(parseError("alloc x 4\nread x[0.." + std::string(3000, '9') + "]\n").message.size(), 200u);
  EXPECT_LT(parseError("alloc x 4\nread x " + longName + "\n").message.size(), 120u);
}

}  // namespace
}  // namespace sbcheck::sbt
