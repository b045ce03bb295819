// Raising the module's exceptions from op outcomes.
#include "python/errors.hpp"

#include <sbcheck/result.hpp>

#include "harness/cellseq/print.hpp"

namespace py = pybind11;

namespace sbcheck::python {
namespace {

struct Classes {
  PyObject* alreadyBorrowed = nullptr;
  PyObject* invalidatedIterator = nullptr;
  PyObject* undefinedBehavior = nullptr;
};

/// Created once and never freed: finalizers may raise them while the
/// interpreter shuts down.
Classes& classes() {
  static Classes created;
  return created;
}

/// The report `sbcheck run` prints for a UB, unindented.
std::string reportText(const Session& session) {
  const std::optional<sbt::UbReport>& ub = session.ub();
  if (!ub) return "error: an access to freed memory was vetoed";  // not reached: a veto is a UB
  std::string text = "error: line " + std::to_string(ub->line) + " `" + ub->event + "`: " + ub->message;
  if (!ub->stack.empty()) text += "\nstack: " + ub->stack;
  for (const std::string& help : ub->help) text += "\nhelp: " + help;
  return text;
}

/// A new UndefinedBehavior instance for `session`'s UB, with its attributes.
py::object undefinedBehavior(const Session& session) {
  const std::string report = reportText(session);
  py::object error = py::reinterpret_borrow<py::object>(classes().undefinedBehavior)(report);
  error.attr("report") = report;
  error.attr("kind") = session.ub() ? session.ub()->kind : std::string("use-after-free");
  error.attr("sbt") = session.sbt();
  error.attr("cell") = session.cell();
  error.attr("policy") = session.policy();
  error.attr("model") = session.model();
  return error;
}

PyObject* newClass(const char* name, const char* doc, PyObject* base) {
  PyObject* made = PyErr_NewExceptionWithDoc(name, doc, base, nullptr);
  if (made == nullptr) throw py::error_already_set();
  return made;
}

}  // namespace

void addExceptions(py::module_& module) {
  Classes& made = classes();
  made.alreadyBorrowed = newClass("sbcheck.AlreadyBorrowed",
                                  "Refused: the set is borrowed in a way that forbids this operation "
                                  "(the operation changed nothing).",
                                  PyExc_RuntimeError);
  made.invalidatedIterator = newClass("sbcheck.InvalidatedIterator",
                                      "Refused: the iterator's leak is from an older generation of its set "
                                      "(policy 'generation'); it changed nothing.",
                                      PyExc_RuntimeError);
  made.undefinedBehavior = newClass(
      "sbcheck.UndefinedBehavior",
      "The aliasing model found undefined behaviour in the memory access this operation was about to make; "
      "the access was not performed. Attributes: report (the text `sbcheck run` prints), kind (the model's "
      "name for it: use-after-free, no-granting-item, ...), sbt (the model's "
      "trace up to the UB, for `sbcheck replay`), cell (everything done to the set, for `sbcheck run`), "
      "policy, model.",
      PyExc_Exception);
  module.add_object("AlreadyBorrowed", py::handle(made.alreadyBorrowed).inc_ref());
  module.add_object("InvalidatedIterator", py::handle(made.invalidatedIterator).inc_ref());
  module.add_object("UndefinedBehavior", py::handle(made.undefinedBehavior).inc_ref());
}

void raiseUnlessSucceeded(const Session& session, const Performed& performed) {
  using Kind = cellseq::Outcome::Kind;
  switch (performed.outcome.kind) {
    case Kind::kSuccess: return;
    case Kind::kRefused: {
      const bool invalidated = performed.outcome.refusal == sbcheck::name(sbcheck::Refusal::kInvalidated);
      const std::string what = invalidated ? "the iterator was invalidated: its set changed since it was made"
                                           : "already borrowed: `" + cellseq::printOp(performed.op) + "` refused";
      PyErr_SetString(invalidated ? classes().invalidatedIterator : classes().alreadyBorrowed, what.c_str());
      throw py::error_already_set();
    }
    case Kind::kUndefined: {
      const py::object error = undefinedBehavior(session);
      PyErr_SetObject(classes().undefinedBehavior, error.ptr());
      throw py::error_already_set();
    }
  }
}

void reportIfNewUb(const Session& session, const Performed& performed, const py::str& finalized) {
  if (performed.outcome.kind != cellseq::Outcome::Kind::kUndefined) return;
  if (!session.ub() || session.ub()->line != performed.op.line) return;  // told when it happened
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);  // a deallocation may run while an exception is pending
  try {
    const py::object error = undefinedBehavior(session);
    PyErr_SetObject(classes().undefinedBehavior, error.ptr());
  } catch (py::error_already_set& failed) {
    failed.restore();  // the hook hears of that failure instead
  }
  PyErr_WriteUnraisable(finalized.ptr());
  PyErr_Restore(type, value, traceback);
}

}  // namespace sbcheck::python
