"""Dates in the texts people read are written as a person of the language writes them ("depuis le
2 mars 2021", "since 2 March 2021", "seit dem 2. März 2021"), through the catalogues' ``dates``
section, in every message that shows a date; JSON keeps ISO dates (it is data)."""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import Any

import pytest

import maillage
from maillage.messages import DATE_KEYS, LANGUAGES, catalogue, date_text

AS_OF = "2026-11-22"
ISO = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


@pytest.mark.parametrize(("value", "lang", "expected"), [
    ("2021-03-02", "fr", "2 mars 2021"), ("2021-03-02", "en", "2 March 2021"), ("2021-03-02", "de", "2. März 2021"),
    ("2026-08-01", "fr", "1er août 2026"), ("2026-08-01", "en", "1 August 2026"), ("2026-08-01", "de", "1. August 2026"),
    ("2024-02-29", "fr", "29 février 2024"), ("2026-12-31", "de", "31. Dezember 2026"),
    ("2021-03", "fr", "mars 2021"), ("2021-03", "en", "March 2021"), ("2021-03", "de", "März 2021"),
    ("2021", "fr", "2021"), (dt.date(2026, 5, 4), "en", "4 May 2026"),
    # Not a date: shown as it is rather than guessed.
    ("2023-02-29", "fr", "2023-02-29"), ("bientôt", "fr", "bientôt"), ("", "fr", "(non datée)"), ("", "en", "(undated)"),
])
def test_date_text(value: Any, lang: str, expected: str) -> None:
    assert date_text(value, lang) == expected


@pytest.mark.parametrize(("value", "lang", "form", "expected"), [
    ("2021-03-02", "fr", "since", "depuis le 2 mars 2021"), ("2021-03", "fr", "since", "depuis mars 2021"),
    ("2021-03-02", "en", "since", "since 2 March 2021"), ("2021-03-02", "de", "since", "seit dem 2. März 2021"),
    ("2021-03", "de", "since", "seit März 2021"), ("2026-05-04", "fr", "of", "du 4 mai 2026"),
    ("2026-05", "fr", "of", "de mai 2026"), ("2026-05-04", "de", "of", "vom 4. Mai 2026"),
    ("2026-05-20", "fr", "due", "pour le 20 mai 2026"), ("2026-05-20", "en", "due", "on 20 May 2026"),
    ("2026-05-20", "de", "due", "auf den 20. Mai 2026"), ("2026-11-22", "fr", "as_of", "au 22 novembre 2026"),
])
def test_date_forms(value: str, lang: str, form: str, expected: str) -> None:
    assert date_text(value, lang, form) == expected


def test_unknown_form_is_an_error() -> None:
    with pytest.raises(maillage.InvalidArgumentError, match="date form 'until' is not in the fr catalogue"):
        date_text("2026-01-01", "fr", "until")


def test_every_catalogue_has_the_dates_and_every_form_it_uses() -> None:
    reference = catalogue("en")["dates"]
    for lang in LANGUAGES:
        dates = catalogue(lang)["dates"]
        assert len(dates["months"]) == 12 and len(set(dates["months"])) == 12, lang
        assert set(dates["forms"]) == set(reference["forms"]), lang
        for form in dates["forms"].values():
            assert len(form) == 2 and all("{date}" in f for f in form), (lang, form)
        for code, entry in catalogue(lang)["gaps"].items():
            for part, text in entry.items():
                for _, name, spec, _ in string.Formatter().parse(text):
                    # A date takes a date form; a count may take a plural (test_messages_plurals.py).
                    if spec and name in DATE_KEYS:
                        assert spec in dates["forms"], (lang, code, part, name, spec)
                    elif spec:
                        assert spec in catalogue(lang)["plurals"], (lang, code, part, name, spec)


def _partnership(last_activity: str) -> maillage.Network:
    convention = {"signed": True, "tasks": ["t"], "means": ["m"], "contributions": ["c"], "responsibilities": ["r"],
                  "expected_results": ["e"]}
    return maillage.Network.from_dict({"actors": [
        {"id": "a", "kind": "organisation", "label": "CMS"}, {"id": "b", "kind": "organisation", "label": "Foyer"}],
        "ties": [{"source": "a", "target": "b", "relation": "partnership", "convention": convention,
                  "last_activity": last_activity}]})


def test_paper_partnership_dates() -> None:
    found = maillage.gaps(_partnership("2021-03-02"), as_of=AS_OF)
    (finding,) = [f for f in found if f.code == "paper_partnership"]
    assert finding.evidence["last_activity"] == "2021-03-02"  # the evidence stays ISO: it is data
    fr, en, de = (finding.message(lang=lang) for lang in ("fr", "en", "de"))
    assert "aucune activité depuis le 2 mars 2021 (date de référence : 22 novembre 2025)" in fr
    assert "no activity since 2 March 2021 (reference date 22 November 2025)" in en
    assert "seit dem 2. März 2021 keine Aktivität (Stichtag 22. November 2025)" in de
    coarse = [f for f in maillage.gaps(_partnership("2021-03"), as_of=AS_OF) if f.code == "paper_partnership"]
    assert "depuis mars 2021" in coarse[0].message(lang="fr")
    assert "seit März 2021 keine" in coarse[0].message(lang="de")
    frame = found.to_frame("fr")
    assert not frame["message"].str.contains(ISO).any()


def test_meeting_dates() -> None:
    net = maillage.Network.from_dict({
        "actors": [{"id": "u", "kind": "person", "role": "user", "label": "M. D."},
                   {"id": "o", "kind": "organisation", "label": "CMS"}],
        "ties": [{"source": "u", "target": "o", "relation": "accompaniment"}],
        "meetings": [{"id": "m1", "date": "2026-05-04", "about": "u", "facilitator": "o", "minute_taker": "o",
                      "participants": ["o"], "decisions": [{"who": "o", "what": "visite", "due": "2026-05-20"}]}]})
    found = {f.code: f for f in maillage.gaps(net, as_of=AS_OF)}
    overdue = found["overdue_decision"]
    assert overdue.message(net, "fr").startswith("Séance du 4 mai 2026 : « visite » (CMS) était prévue pour le 20 mai "
                                                 "2026 et reste ouverte au 22 novembre 2026 (186 jours de retard)")
    assert overdue.message(net, "en").startswith("Meeting of 4 May 2026: “visite” (CMS) was due on 20 May 2026 and is "
                                                 "still open on 22 November 2026")
    assert overdue.message(net, "de").startswith("Sitzung vom 4. Mai 2026: «visite» (CMS) war auf den 20. Mai 2026 "
                                                 "fällig und ist am 22. November 2026 noch offen")
    assert found["user_absent"].message(net, "fr").startswith("Séance du 4 mai 2026 : M. D.")
    for lang in LANGUAGES:
        frame = maillage.gaps(net, as_of=AS_OF).to_frame(lang)
        for column in ("title", "message", "suggestion"):
            assert not frame[column].str.contains(ISO).any(), (lang, column)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_reports_of_the_examples_show_no_iso_date(lang: str) -> None:
    """The Markdown report (what a person reads) of every bundled example writes its dates in words;
    the JSON report keeps them as ISO dates."""
    words = {"fr": "22 novembre 2026", "en": "22 November 2026"}[lang]
    for name in maillage.example_names():
        net = maillage.example(name)
        text = maillage.report(net, format="md", lang=lang, as_of=AS_OF)
        assert words in text, name
        assert not ISO.search(text), (name, ISO.search(text))
        assert maillage.report(net, format="json", lang=lang, as_of=AS_OF).count(AS_OF) >= 1
