// Forking, talking through a pipe, and reading how the child ended.
#include "harness/isolation.hpp"

#include <fcntl.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>

#include "harness/crash_report.hpp"

namespace sbcheck {
namespace {

/// Writes all of `text` to `fd`; false if the pipe broke.
bool writeAll(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::string readAll(int fd) {
  std::string text;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return text;
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

void poisonFreedMemory() {
#if defined(__GLIBC__)
  // Freed memory filled with a poison byte: a cell reading memory it freed
  // (behind the probe's back) then reads wild pointers and crashes at that
  // read, every time, instead of reading stale but plausible values — so the
  // crash reproduces on each shrinking candidate that still has the bug.
  ::mallopt(M_PERTURB, 0xa5);
#endif
}

[[noreturn]] void runChild(const std::function<std::string()>& work, unsigned timeoutSeconds, int out) {
  const int null = ::open("/dev/null", O_WRONLY);
  if (null >= 0) ::dup2(null, STDERR_FILENO);
  std::signal(SIGALRM, SIG_DFL);
  ::alarm(timeoutSeconds);  // a hang ends in SIGALRM
  poisonFreedMemory();
  // A closing NUL, so a child that dies mid-write is not read as done.
  const bool sent = writeAll(out, work() + '\0');
  ::_exit(sent ? 0 : 3);
}

ChildCrash crashOf(int status, unsigned timeoutSeconds) {
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    if (signal == SIGALRM) return {"no result within " + std::to_string(timeoutSeconds) + " s (killed)"};
    return {"killed by signal " + std::to_string(signal) + " (" + ::strsignal(signal) + ")"};
  }
  return {"exited with status " + std::to_string(WEXITSTATUS(status)) + " before giving a result"};
}

}  // namespace

std::variant<std::string, ChildCrash> runIsolated(const std::function<std::string()>& work, unsigned timeoutSeconds) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::runtime_error(std::string("cannot fork: ") + std::strerror(error));
  }
  if (pid == 0) {
    ::close(fds[0]);
    runChild(work, timeoutSeconds, fds[1]);
  }
  ::close(fds[1]);
  std::string text = readAll(fds[0]);
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !text.empty() && text.back() == '\0') {
    text.pop_back();
    return text;
  }
  return crashOf(status, timeoutSeconds);
}

int runSupervised(const std::function<int()>& work, const std::function<int(const ChildCrash&)>& onCrash) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);  // nothing buffered before the fork is written twice
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("cannot fork: ") + std::strerror(errno));
  if (pid == 0) {
    uninstallCrashReport();  // the parent says what happened
    poisonFreedMemory();
    const int status = work();
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    ::_exit(status);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return onCrash(crashOf(status, 0));
}

}  // namespace sbcheck
