// The registry of designs, set once by sbcheck::main.
#include "harness/cellseq/designs.hpp"

#include <algorithm>
#include <vector>

#include "model/cell/policy.hpp"

namespace sbcheck::cellseq {
namespace {

const Registry* registered = nullptr;

std::vector<std::string_view>& names() {
  static std::vector<std::string_view> all(cell::kPolicyNames.begin(), cell::kPolicyNames.end());
  return all;
}

bool builtIn(std::string_view name) { return std::ranges::find(cell::kPolicyNames, name) != cell::kPolicyNames.end(); }

}  // namespace

void useDesigns(const Registry& registry) {
  registered = &registry;
  names().assign(cell::kPolicyNames.begin(), cell::kPolicyNames.end());
  for (const RegisteredDesign& design : registry.designs()) names().push_back(design.design.name);
}

const RegisteredDesign* userDesign(std::string_view name) {
  return registered != nullptr && !builtIn(name) ? registered->find(name) : nullptr;
}

std::span<const std::string_view> policyNames() { return names(); }

std::string_view specPolicyOf(std::string_view policy) {
  const RegisteredDesign* design = userDesign(policy);
  if (design == nullptr) return policy;
  return design->design.reference.empty() ? std::string_view("strict") : std::string_view(design->design.reference);
}

std::string designError(const Design& design, std::span<const std::string_view> propertyIds) {
  const std::string& name = design.name;
  const bool wellFormed = !name.empty() && std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!wellFormed) return "design name '" + name + "': use lowercase letters, digits and '-'";
  if (builtIn(name)) return "design name '" + name + "' is a built-in policy's";
  for (const std::string& promise : design.promises) {
    if (std::ranges::find(propertyIds, promise) == propertyIds.end() || promise == "oracle") {
      return "design '" + name + "' promises '" + promise + "', which is not a cell property it can promise";
    }
  }
  if (!design.reference.empty() && !builtIn(design.reference)) {
    return "design '" + name + "' names the reference '" + design.reference + "', which is not a built-in policy";
  }
  return {};
}

}  // namespace sbcheck::cellseq
