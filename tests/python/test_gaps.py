"""Every gap rule of gaps.hpp on a map where it must fire on the named subjects and on a near
miss where it must not; the catalogues render every code in every language."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import maillage
from maillage.messages import LANGUAGES, catalogue, placeholders

AS_OF = "2026-11-22"


def org(i: str, **fields: Any) -> dict[str, Any]:
    return {"id": i, "kind": "organisation", **fields}


def user(i: str = "u", needs: list[str] | None = None) -> dict[str, Any]:
    return {"id": i, "kind": "person", "role": "user", "needs": needs or []}


def tie(s: str, t: str, relation: str = "coordination", **fields: Any) -> dict[str, Any]:
    return {"source": s, "target": t, "relation": relation, **fields}


def run(actors: list, ties: list, network: dict | None = None, **options: Any) -> maillage.Findings:
    data: dict[str, Any] = {"actors": actors, "ties": ties}
    if network:
        data["network"] = network
    return maillage.gaps(maillage.Network.from_dict(data), as_of=AS_OF, **options)


def subjects(found: maillage.Findings, code: str) -> list[tuple[str, ...]]:
    return [tuple(f.subjects) for f in found if f.code == code]


FULL_CONVENTION = {"signed": True, "tasks": ["t"], "means": ["m"], "contributions": ["c"],
                   "responsibilities": ["r"], "expected_results": ["e"]}

# (code, actors, ties, network, expected subjects when firing, near-miss edit)
CASES: list[tuple[str, list, list, dict | None, list[tuple[str, ...]], Any]] = [
    ("uncovered_need", [user(needs=["housing"]), org("o", domains=["health"])], [tie("u", "o", "accompaniment")], None,
     [("u",)], lambda a, t: a[1].update(domains=["health", "housing"])),
    ("single_provider", [user(needs=["housing"]), org("o", domains=["housing"]), org("p", domains=["housing"])],
     [tie("u", "o", "accompaniment")], None, [("u", "o")], lambda a, t: t.append(tie("u", "p", "accompaniment"))),
    ("fragmented_care_team", [user(needs=["housing"]), org("o1", domains=["housing"]), org("o2"), org("x")],
     [tie("u", "o1", "accompaniment"), tie("u", "o2", "accompaniment"), tie("o1", "x"), tie("x", "o2")], None,
     [("u", "o1", "o2")], lambda a, t: t.append(tie("o1", "o2", "information"))),
    ("missing_link", [user(), org("o1"), org("o2")],
     [tie("u", "o1", "accompaniment"), tie("u", "o2", "accompaniment")], None,
     [("o1", "o2")], lambda a, t: t.append(tie("o1", "o2", "funding"))),
    ("unformalised_partnership", [org("a"), org("b")], [tie("a", "b", "partnership")], None,
     [("a", "b")], lambda a, t: t[0].update(convention=FULL_CONVENTION)),
    ("paper_partnership", [org("a"), org("b")],
     [tie("a", "b", "partnership", convention=FULL_CONVENTION, last_activity="2024-03-01")], None,
     [("a", "b")], lambda a, t: t[0].update(last_activity="2026-01-15")),
    ("missing_consent", [user(), org("a"), org("b")],
     [tie("a", "b", "information", about="u"), tie("u", "a", "accompaniment")], None,
     [("a", "b")], lambda a, t: t[0].update(consent=True)),
    ("isolated_actor", [org("a"), org("b"), org("c")], [tie("a", "b")], None,
     [("c",)], lambda a, t: t.append(tie("b", "c"))),
    ("single_point_of_failure", [org("a"), org("b"), org("c")], [tie("a", "b"), tie("b", "c")], None,
     [("b",)], lambda a, t: t.append(tie("a", "c"))),
    ("over_centralised", [org(x) for x in "cabde"], [tie("c", x) for x in "abde"], None,
     [("c",)], lambda a, t: t.extend([tie("a", "b"), tie("b", "d"), tie("d", "e"), tie("e", "a")])),
    ("excluded_competent_service",
     [org("m1", member=True, domains=["health"]), org("m2", member=True), org("x", domains=["housing"])],
     [tie("m1", "m2")], {"name": "R", "domains": ["housing"]}, [("x",)], lambda a, t: t.append(tie("x", "m2", "referral"))),
    ("no_primary_support", [user(), {"id": "f", "kind": "person", "role": "family"}, org("o")],
     [tie("u", "f", "family", valence="conflictual"), tie("u", "o", "accompaniment")], None,
     [("u",)], lambda a, t: (a.append({"id": "g", "kind": "person", "role": "friend"}), t.append(tie("u", "g", "friendship")))),
    ("conflictual_tie", [org("a"), org("b")], [tie("a", "b", valence="conflictual")], None,
     [("a", "b")], lambda a, t: t[0].update(valence="ambivalent")),
    ("plan_information_missing", [org("a", member=True)], [],
     {"name": "R", "legal_status": "association", "genesis": "g", "objectives": ["o"], "domains": ["health"],
      "territory": ["T"], "charter": "c", "coordination": {"coordinators": ["a"], "how": "h"},
      "financing": [{"funder": "canton", "kind": "direct"}], "users": {"description": "d", "role": "r"}},
     [(), ()], lambda a, t: a.append({"id": "n", "kind": "network"})),  # internal_rules, other_networks
]


@pytest.mark.parametrize("code, actors, ties, network, expected, near_miss", CASES, ids=[c[0] for c in CASES])
def test_rule_fires_and_near_miss_does_not(code: str, actors: list, ties: list, network: dict | None,
                                           expected: list, near_miss: Any) -> None:
    found = run(copy.deepcopy(actors), copy.deepcopy(ties), copy.deepcopy(network))
    assert subjects(found, code) == expected, found.to_frame()
    actors2, ties2 = copy.deepcopy(actors), copy.deepcopy(ties)
    near_miss(actors2, ties2)
    network2 = copy.deepcopy(network)
    if code == "plan_information_missing":
        network2["internal_rules"] = "règlement"
    assert subjects(run(actors2, ties2, network2), code) == []


def test_evidence_of_the_rules() -> None:
    found = run([user(needs=["housing", "debt"]), org("o", domains=["debt"]), org("r", domains=["housing"])],
                [tie("u", "o", "accompaniment"), tie("o", "r", "referral", about="u")], None)
    # The referral from o brings r within reach (reach 1 by default)...
    assert not found.by_code("uncovered_need")
    # ...but not with direct ties only.
    direct = maillage.gaps(maillage.Network.from_dict({
        "actors": [user(needs=["housing", "debt"]), org("o", domains=["debt"]), org("r", domains=["housing"])],
        "ties": [tie("u", "o", "accompaniment"), tie("o", "r", "referral", about="u")]}), reach=0, as_of=AS_OF)
    assert direct.by_code("uncovered_need")[0].evidence == {"user": "u", "need": "housing", "reach": 0}
    # A referral about another user does not count.
    other = run([user(needs=["housing"]), user("v"), org("o"), org("r", domains=["housing"])],
                [tie("u", "o", "accompaniment"), tie("o", "r", "referral", about="v")], None)
    assert other.by_code("uncovered_need")
    consent = run([user(), org("a"), org("b")], [tie("a", "b", "information", about="u", consent=False)], None)
    assert consent.by_code("missing_consent")[0].evidence["consent"] == "refused"
    partnership = run([org("a"), org("b")], [tie("a", "b", "partnership", convention={"signed": True, "tasks": ["t"]})], None)
    assert partnership.by_code("unformalised_partnership")[0].evidence["missing"] == [
        "means", "contributions", "responsibilities", "expected_results"]


def test_severity_order_and_frame() -> None:
    found = maillage.gaps(maillage.example("ecocarte_usager"), as_of=AS_OF)
    order = {"critical": 0, "warning": 1, "info": 2}
    ranks = [order[f.severity] for f in found]
    assert ranks == sorted(ranks)
    frame = found.to_frame("en")
    assert list(frame.columns) == ["code", "severity", "subjects", "evidence", "title", "message", "suggestion"]
    assert not frame["message"].str.contains(r"\{").any()


def test_catalogues_are_complete_and_render_every_code() -> None:
    reference = catalogue("en")
    for lang in LANGUAGES:
        cat = catalogue(lang)
        assert set(cat["gaps"]) == set(maillage._core.gap_codes), lang
        for section in ("severity", "reasons", "terms", "sections", "fields", "relations"):
            assert set(cat[section]) == set(reference[section]), (lang, section)
        for code, entry in cat["gaps"].items():
            assert set(entry) == {"title", "message", "suggestion"}, (lang, code)
            # The same placeholders in every language, so that one evidence fills them all.
            for part in ("message", "suggestion"):
                assert placeholders(entry[part]) == placeholders(reference["gaps"][code][part]), (lang, code, part)
    # Every finding of the bundled examples renders in every language without a placeholder left.
    for name in maillage.example_names():
        net = maillage.example(name)
        for lang in LANGUAGES:
            frame = maillage.gaps(net, as_of=AS_OF).to_frame(lang)
            for column in ("title", "message", "suggestion"):
                assert not frame[column].str.contains(r"[{}]").any(), (name, lang)


def test_bad_options() -> None:
    net = maillage.example("ecocarte_usager")
    with pytest.raises(maillage.InvalidArgumentError, match="as_of must be an ISO date"):
        maillage.gaps(net, as_of="22.11.2026")
    with pytest.raises(maillage.InvalidArgumentError, match="lang must be one of"):
        maillage.gaps(net).to_frame("it")
