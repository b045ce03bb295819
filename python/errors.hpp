// The module's exceptions: refusals Python sees (AlreadyBorrowed,
// InvalidatedIterator, both RuntimeErrors) and the model's UB
// (UndefinedBehavior, an Exception but not a RuntimeError, carrying the report,
// the `.sbt` trace and the set's `.cell` history).
#pragma once

#include <pybind11/pybind11.h>

#include "python/session.hpp"

namespace sbcheck::python {

/// Adds the exception classes to `module`.
void addExceptions(pybind11::module_& module);

/// Raises what `performed` came to, if it was not a success: the refusal's
/// exception, or UndefinedBehavior with `session`'s report.
void raiseUnlessSucceeded(const Session& session, const Performed& performed);

/// For an op run while CPython deallocates something (no exception can
/// propagate): a UB this op found goes to `sys.unraisablehook` as an
/// UndefinedBehavior, as CPython does with an exception in a finalizer; a
/// refusal or an earlier UB (already raised) is not told again. `finalized`
/// says what was being deallocated ("Exception ignored in: ...").
void reportIfNewUb(const Session& session, const Performed& performed, const pybind11::str& finalized);

}  // namespace sbcheck::python
