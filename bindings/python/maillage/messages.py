"""The message catalogues (``data/messages/{fr,en,de}.json``) and the rendering of findings.

A catalogue holds, per gap code, a ``title``, a ``message`` and a ``suggestion`` whose ``{name}``
placeholders are filled from the finding's evidence: actor ids become the actor's label (or what
``name`` gives, e.g. a pseudonym), domain keys their label in the language, relations and terms
their word in the catalogue, lists are joined, numbers shown without useless decimals, and ISO
dates written as a person of the language writes them ("2 mars 2021", "2 March 2021",
"2. März 2021", from the catalogue's ``dates`` section).

A date placeholder may name a *form* of the catalogue's ``dates.forms``, which carries the
preposition the date takes in that language and precision: ``{last_activity:since}`` gives
"depuis le 2 mars 2021" for a day and "depuis mars 2021" for a month (en "since ...", de "seit
dem 2. März 2021" / "seit März 2021"). A bare ``{date}`` gives the date alone.

A number placeholder may likewise name a *plural* of the catalogue's ``plurals`` section, which
holds the ``one`` and ``other`` forms of a phrase (as ICU and gettext plurals do; ``{n}`` is the
number): ``{cut_off:actors_cut_off}`` gives "1 acteur serait coupé" and "3 acteurs seraient
coupés". The form follows the CLDR rule of the language (:func:`plural_category`): French takes
the singular for 0 and 1, English and German for 1 only. A bare ``{cut_off}`` gives the number.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import string
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import InvalidArgumentError

if TYPE_CHECKING:
    from .network import Network

LANGUAGES = ("fr", "en", "de")
ACTOR_KEYS = {"user", "provider", "actor", "source", "target", "a", "b", "organisation", "who", "missing",
              "suggested_pair", "subjects"}
DOMAIN_KEYS = {"need", "domains"}
TERM_KEYS = {"missing_terms", "consent"}
# Evidence keys that hold free text, never actor ids (a decision's "what" could by chance be an id).
TEXT_KEYS = {"decision", "what", "date", "due", "as_of", "since", "last_activity"}
# Evidence keys that hold ISO dates (YYYY-MM-DD, or YYYY-MM / YYYY where only that is known).
DATE_KEYS = {"date", "due", "as_of", "since", "last_activity"}
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


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


def plural_category(count: float, lang: str) -> str:
    """``"one"`` or ``"other"``: the plural form a count takes in ``lang``, by the CLDR plural
    rules of its cardinals (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html):
    French "one" when the integer part is 0 or 1 ("0 usager", "1,5 jour"); English and German
    "one" for exactly 1 ("0 users", "1 user"; "0 Gruppen", "1 Gruppe")."""
    if lang == "fr":
        return "one" if 0 <= abs(count) < 2 else "other"
    return "one" if count == 1 else "other"


class Count:
    """A number placeholder's value: ``str()`` is the number as ``lang`` writes it (or ``text``
    when given, e.g. with thousands separators), and a format spec names a plural of the
    catalogue's ``plurals`` (``f"{c:service_users}"`` is "1 usager" or "2 usagers")."""

    __slots__ = ("value", "lang", "text")

    def __init__(self, value: float, lang: str = "fr", text: str | None = None) -> None:
        self.value = value
        self.lang = lang
        self.text = _number(value, lang) if text is None else text

    def __str__(self) -> str:
        return self.text

    def __format__(self, spec: str) -> str:
        if not spec:
            return self.text
        return plural(spec, self.value, self.lang, self.text)


def plural(key: str, count: float, lang: str = "fr", shown: str | None = None) -> str:
    """The form of ``plurals.<key>`` of the ``lang`` catalogue for ``count`` ("3 usagers"), its
    ``{n}`` filled with ``shown`` (by default the count as the language writes it).

    Raises:
        InvalidArgumentError: unknown language or key.
    """
    forms = catalogue(lang).get("plurals", {})
    if key not in forms:
        raise InvalidArgumentError(f"plural {key!r} is not in the {lang} catalogue (plurals: {', '.join(sorted(forms))})")
    entry = forms[key]
    return entry[plural_category(count, lang)].format(n=_number(count, lang) if shown is None else shown)


def _number(value: float, lang: str) -> str:
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang in ("fr", "de") else text


