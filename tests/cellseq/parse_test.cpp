// parseSequence against cell-format.md: every operation and expectation form,
// the line structure, the headers, and every sequence error with its line.
#include "harness/cellseq/parse.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "harness/cellseq/forms.hpp"
#include "tests/cellseq/printers.hpp"

namespace sbcheck::cellseq {
namespace {

/// The parsed sequence; a parse error fails the test and gives an empty one.
Sequence parsed(std::string_view text) {
  auto result = parseWithKnown(text);
  if (const auto* error = std::get_if<SequenceError>(&result)) {
    ADD_FAILURE() << "unexpected error at line " << error->line << ": " << error->message << "\nin:\n" << text;
    return {};
  }
  return std::get<Sequence>(std::move(result));
}

/// The sequence error; a successful parse fails the test.
SequenceError errorOf(std::string_view text) {
  auto result = parseWithKnown(text);
  if (auto* error = std::get_if<SequenceError>(&result)) return *error;
  ADD_FAILURE() << "parsed without error:\n" << text;
  return {};
}

/// The one op of a one-line text.
Op onlyOp(std::string_view text) {
  const Sequence sequence = parsed(text);
  if (sequence.ops.size() != 1) {
    ADD_FAILURE() << "expected one op in: " << text;
    return {};
  }
  return sequence.ops.front();
}

Expectation refused() { return {Expectation::Kind::kRefused, {}}; }
Expectation yields(Value value) { return {Expectation::Kind::kValue, value}; }
Value integer(std::int64_t n) { return {Value::Kind::kInt, n, false}; }
Value boolean(bool b) { return {Value::Kind::kBool, 0, b}; }
Value stop() { return {Value::Kind::kStop, 0, false}; }

// ---------------------------------------------------------------- op forms

struct FormRow {
  std::string_view text;
  OpKind kind;
  std::string_view name;
  std::string_view source;
  std::int64_t key;
};

constexpr FormRow kFormRows[] = {
    {"new s", OpKind::kNew, "s", "", 0},
    {"ref q = s", OpKind::kRef, "q", "s", 0},
    {"del s", OpKind::kDel, "s", "", 0},
    {"add s 7", OpKind::kAdd, "s", "", 7},
    {"discard s 0", OpKind::kDiscard, "s", "", 0},
    {"len s", OpKind::kLen, "s", "", 0},
    {"contains s 2147483647", OpKind::kContains, "s", "", 2147483647},
    {"borrow g = s", OpKind::kBorrow, "g", "s", 0},
    {"borrow_mut m = s", OpKind::kBorrowMut, "m", "s", 0},
    {"read g", OpKind::kRead, "g", "", 0},
    {"write m", OpKind::kWrite, "m", "", 0},
    {"release g", OpKind::kRelease, "g", "", 0},
    {"iter it = s", OpKind::kIter, "it", "s", 0},
    {"next it", OpKind::kNext, "it", "", 0},
    {"drop it", OpKind::kDrop, "it", "", 0},
};

TEST(ParseOps, EveryFormFillsItsFields) {
  for (const FormRow& row : kFormRows) {
    const Op op = onlyOp(row.text);
    EXPECT_EQ(op.kind, row.kind) << row.text;
    EXPECT_EQ(op.name, row.name) << row.text;
    EXPECT_EQ(op.source, row.source) << row.text;
    EXPECT_EQ(op.key, row.key) << row.text;
    EXPECT_EQ(op.expect, Expectation{}) << row.text;
    EXPECT_EQ(op.line, 1) << row.text;
    EXPECT_EQ(op.comment, "") << row.text;
  }
}

TEST(ParseOps, FormTableCoversEveryOpKind) {
  std::set<OpKind> kinds;
  for (const FormRow& row : kFormRows) kinds.insert(row.kind);
  EXPECT_EQ(kinds.size(), kForms.size());
}

TEST(ParseOps, NamesMayHoldDigitsAndUnderscoresAndSitNextToKeywords) {
  for (std::string_view name : {"_", "_x9", "S1", "next_", "New", "borrowmut", "iterator", "del2"}) {
    EXPECT_EQ(onlyOp("new " + std::string(name)).name, name);
  }
}

TEST(ParseOps, KeysSpanZeroToTwoToTheThirtyOneMinusOne) {
  EXPECT_EQ(onlyOp("add s 0").key, 0);
  EXPECT_EQ(onlyOp("add s 2147483647").key, 2147483647);
  EXPECT_EQ(onlyOp("discard s 007").key, 7);
}

// ------------------------------------------------------------ expectations

struct ExpectRow {
  std::string_view text;
  Expectation expect;
};

TEST(ParseExpectations, EveryMarkerAndValueKindIsRead) {
  const std::vector<ExpectRow> rows = {
      {"add s 1", Expectation{}},
      {"add s 1 !err", refused()},
      {"discard s 1 !err", refused()},
      {"len s !err", refused()},
      {"contains s 1 !err", refused()},
      {"borrow g = s !err", refused()},
      {"borrow_mut g = s !err", refused()},
      {"iter it = s !err", refused()},
      {"next it !err", refused()},
      {"len s => 0", yields(integer(0))},
      {"len s => 12", yields(integer(12))},
      {"read g => 3", yields(integer(3))},
      {"next it => 5", yields(integer(5))},
      {"next it => 9223372036854775807", yields(integer(9223372036854775807))},
      {"next it => stop", yields(stop())},
      {"contains s 1 => true", yields(boolean(true))},
      {"contains s 1 => false", yields(boolean(false))},
  };
  for (const ExpectRow& row : rows) EXPECT_EQ(onlyOp(row.text).expect, row.expect) << row.text;
}

// ---------------------------------------------------------- line structure

TEST(ParseLines, LineNumbersCountEveryLineOfTheFile) {
  const Sequence sequence = parsed(
      "#! policies: strict\n"
      "\n"
      "new s\n"
      "# a comment line\n"
      "   \t \n"
      "add s 1\n"
      "len s => 1\n");
  ASSERT_EQ(sequence.ops.size(), 3u);
  EXPECT_EQ(sequence.ops[0].line, 3);
  EXPECT_EQ(sequence.ops[1].line, 6);
  EXPECT_EQ(sequence.ops[2].line, 7);
}

TEST(ParseLines, CrLfEndingsAndAMissingFinalNewlineAreAccepted) {
  const Sequence sequence = parsed("new s\r\nadd s 1 !err  # why\r\n\r\nlen s => 0");
  ASSERT_EQ(sequence.ops.size(), 3u);
  EXPECT_EQ(sequence.ops[1].expect, refused());
  EXPECT_EQ(sequence.ops[1].comment, "why");
  EXPECT_EQ(sequence.ops[2].line, 4);
  EXPECT_EQ(sequence.ops[2].expect, yields(integer(0)));
}

TEST(ParseLines, TabsAndRunsOfBlanksSeparateWords) {
  const Op op = onlyOp("\t  borrow_mut\tm   =\t\ts  !err \t");
  EXPECT_EQ(op.kind, OpKind::kBorrowMut);
  EXPECT_EQ(op.name, "m");
  EXPECT_EQ(op.source, "s");
  EXPECT_EQ(op.expect, refused());
}

TEST(ParseLines, AHashStartsATrimmedCommentThatHidesTheRestOfTheLine) {
  const Op op = onlyOp("add s 1   #   !err => 3 # not read   ");
  EXPECT_EQ(op.expect, Expectation{});
  EXPECT_EQ(op.comment, "!err => 3 # not read");
  EXPECT_EQ(onlyOp("len s#no space").comment, "no space");
  EXPECT_EQ(onlyOp("new s #! not a header here").comment, "! not a header here");
}

TEST(ParseLines, EmptyAndCommentOnlyFilesHaveNoOps) {
  for (std::string_view text : {"", "\n", "\r\n", "# only\n  # comments\n\n", "   \t"}) {
    const Sequence sequence = parsed(text);
    EXPECT_TRUE(sequence.ops.empty()) << text;
    EXPECT_TRUE(sequence.policies.empty()) << text;
    EXPECT_TRUE(sequence.unsafePolicies.empty()) << text;
  }
}

TEST(ParseLines, TheSpecExampleParsesToItsOps) {
  const Sequence sequence = parsed(
      "#! policies: strict\n"
      "new s\n"
      "add s 1\n"
      "iter it = s\n"
      "add s 2 !err          # a leak blocks mutable borrows\n"
      "next it => 1\n"
      "drop it\n"
      "add s 2\n"
      "len s => 2\n");
  EXPECT_EQ(sequence.policies, std::vector<std::string>{"strict"});
  EXPECT_TRUE(sequence.unsafePolicies.empty());
  const std::vector<std::pair<std::string, int>> lines = {
      {"new s", 2},          {"add s 1", 3}, {"iter it = s", 4}, {"add s 2 !err", 5},
      {"next it => 1", 6},   {"drop it", 7}, {"add s 2", 8},     {"len s => 2", 9},
  };
  ASSERT_EQ(sequence.ops.size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(printOp(sequence.ops[i]), lines[i].first);
    EXPECT_EQ(sequence.ops[i].line, lines[i].second);
  }
  EXPECT_EQ(sequence.ops[3].comment, "a leak blocks mutable borrows");
  EXPECT_EQ(sequence.ops[4].expect, yields(integer(1)));
}

// ------------------------------------------------------------------ errors

struct ErrorRow {
  std::string text;
  int line;
  std::string message;
};

void expectErrors(const std::vector<ErrorRow>& rows) {
  for (const ErrorRow& row : rows) {
    const SequenceError error = errorOf(row.text);
    EXPECT_EQ(error.line, row.line) << row.text;
    EXPECT_EQ(error.message, row.message) << row.text;
  }
}

TEST(ParseErrors, KeysOutsideZeroToTwoToTheThirtyOneMinusOneOrNotDecimal) {
  expectErrors({
      {"new s\nadd s 2147483648", 2, "key 2147483648 out of range (0 to 2147483647)"},
      {"add s -1", 1, "key -1 out of range (0 to 2147483647)"},
      {"contains s 99999999999999999999999", 1, "key 99999999999999999999999 out of range (0 to 2147483647)"},
      {"add s x1", 1, "'x1' is not a key (keys are decimal integers from 0 to 2147483647)"},
      {"add s +1", 1, "'+1' is not a key (keys are decimal integers from 0 to 2147483647)"},
      {"discard s 1.5", 1, "'1.5' is not a key (keys are decimal integers from 0 to 2147483647)"},
      {"add s 0x10", 1, "'0x10' is not a key (keys are decimal integers from 0 to 2147483647)"},
      {"contains s", 1, "expected a key after 'contains s'"},
      {"add s !err", 1, "expected a key after 'add s'"},
      {"add s 1!err", 1, "write '!err' as a word of its own ('1 !err')"},
  });
}

TEST(ParseErrors, EveryKeywordIsRefusedInEveryNamePosition) {
  for (const Form& form : kForms) {
    const std::string keyword(form.keyword);
    const std::string message = "'" + keyword + "' is a keyword and cannot be a name";
    expectErrors({
        {"new " + keyword, 1, message},
        {"add " + keyword + " 1", 1, message},
        {"ref " + keyword + " = s", 1, message},
        {"iter it = " + keyword, 1, message},
    });
  }
}

TEST(ParseErrors, MalformedNamesAndBindings) {
  expectErrors({
      {"new 1s", 1, "'1s' is not a name (names are [A-Za-z_][A-Za-z0-9_]*)"},
      {"new s-t", 1, "'s-t' is not a name (names are [A-Za-z_][A-Za-z0-9_]*)"},
      {"len s.x", 1, "'s.x' is not a name (names are [A-Za-z_][A-Za-z0-9_]*)"},
      {"new", 1, "expected a name after 'new'"},
      {"len !err", 1, "expected a name after 'len'"},
      {"ref q=s", 1, "write '=' as a word of its own, with spaces around it (as in 'ref q = p')"},
      {"ref q =s", 1, "write '=' as a word of its own, with spaces around it (as in 'ref q = p')"},
      {"borrow g s", 1, "expected '=' after 'borrow g'"},
      {"borrow g", 1, "expected '=' after 'borrow g'"},
      {"iter it =", 1, "expected an object name after 'iter it ='"},
      {"ref = s", 1, "write '=' as a word of its own, with spaces around it (as in 'ref q = p')"},
  });
}

TEST(ParseErrors, ABindingCannotReadTheNameItBinds) {
  for (std::string_view keyword : {"ref", "borrow", "borrow_mut", "iter"}) {
    const std::string line = std::string(keyword) + " p = p";
    expectErrors({{"new p\n" + line, 2,
                   "'" + line + "' binds 'p' from itself (the left name must be unbound and the right one bound)"}});
  }
}

TEST(ParseErrors, UnknownOperationsAndTrailingWords) {
  expectErrors({
      {"push s 1", 1,
       "unknown operation 'push' (operations are new, ref, del, add, discard, len, contains, borrow, borrow_mut, "
       "read, write, release, iter, next, drop)"},
      {"\n\nNew s", 3, "unknown operation 'New'; did you mean 'new'?"},
      {"new s t", 1, "unexpected 't' after 'new s'"},
      {"add s 1 2", 1, "unexpected '2' after 'add s 1'"},
      {"add s 1 ok", 1, "unexpected 'ok' after 'add s 1'"},
      {"ref q = s t", 1, "unexpected 't' after 'ref q = s'"},
  });
}

TEST(ParseErrors, AValueKindMustFitWhatTheOperationYields) {
  expectErrors({
      {"len s => true", 1, "'=> true' does not fit 'len', which yields an integer"},
      {"len s => stop", 1, "'=> stop' does not fit 'len', which yields an integer"},
      {"read g => false", 1, "'=> false' does not fit 'read', which yields an integer"},
      {"contains s 1 => 3", 1, "'=> 3' does not fit 'contains', which yields true or false"},
      {"contains s 1 => stop", 1, "'=> stop' does not fit 'contains', which yields true or false"},
      {"next it => true", 1, "'=> true' does not fit 'next', which yields an integer or stop"},
      {"add s 1 => 1", 1, "'=> 1' does not fit 'add', which yields no value"},
      {"new s => 1", 1, "'=> 1' does not fit 'new', which yields no value"},
      {"borrow g = s => 1", 1, "'=> 1' does not fit 'borrow', which yields no value"},
      {"write g => 0", 1, "'=> 0' does not fit 'write', which yields no value"},
      {"drop it => stop", 1, "'=> stop' does not fit 'drop', which yields no value"},
  });
}

TEST(ParseErrors, MalformedValuesAndMarkers) {
  expectErrors({
      {"len s =>", 1, "expected a value after 'len s =>' (an integer, true, false or stop)"},
      {"len s => -1", 1, "value -1 is negative (lengths and keys are 0 or more)"},
      {"len s => 9223372036854775808", 1, "value 9223372036854775808 out of range (0 to 9223372036854775807)"},
      {"len s => two", 1, "expected a value after '=>' (an integer, true, false or stop), found 'two'"},
      {"contains s 1 => TRUE", 1, "expected a value after '=>' (an integer, true, false or stop), found 'TRUE'"},
      {"len s => 1 2", 1, "unexpected '2' after 'len s => 1'"},
      {"len s =>2", 1, "write '=>' as a word of its own, with spaces around it (as in 'len s => 2')"},
      {"len s=>2", 1, "write '=>' as a word of its own, with spaces around it (as in 'len s => 2')"},
      {"add s 1 !ok", 1, "unknown marker '!ok' (the only one is '!err')"},
      {"add s 1 !err !err", 1, "a line states one expectation: '!err' or '=> V', not both"},
      {"next it !err => stop", 1, "a line states one expectation: '!err' or '=> V', not both"},
      {"next it => !err", 1, "a line states one expectation: '!err' or '=> V', not both"},
  });
}

TEST(ParseErrors, RefusedDoesNotFitOperationsNoPolicyRefuses) {
  for (std::string_view line : {"new s !err", "ref q = s !err", "del s !err", "release g !err", "drop it !err",
                                "read g !err", "write g !err"}) {
    const std::string keyword(line.substr(0, line.find(' ')));
    expectErrors({{std::string(line), 1, "'!err' does not fit '" + keyword + "', which no policy refuses"}});
  }
}

TEST(ParseErrors, TheFirstErrorInTheFileIsReported) {
  const SequenceError error = errorOf("new s\n\nadd s x\nlen s => true\n#! policies: nope\n");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.message, "'x' is not a key (keys are decimal integers from 0 to 2147483647)");
}

TEST(ParseErrors, LinesCountAcrossCrLfAndComments) {
  EXPECT_EQ(errorOf("# c\r\n\r\nnew s\r\nlen s => stop\r\n").line, 4);
}

// ------------------------------------------------------------------ headers

TEST(ParseHeaders, PoliciesAndUnsafeListsAreRead) {
  const Sequence sequence = parsed(
      "#! policies: strict, generation\n"
      "#! unsafe: no-parent-ref, unguarded-inner\n"
      "new s\n");
  EXPECT_EQ(sequence.policies, (std::vector<std::string>{"strict", "generation"}));
  EXPECT_EQ(sequence.unsafePolicies, (std::vector<std::string>{"no-parent-ref", "unguarded-inner"}));
  ASSERT_EQ(sequence.ops.size(), 1u);
}

TEST(ParseHeaders, MayStandAnywhereBeforeTheFirstOperationInEitherOrder) {
  const Sequence sequence = parsed(
      "# a leading comment\n"
      "\n"
      "#! unsafe: unchecked-leak\n"
      "# between\n"
      "#! policies: generation\n"
      "new s\n");
  EXPECT_EQ(sequence.policies, std::vector<std::string>{"generation"});
  EXPECT_EQ(sequence.unsafePolicies, std::vector<std::string>{"unchecked-leak"});
  EXPECT_EQ(sequence.ops.at(0).line, 6);
}

TEST(ParseHeaders, DuplicatesAreDroppedKeepingFirstOrder) {
  const Sequence sequence = parsed("#! policies: generation, strict, generation, strict\n");
  EXPECT_EQ(sequence.policies, (std::vector<std::string>{"generation", "strict"}));
}

TEST(ParseHeaders, BlanksIndentationAndATrailingCommentAreAllowed) {
  const Sequence sequence = parsed("  #!policies:strict ,\tgeneration   # checked for both\n#!  unsafe:  no-parent-ref");
  EXPECT_EQ(sequence.policies, (std::vector<std::string>{"strict", "generation"}));
  EXPECT_EQ(sequence.unsafePolicies, std::vector<std::string>{"no-parent-ref"});
}

TEST(ParseHeaders, APolicyMayBeInBothHeaders) {
  const Sequence sequence = parsed("#! policies: strict, no-parent-ref\n#! unsafe: no-parent-ref\n");
  EXPECT_EQ(sequence.policies, (std::vector<std::string>{"strict", "no-parent-ref"}));
  EXPECT_EQ(sequence.unsafePolicies, std::vector<std::string>{"no-parent-ref"});
}

TEST(ParseHeaders, WithoutHeadersBothListsAreEmpty) {
  const Sequence sequence = parsed("new s\n");
  EXPECT_TRUE(sequence.policies.empty());
  EXPECT_TRUE(sequence.unsafePolicies.empty());
}

TEST(ParseHeaders, AfterTheFirstOperationOrRepeatedIsAnError) {
  expectErrors({
      {"new s\n#! policies: strict", 2, "'#! policies:' must come before the first operation (line 1)"},
      {"\nnew s\n# c\n#! unsafe: strict", 4, "'#! unsafe:' must come before the first operation (line 2)"},
      {"#! policies: strict\n\n#! policies: generation", 3, "'#! policies:' appears twice (first on line 1)"},
      {"#! unsafe: strict\n#! unsafe: strict", 2, "'#! unsafe:' appears twice (first on line 1)"},
  });
}

TEST(ParseHeaders, NamesMustBeKnownAndListed) {
  const std::string known =
      " (known: strict, generation, unchecked-leak, no-parent-ref, unguarded-inner)";
  expectErrors({
      {"#! policies: foo", 1, "unknown policy 'foo'" + known},
      {"#! unsafe: strict, Strict", 1, "unknown policy 'Strict'; did you mean 'strict'?"},
      {"#! policies:", 1, "empty policy list in '#! policies:'"},
      {"#! unsafe:   # nothing", 1, "empty policy list in '#! unsafe:'"},
      {"#! policies: strict,,generation", 1, "empty policy name in the '#! policies:' list"},
      {"#! policies: strict,", 1, "empty policy name in the '#! policies:' list"},
      {"#! policies: strict generation", 1,
       "policy names are separated by ',' (as in '#! policies: strict, generation')"},
  });
}

TEST(ParseHeaders, AnyOtherHashBangLineIsAnError) {
  const std::string message = "unknown '#!' line (headers are '#! policies: NAME, ...' and '#! unsafe: NAME, ...')";
  expectErrors({
      {"#! models: sb2", 1, message},
      {"#!", 1, message},
      {"#! policies strict", 1, "unknown '#!' line; did you mean 'policies:'?"},
      {"#! Policies: strict", 1, "unknown '#!' line; did you mean 'policies:'?"},
      {"new s\n#! foo", 2, message},
  });
}

TEST(ParseHeaders, NamesAreCheckedAgainstTheGivenKnownList) {
  constexpr std::array<std::string_view, 1> kOnlyStrict = {"strict"};
  auto result = parseSequence("#! policies: generation\n", kOnlyStrict);
  ASSERT_TRUE(std::holds_alternative<SequenceError>(result));
  EXPECT_EQ(std::get<SequenceError>(result).message, "unknown policy 'generation' (known: strict)");
  auto none = parseSequence("#! policies: strict\n", {});
  ASSERT_TRUE(std::holds_alternative<SequenceError>(none));
  EXPECT_EQ(std::get<SequenceError>(none).message, "unknown policy 'strict' (known: none)");
}


// ---------------------------------------------------------------- messages people can act on

TEST(ParseSuggestions, AMisspeltWordGetsTheNearestOfItsPlace) {
  expectErrors({
      {"new s\nborow g = s", 2, "unknown operation 'borow'; did you mean 'borrow'?"},
      {"new s\nborrow-mut g = s", 2, "unknown operation 'borrow-mut'; did you mean 'borrow_mut'?"},
      {"new s\nitre it = s", 2, "unknown operation 'itre'; did you mean 'iter'?"},
      {"new s\nadd s 1 !er", 2, "unknown marker '!er'; did you mean '!err'?"},
      {"new s\nadd s 1 err", 2, "unexpected 'err' after 'add s 1'; did you mean '!err'?"},
      {"new s\nlen s => ture", 2,
       "expected a value after '=>' (an integer, true, false or stop), found 'ture'; did you mean 'true'?"},
      {"new s\niter it = s\nnext it => stpo", 3,
       "expected a value after '=>' (an integer, true, false or stop), found 'stpo'; did you mean 'stop'?"},
      {"#! polices: strict", 1, "unknown '#!' line; did you mean 'policies:'?"},
      {"#! unsafe strict", 1, "unknown '#!' line; did you mean 'unsafe:'?"},
      {"#! policies: stirct", 1, "unknown policy 'stirct'; did you mean 'strict'?"},
      {"#! unsafe: unguarded_inner", 1, "unknown policy 'unguarded_inner'; did you mean 'unguarded-inner'?"},
  });
}

TEST(ParseText, AByteOrderMarkStartingTheFileIsSkipped) {
  const Sequence sequence = parsed("\xef\xbb\xbf#! policies: generation\nnew s\n");
  EXPECT_EQ(sequence.policies, std::vector<std::string>{"generation"});
  ASSERT_EQ(sequence.ops.size(), 1u);
  EXPECT_EQ(sequence.ops[0].name, "s");
  EXPECT_EQ(sequence.ops[0].line, 2);
}

TEST(ParseText, AByteOrderMarkAnywhereElseIsNamed) {
  expectErrors({
      {"new s\n\xef\xbb\xbflen s", 2,
       "unexpected byte-order mark (\\xef\\xbb\\xbf) at column 1 (only the very start of a file may have one)"},
      {"new s  # note \xef\xbb\xbf", 1,
       "unexpected byte-order mark (\\xef\\xbb\\xbf) at column 15 (only the very start of a file may have one)"},
  });
}

TEST(ParseText, BinaryNulAndHugeLinesGiveOneShortErrorOnTheirLine) {
  expectErrors({
      {std::string("new s\nlen\0s", 11), 2, "a NUL byte at column 4 (is this a binary file?)"},
      {"new s\n\x89PNG\r\n\x1a\n", 2, "invalid UTF-8 byte \\x89 at column 1 (is this a binary file?)"},
      {"new s\x1b[0m", 1, "control character \\x1b at column 6 (is this a binary file?)"},
      {"new s\rlen s\r", 1, "a carriage return inside a line at column 6 (lines end with \\n or \\r\\n)"},
      {"new " + std::string(1 << 20, 's'), 1,
       "line is 1048580 bytes long (lines are at most 4096 bytes; is this a binary file?)"},
      {"new\xc2\xa0s", 1, "invisible character U+00A0 at column 4"},
  });
}

TEST(ParseText, EchoedInputIsCutAndEscaped) {
  const std::string longName(3000, 'q');
  const SequenceError unexpected = errorOf("new s\nlen s " + longName);
  EXPECT_EQ(unexpected.message, "unexpected '" + std::string(77, 'q') + "...' after 'len s'");
  EXPECT_LT(errorOf("new s\nadd s " + std::string(3000, '9')).message.size(), 140u);
  EXPECT_LT(errorOf("new s\nlen s => " + std::string(3000, '9')).message.size(), 140u);
  EXPECT_LT(errorOf("new s\nlen s => -" + std::string(3000, '9')).message.size(), 140u);
  EXPECT_LT(errorOf("new s\n" + longName + " s").message.size(), 240u);
}

}  // namespace
}  // namespace sbcheck::cellseq
