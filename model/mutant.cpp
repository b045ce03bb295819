// Which mutant this run plants: read once from SBCHECK_MUTANT (mutants build only).
#include "model/mutant.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace sbcheck::mutant::detail {

namespace {

/// `SBCHECK_MUTANT=list`: one mutant a line, `name area bug`, for scripts/mutants.sh.
[[noreturn]] void printListAndExit() {
  for (const Info& info : kMutants) {
    std::printf("%.*s %s %.*s\n", static_cast<int>(info.name.size()), info.name.data(),
                info.area == Area::kCell ? "cell" : "model", static_cast<int>(info.bug.size()), info.bug.data());
  }
  std::exit(0);
}

const Info* readEnvironment() {
  const char* value = std::getenv("SBCHECK_MUTANT");
  if (value == nullptr || *value == '\0') return nullptr;
  const std::string_view name(value);
  if (name == "list") printListAndExit();
  for (const Info& info : kMutants) {
    if (info.name == name) return &info;
  }
  std::fprintf(stderr, "error: SBCHECK_MUTANT: unknown mutant '%s' (SBCHECK_MUTANT=list names them)\n", value);
  std::exit(2);
}

}  // namespace

const Info* activeMutant() {
  static const Info* const active = readEnvironment();
  return active;
}

namespace {
// Read before main, so that an unknown name fails before any work is done
// and a thread never races the first read.
[[maybe_unused]] const Info* const kReadAtStartup = activeMutant();
}  // namespace

}  // namespace sbcheck::mutant::detail
