// The adapter API can express the built-in cell: every corpus `.cell` file,
// under each policy it names, gives the same outcomes, the same UB and the
// same model trace through AdapterRunner<cell::Adapter<P>> as through the
// built-in interpreter. And a missing operation is named by its concept.
#include <gtest/gtest.h>

#include <sbcheck/adapter.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/cellseq/parse.hpp"
#include "harness/cellseq/run.hpp"
#include "harness/sbt/print.hpp"
#include "model/cell/adapter.hpp"
#include "model/cell/policy.hpp"

namespace sbcheck {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> cellFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(SBCHECK_SOURCE_DIR) / "corpus" / "cell")) {
    if (entry.is_regular_file() && entry.path().extension() == ".cell") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

cellseq::PolicyRun throughAdapter(const cellseq::Sequence& sequence, const cellseq::RunOptions& options) {
  std::optional<cellseq::PolicyRun> run;
  cell::forEachPolicy([&]<class P>() {
    if (P::kName != options.policy) return;
    run = cellseq::runSequenceOn(sequence, options, [](cellseq::CheckingProbe& probe) {
      return std::make_unique<AdapterRunner<cell::Adapter<P>>>(probe);
    });
  });
  return std::move(*run);
}

TEST(Adapter, TheBuiltInCellThroughItsAdapterRunsEveryCorpusFileAlike) {
  int runs = 0;
  for (const fs::path& file : cellFiles()) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = cellseq::parseSequence(text.str(), cell::kPolicyNames);
    ASSERT_TRUE(std::holds_alternative<cellseq::Sequence>(parsed)) << file;
    const auto& sequence = std::get<cellseq::Sequence>(parsed);
    for (const cellseq::RunOptions& options : cellseq::policiesOf(sequence)) {
      const cellseq::PolicyRun built = cellseq::runSequence(sequence, options);
      const cellseq::PolicyRun adapted = throughAdapter(sequence, options);
      const std::string where = file.filename().string() + " [" + std::string(options.policy) + "]";
      ASSERT_EQ(built.outcomes.size(), adapted.outcomes.size()) << where;
      for (std::size_t i = 0; i < built.outcomes.size(); ++i) {
        EXPECT_EQ(cellseq::describe(built.outcomes[i]), cellseq::describe(adapted.outcomes[i])) << where << " op " << i;
      }
      EXPECT_EQ(built.passed(), adapted.passed()) << where;
      EXPECT_EQ(built.ub.has_value(), adapted.ub.has_value()) << where;
      if (built.ub && adapted.ub) {
        EXPECT_EQ(built.ub->message, adapted.ub->message) << where;
      }
      EXPECT_EQ(sbt::printTrace(built.trace), sbt::printTrace(adapted.trace)) << where;
      ++runs;
    }
  }
  EXPECT_GT(runs, 100);  // the corpus's files, each under its policies
}

// An adapter with every operation but `borrow_mut`.
struct NoBorrowMut {
  using Object = int;
  using Guard = int;
  using Iterator = int;
  static Result<Object> make(Probe&) { return 0; }
  static Result<Guard> borrow(Object&) { return 0; }
  static Result<std::uint64_t> read(Guard&) { return std::uint64_t{0}; }
  static Result<Done> write(Guard&) { return Done{}; }
  static Result<Done> release(Guard&) { return Done{}; }
  static Result<Iterator> iter(Object&) { return 0; }
  static Result<Next> next(Iterator&) { return Next{}; }
  static Result<Done> drop(Iterator&) { return Done{}; }
  static Result<std::uint64_t> len(Object&) { return std::uint64_t{0}; }
  static Result<bool> contains(Object&, std::uint32_t) { return false; }
  static Result<Done> add(Object&, std::uint32_t) { return Done{}; }
  static Result<Done> discard(Object&, std::uint32_t) { return Done{}; }
};

TEST(Adapter, AMissingOperationIsNamedByItsConcept) {
  static_assert(!CellAdapter<NoBorrowMut>);
  static_assert(!AdapterHasBorrowMut<NoBorrowMut>);
  static_assert(AdapterHasBorrow<NoBorrowMut> && AdapterHasNew<NoBorrowMut> && AdapterHasDiscard<NoBorrowMut>);
  static_assert(!AdapterTellsLeaks<NoBorrowMut>);
  static_assert(CellAdapter<cell::Adapter<cell::Generation>>);
}

}  // namespace
}  // namespace sbcheck
