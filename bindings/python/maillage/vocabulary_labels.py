"""Labels of the default vocabulary in a language, for texts made without a network at hand."""

from __future__ import annotations

from functools import cache

from . import _core


@cache
def domain_labels(lang: str) -> dict[str, str]:
    return {key: labels.get(lang, key) for key, labels in _core.default_vocabulary()["domains"].items()}
