"""Hostile HSDS data packages (issue 6): the regression inputs of fuzz/fuzz_hsds.py
(tests/data/fuzz/hsds, NAME newline CONTENT records joined by NUL bytes) give a map or a
documented error of read_hsds (MapError with every problem placed in its file, MapFileError),
never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest

import maillage

INPUTS = sorted((Path(__file__).resolve().parents[1] / "data" / "fuzz" / "hsds").glob("*.hsdsjoin"))


def unpack(data: bytes, folder: Path) -> Path | None:
    """Writes the package of one input into folder/package; returns the mapping file, if any."""
    package = folder / "package"
    package.mkdir()
    mapping = None
    for record in data.split(b"\0"):
        name, _, content = record.partition(b"\n")
        text = name.decode("ascii", "replace").strip()
        if text == "mapping.csv":
            mapping = folder / "mapping.csv"
            mapping.write_bytes(content)
        elif text and "/" not in text and text.endswith((".csv", ".json")):
            (package / text).write_bytes(content)
    return mapping


def test_there_are_regression_inputs() -> None:
    assert len(INPUTS) >= 10


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_hostile_package_gives_a_map_or_a_placed_error(path: Path, tmp_path: Path) -> None:
    mapping = unpack(path.read_bytes(), tmp_path)
    try:
        net = maillage.read_hsds(tmp_path / "package", mapping=mapping)
    except maillage.MapError as error:
        assert error.problems and all(p.file and p.message for p in error.problems)
        assert str(error).startswith(error.problems[0].file)
    except maillage.MapFileError:
        pass
    else:
        assert maillage.Network.from_json(net.to_json()).to_json() == net.to_json()


def test_deep_datapackage_is_a_placed_problem(tmp_path: Path) -> None:
    # json.loads raises RecursionError (not JSONDecodeError) on deep nesting: it must still be a
    # problem of datapackage.json, not a crash.
    mapping = unpack((INPUTS[0].parent / "deep_datapackage.hsdsjoin").read_bytes(), tmp_path)
    with pytest.raises(maillage.MapError) as caught:
        maillage.read_hsds(tmp_path / "package", mapping=mapping)
    assert any(p.file.endswith("datapackage.json") for p in caught.value.problems)
