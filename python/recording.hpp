// `with sbcheck.record() as rec:` — the ops Python performs on SharedSets
// inside the block, as one `.cell` file `sbcheck run` replays with the same
// outcome on every line and the same UB verdict.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "python/session.hpp"

namespace sbcheck::python {

/// Performs `op` on `session` and tells every recording in progress.
const Performed& perform(Session& session, cellseq::Op op);

class Recording {
 public:
  Recording() = default;
  Recording(const Recording&) = delete;
  Recording& operator=(const Recording&) = delete;
  ~Recording() { stop(); }

  /// From now on, every op performed on any session is recorded (recordings nest).
  void start();
  void stop();

  /// The recorded ops as `.cell` text: `#! policies:`, `#! unsafe:` when the
  /// model found UB (the recording ends at that op: a run stops there), one
  /// line per op with its outcome as `!err` / `=> V`. A set first touched
  /// inside the block brings what was done to it before. Throws
  /// std::invalid_argument when the sets recorded differ in policy or model
  /// (one `.cell` file runs under one policy and one model).
  std::string cell() const;
  /// Whether the recording ended at a UB the model found.
  bool endedByUb() const { return endedByUb_; }
  /// The recorded ops, one `.cell` line each (outcome included).
  std::vector<std::string> lines() const;

  /// Called by perform().
  void observe(const Session& session, const Performed& performed);

 private:
  struct Entry {
    std::string policy;
    std::string model;
    cellseq::Op op;
  };
  void add(const Session& session, const Performed& performed);

  std::vector<Entry> entries_;
  std::unordered_set<std::uint64_t> seen_;  ///< session ids
  bool active_ = false;
  bool endedByUb_ = false;
};

}  // namespace sbcheck::python
