// Breadth-first exploration of a finite state space, depth by depth: every
// state reachable within the bound, each expanded once (deduplicated by a
// fingerprint of its canonical form), and for every finding the shortest
// path that reaches it. A space (cell sequences, `.sbt` traces) says what a
// state is, which moves leave it and what each move violates; this file is
// the search, written once.
//
// Determinism: a depth's states are expanded in parallel, in chunks, but
// merged in frontier order, so the states, the paths and the findings are
// the same for any number of threads.
#pragma once

#include <atomic>
#include <chrono>
#include <concepts>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "harness/explore/visited.hpp"

namespace sbcheck::explore {

struct Progress {
  std::uint32_t depth = 0;  ///< the depth being expanded
  std::uint64_t states = 0;
  std::uint64_t transitions = 0;
  double seconds = 0;
};

struct Limits {
  std::uint32_t maxDepth = 0;   ///< 0: no bound (run to the fixpoint)
  std::uint64_t maxStates = 0;  ///< 0: no limit
  double maxSeconds = 0;        ///< 0: no limit
  unsigned threads = 1;
  /// Called from the calling thread about twice a second while a run lasts.
  std::function<void(const Progress&)> progress;
  /// When given and set (e.g. by a signal handler), the run stops as at a
  /// time limit, with what it completed.
  const std::atomic<bool>* cancel = nullptr;
};

enum class Ending : std::uint8_t {
  kFixpoint,    ///< a depth found no new state: every reachable state was expanded
  kDepthBound,  ///< the depth bound was reached while new states were still coming
  kStateLimit,  ///< stopped at the state-count limit
  kTimeLimit,   ///< stopped at the time limit
  kInterrupted, ///< stopped because `Limits::cancel` was set
};

template <class Move>
struct Finding {
  std::vector<Move> path;  ///< from the root; the last move is the one that violates
  std::string reason;
};

/// Told of each finding as soon as the search has it (on the calling
/// thread): its slot and the finding, whose path is a shortest one.
template <class Move>
using FindingCallback = std::function<void(std::size_t slot, const Finding<Move>&)>;

template <class Move>
struct Exploration {
  std::vector<std::uint64_t> statesPerDepth;  ///< [d]: states first reached at depth d ([0] is the root)
  std::uint64_t states = 0;
  std::uint64_t transitions = 0;
  std::uint32_t depthCompleted = 0;  ///< every state this deep or shallower was expanded
  Ending ending = Ending::kFixpoint;
  double seconds = 0;
  std::size_t storedBytes = 0;  ///< what stays per visited state: fingerprints and paths
  /// Per finding slot, the first one found; its path is a shortest one.
  std::vector<std::optional<Finding<Move>>> findings;
};

/// Where a space's expand() reports the moves that leave one state. Each move
/// is reported once, by transition() or terminal(), after its findings.
template <class State, class Move>
class Sink {
 public:
  Sink(const VisitedSet& visited, const std::vector<bool>& found, std::uint32_t parent)
      : visited_(visited), found_(found), parent_(parent), findings_(found.size()) {}

  /// `move` violates finding slot `slot`, for `reason`.
  void finding(std::size_t slot, const Move& move, std::string reason) {
    if (found_[slot] || findings_[slot]) return;
    findings_[slot] = Found{parent_, move, std::move(reason)};
  }
  /// `move` leads to `next`, whose canonical fingerprint is `fingerprint`.
  void transition(const Move& move, std::uint64_t fingerprint, State&& next) {
    ++transitions_;
    if (visited_.contains(fingerprint) || !seen_.insert(fingerprint)) return;
    candidates_.push_back(Candidate{fingerprint, parent_, move, std::move(next)});
  }
  /// `move` ends the run (the model found UB): nothing follows it.
  void terminal(const Move&) { ++transitions_; }

  /// The state the next expand() call starts from.
  void setParent(std::uint32_t parent) { parent_ = parent; }

 private:
  template <class S>
  friend class Engine;