class LocalDate:
    """A date placeholder's value: ``str()`` is the date as ``lang`` writes it, and a format spec
    names a form of the catalogue's ``dates.forms`` (``f"{d:since}"`` is "depuis le 2 mars 2021").
    Text that is not an ISO date is shown as it is."""

    __slots__ = ("text", "precise", "forms", "lang")

    def __init__(self, value: str | _dt.date | None, lang: str = "fr") -> None:
        dates = catalogue(lang)["dates"]
        self.lang = lang
        self.forms: dict[str, list[str]] = dates["forms"]
        parts = date_parts(value)
        if parts is None:
            text = "" if value is None else str(value)
            self.text, self.precise = (text or dates["undated"]), True
            return
        year, month, day = parts
        self.precise = day is not None
        if month is None:
            self.text = dates["year"].format(year=year)
        elif day is None:
            self.text = dates["month"].format(month=dates["months"][month - 1], year=year)
        else:
            self.text = dates["day"].format(day=dates["ordinals"].get(str(day), str(day)),
                                            month=dates["months"][month - 1], year=year)

    def __str__(self) -> str:
        return self.text

    def __format__(self, spec: str) -> str:
        if not spec:
            return self.text
        if spec not in self.forms:
            raise InvalidArgumentError(f"date form {spec!r} is not in the {self.lang} catalogue "
                                       f"(dates.forms: {', '.join(sorted(self.forms))})")
        return self.forms[spec][0 if self.precise else 1].format(date=self.text)


def date_parts(value: str | _dt.date | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO date (YYYY-MM-DD, YYYY-MM or YYYY, or a ``datetime.date``),
    month and day None where the date does not give them; None when it is not a valid date."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.year, value.month, value.day
    match = _ISO_DATE.fullmatch(str(value or ""))
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def date_text(value: str | _dt.date | None, lang: str = "fr", form: str = "") -> str:
    """An ISO date as ``lang`` writes it ("2026-03-01" is "1er mars 2026", "1 March 2026",
    "1. März 2026"; "2026-03" is "mars 2026"), with the preposition of ``form`` (a key of the
    catalogue's ``dates.forms``: since, of, due, as_of) when given. Other text is returned as is.

    Raises:
        InvalidArgumentError: unknown language or form.
    """
    return format(LocalDate(value, lang), form)


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

    def value(self, key: str, value: Any) -> Any:
        if key in DATE_KEYS and not isinstance(value, list):
            return LocalDate(value, self.lang)
        if isinstance(value, list):
            joiner = " ↔ " if key == "suggested_pair" else ", "
            return joiner.join(str(self.value(key, item)) for item in value)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, (int, float)):
            return Count(value, self.lang)
        text = str(value)
        if key in TEXT_KEYS:
            return text
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

    def fields(self, evidence: Mapping[str, Any]) -> dict[str, Any]:
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


def number_text(value: float | int, lang: str = "fr") -> str:
    """A number as ``lang`` writes it: integers without decimals, others with 2 decimals (decimal
    comma in French and German)."""
    if isinstance(value, bool):
        return str(value)
    return _number(float(value), lang)


def actor_label(net: Network | None, actor_id: str) -> str:
    """The label of an actor, or its id when it has none or is not in ``net``."""
    if net is None or not actor_id or actor_id not in net:
        return actor_id
    label = net.actors.loc[actor_id, "label"]
    return label or actor_id


def message(code: str, evidence: Mapping[str, Any], subjects: Iterable[str] = (), net: Network | None = None,
            lang: str = "fr", part: str = "message") -> str:
    """The text of a finding: the catalogue template ``gaps.<code>.<part>`` of ``lang`` filled
    with ``evidence`` (and ``{subjects}``).

    ``part`` is "message", "suggestion" or "title". Actor ids are shown by their label in ``net``
    (a professional with their organisation); lists are joined with ", ".

    Raises:
        InvalidArgumentError: unknown language, code or part, or a placeholder the evidence lacks.
    """
    gaps = catalogue(lang)["gaps"]
    if code not in gaps:
        raise InvalidArgumentError(f"message: unknown gap code {code!r}")
    if part not in gaps[code]:
        raise InvalidArgumentError(f"message: part must be message, suggestion or title, got {part!r}")
    renderer = Renderer(net, lang)
    fields = renderer.fields(evidence)
    fields["subjects"] = ", ".join(renderer.actor(s) for s in subjects)
    missing = placeholders(gaps[code][part]) - set(fields)
    if missing:
        raise InvalidArgumentError(f"message: {code}.{part} ({lang}) needs evidence {sorted(missing)[0]!r}, "
                                   f"got {', '.join(sorted(evidence)) or 'none'}")
    return renderer.text(code, part, {**evidence, "subjects": list(subjects)})


def text(section: str, key: str, lang: str = "fr", **fields: Any) -> str:
    """A text of the catalogue outside the gaps (``text("minutes", "title", "en")``), with its
    ``{placeholders}`` filled from ``fields``."""
    part = catalogue(lang).get(section)
    if not isinstance(part, dict) or key not in part:
        raise InvalidArgumentError(f"text: no {section}.{key} in the {lang} catalogue")
    value = part[key]
    return value.format(**fields) if fields else value
