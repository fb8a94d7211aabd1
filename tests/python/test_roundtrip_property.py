"""Property tests on random maps: JSON, CSV and networkx round trips lose nothing."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import maillage

DOMAINS = sorted(maillage.default_vocabulary()["domains"])
SECTORS = sorted(maillage.default_vocabulary()["sectors"])
RELATIONS = ["family", "friendship", "neighbourhood", "work", "partnership", "coordination", "referral",
             "information", "funding", "accompaniment", "supervision", "membership", "other"]
# Text with what breaks naive CSV and JSON handling: separators, quotes, line breaks, accents.
TEXT = st.text(alphabet=string.ascii_letters + string.digits + " ,;\"'\n\r|\\éàçÖß·–€", max_size=20)
# List items: CSV trims blanks around items and drops empty ones (docs/FORMAT.md).
ITEM = TEXT.map(str.strip).filter(bool)
IDS = st.text(alphabet=string.ascii_lowercase + string.digits + "_-éè", min_size=1, max_size=8)
DATES = st.dates().map(lambda d: d.isoformat()) | st.integers(1900, 2100).map(str)
RATING = st.floats(1, 4, allow_nan=False)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(IDS, inner, max_size=3), max_leaves=6)
ATTRIBUTES = st.dictionaries(IDS, JSON_VALUE, max_size=3)


@st.composite
def maps(draw: st.DrawFn) -> dict:
    ids = draw(st.lists(IDS, min_size=2, max_size=12, unique=True))
    kinds = [draw(st.sampled_from(["person", "professional", "organisation", "network"])) for _ in ids]
    organisations = [i for i, k in zip(ids, kinds) if k == "organisation"]
    actors = []
    for actor_id, kind in zip(ids, kinds):
        actor: dict = {"id": actor_id, "kind": kind}
        if draw(st.booleans()):
            actor["label"] = draw(TEXT)
        if kind == "person":
            actor["role"] = draw(st.sampled_from(["user", "family", "friend", "neighbour", "colleague", "other"]))
            if actor["role"] == "user" and draw(st.booleans()):
                actor["needs"] = draw(st.lists(st.sampled_from(DOMAINS), max_size=3))
        if kind == "professional" and organisations and draw(st.booleans()):
            actor["organisation"] = draw(st.sampled_from(organisations))
        if kind == "organisation":
            actor["sector"] = draw(st.sampled_from(SECTORS))
            actor["status"] = draw(st.sampled_from(["public", "associative", "private", "informal"]))
            actor["domains"] = draw(st.lists(st.sampled_from(DOMAINS), max_size=3))
            actor["service_area"] = draw(st.lists(ITEM, max_size=3))
            actor["member"] = draw(st.booleans())
        if draw(st.booleans()):
            actor["attributes"] = draw(ATTRIBUTES)
        if draw(st.booleans()):
            actor["x_" + draw(IDS)] = draw(JSON_VALUE)  # a field maillage does not know
        actors.append(actor)
    users = [a["id"] for a in actors if a.get("role") == "user"]
    ties = []
    for _ in range(draw(st.integers(0, 20))):
        source, target = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        tie: dict = {"source": source, "target": target, "relation": draw(st.sampled_from(RELATIONS))}
        optional = {
            "formality": st.sampled_from(["formal", "informal"]),
            "layer": st.sampled_from(["primary", "secondary"]),
            "directed": st.booleans(),
            "weight": st.floats(0.001, 1000, allow_nan=False),
            "valence": st.sampled_from(["supportive", "conflictual", "ambivalent"]),
            "consent": st.booleans(),
            "intensity": st.sampled_from(["awareness", "cooperation", "coordination", "integration"]),
            "trust": st.fixed_dictionaries({}, optional={"reliability": RATING, "openness": RATING}),
            "value": st.fixed_dictionaries({"influence": RATING}),
            "resources": st.lists(ITEM, max_size=3),
            "since": DATES,
            "last_activity": DATES,
            "convention": st.fixed_dictionaries({"signed": st.booleans()},
                                                optional={"tasks": st.lists(ITEM, max_size=2),
                                                          "expected_results": st.lists(ITEM, max_size=2)}),
            "attributes": ATTRIBUTES,
        }
        for key, strategy in optional.items():
            if draw(st.integers(0, 3)) == 0:
                tie[key] = draw(strategy)
        if users and draw(st.booleans()):
            tie["about"] = draw(st.sampled_from(users))
        ties.append(tie)
    data = {"actors": actors, "ties": ties}
    if draw(st.booleans()):
        data["network"] = {"name": draw(TEXT), "objectives": draw(st.lists(ITEM, max_size=2)),
                           "financing": [{"funder": draw(TEXT), "kind": "direct", "amount": draw(st.integers(0, 10**6))}]}
    if users and draw(st.booleans()):
        data["meetings"] = [{"id": "m1", "date": "2026-05-04", "about": users[0], "participants": [users[0]],
                             "decisions": [{"who": users[0], "what": draw(TEXT), "due": "2026-06-01",
                                            "status": draw(st.sampled_from(["open", "in_progress", "done", "cancelled"]))}],
                             "pending": draw(st.lists(ITEM, max_size=2))}]
    return data


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(maps())
def test_json_round_trip(data: dict) -> None:
    net = maillage.Network.from_dict(data)
    assert maillage.Network.from_json(net.to_json()).to_json() == net.to_json()


@SETTINGS
@given(maps())
def test_csv_round_trip(data: dict) -> None:
    net = maillage.Network.from_dict(data)
    with tempfile.TemporaryDirectory() as folder:
        net.write(Path(folder) / "map")
        assert maillage.read(Path(folder) / "map").to_json() == net.to_json()


@SETTINGS
@given(maps())
def test_networkx_round_trip(data: dict) -> None:
    net = maillage.Network.from_dict(data)
    # networkx holds no unknown fields apart from attributes: compare without them.
    again = maillage.from_networkx(net.to_networkx())
    assert again.ties[["source", "target", "relation", "formality", "layer", "directed", "weight"]].equals(
        net.ties[["source", "target", "relation", "formality", "layer", "directed", "weight"]])
    assert list(again.actors.index) == list(net.actors.index)
