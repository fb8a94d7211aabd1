#pragma once
// Shared declarations of the binding files (one file per area, as scikit_build_example advises).
#include <pybind11/pybind11.h>

namespace maillage::python {

void bind_model(pybind11::module_& m);
void bind_io(pybind11::module_& m);
void bind_measures(pybind11::module_& m);
void bind_analysis(pybind11::module_& m);
void bind_meetings(pybind11::module_& m);
void bind_holes(pybind11::module_& m);
void bind_communities(pybind11::module_& m);
void bind_draw(pybind11::module_& m);
void bind_edges(pybind11::module_& m);

}  // namespace maillage::python
