// Only async-signal-safe calls in the handler: write(2), signal(2), raise(3).
#include "harness/crash_report.hpp"

#include <unistd.h>

#include <csignal>
#include <cstring>

namespace sbcheck {

// A sanitizer build keeps its own, better, report.
#if !defined(__SANITIZE_ADDRESS__)
namespace {

constexpr char kHint[] =
    "\nsbcheck: the process crashed while running a sequence. The likeliest cause is a cell that\n"
    "touched memory without telling its probe first (a read or write of freed memory, a wild\n"
    "pointer), which no in-process check can stop. `sbcheck check --fork` runs each sequence in\n"
    "a child process, reports such a crash as a failure of `runs-to-completion` and shrinks the\n"
    "sequence that causes it.\n";

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

void onCrash(int signal) {
  (void)!::write(STDERR_FILENO, kHint, sizeof kHint - 1);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace

void installCrashReport() {
  for (const int signal : kSignals) std::signal(signal, onCrash);
}
void uninstallCrashReport() {
  for (const int signal : kSignals) std::signal(signal, SIG_DFL);
}
#else
void installCrashReport() {}
void uninstallCrashReport() {}
#endif

}  // namespace sbcheck
