// The borrow rules of cell-format.md's policy table, as pure functions of the
// policy's knobs and the object's counters (see abstract_rules.hpp).
#include "harness/cellseq/abstract_rules.hpp"

namespace sbcheck::cellseq::abstract {

const PolicyRules* findPolicyRules(std::string_view name) {
  for (const PolicyRules& rules : kPolicyRules) {
    if (rules.name == name) return &rules;
  }
  return nullptr;
}

bool refuses(const PolicyRules& policy, Access access, const BorrowCounts& counts) {
  const bool anyGuard = counts.sharedGuards > 0 || counts.mutableGuards > 0;
  const bool mutableGuard = counts.mutableGuards > 0;
  const bool anyLeak = counts.liveLeaks > 0;
  switch (access) {
    // strict: "borrow and leak refused while a mutable borrow is held";
    // generation: "borrow, reading methods and leak refused while a mutable
    // guard is held". Reading methods follow `borrow` in every policy.
    case Access::kBorrow:
    case Access::kReadingMethod: return mutableGuard;
    // unchecked-leak: "leak does not check for a held mutable borrow".
    case Access::kLeak: return policy.leakChecksMutableGuard && mutableGuard;
    // strict: "borrow_mut refused while any leak is alive or any borrow is
    // held"; generation: "leaks never block mutation", "refused while any
    // guard is held".
    case Access::kBorrowMut: return anyGuard || (policy.borrowMutChecksLeaks && anyLeak);
    // unguarded-inner: the methods skip the leak check but "still honour held guards".
    case Access::kMutatingMethod: return anyGuard || (policy.methodsCheckLeaks && anyLeak);
  }
  return false;
}

bool bumpsGeneration(const PolicyRules& policy, Access access) {
  // "every successful mutable borrow (a mutating method or borrow_mut) bumps
  // the object's generation when it is taken"
  return policy.generations && (access == Access::kBorrowMut || access == Access::kMutatingMethod);
}

}  // namespace sbcheck::cellseq::abstract
