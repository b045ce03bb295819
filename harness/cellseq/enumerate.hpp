// Every well-formed cell sequence up to a length over a bounded universe, in
// a fixed depth-first order: the exhaustive counterpart of `decode`, used to
// prove that no failing sequence is shorter than the one a search found.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "harness/cellseq/generate.hpp"
#include "harness/cellseq/sequence.hpp"

namespace sbcheck::cellseq {

class AbstractCell;

/// The next fresh name of each kind, counted as `decode` counts them: a
/// fresh name is consumed by the op that names it, bound or refused.
struct FreshNames {
  int objects = 0;    ///< next `s` number
  int guards = 0;     ///< next `g` number
  int iterators = 0;  ///< next `it` number

  /// Consumes the fresh name `kind`'s op used, if it names one.
  void advance(OpKind kind);
};

/// Every op the universe allows in state `cell`, in OpKind order, then by
/// name, then by key (the list below, at `enumerateSequences`); fresh names
/// come from `fresh`.
std::vector<Op> candidateOps(const AbstractCell& cell, const FreshNames& fresh, const Universe& universe);

/// Calls `visit` once on every well-formed sequence of 1 to `maxLength` ops
/// under `policy` (a name from cell::kPolicyNames) that stays in `universe`,
/// each sequence before its extensions. The ops offered at each step are the
/// ones `decode` can produce there (generate.hpp's `Universe` bounds), in
/// OpKind order, then by name, then by key:
/// - `new` when fewer than `maxObjects` objects are alive;
/// - `ref Q = P` for each object name P whose object has fewer than
///   `maxNamesPerObject` names; `del P`, `len P` for each object name;
///   `add`/`discard`/`contains P K` for each object name and key;
/// - `borrow`/`borrow_mut G = P` for each object name while fewer than
///   `maxGuards` guards are held; `read`/`release G` for each guard, `write G`
///   for each mutable guard;
/// - `iter I = P` for each object name while fewer than `maxIterators`
///   iterators are bound; `next`/`drop I` for each iterator.
/// Fresh names are canonical — s0, s1… for objects, g0… for guards, it0… for
/// iterators, numbered by the op that names them (refused or not, as `decode`
/// does) and never reused — so sequences are counted up to the choice of fresh
/// names. The abstract model says which names an op binds (a refused op binds
/// none), and a sequence whose last op is undefined (kUndefined) is not
/// extended: a run stops there. `visit` returning false prunes: that
/// sequence's extensions are not visited.
void enumerateSequences(std::string_view policy, std::size_t maxLength, const Universe& universe,
                        const std::function<bool(const Sequence&)>& visit);

/// How many sequences `enumerateSequences` visits (lengths 1 to `maxLength`).
std::uint64_t countSequences(std::string_view policy, std::size_t maxLength, const Universe& universe);

/// The same count split by length: element n is the number of sequences of
/// exactly n ops (element 0, the empty sequence, is 0).
std::vector<std::uint64_t> countSequencesByLength(std::string_view policy, std::size_t maxLength,
                                                  const Universe& universe);

}  // namespace sbcheck::cellseq
