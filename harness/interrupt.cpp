// The interrupt flag and its signal handlers.
#include "harness/interrupt.hpp"

#include <csignal>
#include <ctime>
#include <unistd.h>

namespace sbcheck {
namespace {

std::atomic<bool> flag{false};

std::atomic<long> firstSignalSecond{0};

long nowSeconds() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);  // async-signal-safe
  return static_cast<long>(now.tv_sec);
}

extern "C" void onSignal(int) {
  if (!flag.exchange(true)) {
    firstSignalSecond = nowSeconds();
    return;
  }
  // A second signal a while after the first: the user means it (130, as for
  // the first). One within two seconds is the same request delivered twice
  // (`timeout` signals both the process and its group).
  if (nowSeconds() - firstSignalSecond >= 2) ::_exit(130);
}

}  // namespace

void installInterruptHandlers() {
  struct sigaction action {};
  action.sa_handler = &onSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

const std::atomic<bool>& interruptFlag() { return flag; }

}  // namespace sbcheck
