// A violation passed from the child as text: property id, op index, reason.
#include "properties/isolated_check.hpp"

#include <algorithm>
#include <cassert>
#include <string>

#include "harness/interrupt.hpp"
#include "harness/isolation.hpp"
#include "model/cell/policy.hpp"

namespace sbcheck::properties {
namespace {

std::optional<std::string> nothingInProcess(const Step&) { return std::nullopt; }

std::string encode(const std::optional<Violation>& violation) {
  if (!violation) return {};
  return std::string(violation->property->id) + '\n' + std::to_string(violation->opIndex) + '\n' + violation->reason;
}

std::optional<Violation> decode(const std::string& text, std::span<const CellProperty* const> properties) {
  if (text.empty()) return std::nullopt;
  const std::size_t first = text.find('\n');
  const std::size_t second = text.find('\n', first + 1);
  const std::string id = text.substr(0, first);
  const auto property = std::find_if(properties.begin(), properties.end(),
                                     [&](const CellProperty* candidate) { return candidate->id == id; });
  assert(property != properties.end() && "the child checks only the properties it was given");
  return Violation{*property, std::stoul(text.substr(first + 1, second - first - 1)), text.substr(second + 1)};
}

}  // namespace

const CellProperty kRunsToCompletion{
    "runs-to-completion",
    "the run ends, without a crash",
    {cell::kPolicyNames.begin(), cell::kPolicyNames.end()},
    &nothingInProcess,
};

std::optional<Violation> checkSequenceIsolated(const cellseq::Sequence& sequence, std::string_view policy,
                                               std::string_view model,
                                               std::span<const CellProperty* const> properties,
                                               const std::vector<cellseq::Outcome>* specified) {
  const auto result = runIsolated(
      [&] {
        return encode(specified != nullptr ? checkSequence(sequence, policy, model, properties, *specified)
                                           : checkSequence(sequence, policy, model, properties));
      },
      kChildTimeoutSeconds);
  if (const auto* text = std::get_if<std::string>(&result)) return decode(*text, properties);
  // A child that ended because the user interrupted the run found nothing.
  if (interruptRequested() || sequence.ops.empty()) return std::nullopt;
  return Violation{&kRunsToCompletion, sequence.ops.size() - 1, "the run crashed: " + std::get<ChildCrash>(result).reason};
}

}  // namespace sbcheck::properties
