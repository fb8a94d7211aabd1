"""The message catalogues (``data/messages/{fr,en,de}.json``) and the rendering of findings.

A catalogue holds, per gap code, a ``title``, a ``message`` and a ``suggestion`` whose ``{name}``
placeholders are filled from the finding's evidence: actor ids become the actor's label (or what
``name`` gives, e.g. a pseudonym), domain keys their label in the language, relations and terms
their word in the catalogue, lists are joined, numbers shown without useless decimals.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import InvalidArgumentError

if TYPE_CHECKING:
    from .network import Network

LANGUAGES = ("fr", "en", "de")
ACTOR_KEYS = {"user", "provider", "actor", "source", "target", "a", "b", "organisation", "who", "missing",
              "suggested_pair"}
DOMAIN_KEYS = {"need", "domains"}
TERM_KEYS = {"missing_terms", "consent"}


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """The catalogue of a language (``fr``, ``en`` or ``de``)."""
    if lang not in LANGUAGES:
        raise InvalidArgumentError(f'lang must be one of {", ".join(LANGUAGES)}, got "{lang}"')
    text = resources.files("maillage").joinpath("data", "messages", f"{lang}.json").read_text(encoding="utf-8")
    return json.loads(text)


def placeholders(template: str) -> set[str]:
    """The ``{name}`` placeholders of a catalogue text."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _number(value: float, lang: str) -> str:
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang in ("fr", "de") else text


class Renderer:
    """Fills catalogue texts for one network and language."""

    def __init__(self, net: Network | None, lang: str = "fr", name: Callable[[str], str] | None = None) -> None:
        self.lang = lang
        self.catalogue = catalogue(lang)
        self._labels: dict[str, str] = {}
        self._domains: dict[str, str] = {}
        if net is not None:
            actors = net.actors
            plain = {i: (label or i) for i, label in zip(actors.index, actors["label"].fillna(""))}
            # A professional is named with the organisation they work for: "C. D. (Service social)".
            self._labels = {i: (f"{plain[i]} ({plain[org]})" if kind == "professional" and org in plain else plain[i])
                            for i, kind, org in zip(actors.index, actors["kind"], actors["organisation"].fillna(""))}
            self._domains = {key: labels.get(lang, key) for key, labels in net.vocabulary["domains"].items()}
        self._name = name

    def actor(self, actor_id: str) -> str:
        if self._name is not None:
            return self._name(actor_id)
        return self._labels.get(actor_id, actor_id)

    def value(self, key: str, value: Any) -> str:
        if isinstance(value, list):
            joiner = " ↔ " if key == "suggested_pair" else ", "
            return joiner.join(self.value(key, item) for item in value)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, (int, float)):
            return _number(value, self.lang)
        text = str(value)
        if key == "missing" and text in self.catalogue["terms"]:
            return self.catalogue["terms"][text]
        if key in ACTOR_KEYS and (text in self._labels or self._name is not None):
            return self.actor(text)
        if key in DOMAIN_KEYS:
            return self._domains.get(text, text)
        if key == "relation":
            return self.catalogue["relations"].get(text, text)
        if key in TERM_KEYS:
            return self.catalogue["terms"].get(text, text)
        return text

    def fields(self, evidence: Mapping[str, Any]) -> dict[str, str]:
        values = {key: self.value(key, v) for key, v in evidence.items()}
        if "reason" in evidence:
            template = self.catalogue["reasons"][evidence["reason"]]
            values["reason"] = template.format(**values)
        if "section" in evidence:
            values["section_title"] = self.catalogue["sections"][str(int(evidence["section"]))]
        if "field" in evidence:
            values["field"] = self.catalogue["fields"].get(evidence["field"], evidence["field"])
        return values

    def text(self, code: str, part: str, evidence: Mapping[str, Any]) -> str:
        """``part`` is ``title``, ``message`` or ``suggestion``."""
        entry = self.catalogue["gaps"][code]
        text = entry[part].format(**self.fields(evidence))
        # A label that ends a sentence with its own full stop ("Mme L. K.") takes no second one.
        return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)

    def severity(self, level: str) -> str:
        return self.catalogue["severity"][level]


def message(code: str, evidence: Mapping[str, Any], net: Network | None = None, lang: str = "fr",
            part: str = "message") -> str:
    """The catalogue text of a finding in ``lang``."""
    return Renderer(net, lang).text(code, part, evidence)
