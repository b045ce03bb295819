// The cost of a picture: recording and rendering the HTML timeline of a
// 50-event trace (the target: at most 10 ms, so that every counterexample
// can have its page), on one model and on all five side by side.
#include <benchmark/benchmark.h>

#include <string>
#include <variant>

#include "harness/html/page.hpp"
#include "harness/sbt/parse.hpp"

namespace {

using namespace sbcheck;

/// 50 events over two allocations: reborrows, shared and raw pointers,
/// accesses that remove items, a protector, and a UB at the end.
std::string fiftyEvents() {
  std::string text = "alloc x 16\nalloc y 8\ncall\nlet p = &mut y protect\n";
  int events = 4;
  for (int i = 0; events < 49; ++i) {
    const std::string n = std::to_string(i);
    text += "let m" + n + " = &mut x\nlet s" + n + " = &m" + n + "[0..8]\nread s" + n + "\nlet r" + n + " = *mut m" +
            n + "\nwrite r" + n + "\nwrite m" + n + "[8..16]\n";
    events += 6;
    if (events >= 49) break;
  }
  std::string page;
  int counted = 0;
  for (std::size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
    if (++counted > 49) break;
    page += text.substr(at, text.find('\n', at) + 1 - at);
  }
  return page + "read s0 !ub\n";  // s0 went at m1's retag: the 50th event is UB
}

void renderTimeline(benchmark::State& state, std::vector<std::string> models) {
  const std::string text = fiftyEvents();
  const sbt::Trace trace = std::get<sbt::Trace>(sbt::parseTrace(text));
  std::size_t bytes = 0;
  for (auto _ : state) {
    html::Page page{"bench.sbt", "model", {}, html::splitLines(text), false};
    for (const std::string& name : models) {
      auto model = sb::AnyModel::create(name);
      page.lanes.push_back(html::recordLane(trace, *model, name));
    }
    const std::string out = html::renderPage(page);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["events"] = static_cast<double>(trace.events.size());
  state.counters["page_bytes"] = static_cast<double>(bytes);
}

void BM_Html50Events(benchmark::State& state) { renderTimeline(state, {"sb2"}); }
void BM_Html50EventsFiveModels(benchmark::State& state) {
  renderTimeline(state, {"sb2", "sb2-stackwrite", "sb2-disable", "sb2-strict", "sb2-tagged-raw"});
}
BENCHMARK(BM_Html50Events)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Html50EventsFiveModels)->Unit(benchmark::kMillisecond);

}  // namespace
