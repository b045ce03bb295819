// Recording tag histories, with adjacent byte runs of one removal coalesced.
#include "model/sb/history.hpp"

namespace sbcheck::sb {

void History::created(Tag tag, Creation creation) {
  // Untagged is shared by every raw pointer: keep its first creation only.
  creations_.try_emplace(tag.id, std::move(creation));
}

void History::removed(const Removal& removal, ByteRange where) {
  std::vector<RemovalRecord>& records = removals_[removal.item.tag.id];
  if (!records.empty()) {
    RemovalRecord& last = records.back();
    const bool sameCause = last.event == event_ && last.alloc == alloc_ &&
                           last.removal.item == removal.item && last.removal.disabled == removal.disabled &&
                           last.removal.deallocated == removal.deallocated;
    if (sameCause && last.bytes.end == where.begin) {
      last.bytes.end = where.end;
      return;
    }
  }
  records.push_back(RemovalRecord{event_, alloc_, where, removal});
}

const Creation* History::creation(Tag tag) const {
  auto found = creations_.find(tag.id);
  return found == creations_.end() ? nullptr : &found->second;
}

const RemovalRecord* History::lastRemoval(Tag tag, AllocId alloc, std::uint64_t offset) const {
  auto found = removals_.find(tag.id);
  if (found == removals_.end()) return nullptr;
  for (auto it = found->second.rbegin(); it != found->second.rend(); ++it) {
    if (it->alloc == alloc && it->bytes.begin <= offset && offset < it->bytes.end) return &*it;
  }
  return nullptr;
}

}  // namespace sbcheck::sb
