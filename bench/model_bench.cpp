// Benchmarks of sb::Model against the plain per-byte baseline: throughput on
// small stacks, and five adversarial stack shapes whose cost must grow
// linearly with N (bench/README.md says what each one measures).
#include <benchmark/benchmark.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "bench/baseline_model.hpp"
#include "model/sb/model.hpp"

namespace {

namespace sb = sbcheck::sb;
using sb::AccessKind;
using sb::ByteRange;
using sb::Pointer;
using sb::RetagKind;

using Sb2Model = sb::Model<sb::Sb2>;
using Sb2TaggedRawModel = sb::Model<sb::Sb2TaggedRaw>;
using Baseline = sbcheck::bench::BaselineModel;

/// Every scenario here is free of UB; UB would mean we time the wrong thing.
void expectNoUb(const sb::Outcome& ub, const char* what) {
  if (!ub) return;
  std::fprintf(stderr, "model_bench: unexpected UB in %s via tag %llu at byte %llu\n", what,
               static_cast<unsigned long long>(ub->tag.id), static_cast<unsigned long long>(ub->offset));
  std::abort();
}

template <class M>
Pointer retag(M& model, Pointer parent, ByteRange range, RetagKind kind) {
  sb::RetagSpec spec;
  spec.kind = kind;
  const sb::Retagged retagged = model.retag(parent, range, spec);
  expectNoUb(retagged.ub, "retag");
  return Pointer{parent.alloc, retagged.tag};
}

template <class M>
void access(M& model, AccessKind kind, Pointer ptr, ByteRange range) {
  expectNoUb(model.access(kind, ptr, range), "access");
}

template <class M>
void read(M& model, Pointer ptr, ByteRange range) { access(model, AccessKind::Read, ptr, range); }
template <class M>
void write(M& model, Pointer ptr, ByteRange range) { access(model, AccessKind::Write, ptr, range); }

// ---------------------------------------------------------------------------
// Small stacks: the common case, where every stack holds a handful of items.

constexpr int kSmallAllocs = 4;
constexpr ByteRange kFirstByte{0, 1};

/// One stack-local allocation and the pointers into it:
/// `[Uniq base, Uniq u, SRW <untagged> raw, SRO s1, SRO s2]`.
struct SmallAlloc {
  Pointer u, raw, s1, s2;
};

template <class M>
SmallAlloc makeSmallAlloc(M& model, std::uint64_t size) {
  const ByteRange all{0, size};
  const Pointer base = model.allocate(size, /*untaggedBase=*/false);
  SmallAlloc a;
  a.u = retag(model, base, all, RetagKind::kUnique);
  a.raw = retag(model, a.u, all, RetagKind::kRawMut);
  a.s1 = retag(model, a.u, all, RetagKind::kShared);
  a.s2 = retag(model, a.u, all, RetagKind::kShared);
  return a;
}

/// Reads through tags that remove nothing (every item above the granting one
/// is compatible with a read), so the stacks keep their five items. With
/// `allocSize` > 1 the reads hit single bytes inside a wider allocation whose
/// bytes all share one stack, so the range map splits and re-merges its run.
template <class M>
void runSmallStackReads(benchmark::State& state, M& model, std::uint64_t allocSize) {
  std::vector<std::pair<Pointer, ByteRange>> reads;
  for (int i = 0; i < kSmallAllocs; ++i) {
    const SmallAlloc a = makeSmallAlloc(model, allocSize);
    for (const Pointer p : {a.u, a.s1, a.raw, a.s2}) {
      const std::uint64_t byte = static_cast<std::uint64_t>(reads.size()) % allocSize;
      reads.emplace_back(p, ByteRange{byte, byte + 1});
    }
  }
  for (auto _ : state) {
    for (const auto& [ptr, range] : reads) read(model, ptr, range);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(reads.size()));
}

template <class M>
void SmallStackAccess_Read(benchmark::State& state) {
  M model;
  runSmallStackReads(state, model, 1);
}

/// The same reads driven through the one virtual seam (AnyModel::create).
void SmallStackAccess_Read_ViaAnyModel(benchmark::State& state) {
  const std::unique_ptr<sb::AnyModel> model = sb::AnyModel::create(sb::Sb2::kName);
  runSmallStackReads(state, *model, 1);
}

template <class M>
void SmallStackAccess_ReadInWideAlloc(benchmark::State& state) {
  M model;
  runSmallStackReads(state, model, 8);
}

/// One round of writes and fresh retags on a small allocation's first byte;
/// the stack churns (items removed and re-pushed) but never exceeds five
/// items, and the round ends in the shape it started from. Returns the
/// number of operations performed.
template <class M>
int churnRound(M& model, SmallAlloc& a) {
  const ByteRange b = kFirstByte;
  write(model, a.raw, b);                              // SRW grants; both SROs go: [base, u, SRW]
  a.s1 = retag(model, a.u, b, RetagKind::kShared);     // [base, u, SRW, SRO s1]
  read(model, a.s1, b);
  write(model, a.u, b);                                // [base, u]
  a.raw = retag(model, a.u, b, RetagKind::kRawMut);    // [base, u, SRW]
  a.s2 = retag(model, a.raw, b, RetagKind::kShared);   // [base, u, SRW, SRO s2]
  a.s1 = retag(model, a.u, b, RetagKind::kShared);     // [base, u, SRW, SRO s2, SRO s1]
  read(model, a.raw, b);
  read(model, a.s2, b);
  const Pointer c = retag(model, a.u, b, RetagKind::kUnique);  // [base, u, Uniq c]
  read(model, c, b);
  write(model, c, b);
  write(model, a.u, b);                                // [base, u]
  a.raw = retag(model, a.u, b, RetagKind::kRawMut);    // [base, u, SRW]
  a.s1 = retag(model, a.u, b, RetagKind::kShared);
  a.s2 = retag(model, a.u, b, RetagKind::kShared);     // [base, u, SRW, SRO s1, SRO s2]
  return 16;
}

template <class M>
void SmallStackAccess_Churn(benchmark::State& state) {
  M model;
  std::array<SmallAlloc, kSmallAllocs> allocs;
  for (SmallAlloc& a : allocs) a = makeSmallAlloc(model, 1);
  std::int64_t ops = 0;
  for (auto _ : state) {
    for (SmallAlloc& a : allocs) ops += churnRound(model, a);
  }
  state.SetItemsProcessed(ops);
}

// ---------------------------------------------------------------------------
// Adversarial shapes. Each iteration builds a fresh model and runs the whole
// scenario; items are the scenario's operations (retags + accesses).

constexpr ByteRange kI32{0, 4};  // A1-A4 work on one `i32` stack local

template <class M>
Pointer allocI32(M& model) { return model.allocate(kI32.end, /*untaggedBase=*/false); }

/// A1: N `&` reborrows of the base pointer, then N reads through it.
template <class M>
void A1_SharedReborrowsThenReads(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  for (auto _ : state) {
    M model;
    const Pointer base = allocI32(model);
    for (std::int64_t i = 0; i < n; ++i) retag(model, base, kI32, RetagKind::kShared);
    for (std::int64_t i = 0; i < n; ++i) read(model, base, kI32);
  }
  state.SetComplexityN(n);
  state.SetItemsProcessed(state.iterations() * 2 * n);
}

/// A2: N `*mut` casts of one `&mut`, then N writes through the first cast.
template <class M>
void A2_RawCastsThenWrites(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  for (auto _ : state) {
    M model;
    const Pointer m = retag(model, allocI32(model), kI32, RetagKind::kUnique);
    const Pointer first = retag(model, m, kI32, RetagKind::kRawMut);
    for (std::int64_t i = 1; i < n; ++i) retag(model, m, kI32, RetagKind::kRawMut);
    for (std::int64_t i = 0; i < n; ++i) write(model, first, kI32);
  }
  state.SetComplexityN(n);
  state.SetItemsProcessed(state.iterations() * 2 * n);
}

/// A3: a ladder of N `&mut`, each reborrowed from the previous, then N reads
/// through the bottom one (the first read removes the N-1 above it).
template <class M>
void A3_UniqueLadderThenReads(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  for (auto _ : state) {
    M model;
    const Pointer bottom = retag(model, allocI32(model), kI32, RetagKind::kUnique);
    Pointer top = bottom;
    for (std::int64_t i = 1; i < n; ++i) top = retag(model, top, kI32, RetagKind::kUnique);
    for (std::int64_t i = 0; i < n; ++i) read(model, bottom, kI32);
  }
  state.SetComplexityN(n);
  state.SetItemsProcessed(state.iterations() * 2 * n);
}

/// A4: N `&` reborrows of the base, then N reads cycling over the 64 deepest
/// (the first 64 created), each granted by an item ~N deep that removes nothing.
template <class M>
void A4_DeepReadsCycling64(benchmark::State& state) {
  constexpr std::size_t kDeep = 64;
  const std::int64_t n = state.range(0);
  for (auto _ : state) {
    M model;
    const Pointer base = allocI32(model);
    std::array<Pointer, kDeep> deep;
    for (std::int64_t i = 0; i < n; ++i) {
      const Pointer shared = retag(model, base, kI32, RetagKind::kShared);
      if (static_cast<std::size_t>(i) < kDeep) deep[static_cast<std::size_t>(i)] = shared;
    }
    for (std::int64_t i = 0; i < n; ++i) read(model, deep[static_cast<std::size_t>(i) % kDeep], kI32);
  }
  state.SetComplexityN(n);
  state.SetItemsProcessed(state.iterations() * 2 * n);
}

/// A5: an N-byte allocation, a `&mut` to all of it, N/8 reborrows (of kind
/// `Chunk`) of its 8-byte chunks, then one whole-allocation read and one
/// whole-allocation write through the `&mut`.
template <class M>
void chunkReborrowsThenWholeAccess(benchmark::State& state, RetagKind chunk, bool lastChunkFirst) {
  constexpr std::uint64_t kChunk = 8;
  const std::int64_t n = state.range(0);
  const std::uint64_t size = static_cast<std::uint64_t>(n);
  const ByteRange all{0, size};
  for (auto _ : state) {
    M model;
    const Pointer m = retag(model, model.allocate(size, /*untaggedBase=*/false), all, RetagKind::kUnique);
    for (std::uint64_t i = 0; i < size / kChunk; ++i) {
      const std::uint64_t at = (lastChunkFirst ? size / kChunk - 1 - i : i) * kChunk;
      retag(model, m, ByteRange{at, at + kChunk}, chunk);
    }
    read(model, m, all);
    write(model, m, all);
  }
  state.SetComplexityN(n);
  state.SetItemsProcessed(state.iterations() * (n / static_cast<std::int64_t>(kChunk) + 2));
}

/// A5, chunks in offset order.
template <class M, RetagKind Chunk>
void A5_ChunkReborrowsThenWholeAccess(benchmark::State& state) {
  chunkReborrowsThenWholeAccess<M>(state, Chunk, /*lastChunkFirst=*/false);
}

/// A5 with the chunks reborrowed last to first (not in the brief's list: it
/// shows the cost of splitting a run near the front of the range map).
template <class M, RetagKind Chunk>
void A5r_ChunkReborrowsLastFirst(benchmark::State& state) {
  chunkReborrowsThenWholeAccess<M>(state, Chunk, /*lastChunkFirst=*/true);
}

constexpr RetagKind kMutChunks = RetagKind::kUnique;
constexpr RetagKind kSharedChunks = RetagKind::kShared;

}  // namespace

