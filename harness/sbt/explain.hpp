// What a trace run knows about its names, lines and tags, and how a UB found
// by the model is explained in those terms (the report of `sbcheck replay`).
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "harness/sbt/replay.hpp"
#include "model/sb/history.hpp"

namespace sbcheck::sbt {

/// A name's value: a pointer and the bytes it covers.
struct Binding {
  sb::Pointer ptr;
  ByteRange range;
};

/// How the program that generated a trace (the `.cell` runner) names its
/// pointers and bytes, so reports say "the leak of iterator it" before the
/// model's "<2> (leak4)". Empty for a `.sbt` file, whose names are the user's.
struct UserTerms {
  struct Pointer {
    std::string what;  ///< "the leak of iterator it", "object s"
    int line = 0;      ///< the caller's line that made it
  };
  std::unordered_map<std::string, Pointer> pointers;         ///< by trace name
  std::unordered_map<std::string, std::string> allocations;  ///< by alloc name: "object s"
  std::vector<std::pair<ByteRange, std::string>> parts;      ///< every allocation's named bytes: "data"
};

/// The run's symbol tables and history.
struct World {
  World(const sb::AnyModel& m, bool explaining) : model(m), explaining(explaining) {}

  const sb::AnyModel& model;
  /// Keep what a report needs (event texts, histories); off for verdicts only.
  const bool explaining;
  std::unordered_map<std::string, Binding> names;
  std::unordered_map<std::uint64_t, std::string> tagNames;  ///< first name bound to each tag
  std::unordered_map<int, std::string> lineTexts;           ///< event text by line
  std::unordered_map<std::string, int> nameLines;           ///< line that bound each name
  std::vector<std::string> allocNames;                      ///< by AllocId
  std::vector<int> freedLines;                              ///< by AllocId; 0 while live
  std::vector<int> callLines;                               ///< by CallId - 1
  sb::History history;
  UserTerms terms;
  std::optional<Use> lastUse;  ///< of the event that ran last

  void bind(const std::string& name, Binding binding, int line);
  const Binding& lookup(const std::string& name) const { return names.at(name); }
  /// "x[0..4]", or "x[2]" for one byte.
  std::string place(sb::AllocId alloc, ByteRange range) const;
  /// "<3> (b)", or "<untagged>" for raw pointers; with user terms first,
  /// "the leak of iterator it (line 8, <3> leak4)".
  std::string tagName(sb::Tag tag) const;
  /// The pointer bound to `name` with `tag`: "<3> (b)", "b <untagged>", or in
  /// user terms "the leak of iterator it (line 8, <3> leak4)".
  std::string pointerName(const std::string& name, sb::Tag tag) const;
  /// place() in user terms first, when there are some: "object s's data (obj1[16..48])".
  std::string where(sb::AllocId alloc, ByteRange range) const;
  /// The allocation's name: "x", or "object s (obj1)".
  std::string allocation(sb::AllocId alloc) const;
};

/// The report for `ub`, found while running `event`.
UbReport explain(const World& world, const Event& event, const sb::Ub& ub);

}  // namespace sbcheck::sbt
