"""Reading and writing: JSON and CSV, round trips, the schema, spreadsheets' quirks, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import maillage

NAMES = maillage.example_names()


def test_the_three_examples_are_bundled() -> None:
    assert NAMES == ["ecocarte_usager", "reseau_regional", "suivi_entretiens"]


@pytest.mark.parametrize("name", NAMES)
def test_json_csv_json_is_the_same_map(name: str, tmp_path: Path) -> None:
    net = maillage.example(name)
    maillage.write(net, tmp_path / "csv")
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "actors.csv", "decisions.csv", "meetings.csv", "network.csv", "ties.csv"]
    again = maillage.read(tmp_path / "csv")
    assert again.to_json() == net.to_json()
    maillage.write(again, str(tmp_path / "back.maillage.json"))
    assert maillage.read(str(tmp_path / "back.maillage.json")).to_json() == net.to_json()


def test_format_by_name_or_argument(tmp_path: Path) -> None:
    net = maillage.example("ecocarte_usager")
    net.write(tmp_path / "map.data", format="json")
    assert maillage.read(tmp_path / "map.data", format="json").to_json() == net.to_json()
    net.write(tmp_path / "folder")
    assert maillage.read(tmp_path / "folder" / "actors.csv").to_json() == net.to_json()
    with pytest.raises(maillage.InvalidArgumentError, match="format must be"):
        maillage.read(tmp_path / "map.data", format="yaml")


def test_schema_validates_examples_and_what_maillage_writes() -> None:
    schema = maillage.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for name in NAMES:
        source = json.loads(maillage.example_path(name).read_text(encoding="utf-8"))
        assert not list(validator.iter_errors(source)), name
        assert not list(validator.iter_errors(maillage.example(name).to_dict())), name
    bad = {"maillage": 1, "actors": [{"id": "a", "kind": "organization"}]}
    assert list(validator.iter_errors(bad))


def test_unknown_fields_survive(tmp_path: Path) -> None:
    data = {"maillage": 1, "generator": {"name": "hand", "v": [1, 2]},
            "actors": [{"id": "a", "kind": "organisation", "contact": {"tel": "032 000 00 00"}, "attributes": {"x": [1, None]}},
                       {"id": "b", "kind": "organisation"}],
            "ties": [{"source": "a", "target": "b", "relation": "coordination", "budget": 12.5}]}
    net = maillage.Network.from_dict(data)
    assert net.actors.loc["a", "extra"] == {"contact": {"tel": "032 000 00 00"}}
    assert net.to_dict()["generator"] == {"name": "hand", "v": [1, 2]}
    net.write(tmp_path / "csv")
    again = maillage.read(tmp_path / "csv")
    assert again.to_dict()["ties"][0]["budget"] == 12.5
    assert again.to_json() == net.to_json()


def test_spreadsheet_csv(tmp_path: Path) -> None:
    folder = tmp_path / "excel"
    folder.mkdir()
    (folder / "actors.csv").write_bytes(
        "\ufeffid;kind;label;domains;member;Téléphone\r\n"
        'cms;organisation;"Centre médico-social; Tavannes";health | elderly_care;oui;032 000\r\n'
        'usr;person;"M. D.\r\n(dit ""Dédé"")";;;\r\n'.encode("utf-8"))
    (folder / "ties.csv").write_text("source;target;relation;weight\nusr;cms;accompaniment;2,5\n", encoding="utf-8")
    net = maillage.read(folder)
    actors = net.actors
    assert actors.loc["cms", "label"] == "Centre médico-social; Tavannes"
    assert actors.loc["usr", "label"] == 'M. D.\r\n(dit "Dédé")'
    assert actors.loc["cms", "domains"] == ["health", "elderly_care"]
    assert bool(actors.loc["cms", "member"])
    assert actors.loc["cms", "attributes"] == {"téléphone": "032 000"}
    assert net.ties.loc[0, "weight"] == 2.5


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    net = maillage.example("ecocarte_usager")
    target = tmp_path / "map.maillage.json"
    net.write(target)
    before = target.read_bytes()
    with pytest.raises(maillage.MapFileError) as caught:
        net.write(tmp_path / "missing" / "map.maillage.json")
    assert isinstance(caught.value, OSError)
    (tmp_path / "blocker.maillage.json").mkdir()
    with pytest.raises(maillage.MapFileError):
        net.write(tmp_path / "blocker.maillage.json")
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker.maillage.json", "map.maillage.json"]


def test_atomic_write_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    maillage._core.write_file_atomically(target, b"old")
    maillage._core.write_file_atomically(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]
