// The cell designs a run can name: the built-in policies and, when an
// executable registered them (sbcheck::main), a user's designs. Commands
// validate `--policy` and `#! policies:` names against policyNames().
#pragma once

#include <sbcheck/registry.hpp>

#include <span>
#include <string>
#include <string_view>

namespace sbcheck::cellseq {

/// Makes `registry`'s designs known from now on (once, before any run).
void useDesigns(const Registry& registry);

/// The registered design `name`, or null (a built-in policy is never one).
const RegisteredDesign* userDesign(std::string_view name);

/// Every name a run may use: the built-in policies, then the designs.
std::span<const std::string_view> policyNames();

/// The built-in policy whose abstract model stands for `policy`: itself for a
/// built-in one; a design's reference, or `strict` when it has none.
std::string_view specPolicyOf(std::string_view policy);

/// Why `design` cannot be registered (a bad name, an unknown promise or
/// reference), or empty.
std::string designError(const Design& design, std::span<const std::string_view> propertyIds);

}  // namespace sbcheck::cellseq