BENCHMARK_TEMPLATE(SmallStackAccess_Read, Sb2Model);
BENCHMARK(SmallStackAccess_Read_ViaAnyModel);
BENCHMARK_TEMPLATE(SmallStackAccess_Read, Baseline);
BENCHMARK_TEMPLATE(SmallStackAccess_ReadInWideAlloc, Sb2Model);
BENCHMARK_TEMPLATE(SmallStackAccess_ReadInWideAlloc, Baseline);
BENCHMARK_TEMPLATE(SmallStackAccess_Churn, Sb2Model);
BENCHMARK_TEMPLATE(SmallStackAccess_Churn, Baseline);

// N in {1024, 4096, 16384}; Google Benchmark fits the O(N) coefficient and
// reports its RMS error (a large RMS means the shape is not linear).
#define SBCHECK_ADVERSARIAL(...)                                                             \
  BENCHMARK_TEMPLATE(__VA_ARGS__)->RangeMultiplier(4)->Range(1024, 16384)->Complexity(benchmark::oN) \
      ->Unit(benchmark::kMicrosecond)

SBCHECK_ADVERSARIAL(A1_SharedReborrowsThenReads, Sb2Model);
SBCHECK_ADVERSARIAL(A1_SharedReborrowsThenReads, Baseline);
SBCHECK_ADVERSARIAL(A2_RawCastsThenWrites, Sb2Model);
SBCHECK_ADVERSARIAL(A2_RawCastsThenWrites, Sb2TaggedRawModel);
SBCHECK_ADVERSARIAL(A2_RawCastsThenWrites, Baseline);
SBCHECK_ADVERSARIAL(A3_UniqueLadderThenReads, Sb2Model);
SBCHECK_ADVERSARIAL(A3_UniqueLadderThenReads, Baseline);
SBCHECK_ADVERSARIAL(A4_DeepReadsCycling64, Sb2Model);
SBCHECK_ADVERSARIAL(A4_DeepReadsCycling64, Baseline);
SBCHECK_ADVERSARIAL(A5_ChunkReborrowsThenWholeAccess, Sb2Model, kMutChunks);
SBCHECK_ADVERSARIAL(A5_ChunkReborrowsThenWholeAccess, Baseline, kMutChunks);
SBCHECK_ADVERSARIAL(A5_ChunkReborrowsThenWholeAccess, Sb2Model, kSharedChunks);
SBCHECK_ADVERSARIAL(A5_ChunkReborrowsThenWholeAccess, Baseline, kSharedChunks);
SBCHECK_ADVERSARIAL(A5r_ChunkReborrowsLastFirst, Sb2Model, kMutChunks);
SBCHECK_ADVERSARIAL(A5r_ChunkReborrowsLastFirst, Baseline, kMutChunks);
