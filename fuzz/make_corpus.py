"""Seeds for the fuzz targets (`make fuzz`): the bundled example maps as JSON, GraphML and GEXF,
the files of foreign tools that the tests hold (tests/data), and the same maps as CSV folders joined into one input each (the files in the order of fuzz/fuzz_csv.cpp, separated
by NUL bytes), plus generated maps of a few sizes; and the HSDS packages of tests/data/hsds joined the same way
(NAME newline CONTENT records, for fuzz/fuzz_hsds.py).

    .venv/bin/python fuzz/make_corpus.py build/fuzz/seeds
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import maillage
from maillage.generate import regional_map

CSV_FILES = ["actors.csv", "ties.csv", "meetings.csv", "decisions.csv", "network.csv"]


def csv_input(net: maillage.Network) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        net.write(Path(folder) / "map")
        parts = [(Path(folder) / "map" / name) for name in CSV_FILES]
        return b"\0".join(p.read_bytes() if p.exists() else b"" for p in parts)


def hsds_input(files: list[Path]) -> bytes:
    """One input of fuzz/fuzz_hsds.py: the files as NAME newline CONTENT records joined by NUL bytes."""
    return b"\0".join(p.name.encode() + b"\n" + p.read_bytes() for p in files)


def hsds_inputs(folder: Path) -> dict[str, bytes]:
    """The HSDS packages of tests/data/hsds (2.0 and 3.0), alone and with the default taxonomy
    mapping as mapping.csv, and the organisations table alone (the one required file)."""
    from maillage.hsds import default_mapping_path

    seeds = {}
    for version in sorted(p for p in folder.iterdir() if p.is_dir()):
        files = sorted(version.glob("*.csv"))
        seeds[f"hsds_{version.name}"] = hsds_input(files)
        seeds[f"hsds_{version.name}_mapping"] = hsds_input(files) + b"\0mapping.csv\n" + default_mapping_path().read_bytes()
        seeds[f"hsds_{version.name}_organizations"] = hsds_input([version / "organizations.csv"])
    return seeds


def main() -> None:
    out = Path(sys.argv[1])
    for reader in ("json", "graphml", "gexf", "csv"):
        (out / reader).mkdir(parents=True, exist_ok=True)
    maps = {name: maillage.example(name) for name in maillage.example_names()}
    maps |= {f"generated_{actors}": regional_map(actors, seed=actors) for actors in (20, 60)}
    for name, net in maps.items():
        (out / "json" / f"{name}.maillage.json").write_text(net.to_json(), encoding="utf-8")
        (out / "csv" / f"{name}.csvjoin").write_bytes(csv_input(net))
        with tempfile.TemporaryDirectory() as folder:
            for reader in ("graphml", "gexf"):
                net.write(Path(folder) / f"{name}.{reader}")
                (out / reader / f"{name}.{reader}").write_bytes((Path(folder) / f"{name}.{reader}").read_bytes())
    data = Path(__file__).resolve().parents[1] / "tests" / "data"
    for reader in ("graphml", "gexf"):
        for path in data.rglob(f"*.{reader}"):
            (out / reader / f"foreign_{path.name}").write_bytes(path.read_bytes())
    hsds_seeds = hsds_inputs(data / "hsds")
    for name, blob in hsds_seeds.items():
        (out / "hsds").mkdir(parents=True, exist_ok=True)
        (out / "hsds" / f"{name}.hsdsjoin").write_bytes(blob)
    print(f"fuzz corpus: {len(maps)} maps in {out}/json, graphml, gexf and csv; {len(hsds_seeds)} HSDS packages in {out}/hsds")


if __name__ == "__main__":
    main()
