// The `sbcheck` Python module: SharedSet, its iterators and guards, the
// exceptions, record(), AbstractModel, POLICIES and MODELS (docs/python.md).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>

#include "model/cell/policy.hpp"
#include "model/sb/any_model.hpp"
#include "python/abstract_model.hpp"
#include "python/errors.hpp"
#include "python/handles.hpp"
#include "python/recording.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace sbcheck::python {
namespace {

py::list namesOf(std::span<const std::string_view> names) {
  py::list list;
  for (const std::string_view name : names) list.append(py::str(std::string(name)));
  return list;
}

void addSharedSet(py::module_& module) {
  py::class_<SharedSet>(module, "SharedSet",
                        "An ordered set of small non-negative ints living in the real shared-reference cell; "
                        "every memory access the cell makes is checked by the aliasing model.")
      .def(py::init<const std::string&, const std::string&, bool>(), "policy"_a = "strict", "model"_a = "sb2",
           "veto"_a = true,
           "`new`. policy: one of POLICIES; model: one of MODELS. veto=False is a test-only switch: the "
           "model is not consulted and the cell does its plain memory work, use-after-free included.")
      .def("add", &SharedSet::add, "key"_a, "Borrows mutably, inserts key, releases.")
      .def("discard", &SharedSet::discard, "key"_a, "Borrows mutably, removes key if present, releases.")
      .def("__len__", &SharedSet::len)
      .def("__contains__", &SharedSet::contains, "key"_a)
      .def("__iter__", [](const py::object& self) { return std::make_unique<SetIterator>(self); },
           "`leak_immutable`: an iterator in ascending order.")
      .def("borrow", [](const py::object& self) { return std::make_unique<Guard>(self, false); },
           "Takes and holds a shared borrow guard.")
      .def("borrow_mut", [](const py::object& self) { return std::make_unique<Guard>(self, true); },
           "Takes and holds a mutable borrow guard.")
      .def_property_readonly("policy", [](const SharedSet& set) { return set.session().policy(); })
      .def_property_readonly("model", [](const SharedSet& set) { return set.session().model(); })
      .def("__repr__", [](const SharedSet& set) {
        return "<sbcheck.SharedSet " + set.name() + " policy=" + set.session().policy() + " model=" +
               set.session().model() + ">";
      });
}

void addIterator(py::module_& module) {
  py::class_<SetIterator>(module, "SetIterator", "An iterator over a SharedSet, reading through a leaked reference.")
      .def("__iter__", [](const py::object& self) { return self; })
      .def("__next__", &SetIterator::next);
}

void addGuard(py::module_& module) {
  py::class_<Guard>(module, "Guard", "A held borrow of a SharedSet's data; it holds the set until released.")
      .def("read", &Guard::read, "Reads the set through the guard: its length.")
      .def("write", &Guard::write, "Writes through a mutable guard, leaving the set as it is.")
      .def("release", &Guard::release, "Gives the borrow back.")
      .def_property_readonly("mutable", &Guard::isMutable)
      .def_property_readonly("released", &Guard::released)
      .def("__enter__", [](const py::object& self) { return self; })
      .def("__exit__", [](Guard& guard, const py::args&) {
        if (!guard.released()) guard.release();
        return false;
      });
}

void addRecording(py::module_& module) {
  py::class_<Recording>(module, "Recording", "What record() collects.")
      .def("__enter__", [](const py::object& self) {
        self.cast<Recording&>().start();
        return self;
      })
      .def("__exit__", [](Recording& recording, const py::args&) {
        recording.stop();
        return false;
      })
      .def("cell", &Recording::cell,
           "The recorded operations as .cell text that `sbcheck run` replays with the same outcomes; "
           "ValueError if the recorded sets differ in policy or model.")
      .def("lines", &Recording::lines, "The recorded operations, one .cell line each.")
      .def_property_readonly("ended_by_ub", &Recording::endedByUb,
                             "Whether the recording ended at the model's first UB (the last line).");
  module.def("record", [] { return std::make_unique<Recording>(); },
             "`with sbcheck.record() as rec:` records the operations on SharedSets inside the block.");
}

void addAbstractModel(py::module_& module) {
  py::class_<AbstractModel>(module, "AbstractModel",
                            "The spec's outcome of each .cell operation under one policy (the oracle).")
      .def(py::init<const std::string&>(), "policy"_a)
      .def("apply", &AbstractModel::apply, "line"_a,
           "Applies one .cell operation line; returns it with the spec's outcome (`!err`, `=> V`), "
           "followed by `  # undefined` when it would touch a freed object.");
}

}  // namespace
}  // namespace sbcheck::python

PYBIND11_MODULE(sbcheck, module) {
  using namespace sbcheck;
  using namespace sbcheck::python;
  module.doc() = "sbcheck: the shared-reference cell driven by CPython, checked live by the SB2 aliasing model.";
  module.attr("POLICIES") = namesOf(cell::kPolicyNames);
  module.attr("MODELS") = namesOf(sb::AnyModel::names());
  addExceptions(module);
  addSharedSet(module);
  addIterator(module);
  addGuard(module);
  addRecording(module);
  addAbstractModel(module);
}
