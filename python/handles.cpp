// Each Python call as one `.cell` op on the set's session.
#include "python/handles.hpp"

#include <limits>

#include "python/errors.hpp"
#include "python/recording.hpp"

namespace py = pybind11;

namespace sbcheck::python {
namespace {

using cellseq::Op;
using cellseq::OpKind;

/// Keys are the `.cell` language's: 0 to 2^31 - 1.
std::int64_t checkedKey(std::int64_t key) {
  if (key < 0 || key > std::numeric_limits<std::int32_t>::max()) {
    throw py::value_error("a SharedSet holds integers from 0 to 2**31 - 1, not " + std::to_string(key));
  }
  return key;
}

/// Performs `op`, raising what it came to unless it succeeded.
const Performed& run(Session& session, Op op) {
  const Performed& performed = perform(session, std::move(op));
  raiseUnlessSucceeded(session, performed);
  return performed;
}

/// Performs `op` while CPython deallocates `what`: nothing may propagate.
void runInFinalizer(Session& session, Op op, const std::string& what) {
  try {
    const Performed& performed = perform(session, std::move(op));
    reportIfNewUb(session, performed, py::str(what));
  } catch (const std::exception& error) {  // a bug in the module: say so, never crash
    PyErr_SetString(PyExc_SystemError, error.what());
    PyErr_WriteUnraisable(py::str(what).ptr());
  }
}

std::uint64_t valueOf(const Performed& performed) {
  return static_cast<std::uint64_t>(performed.outcome.value->number);
}

SharedSet& setOf(const py::object& set) { return set.cast<SharedSet&>(); }

}  // namespace

SharedSet::SharedSet(const std::string& policy, const std::string& model, bool veto)
    : session_(Session::create(policy, model, veto)), name_(freshName('s')) {
  run(*session_, cellseq::makeOp(OpKind::kNew, name_));
}

SharedSet::~SharedSet() { runInFinalizer(*session_, cellseq::makeOp(OpKind::kDel, name_), "SharedSet " + name_); }

void SharedSet::add(std::int64_t key) { run(*session_, cellseq::makeOp(OpKind::kAdd, name_, {}, checkedKey(key))); }

void SharedSet::discard(std::int64_t key) { run(*session_, cellseq::makeOp(OpKind::kDiscard, name_, {}, checkedKey(key))); }

std::uint64_t SharedSet::len() { return valueOf(run(*session_, cellseq::makeOp(OpKind::kLen, name_))); }

bool SharedSet::contains(std::int64_t key) {
  return run(*session_, cellseq::makeOp(OpKind::kContains, name_, {}, checkedKey(key))).outcome.value->flag;
}

SetIterator::SetIterator(const py::object& set) : session_(setOf(set).sharedSession()), name_(freshName('i')) {
  run(*session_, cellseq::makeOp(OpKind::kIter, name_, setOf(set).name()));
  if (session_->iteratorHoldsObject()) set_ = set;
}

SetIterator::~SetIterator() {
  runInFinalizer(*session_, cellseq::makeOp(OpKind::kDrop, name_), "iterator " + name_);
  set_ = py::object();  // then its reference: the set may be deallocated now
}

std::uint32_t SetIterator::next() {
  const Performed& performed = run(*session_, cellseq::makeOp(OpKind::kNext, name_));
  const cellseq::Value& value = *performed.outcome.value;
  if (value.kind != cellseq::Value::Kind::kStop) return static_cast<std::uint32_t>(value.number);
  // The strict family's first stop gave the cell's reference back; so does Python's.
  if (session_->stopGivesBack()) set_ = py::object();
  throw py::stop_iteration();
}

Guard::Guard(const py::object& set, bool isMutable)
    : session_(setOf(set).sharedSession()), name_(freshName('g')), mutable_(isMutable) {
  run(*session_, cellseq::makeOp(isMutable ? OpKind::kBorrowMut : OpKind::kBorrow, name_, setOf(set).name()));
  set_ = set;
}

Guard::~Guard() {
  if (released()) return;
  runInFinalizer(*session_, cellseq::makeOp(OpKind::kRelease, name_), "guard " + name_);
  set_ = py::object();
}

void Guard::requireHeld(const char* what) const {
  if (released()) throw py::value_error(std::string(what) + " on a released guard (" + name_ + ")");
}

std::uint64_t Guard::read() {
  requireHeld("read()");
  return valueOf(run(*session_, cellseq::makeOp(OpKind::kRead, name_)));
}

void Guard::write() {
  requireHeld("write()");
  if (!mutable_) throw py::type_error("write() through a shared guard: only a borrow_mut() guard writes");
  run(*session_, cellseq::makeOp(OpKind::kWrite, name_));
}

void Guard::release() {
  requireHeld("release()");
  py::object set = std::move(set_);  // released() from here on, even if the release raises
  run(*session_, cellseq::makeOp(OpKind::kRelease, name_));
}

}  // namespace sbcheck::python
