"""Reports of a map for people (Markdown, one self-contained HTML file) and for programs (JSON):
the key figures, the map drawing, the gaps with their suggestions, the coverage of needs, domains
and territories with charts, and the eight sections of the analysis plan, in French, English or
German (texts from the message catalogues)."""

from __future__ import annotations

import datetime as _dt
import io
import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import jinja2
import pandas as pd

from . import __version__
from .analysis import Coverage, Findings, Plan, _as_of, coverage, plan
from .drawing import draw, draw_map
from .errors import InvalidArgumentError
from .messages import Count, LocalDate, Renderer, catalogue

if TYPE_CHECKING:
    from .network import Network

REPORT_FORMATS = ("json", "md", "html")
CHARTS = ("domains", "territories", "centrality")
SEVERITY_COLOURS = {"critical": "#c0392b", "warning": "#d68910", "info": "#2e86c1"}


# Reproducible SVG: fixed ids (hashsalt) and no date, so that the same map gives the same file.
SVG_RC = {"font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "none", "svg.hashsalt": "maillage"}


def _subplots(figsize: tuple[float, float]) -> tuple[Any, Any]:
    """A figure outside pyplot: no backend is chosen or switched, nothing is left open, so that a
    report made in a notebook does not stop its inline charts (and threads may draw at once)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=figsize)
    return figure, figure.subplots()


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _charts(net: Network, cov: Coverage, text: dict[str, str], domain_label: Callable[[str], str],
            name: Callable[[str], str], betweenness: Any) -> dict[str, str]:
    import matplotlib

    with matplotlib.rc_context(SVG_RC):  # the caller's settings are left as they were
        return _draw_charts(net, cov, text, domain_label, name, betweenness)


def _draw_charts(net: Network, cov: Coverage, text: dict[str, str], domain_label: Callable[[str], str],
                 name: Callable[[str], str], betweenness: Any) -> dict[str, str]:
    from matplotlib.ticker import MaxNLocator

    charts: dict[str, str] = dict.fromkeys(CHARTS, "")  # a chart that is not drawn is left out
    domains = cov.domains.sort_values(["member_count", "non_member_count"], ascending=True)
    if len(domains):
        fig, ax = _subplots((7, 0.28 * len(domains) + 1))
        labels = [domain_label(d) for d in domains.index]
        ax.barh(labels, domains["member_count"], color="#2e86c1", label=text["members"])
        ax.barh(labels, domains["non_member_count"], left=domains["member_count"], color="#aed6f1", label=text["non_members"])
        ax.set_xlabel(text["count"])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        # Above the bars, outside the axes: inside, it hides the longest bars.
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False, borderaxespad=0.2)
        ax.spines[["top", "right"]].set_visible(False)
        charts["domains"] = _svg(fig)
    matrix = cov.territories
    if matrix.size:
        fig, ax = _subplots((0.42 * matrix.shape[1] + 2.5, 0.4 * matrix.shape[0] + 1.8))
        image = ax.imshow(matrix.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
        ax.set_xticks(range(matrix.shape[1]), [domain_label(d) for d in matrix.columns], rotation=60, ha="right")
        ax.set_yticks(range(matrix.shape[0]), list(matrix.index))
        for i in range(matrix.shape[0]):
            for j in range(matrix.shape[1]):
                value = int(matrix.iat[i, j])
                ax.text(j, i, "–" if value == 0 else str(value), ha="center", va="center",
                        color="#c0392b" if value == 0 else ("white" if value > matrix.to_numpy().max() / 2 else "#1b2631"))
        bar = fig.colorbar(image, ax=ax, fraction=0.03, label=text["count"])
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
        charts["territories"] = _svg(fig)
    if net.tie_count:
        between = betweenness.sort_values(ascending=False).head(10)[::-1]
        if len(between) and between.max() > 0:
            fig, ax = _subplots((7, 0.3 * len(between) + 1))
            ax.barh([name(i) for i in between.index], between.to_numpy(), color="#5d6d7e")
            ax.spines[["top", "right"]].set_visible(False)
            charts["centrality"] = _svg(fig)
    return charts


def _freeman(values: Any, largest: float) -> float | None:
    """Freeman centralisation, as summary.hpp defines it."""
    values = values.dropna()
    if len(values) < 3 or largest <= 0:
        return None
    return float((values.max() - values).sum() / largest)


def _summary(net: Network, betweenness: Any, closeness: Any) -> dict[str, Any]:
    """net.summary(), with the betweenness and closeness centralisation computed from the scores
    the report has already (on ties either way), not a second time."""
    if not len(net):
        return {}
    s = net.summary(centralization=False)
    n = float(s["actors"])
    s["betweenness_centralization"] = _freeman(betweenness, (n - 1) ** 2 * (n - 2) / 2)
    s["closeness_centralization"] = _freeman(closeness, (n - 1) * (n - 2) / (2 * n - 3) if n > 1 else 0)
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in s.items()}


def analysis(net: Network, *, as_of: str | _dt.date | None = None, lang: str = "fr",
             name: Callable[[str], str] | None = None, **options: Any) -> dict[str, Any]:
    """The JSON report as a dict: ``network``, ``measures``, ``coverage``, ``gaps``, ``plan``.
    Gaps carry their title, message and suggestion in ``lang``; ``name`` maps actor ids to what
    is shown (pseudonyms in batch reports)."""
    return _analysis(net, as_of, lang, name, options)[0]


def _analysis(net: Network, as_of: str | _dt.date | None, lang: str, name: Callable[[str], str] | None,
              options: dict[str, Any]) -> tuple[dict[str, Any], Coverage]:
    as_of = _as_of(as_of)
    renderer = Renderer(net, lang, name)
    the_plan = plan(net, as_of=as_of, **options)
    cov = coverage(net, reach=options.get("reach", 1), populations=options.get("populations"))
    measures: dict[str, Any] = {"summary": {}}
    if len(net):
        # Ties count either way in the report's table, as in its centralisation figures.
        table = {
            "degree": net.degree(), "betweenness": net.betweenness(directed=False), "closeness": net.closeness("all"),
            "core_number": net.core_numbers(), "component": net.components(),
        }
        measures["summary"] = _summary(net, table["betweenness"], table["closeness"])
        try:
            table["pagerank"] = net.pagerank()
        except Exception:  # a map too irregular to converge keeps the other measures
            pass
        columns = {k: v.reindex(net.ids).tolist() for k, v in table.items()}
        measures["actors"] = [{"id": actor, **{k: (None if isinstance(values[i], float) and math.isnan(values[i])
                                                   else values[i]) for k, values in columns.items()}}
                              for i, actor in enumerate(net.ids)]
    gaps = [{**f.to_dict(), "title": renderer.text(f.code, "title", f.evidence),
             "message": renderer.text(f.code, "message", f.evidence),
             "suggestion": renderer.text(f.code, "suggestion", f.evidence)} for f in the_plan.gaps]
    return {  # type: ignore[return-value]
        "network": {**net.info, "actors": net.actor_count, "ties": net.tie_count, "meetings": net.meeting_count,
                    "as_of": as_of, "language": lang, "maillage": __version__},
        "measures": measures,
        "coverage": cov.to_dict(),
        "gaps": gaps,
        "plan": the_plan.to_dict(),
    }, cov


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("maillage", "templates"), autoescape=jinja2.select_autoescape(["html"]),
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    return env


def report(net: Network, format: str = "html", *, lang: str = "fr", as_of: str | _dt.date | None = None,
           name: Callable[[str], str] | None = None, **options: Any) -> str:
    """The report of a map as text: ``json``, ``md`` (Markdown) or ``html`` (one self-contained
    file: styles, charts and the map drawing inline, no network access needed)."""
    if format not in REPORT_FORMATS:
        raise InvalidArgumentError(f'report: format must be one of {", ".join(REPORT_FORMATS)}, got "{format}"')
    return reports(net, [format], lang=lang, as_of=as_of, name=name, **options)[format]


def reports(net: Network, formats: list[str], *, lang: str = "fr", as_of: str | _dt.date | None = None,
            name: Callable[[str], str] | None = None, **options: Any) -> dict[str, str]:
    """Several formats of the report of a map, analysing it once."""
    for format in formats:
        if format not in REPORT_FORMATS:
            raise InvalidArgumentError(f'report: format must be one of {", ".join(REPORT_FORMATS)}, got "{format}"')
    catalogue(lang)
    analysed = _analysis(net, as_of, lang, name, options)
    return {format: _render(net, format, lang, name, options, *analysed) for format in formats}


def _render(net: Network, format: str, lang: str, name: Callable[[str], str] | None, options: dict[str, Any],
            data: dict[str, Any], cov: Coverage) -> str:
    cat = catalogue(lang)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    renderer = Renderer(net, lang, name)
    text = cat["report"]
    vocabulary = net.vocabulary

    def domain_label(key: str) -> str:
        return vocabulary["domains"].get(key, {}).get(lang, key)

    def show(actor_id: str) -> str:
        return renderer.actor(actor_id)

    def value(key: str, v: Any) -> str:
        if key == "financing":  # from the records, so that funders are named and words translated
            return "; ".join(financing_line(f) for f in net.info.get("financing", [])) or "—"
        if key == "territory":  # the territories declared, with their population where given
            population = {t["name"]: t["population"] for t in net.info.get("territory", [])
                          if isinstance(t, dict) and t.get("population") is not None}
            return ", ".join(f"{t} ({text['inhabitants'].format(n=Count(population[t], lang, amount(population[t])))})" if t in population else t
                             for t in v) or "—"
        if key == "funding_ties":
            ties = net.ties
            funding = ties.loc[ties["relation"] == "funding"]
            funded: dict[str, list[str]] = {}  # by funder, in the order of the map
            for s, t in zip(funding["source"], funding["target"]):
                funded.setdefault(s, []).append(show(t))
            return "; ".join(f"{show(s)} → {', '.join(ts)}" for s, ts in funded.items()) or "—"
        if isinstance(v, dict):
            return ", ".join(f"{_label(key, k)} ({_num(c)})" for k, c in v.items()) or "—"
        if isinstance(v, list):
            return ", ".join(_label(key, x) for x in v) or "—"
        if isinstance(v, float):
            return _num(v)
        return _label(key, v)

    def _num(v: Any) -> str:
        if isinstance(v, float) and not v.is_integer():
            t = f"{v:.2f}"
            return t.replace(".", ",") if lang in ("fr", "de") else t
        return str(int(v)) if isinstance(v, float) else str(v)

    actor_ids = set(net.ids)

    def amount(v: float) -> str:
        """An amount with the thousands separator of the language (fr 120 000, en 120,000, de 120.000)."""
        whole = f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"
        if lang == "fr":
            return whole.replace(",", "\u202f").replace(".", ",")
        if lang == "de":
            return whole.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return whole

    def financing_line(f: dict[str, Any]) -> str:
        funder = str(f.get("funder", ""))
        who = show(funder) if funder in actor_ids else funder
        if f.get("kind") in ("direct", "indirect"):
            who += f" ({text['financing_' + f['kind']]})"
        details = [str(f["nature"])] if f.get("nature") else []
        if f.get("amount") is not None:
            details.append(amount(f["amount"]))
        return who + (f"{' :' if lang == 'fr' else ':'} {', '.join(details)}" if details else "")

    def _label(key: str, v: Any) -> str:
        v = str(v)
        if v in actor_ids:
            return show(v)
        if key in ("domains", "needs", "domains_offered_by_members", "declared_domains_without_member"):
            return domain_label(v)
        if key == "open_decisions_by_owner" and v == "-":  # the plan's key for decisions without owner
            return cat["meetings"]["nobody"]
        if key == "actors_by_kind":
            return cat["kinds"].get(v, v)
        if key == "members_by_status":
            return cat["statuses"].get(v, v)
        if key == "members_by_sector":
            return vocabulary["sectors"].get(v, {}).get(lang, v)
        if key == "by_severity":
            return cat["severity"].get(v, v)
        if key == "by_code":
            return cat["gaps"].get(v, {}).get("title", v)
        return v

    summary = data["measures"]["summary"]
    context = {
        "t": text, "cat": cat, "lang": lang, "data": data, "summary": summary,
        "name": data["network"].get("name") or text["title"],
        "as_of": LocalDate(data["network"]["as_of"], lang), "version": __version__,
        "colon": " :" if lang == "fr" else ":",  # French puts a space before the colon
        # Missing plan information is listed in its plan section, not among the gaps.
        "gaps": [g for g in data["gaps"] if g["code"] != "plan_information_missing"], "colours": SEVERITY_COLOURS,
        "needs": [{"user": show(r.user), "need": domain_label(r.need), "providers": ", ".join(show(p) for p in r.providers),
                   "covered": r.covered} for r in cov.needs.itertuples()],
        "teams": [{"text": text["team_pieces"].format(user=show(u), members=Count(len(row["members"]), lang),
                                                      pieces=Count(int(row["piece_count"]), lang)),
                   "pieces": row["piece_count"],
                   "groups": [", ".join(show(m) for m in piece) for piece in row["pieces"]]}
                  for u, row in cov.teams.iterrows()],
        "cover": ", ".join(show(a) for a in cov.cover),
        # Inhabitants of the territories without a provider, per domain (maps with populations).
        "unserved": ", ".join(f"{domain_label(d)} ({amount(v)})" for d, v in
                              cov.population_without_provider.sort_values(ascending=False).items() if v > 0),
        "cover_quality": text["exact"] if cov.cover_exact else text["greedy_bound"].format(bound=_num(cov.cover_bound)),
        "sections": [{"number": s["number"], "title": cat["sections"][str(s["number"]) if s["number"] <= 8 else "gaps"],
                      "declared": [(cat["plan_items"].get(k, k), value(k, v)) for k, v in s["declared"].items()],
                      "computed": [(cat["plan_items"].get(k, k), value(k, v)) for k, v in s["computed"].items()],
                      "missing": [renderer.text(f["code"], "message", f["evidence"]) for f in s["missing"]]}
                     for s in data["plan"]["sections"]],
        "num": _num,
    }
    env = _environment()
    if format == "md":
        return env.get_template("report.md.j2").render(**context)
    scores = pd.Series({a["id"]: a["betweenness"] for a in data["measures"].get("actors", [])}, dtype="float64")
    context["map_svg"] = (draw_map(net, lang=lang, name=name, sizes=scores if net.tie_count else None) if len(net) else "")
    # The ecomap of each user (the C++ drawings of maillage.drawing), after the whole map.
    users = net.actors.index[(net.actors["kind"] == "person") & (net.actors["role"] == "user")] if len(net) else []
    context["ecomaps"] = [{"title": cat["drawing"]["ecomap"].format(user=show(u)),
                           "svg": str(draw(net, "ecomap", u, lang=lang, name=name, reach=options.get("reach", 1)))}
                          for u in users]
    context["charts"] = _charts(net, cov, text, domain_label, show, scores)
    return env.get_template("report.html.j2").render(**context)
