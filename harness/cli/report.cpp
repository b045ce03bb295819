// Shared CLI output.
#include "harness/cli/report.hpp"

#include "harness/cli/args.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace sbcheck::cli {

std::optional<std::string> readFile(const std::string& path, std::string& why) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
  const bool failed = std::ferror(file) != 0;
  if (failed) why = std::strerror(errno);
  if (file != stdin) std::fclose(file);
  if (failed) return std::nullopt;
  return text;
}

namespace {

namespace fs = std::filesystem;

/// Every `extension` file below `dir`, sorted.
std::vector<std::string> filesBelow(const fs::path& dir, std::string_view extension, std::string& why) {
  std::vector<std::string> found;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == extension) found.push_back(it->path().string());
  }
  if (ec) why = ec.message();
  std::sort(found.begin(), found.end());
  return found;
}

void readOne(const std::string& file, const InputKind& kind, std::vector<Input>& inputs, std::vector<InputError>& errors) {
  if (file != "-" && fs::path(file).extension() == kind.otherExtension) {
    errors.push_back(InputError{file, 0, "this is a " + std::string(kind.otherExtension) + " file: run it with 'sbcheck " +
                                             std::string(kind.otherCommand) + "'"});
    return;
  }
  std::string why;
  std::optional<std::string> text = readFile(file, why);
  if (!text) {
    errors.push_back(InputError{file, 0, "cannot read file: " + why});
    return;
  }
  inputs.push_back(Input{file, std::move(*text)});
}

}  // namespace

std::vector<Input> readInputs(const std::vector<std::string>& args, const InputKind& kind,
                              std::vector<InputError>& errors) {
  std::vector<Input> inputs;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-" || !fs::is_directory(arg, ec)) {
      readOne(arg, kind, inputs, errors);
      continue;
    }
    std::string why;
    const std::vector<std::string> files = filesBelow(arg, kind.extension, why);
    if (!why.empty()) {
      errors.push_back(InputError{arg, 0, "cannot read directory: " + why});
      continue;
    }
    std::cerr << arg << ": directory: " << files.size() << ' ' << kind.extension << " file"
              << (files.size() == 1 ? "" : "s") << " below it\n";
    if (files.empty()) errors.push_back(InputError{arg, 0, "no " + std::string(kind.extension) + " files in this directory"});
    for (const std::string& file : files) readOne(file, kind, inputs, errors);
  }
  return inputs;
}

void warnEmpty(const std::string& file, std::string_view what) {
  std::cerr << file << ": warning: " << what << ": nothing to check\n";
}

int exitStatus(const std::vector<InputError>& errors, int failed) {
  if (!errors.empty()) return kExitUsage;
  return failed == 0 ? kExitOk : kExitFailed;
}

void printInputErrors(const std::vector<InputError>& errors) {
  for (const InputError& e : errors) {
    std::cerr << e.file << (e.line > 0 ? ":" + std::to_string(e.line) : std::string()) << ": " << e.message << '\n';
  }
}

void writeInputErrors(JsonWriter& json, const std::vector<InputError>& errors) {
  json.beginArray();
  for (const InputError& e : errors) {
    json.beginObject().key("file").value(e.file).key("line").value(e.line).key("message").value(e.message).endObject();
  }
  json.endArray();
}

void printUbReport(const sbt::UbReport& ub, std::ostream& out) {
  out << "      error: line " << ub.line << " `" << ub.event << "`: " << ub.message << '\n';
  if (!ub.stack.empty()) out << "      stack: " << ub.stack << '\n';
  for (const std::string& help : ub.help) out << "      help: " << help << '\n';
}

void writeUbReport(JsonWriter& json, const std::optional<sbt::UbReport>& ub) {
  if (!ub) {
    json.null();
    return;
  }
  json.beginObject().key("line").value(ub->line).key("event").value(ub->event).key("kind").value(ub->kind);
  json.key("message").value(ub->message).key("stack").value(ub->stack).key("help").beginArray();
  for (const std::string& help : ub->help) json.value(help);
  json.endArray().endObject();
}

}  // namespace sbcheck::cli
