// The canonical form of a cell world for the explorer: the real cell's
// objects, guards and iterators and the aliasing model's stacks, up to
// renaming of names, objects and tags — equal for two worlds exactly when no
// continuation can tell them apart.
//
// Why each reduction is sound:
// - Names: ops treat every name of one kind on one object alike, so an
//   object's names, guards and iterators are counted or sorted, not named.
// - Objects: nothing links two objects (each has its own allocation and
//   tags), so each object is encoded alone and the encodings are sorted.
// - Tags: numbered per object by first appearance in its stacks, bottom up;
//   a live pointer whose tag is in no stack is "absent" (every use is UB).
// - Dead tags (held by no guard or live leak; the cell never protects): no
//   pointer can use them again, so they only matter through their place in a
//   stack. Runs of adjacent dead items with one permission are written as one:
//   every variant's rules look at items one by one or at their permissions
//   (compatibility, SharedReadWrite groups, Disabled separators), never at how
//   many equal dead items sit side by side. Under variants whose rules treat
//   items one at a time (rules.hpp's kItemsActAlone: sb2, sb2-tagged-raw) dead
//   items are dropped altogether; elsewhere they stay: a dead Unique still
//   splits SharedReadWrite groups under sb2-stackwrite.
// - Generations: only whether an iterator's leak is stale matters.
// - An iterator that gave its leak and reference back (the strict family,
//   after `stop`) answers `stop` forever, whatever its object: counted only.
// - An iterator whose object was freed under it (no-parent-ref): every use
//   but a `drop` of a released one is UB, whichever object it was.
// - Likewise a name or guard a buggy cell left to a freed object (freed with
//   references still held): every use is UB; only its kind is kept.
#pragma once

#include <span>
#include <string>

#include "harness/cellseq/direct_probe.hpp"
#include "model/cell/guard.hpp"
#include "model/cell/iterator.hpp"
#include "model/sb/any_model.hpp"

namespace sbcheck::explore {

/// One bound name of the real cell, as the canonical form reads it.
struct BindingView {
  enum class Kind : std::uint8_t { kName, kGuard, kIterator };
  Kind kind;
  const cell::Object* object;      ///< null when its object is freed, or for a released iterator
  const cell::Guard* guard;        ///< kGuard
  const cell::Iterator* iterator;  ///< kIterator
};

/// Appends the canonical form of the world the bindings, `probe` and `model` make.
void appendCellForm(std::span<const BindingView> bindings, const cellseq::DirectProbe& probe,
                    const sb::AnyModel& model, std::string& into);

}  // namespace sbcheck::explore
