// Shrinking a cell sequence while a predicate still holds of it: chunks of
// operations deleted ddmin-style (halves first, small chunks at every
// position, so a borrow and its release go together), a binder removed with
// every use of its name (transitively: `new s` takes `ref t = s`, `iter it =
// t` and `next it` with it), an alias inlined (`ref t = s` gone, its uses
// made `s`'s, with or without one `del`), two objects merged into one, names replaced by
// older names of the same kind, keys lowered, `discard` made `add`.
#pragma once

#include <functional>
#include <string_view>

#include "harness/cellseq/sequence.hpp"
#include "harness/shrink_stats.hpp"

namespace sbcheck::cellseq {

/// The smallest sequence reached from `sequence` by simplifications that keep
/// `stillFails` true (which must also judge well-formedness, e.g. with
/// `wellFormedUnder`), renamed s0, g0, it0... in order of appearance, lines
/// from 1. `stats` (if given) counts the kept removals and value steps, and
/// says whether the result passed `locallyMinimal`.
Sequence shrinkWhile(Sequence sequence, const std::function<bool(const Sequence&)>& stillFails,
                     ShrinkStats* stats = nullptr);

/// Whether no single step of the shrinker (one op dropped, one binder dropped
/// with its uses, one alias inlined, two objects merged, one name replaced, one key lowered, one
/// `discard` made `add`) applied to `sequence` still fails.
bool locallyMinimal(const Sequence& sequence, const std::function<bool(const Sequence&)>& stillFails);

/// Whether the spec binds every name `sequence` uses under `policy`.
bool wellFormedUnder(const Sequence& sequence, std::string_view policy);

}  // namespace sbcheck::cellseq