  struct Candidate {
    std::uint64_t fingerprint;
    std::uint32_t parent;
    Move move;
    State state;
  };
  struct Found {
    std::uint32_t parent;
    Move move;
    std::string reason;
  };

  const VisitedSet& visited_;
  const std::vector<bool>& found_;
  std::uint32_t parent_;
  VisitedSet seen_;  ///< fingerprints new in this chunk
  std::vector<Candidate> candidates_;
  std::vector<std::optional<Found>> findings_;
  std::uint64_t transitions_ = 0;
};

/// What the search needs from a space: its root, a canonical fingerprint
/// (equal for states no continuation can tell apart), how many finding slots
/// there are, and every move from a state reported to a Sink. expand() is
/// called from several threads at once.
template <class S>
concept Space = std::copy_constructible<typename S::State> && std::movable<typename S::State> &&
                requires(const S& space, const typename S::State& state,
                         Sink<typename S::State, typename S::Move>& sink) {
                  { space.root() } -> std::same_as<typename S::State>;
                  { space.fingerprint(state) } -> std::same_as<std::uint64_t>;
                  { space.findingSlots() } -> std::convertible_to<std::size_t>;
                  space.expand(state, sink);
                };

template <class S>
class Engine {
 public:
  using State = typename S::State;
  using Move = typename S::Move;

  Engine(const S& space, const Limits& limits, FindingCallback<Move> onFinding)
      : space_(space),
        limits_(limits),
        onFinding_(std::move(onFinding)),
        found_(space.findingSlots(), false),
        start_(Clock::now()) {
    result_.findings.resize(found_.size());
  }

  Exploration<Move> run() {
    State root = space_.root();
    visited_.insert(space_.fingerprint(root));
    origins_.push_back(Origin{kNoParent, Move{}});
    result_.statesPerDepth.push_back(1);
    std::vector<State> frontier;
    frontier.push_back(std::move(root));
    std::uint32_t firstIndex = 0;  // the state index of frontier[0]
    for (std::uint32_t depth = 0;; ++depth) {
      if (limits_.maxDepth != 0 && depth == limits_.maxDepth) {
        result_.ending = Ending::kDepthBound;
        break;
      }
      std::vector<Sink<State, Move>> chunks = expandDepth(frontier, firstIndex, depth);
      const auto nextIndex = static_cast<std::uint32_t>(origins_.size());
      std::vector<State> next = merge(chunks);
      if (stopped_) break;
      result_.depthCompleted = depth + 1;
      result_.statesPerDepth.push_back(next.size());
      if (next.empty()) {
        result_.ending = Ending::kFixpoint;
        break;
      }
      frontier = std::move(next);
      firstIndex = nextIndex;
    }
    result_.states = origins_.size();
    result_.seconds = elapsed();
    result_.storedBytes = visited_.bytes() + origins_.capacity() * sizeof(Origin);
    return std::move(result_);
  }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr std::uint32_t kNoParent = ~std::uint32_t{0};
  static constexpr std::size_t kChunk = 64;  ///< states per unit of parallel work

  /// How each stored state was first reached.
  struct Origin {
    std::uint32_t parent;
    Move move;
  };

  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  /// Expands every frontier state, in chunks over the threads; the calling
  /// thread reports progress and watches the time limit meanwhile.
  std::vector<Sink<State, Move>> expandDepth(const std::vector<State>& frontier, std::uint32_t firstIndex,
                                             std::uint32_t depth) {
    const std::size_t chunkCount = (frontier.size() + kChunk - 1) / kChunk;
    std::vector<Sink<State, Move>> chunks;
    chunks.reserve(chunkCount);
    for (std::size_t c = 0; c < chunkCount; ++c) chunks.emplace_back(visited_, found_, firstIndex);
    std::atomic<std::size_t> nextChunk{0};
    std::atomic<std::size_t> doneChunks{0};
    std::atomic<std::uint64_t> transitions{0};
    auto work = [&] {
      for (std::size_t c; !stopRequested_ && (c = nextChunk++) < chunkCount;) {
        Sink<State, Move>& sink = chunks[c];
        const std::size_t end = std::min(frontier.size(), (c + 1) * kChunk);
        for (std::size_t i = c * kChunk; i < end && !stopRequested_; ++i) {
          sink.setParent(firstIndex + static_cast<std::uint32_t>(i));
          space_.expand(frontier[i], sink);
        }
        transitions += sink.transitions_;
        ++doneChunks;
      }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < std::max(1u, limits_.threads); ++t) workers.emplace_back(work);
    watch(depth, doneChunks, chunkCount, transitions);
    for (std::thread& worker : workers) worker.join();
    return chunks;
  }

