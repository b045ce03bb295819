// "The model agrees with the reference": on every corpus trace under every
// variant, over random traces per variant, and — so that the law is known to
// have teeth — against deliberately wrong references (mutants), each of which
// the search must find with a short shrunk trace.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <variant>

#include "harness/sbt/parse.hpp"
#include "harness/sbt/print.hpp"
#include "harness/sbt/replay.hpp"
#include "model/reference/interpreter.hpp"
#include "model/sb/any_model.hpp"
#include "properties/model_agreement.hpp"

namespace sbcheck::properties {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kSeed = 20190430;
/// Per variant: sizes 0..100 twenty times over, about 0.2 s each in the ci build.
constexpr int kRuns = 2000;

sbt::Trace parseOk(std::string_view text) {
  auto parsed = sbt::parseTrace(text);
  if (const auto* error = std::get_if<sbt::TraceError>(&parsed)) {
    ADD_FAILURE() << "line " << error->line << ": " << error->message;
    return {};
  }
  return std::get<sbt::Trace>(std::move(parsed));
}

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> corpusTraces() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(SBCHECK_SOURCE_DIR) / "corpus")) {
    if (entry.is_regular_file() && entry.path().extension() == ".sbt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// ---- the real model against the reference ------------------------------------

TEST(ModelAgreesWithReference, OnEveryCorpusTraceUnderEveryVariant) {
  const std::vector<fs::path> files = corpusTraces();
  ASSERT_GT(files.size(), 50u);
  for (const fs::path& file : files) {
    const sbt::Trace trace = parseOk(readText(file));
    for (const std::string_view model : sb::AnyModel::names()) {
      const std::optional<TraceViolation> violation = checkAgreement(trace, std::string(model));
      EXPECT_FALSE(violation) << file.filename().string() << " under " << model << ": " << violation->reason;
    }
  }
}

TEST(ReferenceModel, MeetsEveryCorpusExpectationOnItsOwn) {
  // Independent of the model: the reference, written from sb2.md, finds UB
  // exactly at each file's `!ub` line under every model the file names.
  for (const fs::path& file : corpusTraces()) {
    const sbt::Trace trace = parseOk(readText(file));
    const std::vector<std::string> models = trace.models.empty() ? std::vector<std::string>{"sb2"} : trace.models;
    for (const std::string& model : models) {
      reference::Interpreter interpreter(*reference::findVariant(model));
      std::optional<int> ubLine;
      for (const sbt::Event& event : trace.events) {
        if (interpreter.step(event)) {
          ubLine = event.line;
          break;
        }
      }
      EXPECT_EQ(ubLine, sbt::expectedUbLine(trace)) << file.filename().string() << " under " << model;
    }
  }
}

TEST(ReferenceModel, NamesTheSameVariantsAsTheModel) {
  ASSERT_EQ(reference::variants().size(), sb::AnyModel::names().size());
  for (std::size_t i = 0; i < reference::variants().size(); ++i) {
    EXPECT_EQ(reference::variants()[i].name, sb::AnyModel::names()[i]);
  }
}

TEST(CheckAgreement, ComparesStacksWithEqualNeighboursMerged) {
  // sb2: both casts are `SRW <untagged>`; the model deduplicates the second,
  // the reference keeps both. Merged, they agree.
  const sbt::Trace trace = parseOk(
      "alloc x 1\n"
      "let p = *mut x\n"
      "let q = *mut x\n"
      "write q\n");
  EXPECT_FALSE(checkAgreement(trace, "sb2"));
  reference::Interpreter interpreter(*reference::findVariant("sb2"));
  for (const sbt::Event& event : trace.events) EXPECT_FALSE(interpreter.step(event));
  EXPECT_EQ(reference::toString(interpreter.memory().stacks(0)[0]), "[Uniq <1>, SRW  <untagged>, SRW  <untagged>]");
}

/// sb2 with a read that keeps Unique items above the granting item.
reference::Variant readKeepsUnique() {
  static bool table[reference::kPermCount][2][reference::kPermCount];
  std::memcpy(table, reference::kCompatible, sizeof table);
  for (const reference::Perm granting : {reference::Perm::Unique, reference::Perm::SharedReadWrite}) {
    table[static_cast<int>(granting)][0][static_cast<int>(reference::Perm::Unique)] = true;
  }
  reference::Variant variant = *reference::findVariant("sb2");
  variant.mutation.compatible = &table;
  return variant;
}

TEST(CheckAgreement, NamesTheEventAndBothStacks) {
  const sbt::Trace trace = parseOk(
      "alloc x 1\n"
      "let y = &mut x\n"
      "read x\n");
  const reference::Variant mutant = readKeepsUnique();
  const auto underTest = referenceSubject(mutant);
  const auto ref = referenceSubject(*reference::findVariant("sb2"));
  const std::optional<TraceViolation> violation = checkAgreement(trace, *underTest, *ref);
  ASSERT_TRUE(violation);
  EXPECT_EQ(violation->eventIndex, 2u);
  EXPECT_EQ(violation->reason, "after line 3 `read x`, x[0]: model [Uniq <1>, Uniq <2>], reference [Uniq <1>]");
}

TEST(CheckAgreement, NamesBothVerdicts) {
  // The write through `x` would remove the protected `y`.
  reference::Variant noProtectors = *reference::findVariant("sb2");
  noProtectors.mutation.ignoreProtectors = true;
  const sbt::Trace protectedWrite = parseOk(
      "alloc x 1\n"
      "call\n"
      "let y = &mut x protect\n"
      "write x\n");
  const auto wrong = referenceSubject(noProtectors);
  const auto right = referenceSubject(*reference::findVariant("sb2"));
  const std::optional<TraceViolation> verdicts = checkAgreement(protectedWrite, *wrong, *right);
  ASSERT_TRUE(verdicts);
  EXPECT_EQ(verdicts->reason, "line 4 `write x`: the model finds no UB, the reference finds protected-item-removed");
}

// ---- the random search, per variant ----------------------------------------------

class ModelAgreesWithReferenceUnder : public ::testing::TestWithParam<std::string_view> {};

TEST_P(ModelAgreesWithReferenceUnder, SearchFindsNoDisagreement) {
  AgreementSearchOptions options;
  options.model = std::string(GetParam());
  options.runs = kRuns;
  options.seed = kSeed;
  const TraceSearchResult result = searchAgreement(options);
  EXPECT_EQ(result.runs, kRuns);
  if (result.counterexample) {
    ADD_FAILURE() << result.counterexample->violation.reason << "\n" << sbt::printTrace(result.counterexample->trace);
  }
}

std::string variantName(const ::testing::TestParamInfo<std::string_view>& info) {
  std::string name(info.param);
  std::replace(name.begin(), name.end(), '-', '_');  // '-' means "exclude" in --gtest_filter
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryVariant, ModelAgreesWithReferenceUnder, ::testing::ValuesIn(sb::AnyModel::names()),
                         variantName);

// ---- mutants: wrong references the search must catch ------------------------------

struct Mutant {
  std::string_view name;
  reference::Variant variant;  ///< the wrong one; compared with the right `variant.name`
};

std::vector<Mutant> mutants() {
  std::vector<Mutant> all;
  const reference::Variant sb2 = *reference::findVariant("sb2");
  all.push_back({"read-keeps-unique-above", readKeepsUnique()});
  {
    static bool table[reference::kPermCount][2][reference::kPermCount];
    std::memcpy(table, reference::kCompatible, sizeof table);
    table[static_cast<int>(reference::Perm::Unique)][0][static_cast<int>(reference::Perm::SharedReadWrite)] = false;
    reference::Variant v = sb2;
    v.mutation.compatible = &table;
    all.push_back({"read-removes-srw-above-unique", v});
  }
  reference::Variant v = sb2;
  v.mutation.ignoreProtectors = true;
  all.push_back({"protectors-ignored", v});
  v = sb2;
  v.mutation.noTwoPhaseRegrant = true;
  all.push_back({"no-two-phase-regrant", v});
  v = sb2;
  v.mutation.cellSharedIsStrong = true;
  all.push_back({"cell-shared-is-strong", v});
  v = sb2;
  v.mutation.bottomUpSearch = true;
  all.push_back({"bottom-up-granting-search", v});
  v = *reference::findVariant("sb2-stackwrite");
  v.weakAboveSrwGroup = false;
  all.push_back({"stackwrite-weak-insert-above-granting-item", v});
  return all;
}

TEST(ModelAgreementMutants, SearchFindsEveryMutantWithAShortTrace) {
  for (const Mutant& mutant : mutants()) {
    AgreementSearchOptions options;
    options.model = std::string(mutant.variant.name);
    options.runs = 2000;
    options.seed = kSeed;
    const reference::Variant wrong = mutant.variant;
    options.underTest = [wrong] { return referenceSubject(wrong); };
    const TraceSearchResult result = searchAgreement(options);
    if (!result.counterexample) {
      ADD_FAILURE() << mutant.name << ": no disagreement in " << result.runs << " runs";
      continue;
    }
    const TraceCounterexample& found = *result.counterexample;
    std::cout << mutant.name << ": found at run " << found.foundAtRun << ", shrunk from " << found.originalLength
              << " to " << found.trace.events.size() << " events:\n"
              << sbt::printTrace(found.trace) << "# " << found.violation.reason << "\n";
    EXPECT_LE(found.trace.events.size(), 8u) << mutant.name;
    EXPECT_EQ(found.violation.eventIndex + 1, found.trace.events.size()) << mutant.name;
  }
}

}  // namespace
}  // namespace sbcheck::properties
