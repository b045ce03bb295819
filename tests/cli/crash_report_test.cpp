// The hint a crash prints: it names the likely cause and `--fork`, and the
// process still ends by the crashing signal.
#include "harness/crash_report.hpp"

#include <gtest/gtest.h>

#include <csignal>

namespace sbcheck {
namespace {

#if defined(__SANITIZE_ADDRESS__)
// The sanitizer's own report stays in charge: no handler is installed.
TEST(CrashReport, LeavesTheSanitizersHandlerInPlace) {
  struct sigaction before {};
  ASSERT_EQ(sigaction(SIGSEGV, nullptr, &before), 0);
  installCrashReport();
  struct sigaction after {};
  ASSERT_EQ(sigaction(SIGSEGV, nullptr, &after), 0);
  EXPECT_EQ(before.sa_handler, after.sa_handler);
}
#else
TEST(CrashReportDeathTest, NamesForkAndDiesByTheSameSignal) {
  EXPECT_EXIT(
      {
        installCrashReport();
        std::raise(SIGSEGV);
      },
      testing::KilledBySignal(SIGSEGV), "without telling its probe first(.|\n)*sbcheck check --fork");
}

TEST(CrashReportDeathTest, CoversAborts) {
  EXPECT_EXIT(
      {
        installCrashReport();
        std::abort();
      },
      testing::KilledBySignal(SIGABRT), "runs-to-completion");
}
#endif

}  // namespace
}  // namespace sbcheck
