// The fixture both CLI test files share: a scratch folder per test and the
// `sbcheck` binary run through the shell, its status, stdout and stderr kept.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sbcheck {

namespace fs = std::filesystem;

struct CliResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class Cli : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sbcheck_cli_" + std::to_string(::getpid()) + "_" +
                                        testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << text;
    return path;
  }

  /// `sbcheck ARGS`, run in `cwd` (default: the scratch folder).
  CliResult run(const std::string& args, const fs::path& cwd = {}) {
    return shell(std::string(SBCHECK_BINARY) + " " + args, cwd);
  }

  /// A shell command line, run in `cwd` (default: the scratch folder).
  CliResult shell(const std::string& line, const fs::path& cwd = {}) {
    const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string command = "cd '" + (cwd.empty() ? dir_ : cwd).string() + "' && (" + line + ") >" + out.string() +
                                " 2>" + err.string() + " </dev/null";
    const int raw = std::system(command.c_str());
    return CliResult{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err)};
  }

  fs::path dir_;
};

}  // namespace sbcheck
