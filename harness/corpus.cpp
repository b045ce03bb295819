// Corpus files, deduplicated by content.
#include "harness/corpus.hpp"

#include <fstream>
#include <sstream>

namespace sbcheck {
namespace {

namespace fs = std::filesystem;

/// The lines that matter: everything but blank lines and plain comments.
std::string essence(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    const std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos) continue;
    if (line[start] == '#' && line.compare(start, 2, "#!") != 0) continue;
    out += line.substr(start, line.find_last_not_of(" \t\r") + 1 - start) + '\n';
  }
  return out;
}

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Saved saveToCorpus(const fs::path& dir, const std::string& stem, const std::string& extension,
                   const std::string& text) {
  fs::create_directories(dir);
  const std::string wanted = essence(text);
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension && essence(readAll(entry.path())) == wanted) {
      return Saved{entry.path(), false};
    }
  }
  fs::path path = dir / (stem + extension);
  for (int n = 2; fs::exists(path); ++n) path = dir / (stem + "-" + std::to_string(n) + extension);
  std::ofstream(path, std::ios::binary) << text;
  return Saved{path, true};
}

}  // namespace sbcheck
