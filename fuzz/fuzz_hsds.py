"""Atheris (libFuzzer for Python) target of the Open Referral HSDS importer (maillage.hsds).

One input is a whole CSV data package: files joined as ``NAME\\n CONTENT`` records separated by
NUL bytes (fuzz/make_corpus.py writes the seeds from tests/data/hsds, 2.0 and 3.0). A record named
``mapping.csv`` is passed as the taxonomy mapping file; a record whose name is not a file of the
package (``HSDS_FILES``) is dropped, so that a mutated name never writes outside the package
folder. The package is written into a scratch folder and read with ``maillage.read_hsds``.

Every input must give a network or one of the documented errors of ``read_hsds`` (its docstring):
``MapError`` (problems of the package or the mapping, each placed in its file and line; any
exception of ``Network.from_json`` is a ``MapError`` too) or ``MapFileError`` (a file that cannot
be read). Any other exception, a problem without its file, or a network that does not survive
the JSON round trip is a finding: atheris writes the input to ``-artifact_prefix`` and stops.

    .venv/bin/python fuzz/fuzz_hsds.py -max_total_time=60 -seed=1 build/fuzz/corpus/hsds tests/data/fuzz/hsds
    .venv/bin/python fuzz/fuzz_hsds.py tests/data/fuzz/hsds/*     # replays the regression inputs
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["maillage"]):
    import maillage
    from maillage.errors import MapError, MapFileError

HSDS_FILES = frozenset({
    "datapackage.json", "organizations.csv", "services.csv", "locations.csv", "physical_addresses.csv",
    "addresses.csv", "service_areas.csv", "service_at_location.csv", "services_at_location.csv",
    "services_taxonomy.csv", "taxonomy.csv", "attributes.csv", "taxonomy_terms.csv", "taxonomies.csv",
    "mapping.csv",
})

SCRATCH = Path(tempfile.mkdtemp(prefix="maillage-fuzz-hsds-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))


def split_package(data: bytes) -> dict[str, bytes]:
    """The files of one input (the last record of a name wins)."""
    files: dict[str, bytes] = {}
    for record in data.split(b"\0"):
        name, _, content = record.partition(b"\n")
        text = name.decode("ascii", "replace").strip()
        if text in HSDS_FILES:
            files[text] = content
    return files


def test_one_input(data: bytes) -> None:
    files = split_package(data)
    package = SCRATCH / "package"
    shutil.rmtree(package, ignore_errors=True)
    package.mkdir()
    mapping = None
    for name, content in files.items():
        if name == "mapping.csv":
            mapping = SCRATCH / "mapping.csv"
            mapping.write_bytes(content)
        else:
            (package / name).write_bytes(content)
    if mapping is None:
        (SCRATCH / "mapping.csv").unlink(missing_ok=True)
    try:
        net = maillage.read_hsds(package, mapping=mapping)
    except MapError as error:
        # A placed error: every problem names a file of the package (or the mapping, or the folder).
        if not error.problems or not all(p.file and p.message for p in error.problems):
            raise AssertionError(f"MapError without placed problems: {error!r}") from error
        return
    except MapFileError:
        return
    text = net.to_json()
    again = maillage.Network.from_json(text, "fuzz.maillage.json")
    if again.to_json() != text:
        raise AssertionError("the imported map does not survive the JSON round trip")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    try:
        atheris.Fuzz()
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
