"""Reports: the JSON keys, Markdown and self-contained HTML in every language without placeholders,
and the `maillage analyze` command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import maillage
from maillage.messages import LANGUAGES, catalogue

AS_OF = "2026-11-22"


@pytest.mark.parametrize("name", maillage.example_names())
def test_json_report(name: str) -> None:
    net = maillage.example(name)
    data = json.loads(maillage.report(net, "json", lang="en", as_of=AS_OF))
    assert set(data) == {"network", "measures", "coverage", "gaps", "plan"}
    assert data["network"]["actors"] == len(net)
    assert {a["id"] for a in data["measures"]["actors"]} == set(net.ids)
    for gap in data["gaps"]:
        assert set(gap) >= {"code", "severity", "subjects", "evidence", "suggestion", "message", "title"}
    assert [s["number"] for s in data["plan"]["sections"]] == list(range(1, 10))
    assert data["gaps"] == [{**f.to_dict(), "title": f.text("title", "en", net), "message": f.text("message", "en", net),
                             "suggestion": f.text("suggestion", "en", net)}
                            for f in maillage.gaps(net, as_of=AS_OF)]


@pytest.mark.parametrize("name", maillage.example_names())
@pytest.mark.parametrize("lang", LANGUAGES)
def test_people_reports_have_no_placeholder(name: str, lang: str) -> None:
    net = maillage.example(name)
    for fmt in ("md", "html"):
        text = maillage.report(net, fmt, lang=lang, as_of=AS_OF)
        body = re.sub(r"<style>.*?</style>|<svg.*?</svg>", "", text, flags=re.S)
        assert not re.search(r"\{[a-z_]+\}", body), (fmt, re.search(r"\{[a-z_]+\}", body))
        assert catalogue(lang)["report"]["plan"] in text
        for section in range(1, 9):
            assert catalogue(lang)["sections"][str(section)] in text


def test_html_is_self_contained() -> None:
    html = maillage.report(maillage.example("reseau_regional"), "html", as_of=AS_OF)
    # No script, stylesheet, image or font fetched from elsewhere: only SVG namespaces.
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert [r for r in references if not r.startswith(("#", "data:"))] == []
    assert all(u.startswith("http://www.w3.org/") or u.startswith("http://purl.org/") or u.startswith("http://creativecommons")
               or u.startswith("https://matplotlib.org") for u in re.findall(r"https?://[^\s\"'<>)]+", html))
    assert html.count("<svg") >= 4  # the map and three charts


def test_report_arguments() -> None:
    net = maillage.example("ecocarte_usager")
    with pytest.raises(maillage.InvalidArgumentError, match="format must be one of json, md, html"):
        maillage.report(net, "pdf")
    with pytest.raises(maillage.InvalidArgumentError, match="lang must be one of"):
        maillage.report(net, "md", lang="it")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maillage.cli", *args], capture_output=True, text=True)


def test_analyze_command(tmp_path: Path) -> None:
    source = maillage.example_path("suivi_entretiens")
    done = run("analyze", str(source), "-o", str(tmp_path), "--format", "json,md,html", "--lang", "en", "--as-of", AS_OF)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["suivi_entretiens.html", "suivi_entretiens.json", "suivi_entretiens.md"]
    assert json.loads((tmp_path / "suivi_entretiens.json").read_text())["network"]["as_of"] == AS_OF
    single = run("analyze", str(source), "-o", str(tmp_path / "one.md"), "--format", "md", "--as-of", AS_OF)
    assert single.returncode == 0 and (tmp_path / "one.md").read_text().startswith("# ")
    to_stdout = run("analyze", str(source), "--format", "json", "--as-of", AS_OF)
    assert json.loads(to_stdout.stdout)["network"]["meetings"] == 3
    assert run("analyze", str(source), "--as-of", "22/11/2026").returncode == 2
    assert run("analyze", str(source), "--format", "pdf").returncode == 2
    missing = run("analyze", str(tmp_path / "nowhere.maillage.json"))
    assert missing.returncode == 1 and "nowhere" in missing.stderr
    assert not list(tmp_path.glob(".*.tmp-*"))
