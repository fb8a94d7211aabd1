"""Coverage, gaps and the analysis plan of a network (DESIGN sections 2 and 4), computed by the
C++ core (``include/maillage/analysis/``) and returned as pandas objects keyed by actor id.

The rules are documented once, in ``coverage.hpp``, ``gaps.hpp`` and ``plan.hpp``.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _core
from .errors import InvalidArgumentError
from .messages import Renderer

if TYPE_CHECKING:
    from .network import Network

SEVERITIES = ("critical", "warning", "info")


def _populations(net: Network, populations: Mapping[str, float] | None) -> dict[str, float]:
    """The populations {territory: inhabitants} that coverage weighs by: the given ones; else none,
    so that the C++ core takes the map's own (``network.territory`` items ``{"name", "population"}``);
    else, for maps written before territories carried their population, the network's
    ``attributes.populations`` (the place docs/FORMAT.md gave until then)."""
    if populations is None:
        if any(isinstance(t, dict) and "population" in t for t in net.info.get("territory", [])):
            return {}
        populations = (net.info.get("attributes") or {}).get("populations") or {}
    try:
        return {str(k): float(v) for k, v in populations.items()}
    except (AttributeError, TypeError, ValueError) as error:
        raise InvalidArgumentError(f"populations must map territories to numbers ({error})") from None


def _as_of(as_of: str | _dt.date | None) -> str:
    if as_of is None:
        return _dt.date.today().isoformat()
    if isinstance(as_of, _dt.date):
        return as_of.isoformat()
    try:
        return _dt.date.fromisoformat(str(as_of)).isoformat()
    except ValueError:
        raise InvalidArgumentError(f'as_of must be an ISO date (YYYY-MM-DD), got "{as_of}"') from None


@dataclass
class Coverage:
    """What :func:`coverage` returns; each table is keyed by actor ids."""

    needs: pd.DataFrame          #: one row per (user, need): providers (ids), covered
    users: pd.DataFrame          #: by user id: needs, covered, covered_share, uncovered
    domains: pd.DataFrame        #: by domain: members, non_members (ids) and their counts
    territories: pd.DataFrame    #: territory x domain: number of providers
    territory_providers: dict[tuple[str, str], list[str]]
    uncovered_cells: list[tuple[str, str]]
    population_without_provider: pd.Series  #: by domain (empty without populations)
    critical: pd.DataFrame       #: by actor id: needs, domains, cells it alone covers
    cover: list[str]             #: a smallest set of providers covering every covered need
    cover_exact: bool
    cover_bound: float           #: at most this many times the optimum (1 when exact)
    teams: pd.DataFrame          #: by user id: members, pieces, joining_pairs

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the ``coverage`` key of the JSON report)."""
        return {
            "needs": self.needs.to_dict(orient="records"),
            "users": _records(self.users),
            "domains": _records(self.domains),
            "territories": {"matrix": {t: row.to_dict() for t, row in self.territories.iterrows()},
                            "uncovered": [list(c) for c in self.uncovered_cells],
                            "population_without_provider": self.population_without_provider.to_dict()},
            "critical": _records(self.critical),
            "cover": {"actors": self.cover, "exact": self.cover_exact, "bound": self.cover_bound},
            "teams": _records(self.teams),
        }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for key, row in frame.iterrows():
        record = {frame.index.name or "id": key}
        record.update({k: _plain(v) for k, v in row.items()})
        out.append(record)
    return out


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def coverage(net: Network, *, reach: int = 1, populations: Mapping[str, float] | None = None) -> Coverage:
    """Coverage of users' needs, of domains and of territories, critical providers, a smallest
    covering set and the coordination of each user's care team (rules in ``coverage.hpp``).
    ``reach``: referral steps allowed beyond a direct tie (0: direct ties only).
    ``populations``: {territory: inhabitants}, by default the network's
    ``attributes.populations``."""
    if reach < 0:
        raise InvalidArgumentError(f"coverage: reach must be 0 or more, got {reach}")
    raw = _core.coverage(net._core, reach, _populations(net, populations))
    ids = net.ids

    def names(indices: Iterable[int]) -> list[str]:
        return [ids[i] for i in indices]

    need_rows, user_rows = [], []
    for user, needs, uncovered, share in raw["users"]:
        for need, providers in needs:
            need_rows.append({"user": ids[user], "need": need, "providers": names(providers),
                              "covered": bool(providers)})
        user_rows.append({"id": ids[user], "needs": len(needs), "covered": len(needs) - len(uncovered),
                          "covered_share": share, "uncovered": list(uncovered)})
    needs_frame = pd.DataFrame(need_rows, columns=["user", "need", "providers", "covered"])
    users_frame = pd.DataFrame(user_rows, columns=["id", "needs", "covered", "covered_share", "uncovered"]).set_index("id")
    domain_rows = [{"domain": d, "members": names(m), "non_members": names(o), "member_count": len(m),
                    "non_member_count": len(o)} for d, m, o in raw["domains"]]
    domains_frame = pd.DataFrame(domain_rows, columns=["domain", "members", "non_members", "member_count",
                                                       "non_member_count"]).set_index("domain")
    t = raw["territories"]
    matrix = pd.DataFrame([[len(cell) for cell in row] for row in t["providers"]], index=pd.Index(t["territories"], name="territory"),
                          columns=pd.Index(t["domains"], name="domain"), dtype="int64")
    providers = {(territory, domain): names(t["providers"][i][j])
                 for i, territory in enumerate(t["territories"]) for j, domain in enumerate(t["domains"])}
    critical_rows = [{"id": ids[a], "needs": [(ids[u], need) for u, need in needs], "domains": list(domains),
                      "cells": [tuple(c) for c in cells]} for a, needs, domains, cells in raw["critical"]]
    critical_frame = pd.DataFrame(critical_rows, columns=["id", "needs", "domains", "cells"]).set_index("id")
    team_rows = [{"id": ids[u], "members": names(members), "pieces": [names(p) for p in pieces],
                  "piece_count": len(pieces), "joining_pairs": [(ids[x], ids[y]) for x, y in pairs]}
                 for u, members, pieces, pairs in raw["teams"]]
    teams_frame = pd.DataFrame(team_rows, columns=["id", "members", "pieces", "piece_count", "joining_pairs"]).set_index("id")
    return Coverage(
        needs=needs_frame, users=users_frame, domains=domains_frame, territories=matrix, territory_providers=providers,
        uncovered_cells=[tuple(c) for c in t["uncovered"]],
        population_without_provider=pd.Series(t["population_without_provider"], name="population", dtype="float64"),
        critical=critical_frame, cover=names(raw["cover"]["actors"]), cover_exact=raw["cover"]["exact"],
        cover_bound=raw["cover"]["bound"], teams=teams_frame)


