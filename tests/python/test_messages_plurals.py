"""Plurals in the texts: every count-dependent phrase of the catalogues has a singular and a
plural form (``plurals``), chosen by the CLDR rule of the language (French: 0 and 1 singular;
English and German: 1 only), and no catalogue writes "usager(s)", "Akteur(e)" or "Gruppe(n)"."""

from __future__ import annotations

import re
import string

import pytest

import maillage
from maillage.messages import LANGUAGES, Count, catalogue, message, plural, plural_category, text


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_parenthesised_or_slashed_plurals(lang: str) -> None:
    for s in strings(catalogue(lang)):
        assert not re.search(r"\w\((s|e|es|x|n|en|nen|innen)\)", s), (lang, s)
        assert "Beschluss/" not in s and "/s " not in s, (lang, s)


def test_plural_rules() -> None:
    assert [plural_category(n, "fr") for n in (0, 1, 1.5, 2, 10)] == ["one", "one", "one", "other", "other"]
    for lang in ("en", "de"):
        assert [plural_category(n, lang) for n in (0, 1, 1.5, 2, 10)] == ["other", "one", "other", "other", "other"]


def test_every_plural_has_both_forms_in_every_language_and_every_spec_exists() -> None:
    reference = set(catalogue("en")["plurals"])
    for lang in LANGUAGES:
        forms = catalogue(lang)["plurals"]
        assert set(forms) == reference, lang
        for key, entry in forms.items():
            assert set(entry) == {"one", "other"}, (lang, key)
            assert all("{n}" in form for form in entry.values()), (lang, key)
        # Every {name:spec} of a text that is not a date form names a plural of the language.
        dates = set(catalogue(lang)["dates"]["forms"])
        for s in strings(catalogue(lang)):
            for _, name, spec, _ in string.Formatter().parse(s):
                if name and spec and spec not in dates:
                    assert spec in forms, (lang, s)


def cut_off(lang: str, actors: int, users: int) -> str:
    return message("single_point_of_failure", {"actor": "x", "cut_off": actors, "users_cut_off": users}, lang=lang)


def test_single_point_of_failure_fr() -> None:
    assert cut_off("fr", 0, 0) == "Sans x, 0 acteur serait coupé du reste du réseau (dont 0 usager)."
    assert cut_off("fr", 1, 1) == "Sans x, 1 acteur serait coupé du reste du réseau (dont 1 usager)."
    assert cut_off("fr", 2, 2) == "Sans x, 2 acteurs seraient coupés du reste du réseau (dont 2 usagers)."


def test_single_point_of_failure_en() -> None:
    assert cut_off("en", 0, 0) == ("Without x, 0 actors would be cut off from the rest of the network "
                                   "(including 0 service users).")
    assert cut_off("en", 1, 1) == ("Without x, 1 actor would be cut off from the rest of the network "
                                   "(including 1 service user).")
    assert cut_off("en", 2, 2) == ("Without x, 2 actors would be cut off from the rest of the network "
                                   "(including 2 service users).")


def test_single_point_of_failure_de() -> None:
    assert cut_off("de", 0, 0) == "Ohne x wären 0 Akteure vom übrigen Netzwerk abgeschnitten (davon 0 Klient·innen)."
    assert cut_off("de", 1, 1) == "Ohne x wäre 1 Akteur vom übrigen Netzwerk abgeschnitten (davon 1 Klient·in)."
    assert cut_off("de", 2, 2) == "Ohne x wären 2 Akteure vom übrigen Netzwerk abgeschnitten (davon 2 Klient·innen)."


