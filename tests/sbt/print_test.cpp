// printEvent / printTrace: canonical text as sbt-format.md writes it, and the
// round-trip law parseTrace(printTrace(t)) == t (models and events), on
// hand-written traces and on random well-formed ones.
#include "harness/sbt/print.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <string>
#include <vector>

#include "harness/sbt/generate.hpp"
#include "harness/sbt/lexer.hpp"
#include "harness/sbt/parse.hpp"
#include "tests/sbt/printers.hpp"

namespace sbcheck::sbt {
namespace {

Trace parseOk(std::string_view text) {
  auto result = parseTrace(text);
  if (const auto* error = std::get_if<TraceError>(&result)) {
    ADD_FAILURE() << "unexpected trace error at line " << error->line << ": " << error->message << "\nin:\n"
                  << text;
    return {};
  }
  return std::get<Trace>(std::move(result));
}

Event letEvent(std::string name, LetKind kind, std::string operand) {
  Event event;
  event.kind = EventKind::kLet;
  event.name = std::move(name);
  event.let = kind;
  event.operand.name = std::move(operand);
  return event;
}

// ---------------------------------------------------------------- printEvent

/// Lines already in canonical form; each follows `alloc x 8` and `call`.
const std::vector<std::string>& canonicalLines() {
  static const std::vector<std::string> lines = {
      "alloc y 4",
      "alloc y 4 untagged",
      "alloc y 18446744073709551615",
      "let y = &mut x",
      "let y = &mut x twophase",
      "let y = &mut x twophase cell",
      "let y = &mut x twophase cell[0..2] cell[4..8]",
      "let y = &x",
      "let y = &cell x",
      "let y = &x cell[2..4]",
      "let y = &x[0..4] cell[0..1] cell[1..2] cell[3..4] protect !ub",
      "let y = *mut x",
      "let y = *mut x[6..10] !ub",
      "let y = *const x",
      "let y = *const cell x",
      "let y = *const cell x[0..2]",
      "let y = *const x cell[0..8]",
      "let y = x",
      "let y = x[2..12] !ub",
      "let y = &mut x protect",
      "let y = &mut x[1..2] twophase cell protect !ub",
      "let y = &cell x protect",
      "call",
      "return",
      "read x",
      "read x[0..4] !ub",
      "write x",
      "write x[7..8]",
      "dealloc x",
      "dealloc x !ub",
  };
  return lines;
}

TEST(PrintEvent, CanonicalLinesPrintBackUnchanged) {
  for (const std::string& line : canonicalLines()) {
    const Trace trace = parseOk("alloc x 8\ncall\n" + line + "\n");
    ASSERT_EQ(trace.events.size(), 3u) << line;
    EXPECT_EQ(printEvent(trace.events[2]), line);
  }
}

TEST(PrintEvent, LooseSpacingAndLeadingZerosPrintCanonically) {
  const Trace trace = parseOk("alloc\tx   008\nlet  y\t=  &x[00..4]   cell[0..02]\t!ub   # why\n");
  ASSERT_EQ(trace.events.size(), 2u);
  EXPECT_EQ(printEvent(trace.events[0]), "alloc x 8");
  EXPECT_EQ(printEvent(trace.events[1]), "let y = &x[0..4] cell[0..2] !ub");
}

TEST(PrintEvent, AllCellIsWrittenInTheOperatorForSharedAndConstButAsAModifierForTwoPhase) {
  Event mut = letEvent("y", LetKind::kMutRef, "x");
  mut.twoPhase = true;
  mut.allCell = true;
  EXPECT_EQ(printEvent(mut), "let y = &mut x twophase cell");

  Event shared = letEvent("y", LetKind::kSharedRef, "x");
  shared.allCell = true;
  shared.operand.range = ByteRange{0, 4};
  EXPECT_EQ(printEvent(shared), "let y = &cell x[0..4]");

  Event raw = letEvent("y", LetKind::kRawConst, "x");
  raw.allCell = true;
  raw.protect = false;
  EXPECT_EQ(printEvent(raw), "let y = *const cell x");
}

TEST(PrintEvent, AccessesAndFramesPrintTheirKeyword) {
  Event read;
  read.kind = EventKind::kRead;
  read.operand.name = "p";
  read.expectUb = true;
  EXPECT_EQ(printEvent(read), "read p !ub");
  Event call;
  call.kind = EventKind::kCall;
  EXPECT_EQ(printEvent(call), "call");
}

// ---------------------------------------------------------------- printTrace

TEST(PrintTrace, HeaderFirstThenOneLinePerEventWithItsComment) {
  Trace trace;
  trace.models = {"sb2", "sb2-strict"};
  Event alloc;
  alloc.kind = EventKind::kAlloc;
  alloc.name = "x";
  alloc.size = 4;
  alloc.comment = "a local";
  trace.events.push_back(alloc);
  trace.events.push_back(letEvent("y", LetKind::kSharedRef, "x"));
  EXPECT_EQ(printTrace(trace), "#! models: sb2, sb2-strict\nalloc x 4  # a local\nlet y = &x\n");
}

TEST(PrintTrace, NoModelsMeansNoHeader) {
  Trace trace;
  trace.events.push_back(letEvent("y", LetKind::kCopy, "x"));
  EXPECT_EQ(printTrace(trace), "let y = x\n");
  EXPECT_EQ(printTrace(Trace{}), "");
}

TEST(PrintTrace, ACommentNeverSpillsOntoANewLine) {
  Trace trace;
  Event call;
  call.kind = EventKind::kCall;
  call.comment = "two\nlines\r\nhere";
  trace.events.push_back(call);
  EXPECT_EQ(printTrace(trace), "call  # two lines  here\n");
}

// ---------------------------------------------------------------- round trip

/// parseTrace(printTrace(t)) has t's models, events and (trimmed) comments,
/// one event per line after the header.
void expectRoundTrip(const Trace& trace) {
  const std::string text = printTrace(trace);
  const Trace again = parseOk(text);
  EXPECT_EQ(again.models, trace.models) << text;
  EXPECT_EQ(again.events, trace.events) << text;
  ASSERT_EQ(again.events.size(), trace.events.size()) << text;
  const int first = trace.models.empty() ? 1 : 2;
  for (std::size_t i = 0; i < again.events.size(); ++i) {
    EXPECT_EQ(again.events[i].comment, trim(trace.events[i].comment)) << text;
    EXPECT_EQ(again.events[i].line, first + static_cast<int>(i)) << text;
  }
  EXPECT_EQ(printTrace(again), text) << "printing is not canonical";
}

TEST(RoundTrip, HandWrittenTracesSurvivePrintAndParse) {
  const std::vector<std::string> traces = {
      "",
      "#! models: sb2\n",
      "#! models: sb2\n"
      "alloc x 4            # let x = &mut 0u32 (a local)\n"
      "let x0 = &mut x\n"
      "let p = *mut x0\n"
      "call                 # foo(a, y)\n"
      "let a = &mut x0 protect\n"
      "write a\n"
      "let b = &a\n"
      "read p !ub           # no item grants the untagged pointer a read\n",
      "#! models: sb2-tagged-raw, sb2, sb2-tagged-raw, sb2-disable\n"
      "\n# two-phase borrows of a Vec\n"
      "alloc v 24 untagged\n"
      "let r = &mut v twophase\n"
      "let s = &v[0..8]\n"
      "read s\n"
      "write r[8..16]\n"
      "dealloc v\n",
      "alloc c 16\n"
      "let a = &c cell[0..4] cell[8..12]\n"
      "let b = &cell a[0..4]\n"
      "let k = *const cell b\n"
      "let m = *const a cell[8..12]\n"
      "let t = &mut c[4..12] twophase cell[4..8] cell[8..12]\n"
      "let u = &mut c twophase cell\n"
      "let c = c[4..32]   # shadowing, past the end\n"
      "call\ncall\n"
      "let p = &c protect\n"
      "let q = &mut c twophase cell protect !ub\n"
      "return\nreturn\ncall\n",
      "alloc _ 18446744073709551615\nlet const = *const _[18446744073709551614..18446744073709551615]\n"
      "read const\r\nwrite _ # no final newline",
  };
  for (const std::string& text : traces) {
    SCOPED_TRACE(text);
    expectRoundTrip(parseOk(text));
  }
}

/// The round-trip law as a RapidCheck property over genTrace().
void printThenParseGivesBackTheTrace() {
  const Trace trace = *genTrace();
  const std::string text = printTrace(trace);
  auto parsed = parseTrace(text);
  if (const auto* error = std::get_if<TraceError>(&parsed)) {
    RC_FAIL("line " + std::to_string(error->line) + ": " + error->message);
  }
  const Trace& again = std::get<Trace>(parsed);
  RC_ASSERT(again.models == trace.models);
  RC_ASSERT(again.events == trace.events);
  for (std::size_t i = 0; i < again.events.size(); ++i) {
    RC_ASSERT(again.events[i].comment == std::string(trim(trace.events[i].comment)));
  }
}

/// Printing what was parsed from printed text changes nothing (comments aside:
/// the parser trims them).
void printingIsCanonical() {
  Trace trace = *genTrace();
  for (Event& event : trace.events) event.comment.clear();
  const std::string text = printTrace(trace);
  auto parsed = parseTrace(text);
  RC_ASSERT(std::holds_alternative<Trace>(parsed));
  RC_ASSERT(printTrace(std::get<Trace>(parsed)) == text);
}

TEST(RoundTrip, RandomWellFormedTracesSurvivePrintAndParse) {
  EXPECT_TRUE(rc::check("parseTrace(printTrace(t)) gives back t", printThenParseGivesBackTheTrace));
}

TEST(RoundTrip, RandomTracesPrintCanonicallyAfterOneRoundTrip) {
  EXPECT_TRUE(rc::check("printTrace(parseTrace(printTrace(t))) == printTrace(t)", printingIsCanonical));
}

}  // namespace
}  // namespace sbcheck::sbt
