// printSequence and printOp: canonical text, and the round-trip law
// parseSequence(printSequence(s)) == s on hand-written and random sequences.
#include "harness/cellseq/print.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <string>
#include <vector>

#include "harness/cellseq/arbitrary.hpp"
#include "harness/cellseq/lexer.hpp"
#include "tests/cellseq/printers.hpp"

namespace sbcheck::cellseq {
namespace {

Expectation refused() { return {Expectation::Kind::kRefused, {}}; }
Expectation yields(Value value) { return {Expectation::Kind::kValue, value}; }

/// The parsed sequence; a parse error fails the test and gives an empty one.
Sequence parsed(std::string_view text) {
  auto result = parseWithKnown(text);
  if (const auto* error = std::get_if<SequenceError>(&result)) {
    ADD_FAILURE() << "unexpected error at line " << error->line << ": " << error->message << "\nin:\n" << text;
    return {};
  }
  return std::get<Sequence>(std::move(result));
}

void expectSameHeadersAndOps(const Sequence& actual, const Sequence& expected) {
  EXPECT_EQ(actual.policies, expected.policies);
  EXPECT_EQ(actual.unsafePolicies, expected.unsafePolicies);
  EXPECT_EQ(actual.ops, expected.ops);
}

// -------------------------------------------------------------------- ops

TEST(PrintOp, EveryFormIsWrittenWithSingleSpaces) {
  EXPECT_EQ(printOp(makeOp(OpKind::kNew, "s")), "new s");
  EXPECT_EQ(printOp(makeOp(OpKind::kRef, "q", "s")), "ref q = s");
  EXPECT_EQ(printOp(makeOp(OpKind::kDel, "s")), "del s");
  EXPECT_EQ(printOp(makeOp(OpKind::kAdd, "s", "", 7)), "add s 7");
  EXPECT_EQ(printOp(makeOp(OpKind::kDiscard, "s", "", 0)), "discard s 0");
  EXPECT_EQ(printOp(makeOp(OpKind::kLen, "s")), "len s");
  EXPECT_EQ(printOp(makeOp(OpKind::kContains, "s", "", 2147483647)), "contains s 2147483647");
  EXPECT_EQ(printOp(makeOp(OpKind::kBorrow, "g", "s")), "borrow g = s");
  EXPECT_EQ(printOp(makeOp(OpKind::kBorrowMut, "m", "s")), "borrow_mut m = s");
  EXPECT_EQ(printOp(makeOp(OpKind::kRead, "g")), "read g");
  EXPECT_EQ(printOp(makeOp(OpKind::kWrite, "m")), "write m");
  EXPECT_EQ(printOp(makeOp(OpKind::kRelease, "g")), "release g");
  EXPECT_EQ(printOp(makeOp(OpKind::kIter, "it", "s")), "iter it = s");
  EXPECT_EQ(printOp(makeOp(OpKind::kNext, "it")), "next it");
  EXPECT_EQ(printOp(makeOp(OpKind::kDrop, "it")), "drop it");
}

TEST(PrintOp, ExpectationsFollowTheOperands) {
  EXPECT_EQ(printOp(makeOp(OpKind::kAdd, "s", "", 1, refused())), "add s 1 !err");
  EXPECT_EQ(printOp(makeOp(OpKind::kBorrow, "g", "s", 0, refused())), "borrow g = s !err");
  EXPECT_EQ(printOp(makeOp(OpKind::kLen, "s", "", 0, yields({Value::Kind::kInt, 3, false}))), "len s => 3");
  EXPECT_EQ(printOp(makeOp(OpKind::kContains, "s", "", 4, yields({Value::Kind::kBool, 0, true}))),
            "contains s 4 => true");
  EXPECT_EQ(printOp(makeOp(OpKind::kContains, "s", "", 4, yields({Value::Kind::kBool, 0, false}))),
            "contains s 4 => false");
  EXPECT_EQ(printOp(makeOp(OpKind::kNext, "it", "", 0, yields({Value::Kind::kStop, 0, false}))), "next it => stop");
}

TEST(PrintOp, LeavesTheCommentOut) {
  Op op = makeOp(OpKind::kNew, "s");
  op.comment = "made here";
  EXPECT_EQ(printOp(op), "new s");
}

// -------------------------------------------------------------- sequences

TEST(PrintSequence, HeadersComeFirstThenOneLinePerOpWithItsComment) {
  Sequence sequence;
  sequence.policies = {"strict", "generation"};
  sequence.unsafePolicies = {"no-parent-ref"};
  sequence.ops.push_back(makeOp(OpKind::kNew, "s"));
  sequence.ops.back().comment = "made";
  sequence.ops.push_back(makeOp(OpKind::kLen, "s", "", 0, yields({Value::Kind::kInt, 0, false})));
  EXPECT_EQ(printSequence(sequence),
            "#! policies: strict, generation\n"
            "#! unsafe: no-parent-ref\n"
            "new s  # made\n"
            "len s => 0\n");
}

TEST(PrintSequence, EachHeaderIsWrittenOnlyWhenItHasNames) {
  Sequence sequence;
  EXPECT_EQ(printSequence(sequence), "");
  sequence.unsafePolicies = {"unchecked-leak"};
  EXPECT_EQ(printSequence(sequence), "#! unsafe: unchecked-leak\n");
  sequence.unsafePolicies.clear();
  sequence.policies = {"generation"};
  sequence.ops.push_back(makeOp(OpKind::kNew, "s"));
  EXPECT_EQ(printSequence(sequence), "#! policies: generation\nnew s\n");
}

TEST(PrintSequence, ANewlineInACommentCannotStartANewLine) {
  Sequence sequence;
  sequence.ops.push_back(makeOp(OpKind::kNew, "s"));
  sequence.ops.back().comment = "one\ntwo\r\nthree";
  EXPECT_EQ(printSequence(sequence), "new s  # one two  three\n");
  const Sequence back = parsed(printSequence(sequence));
  ASSERT_EQ(back.ops.size(), 1u);
  EXPECT_EQ(back.ops[0].comment, "one two  three");
}

TEST(PrintSequence, MessyTextComesBackCanonical) {
  const Sequence sequence = parsed(
      "\r\n"
      "   #!policies:generation ,strict,generation\r\n"
      "# dropped: only op comments are kept\n"
      "\tnew   s\t#   made  \n"
      "\n"
      "borrow_mut\tm =  s   !err\n"
      "contains s 007 => false\n"
      "next it  =>   stop");
  EXPECT_EQ(printSequence(sequence),
            "#! policies: generation, strict\n"
            "new s  # made\n"
            "borrow_mut m = s !err\n"
            "contains s 7 => false\n"
            "next it => stop\n");
}

// -------------------------------------------------------------- round trip

/// Hand-written sequences, each already canonical, so printing gives the text back.
const std::vector<std::string>& canonicalTexts() {
  static const std::vector<std::string> texts = {
      // cell-format.md's example (with the comment's spacing made canonical).
      "#! policies: strict\n"
      "new s\n"
      "add s 1\n"
      "iter it = s\n"
      "add s 2 !err  # a leak blocks mutable borrows\n"
      "next it => 1\n"
      "drop it\n"
      "add s 2\n"
      "len s => 2\n",
      "",
      "new s\n",
      "#! unsafe: no-parent-ref\n"
      "new s\n"
      "add s 3\n"
      "iter it = s\n"
      "del s\n"
      "next it => 3  # the object is gone\n",
      "#! policies: strict, generation\n"
      "#! unsafe: unchecked-leak\n"
      "new s\n"
      "borrow_mut m = s\n"
      "iter it = s !err\n"
      "write m\n"
      "release m\n"
      "iter it = s\n"
      "next it => stop\n"
      "next it => stop\n"
      "drop it\n",
      "#! policies: generation\n"
      "new s\n"
      "ref q = s\n"
      "add q 0\n"
      "add q 2147483647\n"
      "contains s 0 => true\n"
      "contains s 5 => false\n"
      "iter it = s\n"
      "discard s 0\n"
      "next it !err\n"
      "borrow g = q\n"
      "read g => 1\n"
      "len s !err\n"
      "release g\n"
      "drop it\n"
      "del q\n"
      "del s\n",
      "#! policies: unguarded-inner, strict, no-parent-ref\n"
      "new _a1\n"
      "borrow G = _a1 !err\n"
      "borrow_mut next_ = _a1 !err\n"
      "contains _a1 9 !err\n"
      "discard _a1 9 !err\n",
  };
  return texts;
}

TEST(RoundTrip, HandWrittenCanonicalTextsPrintBackUnchanged) {
  for (const std::string& text : canonicalTexts()) EXPECT_EQ(printSequence(parsed(text)), text);
}

TEST(RoundTrip, HandWrittenSequencesSurvivePrintThenParse) {
  for (const std::string& text : canonicalTexts()) {
    const Sequence sequence = parsed(text);
    expectSameHeadersAndOps(parsed(printSequence(sequence)), sequence);
  }
}

TEST(RoundTrip, RandomSequencesSurvivePrintThenParse) {
  const bool ok = rc::check("parse(print(s)) has s's headers, ops, lines and comments", [] {
    const Sequence sequence = *genSyntacticSequence(kKnownPolicies);
    const std::string text = printSequence(sequence);
    RC_LOG() << text;
    auto result = parseWithKnown(text);
    if (const auto* error = std::get_if<SequenceError>(&result)) {
      RC_FAIL("line " + std::to_string(error->line) + ": " + error->message);
    }
    const Sequence& back = std::get<Sequence>(result);
    RC_ASSERT(back.policies == sequence.policies);
    RC_ASSERT(back.unsafePolicies == sequence.unsafePolicies);
    RC_ASSERT(back.ops == sequence.ops);
    // Headers take a line each; then one line per op, comments kept up to blanks.
    const int headerLines = (sequence.policies.empty() ? 0 : 1) + (sequence.unsafePolicies.empty() ? 0 : 1);
    for (std::size_t i = 0; i < back.ops.size(); ++i) {
      RC_ASSERT(back.ops[i].line == headerLines + static_cast<int>(i) + 1);
      RC_ASSERT(back.ops[i].comment == trim(sequence.ops[i].comment));
    }
  });
  EXPECT_TRUE(ok);
}

TEST(RoundTrip, RandomOpsPrintAsOneLineThatParsesBackAlone) {
  const bool ok = rc::check("parse(printOp(op)) == op", [] {
    const Op op = *genOp();
    const std::string line = printOp(op);
    RC_LOG() << line;
    auto result = parseWithKnown(line);
    RC_ASSERT(std::holds_alternative<Sequence>(result));
    const Sequence& back = std::get<Sequence>(result);
    RC_ASSERT(back.ops.size() == 1u);
    RC_ASSERT(back.ops[0] == op);
    RC_ASSERT(back.ops[0].comment.empty());
  });
  EXPECT_TRUE(ok);
}

}  // namespace
}  // namespace sbcheck::cellseq
