"""Open Referral HSDS import: a service directory (carnet d'adresses) as a network map.

Reads the CSV data package of the Human Services Data Specification (HSDS 1.1, 2.0 and 3.0,
https://docs.openreferral.org): a folder of ``organizations.csv``, ``services.csv``,
``locations.csv``, addresses (``physical_addresses.csv`` in 2.0, ``addresses.csv`` in 3.0),
``service_areas.csv``, ``services_at_location.csv`` / ``service_at_location.csv``, and the
taxonomy tables (``services_taxonomy.csv`` + ``taxonomy.csv`` in 2.0;
``attributes.csv`` + ``taxonomy_terms.csv`` + ``taxonomies.csv`` in 3.0), with or without a
``datapackage.json``. Only ``organizations.csv`` is required.

What becomes what (docs/FORMAT.md, "Open Referral HSDS"):

- each organisation is an ``organisation`` actor with the HSDS id, its name as label, a
  ``status`` from its legal or tax status (non-profit, charity → associative; government,
  public → public; company, for-profit → private), its ``territory`` from the city of its
  first physical address (else the name of its first location), its ``service_area`` from the
  service areas of its services, and its ``domains`` from the taxonomy terms of its active
  services through the **mapping file**;
- a ``parent_organization_id`` (3.0) becomes a ``membership`` tie to the parent;
- what maillage has no field for stays in ``attributes.hsds``: description, email, website,
  legal and tax status, the services (id, name, status, terms) and the terms no domain maps.

The mapping file is a CSV of ``taxonomy,term,domain`` rows (``#`` lines are comments): a term
matches by name or code, in any case; an empty ``taxonomy`` matches every taxonomy. The default,
``maillage/data/hsds_taxonomy.csv``, maps Open Eligibility and AIRS top-level terms; copy and
edit it, and pass it as ``mapping=``.

Files are split by Python's csv module (RFC 4180 quoting, multi-line fields) so that each
problem names its file and line; every problem is collected before :class:`MapError` is raised.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _core
from .errors import MapError, MapFileError, Problem

if TYPE_CHECKING:
    from .network import Network

PathLike = str | os.PathLike[str]

__all__ = ["read_hsds", "is_hsds", "default_mapping_path", "read_mapping"]

_STATUS_WORDS = (
    (("non-profit", "nonprofit", "not-for-profit", "not for profit", "charity", "charitable", "association",
      "501(c)", "community interest", "voluntary", "ngo"), "associative"),
    (("government", "public", "municipal", "federal", "state agency", "local authority", "council"), "public"),
    (("for-profit", "for profit", "company", "limited", "ltd", "llc", "inc.", "corporation", "private",
      "business"), "private"),
)


def default_mapping_path() -> Path:
    """The mapping file shipped with maillage (Open Eligibility and AIRS top-level terms)."""
    return Path(str(resources.files("maillage").joinpath("data/hsds_taxonomy.csv")))


def is_hsds(path: PathLike) -> bool:
    """Whether ``path`` is an HSDS data package: a ``datapackage.json`` beside an
    ``organizations.csv``, or a folder holding ``organizations.csv`` and no ``actors.csv``."""
    p = Path(path)
    if p.name == "datapackage.json":
        return (p.parent / "organizations.csv").is_file()
    return p.is_dir() and (p / "organizations.csv").is_file() and not (p / "actors.csv").exists()


@dataclass
class _Table:
    name: str
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


class _Import:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []

    def problem(self, file: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(str(self.folder / file) if file else str(self.folder),
                                     f"{line}" if line else "", message))

    def table(self, *names: str, required: bool = False) -> _Table:
        for name in names:
            path = self.folder / name
            if path.is_file():
                return self._read(path)
        if required:
            self.problem(names[0], None, "missing file (an HSDS data package needs organizations.csv)")
        return _Table(names[0])

    def _read(self, path: Path) -> _Table:
        table = _Table(path.name)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            line = path.read_bytes()[: error.start].count(b"\n") + 1
            self.problem(path.name, line, "invalid UTF-8 (save the file as UTF-8)")
            return table
        except OSError as error:
            raise MapFileError(f"{path}: cannot read: {error.strerror}") from error
        lines = iter(text.splitlines(keepends=True))
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader, None)
            if header is None:
                self.problem(path.name, None, "the file is empty (it needs at least a header line)")
                return table
            table.columns = [c.strip().lower() for c in header]
            previous = reader.line_num
            for cells in reader:
                start = previous + 1
                previous = reader.line_num
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) > len(table.columns) and any(c.strip() for c in cells[len(table.columns):]):
                    self.problem(path.name, start, f"{len(cells)} cells, but the header has {len(table.columns)} columns")
                table.rows.append((start, {k: (cells[i].strip() if i < len(cells) else "")
                                           for i, k in enumerate(table.columns)}))
        except csv.Error as error:
            self.problem(path.name, reader.line_num, f"malformed CSV: {error}")
        return table

    def need(self, table: _Table, *columns: str) -> bool:
        missing = [c for c in columns if table.columns and c not in table.columns]
        for c in missing:
            self.problem(table.name, 1, f'missing column "{c}"')
        return bool(table.columns) and not missing


@dataclass
class _Rule:
    taxonomy: str
    term: str
    domain: str


def read_mapping(path: PathLike | None = None) -> list[tuple[str, str, str]]:
    """The rules of a mapping file as ``(taxonomy, term, domain)``, lower-cased where they match.

    Raises:
        MapError: a row lacks a term or names an unknown domain (with the file and line).
    """
    rules, problems = _mapping(Path(path) if path is not None else default_mapping_path())
    if problems:
        raise MapError(str(problems[0]) + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""), problems)
    return [(r.taxonomy, r.term, r.domain) for r in rules]


def _mapping(path: Path) -> tuple[list[_Rule], list[Problem]]:
    domains = set(_core.default_vocabulary()["domains"])
    rules: list[_Rule] = []
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return [], [Problem(str(path), str(line), "invalid UTF-8 (save the file as UTF-8)")]
    except OSError as error:
        raise MapFileError(f"{path}: cannot read: {error.strerror}") from error
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    header: list[str] | None = None
    try:
        for cells in reader:
            line = reader.line_num
            if not cells or not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = [c.strip().lower() for c in cells]
                for column in ("term", "domain"):
                    if column not in header:
                        problems.append(Problem(str(path), str(line), f'missing column "{column}"'))
                if problems:
                    return [], problems
                continue
            row = {k: (cells[i].strip() if i < len(cells) else "") for i, k in enumerate(header)}
            if not row["term"]:
                problems.append(Problem(str(path), str(line), 'column "term": is empty'))
            elif row["domain"] not in domains:
                problems.append(Problem(str(path), str(line), f'column "domain": unknown need domain "{row["domain"]}"; '
                                        f"allowed: {', '.join(sorted(domains))}"))
            else:
                rules.append(_Rule(row.get("taxonomy", "").lower(), row["term"].lower(), row["domain"]))
    except csv.Error as error:
        problems.append(Problem(str(path), str(reader.line_num), f"malformed CSV: {error}"))
    return rules, problems


def _status(*texts: str) -> str | None:
    for text in texts:
        lower = text.lower()
        if not lower:
            continue
        for words, status in _STATUS_WORDS:
            if any(w in lower for w in words):
                return status
    return None


def _unique(items: Iterator[str] | list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)


def read_hsds(path: PathLike, mapping: PathLike | None = None) -> Network:
    """Reads an HSDS CSV data package (a folder, or its ``datapackage.json``) as a map.

    ``mapping`` is a CSV file of ``taxonomy,term,domain`` rules (default:
    :func:`default_mapping_path`). Returns a :class:`maillage.Network`.

    Raises:
        MapError: problems of the package or the mapping, each with its file and line.
        MapFileError: the folder or a file cannot be read.
    """
    from .network import Network  # noqa: F811 (imported here: network imports io, io imports hsds)

    p = Path(path)
    folder = p.parent if p.name == "datapackage.json" else p
    if not folder.is_dir():
        raise MapFileError(f"{folder}: not a folder (an HSDS data package is a folder of CSV files)")
    imp = _Import(folder)
    rules, mapping_problems = _mapping(Path(mapping) if mapping is not None else default_mapping_path())
    imp.problems.extend(mapping_problems)

    name = ""
    package = folder / "datapackage.json"
    if package.is_file():
        try:
            meta = json.loads(package.read_text(encoding="utf-8-sig"))
            if isinstance(meta, dict):
                name = str(meta.get("title") or meta.get("name") or "")
        except json.JSONDecodeError as error:
            imp.problem("datapackage.json", error.lineno, f"invalid JSON: {error.msg} (column {error.colno})")
        except UnicodeDecodeError as error:
            line = package.read_bytes()[: error.start].count(b"\n") + 1
            imp.problem("datapackage.json", line, "invalid UTF-8 (save the file as UTF-8)")
        except RecursionError:
            # Python's json module recurses once per nested array or object.
            imp.problem("datapackage.json", None, "invalid JSON: nested too deeply")
        except OSError as error:
            raise MapFileError(f"{package}: cannot read: {error.strerror}") from error

    organizations = imp.table("organizations.csv", required=True)
    services = imp.table("services.csv")
    locations = imp.table("locations.csv")
    addresses = imp.table("physical_addresses.csv", "addresses.csv")
    areas = imp.table("service_areas.csv")
    at_location = imp.table("service_at_location.csv", "services_at_location.csv")
    links_v2 = imp.table("services_taxonomy.csv")
    terms_v2 = imp.table("taxonomy.csv")
    links_v3 = imp.table("attributes.csv")
    terms_v3 = imp.table("taxonomy_terms.csv")
    taxonomies = imp.table("taxonomies.csv")

    actors: dict[str, dict[str, Any]] = {}
    hsds: dict[str, dict[str, Any]] = {}
    parents: list[tuple[str, str, int]] = []
    if imp.need(organizations, "id", "name"):
        for line, row in organizations.rows:
            oid = row["id"]
            if not oid:
                imp.problem(organizations.name, line, 'column "id": is empty')
                continue
            if oid in actors:
                imp.problem(organizations.name, line, f'column "id": organisation "{oid}" appears twice')
                continue
            actor: dict[str, Any] = {"id": oid, "kind": "organisation", "label": row["name"] or oid}
            status = _status(row.get("legal_status", ""), row.get("tax_status", ""))
            if status:
                actor["status"] = status
            actors[oid] = actor
            hsds[oid] = {k: row[k] for k in ("alternate_name", "description", "email", "url", "website", "legal_status",
                                             "tax_status", "year_incorporated", "uri") if row.get(k)}
            if row.get("parent_organization_id"):
                parents.append((oid, row["parent_organization_id"], line))

    # Taxonomy terms: id -> (taxonomy names, name, code).
    taxonomy_names = {row["id"]: row.get("name", "") for _, row in taxonomies.rows if row.get("id")}
    terms: dict[str, tuple[list[str], str, str]] = {}
    for _, row in terms_v2.rows:
        if row.get("id"):
            terms[row["id"]] = ([row.get("vocabulary", ""), row.get("parent_name", "")], row.get("name", ""), "")
    for _, row in terms_v3.rows:
        if row.get("id"):
            names = [row.get("taxonomy", ""), taxonomy_names.get(row.get("taxonomy_id", ""), ""), row.get("taxonomy_id", "")]
            terms[row["id"]] = (names, row.get("name", ""), row.get("code", ""))

    def domains_of(term_id: str) -> list[str]:
        taxonomy, term_name, code = terms[term_id]
        keys = {term_name.lower(), code.lower()} - {""}
        tax = {t.lower() for t in taxonomy if t}
        return _unique(r.domain for r in rules if r.term in keys and (not r.taxonomy or r.taxonomy in tax))

    service_terms: dict[str, list[str]] = {}
    if links_v2.rows and imp.need(links_v2, "service_id", "taxonomy_id"):
        for line, row in links_v2.rows:
            if row["taxonomy_id"] not in terms:
                imp.problem(links_v2.name, line, f'column "taxonomy_id": unknown taxonomy term "{row["taxonomy_id"]}"')
                continue
            service_terms.setdefault(row["service_id"], []).append(row["taxonomy_id"])
    if links_v3.rows and imp.need(links_v3, "link_id", "taxonomy_term_id"):
        for line, row in links_v3.rows:
            if row.get("link_type", "") not in ("", "service", "link_type") and row.get("link_entity", "") != "service":
                continue
            if row["taxonomy_term_id"] not in terms:
                imp.problem(links_v3.name, line, f'column "taxonomy_term_id": unknown taxonomy term "{row["taxonomy_term_id"]}"')
                continue
            service_terms.setdefault(row["link_id"], []).append(row["taxonomy_term_id"])

    service_org: dict[str, str] = {}
    if services.rows and imp.need(services, "id", "organization_id"):
        for line, row in services.rows:
            sid, oid = row["id"], row["organization_id"]
            if oid not in actors:
                imp.problem(services.name, line, f'column "organization_id": unknown organisation "{oid}"')
                continue
            service_org[sid] = oid
            active = row.get("status", "active").lower() in ("", "active")
            mapped: list[str] = []
            unmapped: list[str] = []
            for term_id in service_terms.get(sid, []):
                found = domains_of(term_id)
                mapped += found
                if not found:
                    unmapped.append(terms[term_id][1] or term_id)
            if active and mapped:
                actors[oid]["domains"] = _unique([*actors[oid].get("domains", []), *mapped])
            entry = {"id": sid, "name": row.get("name", "")}
            if row.get("status"):
                entry["status"] = row["status"]
            names = [terms[t][1] or t for t in service_terms.get(sid, [])]
            if names:
                entry["terms"] = names
            hsds[oid].setdefault("services", []).append(entry)
            if unmapped:
                hsds[oid]["unmapped_terms"] = _unique([*hsds[oid].get("unmapped_terms", []), *unmapped])

    for line, row in areas.rows:
        sid = row.get("service_id", "")
        area = row.get("service_area") or row.get("name") or ""
        if sid not in service_org:
            if sid:
                imp.problem(areas.name, line, f'column "service_id": unknown service "{sid}"')
            continue
        oid = service_org[sid]
        actors[oid]["service_area"] = _unique([*actors[oid].get("service_area", []), area])

    location_org: dict[str, str] = {}
    location_name: dict[str, str] = {}
    for line, row in locations.rows:
        lid, oid = row.get("id", ""), row.get("organization_id", "")
        location_name[lid] = row.get("name", "")
        if oid and oid not in actors:
            imp.problem(locations.name, line, f'column "organization_id": unknown organisation "{oid}"')
            continue
        if oid:
            location_org[lid] = oid
    for line, row in at_location.rows:
        sid, lid = row.get("service_id", ""), row.get("location_id", "")
        if sid in service_org and lid in location_name and lid not in location_org:
            location_org[lid] = service_org[sid]
    cities: dict[str, str] = {}
    for line, row in addresses.rows:
        if row.get("address_type", "physical") not in ("", "physical"):
            continue
        lid = row.get("location_id", "")
        if lid not in location_name:
            imp.problem(addresses.name, line, f'column "location_id": unknown location "{lid}"')
            continue
        if row.get("city"):
            cities.setdefault(lid, row["city"])
    for lid, oid in location_org.items():
        actor = actors[oid]
        if "territory" not in actor and (cities.get(lid) or location_name.get(lid)):
            actor["territory"] = cities.get(lid) or location_name[lid]
        hsds[oid].setdefault("locations", []).append(location_name.get(lid) or lid)

    ties = []
    for oid, parent, line in parents:
        if parent not in actors:
            imp.problem(organizations.name, line, f'column "parent_organization_id": unknown organisation "{parent}"')
            continue
        ties.append({"source": oid, "target": parent, "relation": "membership", "formality": "formal",
                     "directed": True})

    if imp.problems:
        first = imp.problems[0]
        more = len(imp.problems) - 1
        raise MapError(str(first) + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""),
                       imp.problems)
    for oid, actor in actors.items():
        if hsds[oid]:
            actor["attributes"] = {"hsds": hsds[oid]}
    data: dict[str, Any] = {"maillage": 1, "actors": list(actors.values()), "ties": ties}
    if name:
        data["network"] = {"name": name}
    return Network.from_json(json.dumps(data, ensure_ascii=False), str(folder))
