// The canonical form of a `.sbt` explorer state: every variant's stacks and
// the pointer table, up to renaming — equal for two states exactly when no
// continuation can tell them apart. Why each reduction is sound:
//   R1 tags are renamed by first appearance (byte 0 up, each stack bottom-up),
//      independently per variant; `Untagged` stays itself (any raw cast may
//      hand it out again).
//   R2 a dead tag (held by no live pointer: tags are fresh and never reused,
//      so nothing looks it up again) and the tag of a Disabled item (it grants
//      nothing, ever) are written as one anonymous tag. A protector is written
//      as the depth of its call while that call is active, as "ended" after
//      (dedup still compares it with new unprotected items of the same tag),
//      and not at all on an anonymous item (dedup never compares a new item,
//      whose tag is live, with one).
//   R3 a run of adjacent items written identically is written once. Every
//      variant treats such a run as one item: whether an item stays, goes or
//      is disabled depends on its permission and protector only; a tag's
//      granting item is the run's top one, so the items below it are below
//      the granting item either way; and the positions the rules compute fall
//      outside a run — the insertion point above a granting item, the end of
//      a SharedReadWrite group (sb2-stackwrite, sb2-disable: a run joins a
//      group whole or not at all), the first incompatible item (sb2-strict:
//      likewise).
//   R4 under a variant whose items act alone (rules.hpp's kItemsActAlone:
//      sb2, sb2-tagged-raw) an anonymous item that no active call protects
//      is not written at all: it changes no verdict and no other item's fate.
//      Elsewhere it must stay: it ends SRW groups and is the first
//      incompatible item of a strict access (a dead `&mut` between two of a
//      raw pointer's items, say).
//   R5 the pointer table is a set of (bytes, tag and law state per variant):
//      names and slots are not part of it. (TraceSpace also forgets a pointer
//      no variant lets do anything, or that equals an older one.)
#pragma once

#include <cstddef>
#include <string>

#include "harness/explore/sbt_space.hpp"

namespace sbcheck::explore {

/// The canonical form of `state` (of a TraceSpace over `models` variants and
/// an allocation of `bytes` bytes); `tallest` is set to the height of the
/// tallest stack as written.
std::string canonicalTraceForm(const TraceSpace::State& state, std::size_t models, std::uint32_t bytes,
                               std::size_t& tallest);

}  // namespace sbcheck::explore
