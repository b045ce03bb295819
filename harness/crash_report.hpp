// What a crash of the process says before it dies. A cell that touches memory
// without telling its probe (a use after free, a wild pointer) can crash any
// process that runs it; sbcheck cannot survive that in-process, but it can say
// what most likely happened and which mode contains it.
#pragma once

namespace sbcheck {

/// Makes SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT print a one-paragraph
/// hint to stderr — the signal, the likely cause, and `--fork` — and then end
/// the process by the same signal (so the exit status still says which).
/// Does nothing in a sanitizer build, whose own reports are better.
void installCrashReport();

/// Puts those signals back to their default: for a child whose parent
/// explains the crash itself (runSupervised).
void uninstallCrashReport();

}  // namespace sbcheck
