// Shared CLI output.
#include "harness/cli/report.hpp"

#include "harness/cli/args.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace sbcheck::cli {

std::optional<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

std::optional<std::string> readInput(const std::string& path, std::vector<InputError>& errors) {
  std::optional<std::string> text = readFile(path);
  if (!text) errors.push_back(InputError{path, 0, "cannot read file"});
  return text;
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
