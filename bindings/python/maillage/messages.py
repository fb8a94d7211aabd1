"""The message catalogues (``data/messages/{fr,en,de}.json``) and the text of a finding.

Findings carry no text: a code, a severity, subjects and evidence. :func:`message` fills the
catalogue template of a code with the evidence, showing actor ids by their labels, lists joined
with ", " and numbers written as the language writes them (``1,5`` in French and German).
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import InvalidArgumentError

if TYPE_CHECKING:
    from .network import Network

LANGUAGES = ("fr", "en", "de")

# Evidence keys that hold free text, never actor ids (a decision's "what" could by chance be an id).
_TEXT_KEYS = frozenset({"decision", "what", "date", "due", "as_of"})


@cache
def _load(lang: str) -> dict[str, Any]:
    text = resources.files("maillage").joinpath(f"data/messages/{lang}.json").read_text(encoding="utf-8")
    return json.loads(text)


def catalogue(lang: str = "fr") -> dict[str, Any]:
    """The message catalogue of ``lang`` ("fr", "en" or "de"), as a dict (do not modify it)."""
    if lang not in LANGUAGES:
        raise InvalidArgumentError(f"catalogue: lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    return _load(lang)


def number_text(value: float | int, lang: str = "fr") -> str:
    """A number as ``lang`` writes it: integers without decimals, others with up to 2 decimals
    (decimal comma in French and German)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value) if isinstance(value, int) else f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang in ("fr", "de") else text


def actor_label(net: Network | None, actor_id: str) -> str:
    """The label of an actor, or its id when it has none or is not in ``net``."""
    if net is None or not actor_id or actor_id not in net:
        return actor_id
    labels = _labels(net)
    return labels.get(actor_id) or actor_id


def _labels(net: Network) -> dict[str, str]:
    actors = net.actors
    return dict(zip(actors.index, actors["label"], strict=True))


def _show(key: str, value: Any, labels: Mapping[str, str], lang: str) -> str:
    if isinstance(value, str):
        return value if key in _TEXT_KEYS else (labels.get(value) or value)
    if isinstance(value, (int, float)):
        return number_text(value, lang)
    if isinstance(value, Iterable):
        return ", ".join(_show(key, v, labels, lang) for v in value)
    return str(value)


def message(code: str, evidence: Mapping[str, Any], subjects: Iterable[str] = (), net: Network | None = None,
            lang: str = "fr", part: str = "message") -> str:
    """The text of a finding: the catalogue template ``gaps.<code>.<part>`` of ``lang`` filled
    with ``evidence`` (and ``{subjects}``).

    ``part`` is "message", "suggestion" or "title". Actor ids (in evidence values that are not
    free text, and in subjects) are shown by their label in ``net``; lists are joined with ", ".

    Raises:
        InvalidArgumentError: unknown language, code or part, or a placeholder the evidence lacks.
    """
    gaps = catalogue(lang)["gaps"]
    if code not in gaps:
        raise InvalidArgumentError(f"message: unknown gap code {code!r}")
    if part not in gaps[code]:
        raise InvalidArgumentError(f"message: part must be message, suggestion or title, got {part!r}")
    template: str = gaps[code][part]
    labels = _labels(net) if net is not None else {}
    values = {key: _show(key, value, labels, lang) for key, value in evidence.items()}
    values["subjects"] = _show("subjects", list(subjects), labels, lang)
    for _, field, _, _ in string.Formatter().parse(template):
        if field is not None and field not in values:
            raise InvalidArgumentError(f"message: {code}.{part} ({lang}) needs evidence {field!r}, "
                                       f"got {', '.join(sorted(evidence)) or 'none'}")
    filled = template.format_map(values)
    # A value ending with a full stop ("K. O.") before the template's own: keep one.
    return filled[:-1] if filled.endswith("..") and not filled.endswith("...") else filled


def text(section: str, key: str, lang: str = "fr", **fields: Any) -> str:
    """A text of the catalogue outside the gaps (``text("minutes", "title", "en")``), with its
    ``{placeholders}`` filled from ``fields``."""
    part = catalogue(lang).get(section)
    if not isinstance(part, dict) or key not in part:
        raise InvalidArgumentError(f"text: no {section}.{key} in the {lang} catalogue")
    value = part[key]
    return value.format(**fields) if fields else value
