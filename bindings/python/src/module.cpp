// maillage._core: the C++ core of the Python package. Errors become the exception classes of
// maillage.errors, so that Python callers catch ValueError/KeyError/OSError subclasses.
#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "maillage/error.hpp"

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
    m.doc() = "maillage C++ core (use the maillage package, not this module)";
    m.attr("__version__") = MAILLAGE_VERSION_INFO;

    maillage::python::bind_model(m);
    maillage::python::bind_io(m);
    maillage::python::bind_measures(m);
    maillage::python::bind_analysis(m);
    maillage::python::bind_meetings(m);
    maillage::python::bind_holes(m);
    maillage::python::bind_communities(m);
    maillage::python::bind_draw(m);
    maillage::python::bind_edges(m);

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const maillage::map_error& e) {
            py::gil_scoped_acquire gil;
            py::object errors = py::module_::import("maillage.errors");
            py::list problems;
            for (const auto& pr : e.problems())
                problems.append(errors.attr("Problem")(pr.file, pr.place, pr.message));
            py::object instance = errors.attr("MapError")(e.what(), problems);
            PyErr_SetObject(errors.attr("MapError").ptr(), instance.ptr());
        } catch (const maillage::unknown_id& e) {
            py::object cls = py::module_::import("maillage.errors").attr("UnknownIdError");
            PyErr_SetObject(cls.ptr(), cls(e.what()).ptr());
        } catch (const maillage::io_error& e) {
            py::object cls = py::module_::import("maillage.errors").attr("MapFileError");
            PyErr_SetObject(cls.ptr(), cls(e.what()).ptr());
        } catch (const maillage::invalid_argument& e) {
            py::object cls = py::module_::import("maillage.errors").attr("InvalidArgumentError");
            PyErr_SetObject(cls.ptr(), cls(e.what()).ptr());
        } catch (const maillage::error& e) {
            py::object cls = py::module_::import("maillage.errors").attr("MaillageError");
            PyErr_SetObject(cls.ptr(), cls(e.what()).ptr());
        }
    });
}
