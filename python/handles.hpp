// The Python-visible objects. Each is a name bound in its set's session —
// the set an object name, an iterator an iterator name, a guard a guard name —
// and its Python lifetime is that binding's: CPython deallocating a SharedSet
// is `del`, an iterator `drop`, an unreleased guard `release`. The Python
// references they hold mirror the cell's: a guard holds its set until
// released, an iterator holds its set when the policy says it does, so the
// cell's data is freed exactly when CPython deallocates the SharedSet.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <memory>
#include <string>

#include "python/session.hpp"

namespace sbcheck::python {

class SharedSet {
 public:
  /// `new`. Throws std::invalid_argument for an unknown policy or model.
  SharedSet(const std::string& policy, const std::string& model, bool veto);
  SharedSet(const SharedSet&) = delete;
  SharedSet& operator=(const SharedSet&) = delete;
  /// `del`: the last Python reference is gone.
  ~SharedSet();

  void add(std::int64_t key);
  void discard(std::int64_t key);
  std::uint64_t len();
  bool contains(std::int64_t key);

  Session& session() const { return *session_; }
  const std::shared_ptr<Session>& sharedSession() const { return session_; }
  const std::string& name() const { return name_; }

 private:
  std::shared_ptr<Session> session_;
  std::string name_;
};

class SetIterator {
 public:
  /// `iter`, over `set` (a SharedSet).
  explicit SetIterator(const pybind11::object& set);
  SetIterator(const SetIterator&) = delete;
  SetIterator& operator=(const SetIterator&) = delete;
  /// `drop`.
  ~SetIterator();

  /// `next`: the next item; throws pybind11::stop_iteration when exhausted.
  std::uint32_t next();

 private:
  std::shared_ptr<Session> session_;
  std::string name_;
  pybind11::object set_;  ///< the iterator's reference to its set, when it holds one
};

class Guard {
 public:
  /// `borrow` or `borrow_mut` of `set` (a SharedSet).
  Guard(const pybind11::object& set, bool isMutable);
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;
  /// `release`, unless released already.
  ~Guard();

  bool isMutable() const { return mutable_; }
  bool released() const { return !set_; }
  /// `read`: the set's length. A released guard: ValueError.
  std::uint64_t read();
  /// `write`. A released guard: ValueError; a shared one: TypeError.
  void write();
  /// `release`. Released already: ValueError.
  void release();

 private:
  void requireHeld(const char* what) const;

  std::shared_ptr<Session> session_;
  std::string name_;
  bool mutable_;
  pybind11::object set_;  ///< the guard's reference to its set; empty once released
};

}  // namespace sbcheck::python
