"""Pseudonymisation of the persons of a map (service users, family, friends, neighbours,
colleagues: actors of kind ``person``) for outputs that leave the social worker's hands.

A person's id and label become a stable pseudonym, ``P-`` and ten hexadecimal digits of an
HMAC-SHA256 of the id keyed with a salt: the same id gives the same pseudonym in every map of a
batch (so that a user followed in several maps can still be recognised as one), and nobody without
the salt can recompute it from a name. Every reference to the id (ties, ``about``, meetings,
decisions) follows; the person's free ``attributes`` and unknown fields are dropped; and the
person's label or id met inside any other text of the map (a decision's "what", pending
matters, free attributes of other records) is replaced by the pseudonym. Organisations,
networks and professionals (the organisations' staff) keep their names, as DESIGN section 6 says.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from typing import Any

from .network import Network


def new_salt() -> str:
    """A random salt (128 bits, hexadecimal)."""
    return secrets.token_hex(16)


def pseudonym(actor_id: str, salt: str) -> str:
    return "P-" + hmac.new(salt.encode("utf-8"), actor_id.encode("utf-8"), hashlib.sha256).hexdigest()[:10]


def person_ids(data: Mapping[str, Any]) -> list[str]:
    return [a["id"] for a in data.get("actors", []) if a.get("kind", "person") == "person"]


def pseudonymise_dict(data: dict[str, Any], salt: str) -> tuple[dict[str, Any], dict[str, str]]:
    """A copy of a map dict with its persons pseudonymised, and the id -> pseudonym table."""
    table: dict[str, str] = {}
    labels: dict[str, str] = {}
    for actor in data.get("actors", []):
        if actor.get("kind", "person") != "person":
            continue
        table[actor["id"]] = pseudonym(actor["id"], salt)
        if actor.get("label"):
            labels[actor["label"]] = table[actor["id"]]
    # Texts to scrub inside free text: labels, and ids long enough not to be common words.
    needles = {**{k: v for k, v in table.items() if len(k) >= 4}, **{k: v for k, v in labels.items() if len(k) >= 3}}
    pattern = re.compile("|".join(re.escape(k) for k in sorted(needles, key=len, reverse=True))) if needles else None

    def scrub(value: Any) -> Any:
        if isinstance(value, str):
            if value in table:
                return table[value]
            return pattern.sub(lambda m: needles[m.group(0)], value) if pattern else value
        if isinstance(value, list):
            return [scrub(v) for v in value]
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        return value

    out = scrub({k: v for k, v in data.items() if k != "actors"})
    actors = []
    for actor in data.get("actors", []):
        if actor.get("kind", "person") == "person":
            kept = {k: v for k, v in actor.items() if k in ("kind", "role", "needs", "territory", "member")}
            actors.append({"id": table[actor["id"]], "label": table[actor["id"]], **kept})
        else:
            actors.append(scrub(actor))
    out["actors"] = actors
    return out, table


def pseudonymise(net: Network, salt: str) -> Network:
    """The map with its persons pseudonymised (see the module's documentation)."""
    data, _ = pseudonymise_dict(net.to_dict(), salt)
    return Network.from_dict(data, name="<pseudonymised>")
