// Bindings of the formats. Reading and writing release the GIL.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "maillage/maillage.hpp"

namespace py = pybind11;

namespace maillage::python {

void bind_io(py::module_& m) {
    m.def("read", [](const std::filesystem::path& path, const std::string& format) {
              py::gil_scoped_release release;
              return read(path, format);
          },
          py::arg("path"), py::arg("format") = "");
    m.def("read_json_string", [](const std::string& text, const std::string& name) {
              py::gil_scoped_release release;
              return read_json_string(text, name);
          },
          py::arg("text"), py::arg("name") = "<string>");
    m.def("to_json_string", [](const network& net) {
              std::string text;
              {
                  py::gil_scoped_release release;
                  text = to_json_string(net);
              }
              return text;
          },
          py::arg("network"));
    m.def("write", [](const network& net, const std::filesystem::path& path, const std::string& format) {
              py::gil_scoped_release release;
              write(net, path, format);
          },
          py::arg("network"), py::arg("path"), py::arg("format") = "");
    m.def("validate", [](const std::filesystem::path& path, const std::string& format) {
              std::vector<problem> problems;
              {
                  py::gil_scoped_release release;
                  problems = validate(path, format);
              }
              py::list out;
              for (const auto& p : problems) out.append(py::make_tuple(p.file, p.place, p.message));
              return out;
          },
          py::arg("path"), py::arg("format") = "");
    m.def("write_file_atomically", [](const std::filesystem::path& path, const py::bytes& content) {
              std::string data = content;
              py::gil_scoped_release release;
              write_file_atomically(path, data);
          },
          py::arg("path"), py::arg("content"),
          "Writes bytes to a temporary file beside path, fsyncs and renames it into place.");
}

}  // namespace maillage::python