  /// Until the depth's chunks are done: progress, and the time limit.
  void watch(std::uint32_t depth, const std::atomic<std::size_t>& doneChunks, std::size_t chunkCount,
             const std::atomic<std::uint64_t>& transitions) {
    using namespace std::chrono_literals;
    while (doneChunks < chunkCount && !stopRequested_) {
      std::this_thread::sleep_for(10ms);
      const double now = elapsed();
      if (limits_.maxSeconds > 0 && now >= limits_.maxSeconds) {
        stopRequested_ = true;
        result_.ending = Ending::kTimeLimit;
      }
      if (limits_.cancel != nullptr && limits_.cancel->load(std::memory_order_relaxed)) {
        stopRequested_ = true;
        result_.ending = Ending::kInterrupted;
      }
      if (limits_.progress && now >= lastProgress_ + 0.5) {
        lastProgress_ = now;
        limits_.progress(Progress{depth, origins_.size(), result_.transitions + transitions, now});
      }
    }
  }

  /// Adds the chunks' new states in frontier order; the next frontier.
  std::vector<State> merge(std::vector<Sink<State, Move>>& chunks) {
    std::vector<State> next;
    for (Sink<State, Move>& chunk : chunks) {
      result_.transitions += chunk.transitions_;
      for (std::size_t slot = 0; slot < found_.size(); ++slot) {
        if (found_[slot] || !chunk.findings_[slot]) continue;
        auto& found = *chunk.findings_[slot];
        std::vector<Move> path = pathTo(found.parent);
        path.push_back(found.move);
        result_.findings[slot] = Finding<Move>{std::move(path), std::move(found.reason)};
        found_[slot] = true;
        if (onFinding_) onFinding_(slot, *result_.findings[slot]);
      }
      for (auto& candidate : chunk.candidates_) {
        if (limits_.maxStates != 0 && origins_.size() >= limits_.maxStates) {
          stopped_ = true;
          result_.ending = Ending::kStateLimit;
          return next;
        }
        if (!visited_.insert(candidate.fingerprint)) continue;
        origins_.push_back(Origin{candidate.parent, candidate.move});
        next.push_back(std::move(candidate.state));
      }
      chunk.candidates_.clear();
    }
    if (stopRequested_) stopped_ = true;
    return next;
  }

  std::vector<Move> pathTo(std::uint32_t index) const {
    std::vector<Move> path;
    for (; origins_[index].parent != kNoParent; index = origins_[index].parent) path.push_back(origins_[index].move);
    return {path.rbegin(), path.rend()};
  }

  const S& space_;
  Limits limits_;
  FindingCallback<Move> onFinding_;
  std::vector<bool> found_;
  Clock::time_point start_;
  double lastProgress_ = 0;
  std::atomic<bool> stopRequested_{false};
  bool stopped_ = false;
  VisitedSet visited_;
  std::vector<Origin> origins_;  ///< per state index
  Exploration<Move> result_;
};

/// Explores `space` breadth first within `limits`, telling `onFinding` of
/// each finding as soon as it is known.
template <Space S>
Exploration<typename S::Move> explore(const S& space, const Limits& limits,
                                      FindingCallback<typename S::Move> onFinding = {}) {
  return Engine<S>(space, limits, std::move(onFinding)).run();
}

}  // namespace sbcheck::explore
