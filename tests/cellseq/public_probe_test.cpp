// The public instrumentation API against the real model: every retag kind a
// cell can report reaches the model as the same retag through both checking
// probes (same verdicts), the `.sbt` trace the model probe keeps replays to
// the same verdict, and Tracked reports each use before running it.
#include <gtest/gtest.h>

#include <sbcheck/probe.hpp>
#include <sbcheck/tracked.hpp>

#include <memory>
#include <string>
#include <vector>

#include "harness/cellseq/direct_probe.hpp"
#include "harness/cellseq/model_probe.hpp"
#include "harness/sbt/print.hpp"
#include "harness/sbt/replay.hpp"

namespace sbcheck::cellseq {
namespace {

constexpr Bytes kFirst{0, 4};
constexpr Bytes kSecond{4, 8};
constexpr Region kRegions[] = {{"first", kFirst}, {"second", kSecond}};
constexpr Layout kLayout{8, kRegions};

constexpr Retag kAllRetags[] = {Retag::kMut,     Retag::kTwoPhaseMut, Retag::kShared, Retag::kSharedInteriorMut,
                                Retag::kRawMut,  Retag::kRawConst};

/// Derives a pointer of `kind` from the base, writes through it, then reads
/// through the base and again through it: whether each step was allowed.
std::vector<bool> script(Probe& probe, Retag kind) {
  const PtrId base = probe.allocate(kLayout);
  const std::optional<PtrId> derived = probe.retag(base, kind, kFirst);
  if (!derived) return {false};
  const bool wrote = probe.access(*derived, Access::kWrite, kFirst);
  const bool baseRead = wrote && probe.access(base, Access::kRead, kFirst);
  const bool readAgain = baseRead && probe.access(*derived, Access::kRead, kFirst);
  return {true, wrote, baseRead, readAgain};
}

class PublicProbe : public testing::TestWithParam<std::string> {};

TEST_P(PublicProbe, EveryRetagKindGetsOneVerdictThroughBothProbesAndItsTrace) {
  for (const Retag kind : kAllRetags) {
    auto directModel = sb::AnyModel::create(GetParam());
    DirectProbe direct(*directModel);
    auto traceModel = sb::AnyModel::create(GetParam());
    ModelProbe traced(*traceModel);
    const std::vector<bool> viaDirect = script(direct, kind);
    EXPECT_EQ(script(traced, kind), viaDirect) << "retag kind " << static_cast<int>(kind);
    EXPECT_EQ(traced.ub().has_value(), direct.ub().has_value());
    // The trace the model probe kept replays to the same verdict.
    auto replayModel = sb::AnyModel::create(GetParam());
    sbt::TraceRunner runner(*replayModel);
    bool ub = false;
    for (const sbt::Event& event : traced.trace().events) ub = ub || runner.step(event, nullptr).has_value();
    EXPECT_EQ(ub, direct.ub().has_value()) << sbt::printTrace(traced.trace());
  }
}

TEST_P(PublicProbe, WritingThroughASharedReferenceIsUbUnlessItIsInteriorMutable) {
  auto model = sb::AnyModel::create(GetParam());
  DirectProbe probe(*model);
  EXPECT_EQ(script(probe, Retag::kShared), (std::vector<bool>{true, false, false, false}));
  auto cellModel = sb::AnyModel::create(GetParam());
  DirectProbe cellProbe(*cellModel);
  EXPECT_TRUE(script(cellProbe, Retag::kSharedInteriorMut)[1]) << "a & to UnsafeCell bytes may write";
}

INSTANTIATE_TEST_SUITE_P(EveryVariant, PublicProbe, testing::Values("sb2", "sb2-tagged-raw"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

/// Allows everything until told to veto; counts what it was told.
class CountingProbe final : public Probe {
 public:
  bool veto = false;
  int reads = 0, writes = 0;
  PtrId allocate(const Layout&) override { return 0; }
  std::optional<PtrId> retag(PtrId, Retag, Bytes) override { return PtrId{1}; }
  bool access(PtrId, Access kind, Bytes bytes) override {
    EXPECT_EQ(bytes.begin, kSecond.begin);
    ++(kind == Access::kRead ? reads : writes);
    return !veto;
  }
  bool deallocate(PtrId) override { return true; }
  bool freed(PtrId) const override { return false; }
};

TEST(Tracked, EachUseIsReportedFirstAndRunsOnlyWhenAllowed) {
  CountingProbe probe;
  Tracked<std::vector<int>> data(kSecond);
  EXPECT_TRUE(std::holds_alternative<Done>(data.withMut(probe, 1, [](std::vector<int>& v) { v.push_back(7); })));
  const Result<std::size_t> size = data.with(probe, 1, [](const std::vector<int>& v) { return v.size(); });
  ASSERT_TRUE(std::holds_alternative<std::size_t>(size));
  EXPECT_EQ(std::get<std::size_t>(size), 1u);
  EXPECT_EQ(probe.reads, 1);
  EXPECT_EQ(probe.writes, 1);
  probe.veto = true;
  bool ran = false;
  EXPECT_TRUE(std::holds_alternative<Halted>(data.withMut(probe, 1, [&](std::vector<int>& v) {
    ran = true;
    v.clear();
  })));
  EXPECT_FALSE(ran) << "a vetoed write does not run";
  EXPECT_EQ(data.unchecked(), std::vector<int>{7});
  EXPECT_TRUE(std::holds_alternative<Halted>(data.with(probe, 1, [&](const std::vector<int>&) { ran = true; })));
  EXPECT_FALSE(ran) << "a vetoed read does not run";
}

}  // namespace
}  // namespace sbcheck::cellseq
