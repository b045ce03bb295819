// Crash isolation: running a piece of work in a forked child, so that a
// signal (a segfault, an abort from a double free, a sanitizer report) or a
// hang in a user's cell becomes a result the harness reports and shrinks,
// not the end of the harness — proptest's `fork` and libFuzzer's `-fork`.
#pragma once

#include <functional>
#include <string>
#include <variant>

namespace sbcheck {

/// How a child ended without giving its result.
struct ChildCrash {
  std::string reason;  ///< "killed by signal 11 (Segmentation fault)", "no result within 10 s"
};

/// Runs `work` in a forked child and returns the text it returned, or how
/// the child ended without returning (a signal, an exit, `timeoutSeconds`
/// passed: the child is then killed). The child's stderr is discarded (a
/// crash report per shrinking step would drown the result); nothing the
/// child changes in memory reaches the caller.
std::variant<std::string, ChildCrash> runIsolated(const std::function<std::string()>& work, unsigned timeoutSeconds);

/// Runs `work` — a whole command — in a forked child that shares this
/// process's standard streams and files, with freed memory poisoned as in
/// runIsolated (a read of freed memory then crashes rather than reading stale
/// values). Returns the child's exit status; if a signal killed it, what
/// `onCrash` returns instead (run here, in the parent, which the crash did not
/// touch). A Ctrl-C reaches both; the child's interrupted status is returned.
int runSupervised(const std::function<int()>& work, const std::function<int(const ChildCrash&)>& onCrash);

}  // namespace sbcheck