@dataclass(frozen=True)
class Finding:
    """A gap: a ``code`` that never changes meaning, a ``severity`` (info, warning, critical),
    the ``subjects`` (actor, tie endpoint or meeting ids) and the ``evidence`` behind it."""

    code: str
    severity: str
    subjects: list[str]
    evidence: dict[str, Any] = field(default_factory=dict)

    def text(self, part: str = "message", lang: str = "fr", net: Network | None = None) -> str:
        """The catalogue's ``title``, ``message`` or ``suggestion`` for this finding."""
        return Renderer(net, lang).text(self.code, part, self.evidence)

    def message(self, net: Network | None = None, lang: str = "fr", part: str = "message") -> str:
        """The catalogue text of this finding (see :func:`maillage.messages.message`)."""
        from .messages import message

        return message(self.code, self.evidence, self.subjects, net, lang, part)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "subjects": list(self.subjects),
                "evidence": dict(self.evidence)}


def _finding(raw: Mapping[str, Any]) -> Finding:
    evidence = {k: (int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in raw["evidence"].items()}
    return Finding(raw["code"], raw["severity"], list(raw["subjects"]), evidence)


class Findings(list):
    """The findings of :func:`gaps`, most severe first, with the network they came from."""

    def __init__(self, findings: Iterable[Finding], net: Network | None = None) -> None:
        super().__init__(findings)
        self.network = net

    def to_frame(self, lang: str | None = None, name: Callable[[str], str] | None = None) -> pd.DataFrame:
        """One row per finding; with ``lang``, the title, message and suggestion in that language
        (actor ids shown by ``name``, by default their label)."""
        rows = []
        renderer = Renderer(self.network, lang, name) if lang else None
        for f in self:
            row: dict[str, Any] = {"code": f.code, "severity": f.severity, "subjects": list(f.subjects),
                                   "evidence": json.dumps(f.evidence, ensure_ascii=False)}
            if renderer is not None:
                row["title"] = renderer.text(f.code, "title", f.evidence)
                row["message"] = renderer.text(f.code, "message", f.evidence)
                row["suggestion"] = renderer.text(f.code, "suggestion", f.evidence)
            rows.append(row)
        columns = ["code", "severity", "subjects", "evidence"] + (["title", "message", "suggestion"] if lang else [])
        return pd.DataFrame(rows, columns=columns)

    def by_code(self, code: str) -> Findings:
        return Findings([f for f in self if f.code == code], self.network)


def _options(net: Network, as_of: str | _dt.date | None, activity_since: str | None, activity_days: int,
             centralisation_threshold: float, max_missing_links: int, reach: int,
             populations: Mapping[str, float] | None) -> tuple:
    if activity_since:
        activity_since = _as_of(activity_since)
    if activity_days < 0 or max_missing_links < 0 or reach < 0:
        raise InvalidArgumentError("activity_days, max_missing_links and reach must be 0 or more")
    return (_as_of(as_of), activity_since or "", activity_days, centralisation_threshold, max_missing_links, reach,
            _populations(net, populations))


def gaps(net: Network, *, as_of: str | _dt.date | None = None, activity_since: str | None = None,
         activity_days: int = 365, centralisation_threshold: float = 0.5, max_missing_links: int = 10,
         reach: int = 1, populations: Mapping[str, float] | None = None) -> Findings:
    """Every gap of the map (rules, severities and evidence in ``gaps.hpp``). ``as_of`` (default
    today) dates the time rules; a partnership is a paper one without activity since
    ``activity_since`` (default ``as_of`` minus ``activity_days``)."""
    raw = _core.gaps(net._core, *_options(net, as_of, activity_since, activity_days, centralisation_threshold,
                                          max_missing_links, reach, populations))
    return Findings((_finding(f) for f in raw), net)


@dataclass
class PlanSection:
    number: int
    key: str
    declared: dict[str, Any]
    computed: dict[str, Any]
    missing: Findings


@dataclass
class Plan:
    """The eight sections of the analysis plan and the gaps (``sections[8]``, key ``gaps``)."""

    sections: list[PlanSection]
    gaps: Findings

    def __getitem__(self, key: int | str) -> PlanSection:
        for s in self.sections:
            if s.number == key or s.key == key:
                return s
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        return {"sections": [{"number": s.number, "key": s.key, "declared": s.declared, "computed": s.computed,
                              "missing": [f.to_dict() for f in s.missing]} for s in self.sections]}


def _plan_value(value: Any) -> Any:
    if isinstance(value, list) and value and isinstance(value[0], tuple):
        return {label: (int(count) if float(count).is_integer() else count) for label, count in value}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def plan(net: Network, *, as_of: str | _dt.date | None = None, activity_since: str | None = None,
         activity_days: int = 365, centralisation_threshold: float = 0.5, max_missing_links: int = 10,
         reach: int = 1, populations: Mapping[str, float] | None = None) -> Plan:
    """The analysis plan of the network (what each section computes: ``plan.hpp``): per section
    what the map declares, what was computed and what is missing; counts are {label: count}
    dicts in decreasing order."""
    sections, found = _core.plan(net._core, *_options(net, as_of, activity_since, activity_days,
                                                      centralisation_threshold, max_missing_links, reach, populations))
    out = [PlanSection(s["number"], s["key"], {k: _plan_value(v) for k, v in s["declared"].items()},
                       {k: _plan_value(v) for k, v in s["computed"].items()},
                       Findings((_finding(f) for f in s["missing"]), net)) for s in sections]
    return Plan(out, Findings((_finding(f) for f in found), net))
