"""The regional summary of a batch (``summary.html``): key figures, coverage of needs by domain
across all maps, the territory x domain heat map of services across all maps, the distribution
of gaps by kind and severity, the coverage of each map, and the maps that failed."""

from __future__ import annotations

from collections import Counter
from typing import Any

import jinja2

from . import __version__
from .messages import catalogue
from .vocabulary_labels import domain_labels

CHARTS = ("coverage", "shares", "heatmap", "gaps")


def regional_summary(results: list[dict[str, Any]], failures: list[tuple[str, str]], lang: str = "fr") -> str:
    """HTML text of the regional summary; ``results`` as returned by batch.analyse_map."""
    import matplotlib

    from .reports import SVG_RC

    with matplotlib.rc_context(SVG_RC):  # the caller's settings are left as they were
        return _regional_summary(results, failures, lang)


def _regional_summary(results: list[dict[str, Any]], failures: list[tuple[str, str]], lang: str) -> str:
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    from .reports import _subplots, _svg

    cat = catalogue(lang)
    text = cat["regional"]
    labels = domain_labels(lang)
    rows = [r["row"] for r in results]
    charts: dict[str, str] = dict.fromkeys(CHARTS, "")  # a chart that is not drawn is left out
    needs: dict[str, list[int]] = {}
    for r in results:
        for domain, (count, covered) in r["needs_by_domain"].items():
            tally = needs.setdefault(domain, [0, 0])
            tally[0] += count
            tally[1] += covered
    if needs:
        order = sorted(needs, key=lambda d: needs[d][0])
        fig, ax = _subplots((7, 0.3 * len(order) + 1))
        covered = [needs[d][1] for d in order]
        missing = [needs[d][0] - needs[d][1] for d in order]
        names = [labels.get(d, d) for d in order]
        ax.barh(names, covered, color="#1e8449", label=text["covered"])
        ax.barh(names, missing, left=covered, color="#e74c3c", label=text["uncovered"])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        # Above the bars, outside the axes: inside, it hides the longest bars.
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False, borderaxespad=0.2)
        ax.spines[["top", "right"]].set_visible(False)
        charts["coverage"] = _svg(fig)
    cells: Counter[tuple[str, str]] = Counter()
    for r in results:
        for key, count in r["cells"].items():
            territory, domain = key.split("\t")
            cells[(territory, domain)] += count
    if cells:
        territories = sorted({t for t, _ in cells})
        domains = sorted({d for _, d in cells})
        matrix = np.array([[cells[(t, d)] for d in domains] for t in territories])
        fig, ax = _subplots((0.42 * len(domains) + 2.5, 0.35 * len(territories) + 1.8))
        image = ax.imshow(matrix, cmap="Blues", aspect="auto", vmin=0)
        ax.set_xticks(range(len(domains)), [labels.get(d, d) for d in domains], rotation=60, ha="right")
        ax.set_yticks(range(len(territories)), territories)
        if matrix.size <= 600:
            for i in range(len(territories)):
                for j in range(len(domains)):
                    v = int(matrix[i, j])
                    ax.text(j, i, "–" if v == 0 else str(v), ha="center", va="center", fontsize=7,
                            color="#c0392b" if v == 0 else ("white" if v > matrix.max() / 2 else "#1b2631"))
        bar = fig.colorbar(image, ax=ax, fraction=0.03, label=text["count"])
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
        charts["heatmap"] = _svg(fig)
    # Gaps by code, each bar split by severity (results of runs before severities were recorded
    # per code count under their code without a severity, in grey).
    gap_counts: dict[str, Counter[str]] = {}
    for r in results:
        by_severity = r.get("gaps_by_severity")
        if by_severity is None:
            by_severity = {column[4:]: {"": int(v)} for column, v in r["row"].items() if column.startswith("gap_")}
        for code, counts in by_severity.items():
            gap_counts.setdefault(code, Counter()).update(counts)
    if gap_counts:
        from .reports import SEVERITY_COLOURS

        order = sorted(gap_counts, key=lambda c: (sum(gap_counts[c].values()), c))
        fig, ax = _subplots((7, 0.3 * len(order) + 1))
        names = [cat["gaps"][c]["title"] for c in order]
        left = np.zeros(len(order))
        for severity in ("critical", "warning", "info", ""):
            counts = np.array([gap_counts[c].get(severity, 0) for c in order])
            if counts.any():
                ax.barh(names, counts, left=left, color=SEVERITY_COLOURS.get(severity, "#aab7b8"),
                        label=cat["severity"].get(severity, "?"))
                left += counts
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(text["count"])
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, frameon=False, borderaxespad=0.2)
        ax.spines[["top", "right"]].set_visible(False)
        charts["gaps"] = _svg(fig)
    shares = [r["covered_share"] for r in rows if r.get("covered_share") is not None]
    if len(shares) > 1:
        fig, ax = _subplots((7, 2.4))
        from matplotlib.ticker import PercentFormatter

        ax.hist(shares, bins=min(20, max(5, len(shares) // 5)), range=(0, 1), color="#2e86c1")
        ax.set_xlabel(text["covered_share"])
        ax.set_ylabel(text["maps_count"])
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.spines[["top", "right"]].set_visible(False)
        charts["shares"] = _svg(fig)
    total_needs = sum(r.get("needs", 0) for r in rows)
    total_covered = sum(r.get("needs_covered", 0) for r in rows)
    env = jinja2.Environment(loader=jinja2.PackageLoader("maillage", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    return env.get_template("regional.html.j2").render(
        t=text, lang=lang, rows=rows, failures=failures, charts=charts, version=__version__,
        figures={"maps": len(rows), "failed": len(failures), "actors": sum(r["actors"] for r in rows),
                 "users": sum(r["users"] for r in rows),
                 "share": (f"{100 * total_covered / total_needs:.0f} %" if total_needs else "—")})