EXPECTED = {
    # (plural, lang): forms for 0, 1, 2
    ("primary_ties", "fr"): ["0 lien primaire", "1 lien primaire", "2 liens primaires"],
    ("primary_ties", "en"): ["0 primary ties", "1 primary tie", "2 primary ties"],
    ("primary_ties", "de"): ["0 primäre Beziehungen", "1 primäre Beziehung", "2 primäre Beziehungen"],
    ("conflictual", "fr"): ["0 conflictuel", "1 conflictuel", "2 conflictuels"],
    ("decisions", "fr"): ["0 décision", "1 décision", "2 décisions"],
    ("decisions", "en"): ["0 decisions", "1 decision", "2 decisions"],
    ("decisions", "de"): ["0 Beschlüsse", "1 Beschluss", "2 Beschlüsse"],
    ("days_late", "fr"): ["0 jour de retard", "1 jour de retard", "2 jours de retard"],
    ("days_late", "en"): ["0 days late", "1 day late", "2 days late"],
    ("days_late", "de"): ["0 Tage Verzug", "1 Tag Verzug", "2 Tage Verzug"],
    ("groups", "fr"): ["0 groupe", "1 groupe", "2 groupes"],
    ("groups", "en"): ["0 groups", "1 group", "2 groups"],
    ("groups", "de"): ["0 Gruppen", "1 Gruppe", "2 Gruppen"],
    ("service_users", "fr"): ["0 usager", "1 usager", "2 usagers"],
    ("service_users", "en"): ["0 service users", "1 service user", "2 service users"],
    ("service_users", "de"): ["0 Klient·innen", "1 Klient·in", "2 Klient·innen"],
}


@pytest.mark.parametrize(("key", "lang"), sorted(EXPECTED))
def test_plural_forms_for_0_1_2(key: str, lang: str) -> None:
    assert [plural(key, n, lang) for n in (0, 1, 2)] == EXPECTED[key, lang]
    assert [format(Count(n, lang), key) for n in (0, 1, 2)] == EXPECTED[key, lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_gap_texts_for_0_1_2(lang: str) -> None:
    primary = {n: message("no_primary_support", {"user": "u", "primary_ties": n, "conflictual": n}, lang=lang)
               for n in (0, 1, 2)}
    for n in (0, 1, 2):
        assert EXPECTED["primary_ties", lang][n] in primary[n]
    overload = {n: message("meeting_overload", {"meetings": 6, "window_days": 30, "decisions": n, "ratio": 6,
                                                "threshold": 3}, lang=lang) for n in (0, 1, 2)}
    for n in (0, 1, 2):
        assert EXPECTED["decisions", lang][n] in overload[n]
    late = {n: message("overdue_decision", {"date": "2026-01-05", "decision": "d", "who": "w", "due": "2026-01-10",
                                            "as_of": "2026-01-12", "days_late": n}, lang=lang) for n in (0, 1, 2)}
    for n in (0, 1, 2):
        assert EXPECTED["days_late", lang][n] in late[n]
    shared = {n: message("missing_link", {"a": "a", "b": "b", "reason": "shared_users", "shared_users": n, "rank": 1},
                         lang=lang) for n in (0, 1, 2)}
    for n in (0, 1, 2):
        assert EXPECTED["service_users", lang][n] in shared[n]
    # The bare number stays a number.
    assert text("report", "inhabitants", lang, n=Count(1, lang)) in ("1 habitant", "1 inhabitant", "1 Einwohner")


def test_reports_write_singular_and_plural() -> None:
    # A care team of two services in two pieces, one of a single service in one piece.
    net = maillage.Network.from_dict({
        "actors": [
            {"id": "u1", "kind": "person", "role": "user", "label": "U1", "needs": ["housing"]},
            {"id": "u2", "kind": "person", "role": "user", "label": "U2", "needs": ["health"]},
            {"id": "a", "kind": "organisation", "label": "A", "domains": ["housing"], "member": True},
            {"id": "b", "kind": "organisation", "label": "B", "domains": ["health"], "member": True},
        ],
        "ties": [
            {"source": "u1", "target": "a", "relation": "accompaniment"},
            {"source": "u1", "target": "b", "relation": "accompaniment"},
            {"source": "u2", "target": "b", "relation": "accompaniment"},
        ],
    })
    fr = maillage.report(net, "md", lang="fr", as_of="2026-06-01")
    assert "U1 : 2 services en 2 groupes" in fr and "U2 : 1 service en 1 groupe" in fr
    en = maillage.report(net, "md", lang="en", as_of="2026-06-01")
    assert "U1: 2 services in 2 groups" in en and "U2: 1 service in 1 group" in en
    de = maillage.report(net, "md", lang="de", as_of="2026-06-01")
    assert "U1: 2 Dienste in 2 Gruppen" in de and "U2: 1 Dienst in 1 Gruppe" in de
