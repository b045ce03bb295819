// Recording ops across sessions into one `.cell` file.
#include "python/recording.hpp"

#include <algorithm>
#include <stdexcept>

#include "harness/cellseq/print.hpp"

namespace sbcheck::python {
namespace {

/// The recordings in progress, innermost last; only touched with the GIL held.
std::vector<Recording*>& active() {
  static std::vector<Recording*> recordings;
  return recordings;
}

}  // namespace

const Performed& perform(Session& session, cellseq::Op op) {
  const Performed& performed = session.perform(std::move(op));
  for (Recording* recording : active()) recording->observe(session, performed);
  return performed;
}

void Recording::start() {
  if (active_) return;
  active_ = true;
  active().push_back(this);
}

void Recording::stop() {
  if (!active_) return;
  active_ = false;
  std::erase(active(), this);
}

void Recording::observe(const Session& session, const Performed& performed) {
  if (endedByUb_) return;
  if (seen_.insert(session.id()).second) {
    // A set made before the block: what was done to it first, so the file runs.
    for (const Performed& earlier : session.history()) {
      if (&earlier == &performed) break;
      add(session, earlier);
      if (endedByUb_) return;
    }
  }
  add(session, performed);
}

void Recording::add(const Session& session, const Performed& performed) {
  entries_.push_back(Entry{session.policy(), session.model(), performed.op});
  entries_.back().op.comment.clear();
  endedByUb_ = performed.outcome.kind == cellseq::Outcome::Kind::kUndefined;
}

std::string Recording::cell() const {
  if (entries_.empty()) return "# sbcheck.record(): nothing was done to a SharedSet\n";
  const Entry& first = entries_.front();
  for (const Entry& entry : entries_) {
    if (entry.policy != first.policy) {
      throw std::invalid_argument("the recording mixes policies (" + first.policy + ", " + entry.policy +
                                  "): a .cell file runs under one policy; record each policy's sets apart");
    }
    if (entry.model != first.model) {
      throw std::invalid_argument("the recording mixes models (" + first.model + ", " + entry.model +
                                  "): a .cell file runs under one model; record each model's sets apart");
    }
  }
  // Two header lines, as a set's own history has (Session::cell): a program
  // on one set has the line numbers its UndefinedBehavior report names.
  std::string text = "#! policies: " + first.policy + "\n";
  text += endedByUb_ ? "#! unsafe: " + first.policy + "\n" : "# recorded by sbcheck.record(): the model found no UB\n";
  for (const std::string& line : lines()) text += line + "\n";
  if (endedByUb_) text += "# recorded by sbcheck.record(); it ends at the model's first UB, where a run stops\n";
  if (first.model != "sb2") text += "# replay with `sbcheck run --model " + first.model + "`\n";
  return text;
}

std::vector<std::string> Recording::lines() const {
  std::vector<std::string> lines;
  lines.reserve(entries_.size());
  for (const Entry& entry : entries_) lines.push_back(cellseq::printOp(entry.op));
  return lines;
}

}  // namespace sbcheck::python
