// Every text the model contributes to a UB report: kinds of UB, kinds of
// retag, and why a removal happened (the rule, in sb2.md's words).
#pragma once

#include <string>
#include <string_view>

#include "model/sb/any_model.hpp"

namespace sbcheck::sb {

/// Stable identifiers for JSON and tests: "no-granting-item", "out-of-bounds", ...
std::string_view kindId(UbKind kind);

/// "Unique retag (&mut)", "SharedReadOnly retag (&)", "raw cast (*mut)", ...
std::string retagDescription(RetagKind kind);

/// Why `removal` happened, naming the rule: e.g. "Unique grants the write;
/// SharedReadOnly above it is incompatible with writes".
std::string ruleText(const Removal& removal);

}  // namespace sbcheck::sb
