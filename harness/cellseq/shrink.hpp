// Shrinking a cell sequence while a predicate still holds of it: chunks of
// operations deleted ddmin-style (halves first, small chunks at every
// position, so a borrow and its release go together), aliases replaced by the
// names they alias, keys lowered.
#pragma once

#include <functional>
#include <string_view>

#include "harness/cellseq/sequence.hpp"

namespace sbcheck::cellseq {

/// The smallest sequence reached from `sequence` by simplifications that keep
/// `stillFails` true (which must also judge well-formedness, e.g. with
/// `wellFormedUnder`), renamed s0, g0, it0... in order of appearance, lines
/// from 1. `steps` (if given) counts the kept simplifications.
Sequence shrinkWhile(Sequence sequence, const std::function<bool(const Sequence&)>& stillFails, int* steps = nullptr);

/// Whether the spec binds every name `sequence` uses under `policy`.
bool wellFormedUnder(const Sequence& sequence, std::string_view policy);

}  // namespace sbcheck::cellseq
