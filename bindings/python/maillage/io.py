"""Reading and writing maps, the JSON Schema of the format, and the bundled example maps."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

from . import _core
from .errors import MapError, Problem
from .network import Network

PathLike = str | os.PathLike[str]

FORMATS = ("json", "csv", "graphml", "gexf", "dot", "hsds")
#: Formats maillage reads, and formats it writes (DOT is written only, HSDS read only).
READ_FORMATS = ("json", "csv", "graphml", "gexf", "hsds")
WRITE_FORMATS = ("json", "csv", "graphml", "gexf", "dot")


def read(path: PathLike, format: str | None = None) -> Network:
    """Reads a map.

    The format comes from the path (``*.json``: JSON map; a folder or a ``*.csv`` inside one:
    CSV folder; ``*.graphml``; ``*.gexf``; a folder holding ``organizations.csv`` or its
    ``datapackage.json``: Open Referral HSDS, see :func:`maillage.read_hsds`) or from ``format``
    ("json", "csv", "graphml", "gexf", "hsds").

    Raises:
        MapError: the map has problems; ``.problems`` lists each with its file and place.
        MapFileError: the file or folder cannot be read.
    """
    return Network.read(path, format)


def write(net: Network, path: PathLike, format: str | None = None) -> None:
    """Writes a map atomically: a JSON, GraphML, GEXF or DOT file, or a CSV folder (created if
    needed), the format from the extension (``.json``, ``.graphml``, ``.gexf``, ``.dot``/``.gv``,
    a folder) or from ``format``."""
    net.write(path, format)


def validate(path: PathLike, format: str | None = None) -> list[Problem]:
    """Every problem of the map at ``path`` (an empty list when it is valid)."""
    from .hsds import is_hsds, read_hsds

    if format == "hsds" or (not format and is_hsds(path)):
        try:
            read_hsds(path)
        except MapError as error:
            return list(error.problems)
        return []
    return [Problem(*p) for p in _core.validate(Path(path), format or "")]


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON map format."""
    text = resources.files("maillage").joinpath("data/maillage.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def _examples_dir() -> Path:
    packaged = resources.files("maillage").joinpath("examples")
    path = Path(str(packaged))
    if path.is_dir():
        return path
    # An editable or source checkout: the examples folder at the repository root.
    return Path(__file__).resolve().parents[3] / "examples"


def example_names() -> list[str]:
    """Names of the bundled example maps."""
    return sorted(p.name.removesuffix(".maillage.json") for p in _examples_dir().glob("*.maillage.json"))


def example_path(name: str) -> Path:
    """The path of a bundled example map."""
    path = _examples_dir() / f"{name}.maillage.json"
    if not path.is_file():
        raise KeyError(f"no example map {name!r}; the examples are: {', '.join(example_names())}")
    return path


def example(name: str) -> Network:
    """A bundled example map, read."""
    return read(example_path(name))


def write_file_atomically(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Writes a file through a temporary file beside it, fsynced and renamed into place (the C++
    writer of every map format), creating its folder: a failure never leaves half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _core.write_file_atomically(target, text.encode("utf-8") if isinstance(text, str) else text)
