"""What a trainer reads in a report has labels, not codes: funders and funding ties named by their
labels with translated kinds and amounts as the language writes them, member statuses translated,
decisions without owner said in words, territories with their population, no ids of the map."""

from __future__ import annotations

import re

import pytest

import maillage
from maillage.messages import catalogue

AS_OF = "2026-11-22"


def report(lang: str) -> str:
    net = maillage.example("reseau_regional")
    data = net.to_dict()
    data["network"]["territory"] = [{"name": "Valmont", "population": 12400}, "Port-Lac", "Les Combes",
                                    {"name": "Orval", "population": 830}, "Saint-Aubin"]
    return maillage.report(maillage.Network.from_dict(data), format="md", lang=lang, as_of=AS_OF)


@pytest.mark.parametrize(("lang", "words"), [
    ("fr", ["(financement direct) : subvention annuelle de coordination, 120\u202f000",
            "(moyens mis à disposition) : locaux", "associatif (12)", "Valmont (12\u202f400 habitants)",
            "Orval (830 habitants)", "- Statut juridique : association"]),
    ("en", ["(direct funding): subvention annuelle de coordination, 120,000", "(means made available): locaux",
            "non-profit (12)", "Valmont (12,400 inhabitants)", "- Legal status: association"]),
    ("de", ["(direkte Finanzierung): subvention annuelle de coordination, 120.000", "gemeinnützig (12)",
            "Valmont (12.400 Einwohner)"]),
])
def test_plan_shows_labels_and_words(lang: str, words: list[str]) -> None:
    text = report(lang)
    for word in words:
        assert word in text, word
    net = maillage.example("reseau_regional")
    funders = [f["funder"] for f in net.info["financing"]]
    # Funders and funding ties by label: no "canton -> ssr_valmont", no raw funder id.
    assert " -> " not in text
    for funder in funders:
        assert not re.search(rf"\b{re.escape(funder)}\b", text), funder
    assert " → " in text


def test_population_without_a_service_is_shown() -> None:
    """The bundled regional map declares its territories' populations: Orval (830) has no mobility service."""
    net = maillage.example("reseau_regional")
    assert maillage.coverage(net).population_without_provider["mobility"] == 830
    fr = maillage.report(net, format="md", lang="fr", as_of=AS_OF)
    assert "**Habitants des territoires sans service, par domaine** : mobilité (830)" in fr
    html = maillage.report(net, format="html", lang="en", as_of=AS_OF)
    assert "<b>Inhabitants of the territories without a service, by domain</b>: mobility (830)" in html


def test_decisions_without_owner_are_said_in_words() -> None:
    net = maillage.example("suivi_entretiens")
    for lang, nobody in (("fr", "(personne)"), ("en", "(nobody)")):
        text = maillage.report(net, format="md", lang=lang, as_of=AS_OF)
        line = next(line for line in text.splitlines()
                    if catalogue(lang)["plan_items"]["open_decisions_by_owner"] in line)
        assert f"{nobody} (1)" in line and ", - (" not in line, line
