"""Bad input gives a clear error naming the file and the place, through Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import maillage

GOOD = {"maillage": 1,
        "actors": [{"id": "a", "kind": "organisation"}, {"id": "b", "kind": "organisation"},
                   {"id": "u", "kind": "person", "role": "user"}],
        "ties": [{"source": "a", "target": "b", "relation": "coordination"}]}


def write_map(tmp_path: Path, data: dict | str, name: str = "bad.maillage.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def changed(**parts: object) -> dict:
    data = json.loads(json.dumps(GOOD))
    data.update(parts)
    return data


CASES = [
    (changed(actors=GOOD["actors"] + [{"id": "a", "kind": "person"}]),
     "actors[3].id", 'duplicate actor id "a" (first at actors[0])'),
    (changed(ties=[{"source": "a", "target": "o9", "relation": "coordination"}]),
     "ties[0].target", 'unknown actor "o9"'),
    (changed(ties=[{"source": "a", "target": "b", "relation": "freindship"}]),
     "ties[0].relation", 'unknown value "freindship"; allowed: family, friendship'),
    (changed(actors=[{"id": "a", "kind": "organisation", "domains": ["helth"]}], ties=[]),
     "actors[0].domains[0]", 'unknown need domain "helth"; allowed: addiction'),
    (changed(actors=[{"id": 5, "kind": "organisation"}], ties=[]),
     "actors[0].id", "expected a string, got a number"),
    (changed(ties=[{"source": "a", "target": "b", "relation": "other", "weight": "heavy"}]),
     "ties[0].weight", "expected a number, got a string"),
    (changed(ties=[{"source": "a", "target": "b", "relation": "other", "weight": -2}]),
     "ties[0].weight", "must be a finite number > 0"),
    (changed(meetings=[{"id": "m", "date": "2026-02-30"}]),
     "meetings[0].date", 'malformed date "2026-02-30"; expected YYYY-MM-DD'),
    (changed(ties=[{"source": "a", "target": "b", "relation": "information", "about": "a"}]),
     "ties[0].about", '"a" is not a user'),
]


@pytest.mark.parametrize("data, place, message", CASES)
def test_map_errors_name_the_file_and_place(tmp_path: Path, data: dict, place: str, message: str) -> None:
    path = write_map(tmp_path, data)
    with pytest.raises(maillage.MapError) as caught:
        maillage.read(path)
    error = caught.value
    assert isinstance(error, ValueError)
    assert str(error).startswith(f"{path}: {place}: {message}")
    assert error.place == place
    assert error.problems[0] == maillage.Problem(str(path), place, error.problems[0].message)
    assert message in error.problems[0].message


@pytest.mark.parametrize("text, place, message", [
    ("", "", "the file is empty"),
    ('{"maillage": 1, "actors": [{"id": "a",', "1:39", "syntax error"),
    ('{"maillage": 1,\n "actors": [}', "2:13", "syntax error"),
])
def test_empty_and_truncated_json(tmp_path: Path, text: str, place: str, message: str) -> None:
    path = write_map(tmp_path, text)
    with pytest.raises(maillage.MapError) as caught:
        maillage.read(path)
    assert caught.value.place == place
    assert message in str(caught.value)


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.maillage.json"
    path.write_bytes('{"maillage": 1, "actors": [{"id": "é", "kind": "person"}]}'.encode("latin-1"))
    with pytest.raises(maillage.MapError, match="Invalid encoding"):
        maillage.read(path)


def test_validate_lists_every_problem(tmp_path: Path) -> None:
    data = changed(actors=[{"id": "a", "kind": "organisation", "sector": "sante"}, {"id": "a", "kind": "orga"}],
                   ties=[{"source": "a", "target": "x", "relation": "bogus"}])
    problems = maillage.validate(write_map(tmp_path, data))
    assert [p.place for p in problems] == ["actors[1].kind", "ties[0].relation", "actors[1].id",
                                           "actors[0].sector[0]", "ties[0].target"]
    assert maillage.validate(write_map(tmp_path, GOOD, "good.maillage.json")) == []


def test_csv_errors_name_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "actors.csv").write_text("id,kind\na,organisation\nb,organisation\n", encoding="utf-8")
    (folder / "ties.csv").write_text("source,target,relation\na,b,coordination\n,b,coordination\n", encoding="utf-8")
    with pytest.raises(maillage.MapError) as caught:
        maillage.read(folder)
    assert str(caught.value) == f'{folder}: ties.csv:3: column "source": is empty'
    (folder / "ties.csv").write_text('source,target,relation\na,b,"coordination\n', encoding="utf-8")
    with pytest.raises(maillage.MapError, match="ties.csv:2: a quoted field is not closed"):
        maillage.read(folder)
    (folder / "ties.csv").unlink()
    with pytest.raises(maillage.MapError, match="ties.csv: missing file"):
        maillage.read(folder)


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(maillage.MapFileError) as caught:
        maillage.read(tmp_path / "nothing.maillage.json")
    assert isinstance(caught.value, OSError)
    assert "nothing.maillage.json: cannot open" in str(caught.value)
    with pytest.raises(maillage.InvalidArgumentError, match="cannot tell the format"):
        maillage.read(write_map(tmp_path, GOOD, "map.yaml"))


def test_messages_name_ids_not_labels(tmp_path: Path) -> None:
    data = changed(actors=[{"id": "p1", "kind": "person", "role": "family", "label": "Jeanne Secret"},
                           {"id": "p1", "kind": "person", "label": "Jeanne Secret"}], ties=[])
    problems = maillage.validate(write_map(tmp_path, data))
    assert problems and all("Jeanne" not in str(p) for p in problems)
