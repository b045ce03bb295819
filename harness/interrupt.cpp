// The interrupt flag and its signal handlers.
#include "harness/interrupt.hpp"

#include <csignal>
#include <unistd.h>

namespace sbcheck {
namespace {

std::atomic<bool> flag{false};

extern "C" void onSignal(int) {
  // A second signal: the user means it; 130 as for the first.
  if (flag.exchange(true)) ::_exit(130);
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
