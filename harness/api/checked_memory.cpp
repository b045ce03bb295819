// The public CheckedMemory: the harness's model probe behind the public Probe.
#include <sbcheck/checked_memory.hpp>

#include <stdexcept>

#include "harness/cellseq/model_probe.hpp"
#include "harness/sbt/print.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck {

struct CheckedMemory::Checker {
  explicit Checker(std::unique_ptr<sb::AnyModel> m) : model(std::move(m)), probe(*model) {}
  std::unique_ptr<sb::AnyModel> model;
  cellseq::ModelProbe probe;  // after the model it reports to
};

namespace {

std::unique_ptr<sb::AnyModel> modelNamed(std::string_view name) {
  std::unique_ptr<sb::AnyModel> model = sb::AnyModel::create(name);
  if (model == nullptr) throw std::invalid_argument("unknown model '" + std::string(name) + "'");
  return model;
}

}  // namespace

CheckedMemory::CheckedMemory(std::string_view model) : checker_(std::make_unique<Checker>(modelNamed(model))) {}
CheckedMemory::~CheckedMemory() = default;

std::vector<std::string> CheckedMemory::models() {
  const std::span<const std::string_view> names = sb::AnyModel::names();
  return {names.begin(), names.end()};
}

PtrId CheckedMemory::allocate(const Layout& layout) { return checker_->probe.allocate(layout); }
std::optional<PtrId> CheckedMemory::retag(PtrId parent, Retag kind, Bytes bytes) {
  return checker_->probe.retag(parent, kind, bytes);
}
bool CheckedMemory::access(PtrId ptr, Access kind, Bytes bytes) { return checker_->probe.access(ptr, kind, bytes); }
bool CheckedMemory::deallocate(PtrId base) { return checker_->probe.deallocate(base); }
bool CheckedMemory::freed(PtrId base) const { return checker_->probe.freed(base); }

bool CheckedMemory::undefined() const { return checker_->probe.ub().has_value(); }

std::string CheckedMemory::ubKind() const { return undefined() ? checker_->probe.ub()->kind : std::string(); }

std::string CheckedMemory::report() const {
  if (!undefined()) return {};
  const sbt::UbReport& ub = *checker_->probe.ub();
  std::string text = "error: `" + ub.event + "`: " + ub.message;
  if (!ub.stack.empty()) text += "\nstack: " + ub.stack;
  for (const std::string& help : ub.help) text += "\nhelp: " + help;
  return text;
}

std::string CheckedMemory::trace() const { return sbt::printTrace(checker_->probe.trace()); }

}  // namespace sbcheck
