// Tag histories: where each tag was created and where its items left which
// bytes, and why. The model reports removals to this observer; the caller says
// which event (line) is running. UB reports read the history to explain
// "no item grants it".
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/sb/any_model.hpp"

namespace sbcheck::sb {

/// Where and how a tag came to be.
struct Creation {
  int event = 0;          ///< the line that created it
  std::string how;        ///< e.g. "Unique retag (&mut)", "allocation"
  std::optional<Tag> parent;
  AllocId alloc = 0;
  ByteRange range;
};

/// One removal (or disabling) of a tag's item from a run of bytes.
struct RemovalRecord {
  int event = 0;
  AllocId alloc = 0;
  ByteRange bytes;
  Removal removal;
};

class History final : public StackObserver {
 public:
  /// Every removal reported from now on happened at `event` in `alloc`.
  void beginEvent(int event, AllocId alloc) {
    event_ = event;
    alloc_ = alloc;
  }

  void created(Tag tag, Creation creation);
  void removed(const Removal& removal, ByteRange where) override;

  /// Null when the tag was never created here (or is Untagged and unrecorded).
  const Creation* creation(Tag tag) const;
  /// The latest removal of one of `tag`'s items from byte `offset` of `alloc`.
  const RemovalRecord* lastRemoval(Tag tag, AllocId alloc, std::uint64_t offset) const;

 private:
  int event_ = 0;
  AllocId alloc_ = 0;
  std::unordered_map<std::uint64_t, Creation> creations_;
  std::unordered_map<std::uint64_t, std::vector<RemovalRecord>> removals_;
};

}  // namespace sbcheck::sb
