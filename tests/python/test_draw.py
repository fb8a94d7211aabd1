"""Drawings: SVG that parses as XML, every shown label escaped, legends, ecomaps, partner maps and
whole maps on every bundled example and on a generated 500-actor map, the 'draw' command and its
exit statuses, PNG conversion, and the matplotlib charts."""

from __future__ import annotations

import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

import maillage
import maillage.plot
from maillage.drawing import SVG, drawing_text, png_converter
from maillage.generate import regional_map
from maillage.messages import LANGUAGES

SVG_NS = "{http://www.w3.org/2000/svg}"
COMMAND = [str(Path(sys.executable).with_name("maillage"))]
EXAMPLES = ("ecocarte_usager", "reseau_regional", "suivi_entretiens")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, text=True)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    """The text content of every <text> (tspans joined with spaces, as a reader reads a label)."""
    out = []
    for t in root.iter(f"{SVG_NS}text"):
        spans = [s.text or "" for s in t.iter(f"{SVG_NS}tspan")]
        out.append(" ".join(spans) if spans else (t.text or ""))
    return out


def all_text(root: ET.Element) -> str:
    """Every text of the drawing in one string, non-breaking spaces as spaces (a legend title
    that wraps keeps its parenthesis on one line)."""
    return " ".join(texts(root)).replace("\xa0", " ")


def tooltips(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG_NS}title")]


def actor_nodes(root: ET.Element) -> list[tuple[str, float, float, float]]:
    """(tooltip, x, y, radius) of every actor's node, in drawing order."""
    actors = next(g for g in root.iter(f"{SVG_NS}g") if g.get("class") == "actors")
    out = []
    for group in actors.findall(f"{SVG_NS}g"):
        tip = group.findtext(f"{SVG_NS}title") or ""
        shape = next(e for e in group if e.tag != f"{SVG_NS}title")
        if shape.tag == f"{SVG_NS}circle":
            out.append((tip, float(shape.get("cx")), float(shape.get("cy")), float(shape.get("r"))))
        elif shape.tag == f"{SVG_NS}rect":
            w = float(shape.get("width"))
            out.append((tip, float(shape.get("x")) + w / 2, float(shape.get("y")) + w / 2, w / 2))
        else:  # a diamond
            xs = [float(p.split(",")[0]) for p in shape.get("points").split()]
            ys = [float(p.split(",")[1]) for p in shape.get("points").split()]
            out.append((tip, sum(xs) / 4, sum(ys) / 4, (max(xs) - min(xs)) / 2))
    return out


def node_positions(root: ET.Element) -> list[tuple[float, float, float]]:
    return [(x, y, r) for _, x, y, r in actor_nodes(root)]


def no_external_references(svg: str) -> None:
    assert "xlink:href" not in svg and "<image" not in svg and "@import" not in svg
    assert re.findall(r'(?:href)="([^"#][^"]*)"', svg) == []
    assert set(re.findall(r"https?://[^\s\"'<>]+", svg)) <= {"http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def large() -> maillage.Network:
    return regional_map(500, seed=3)


@pytest.mark.parametrize("name", EXAMPLES)
def test_whole_map_of_every_example(name: str) -> None:
    net = maillage.example(name)
    svg = net.draw(lang="fr")
    assert isinstance(svg, SVG) and isinstance(svg, str)
    assert svg._repr_svg_() == str(svg)
    root = parse(svg)
    no_external_references(svg)
    shown = texts(root)
    # Every actor has a node with its name in the tooltip; most names show on the map itself.
    labels = [label or i for i, label in zip(net.ids, net.actors["label"].fillna(""))]
    tips = "\n".join(tooltips(root))
    for label in labels:
        assert label in tips
    visible = [label for label in labels if any(label in t or t.rstrip("…") and label.startswith(t.rstrip("…")) for t in shown)]
    assert len(visible) >= 0.6 * len(labels), set(labels) - set(visible)
    text = drawing_text("fr")
    assert text["sectors"] in shown and text["ties"] in shown and text["membership"] in shown
    positions = node_positions(root)
    assert len(positions) == len(net)
    width, height = float(root.get("width")), float(root.get("height"))
    for x, y, r in positions:
        assert math.isfinite(x) and math.isfinite(y)
        assert r <= x <= width - r + 0.5 and r <= y <= height - r + 0.5
    assert len({(round(x), round(y)) for x, y, _ in positions}) == len(positions)
    # Deterministic.
    assert net.draw(lang="fr") == svg


@pytest.mark.parametrize("name", ["ecocarte_usager", "suivi_entretiens"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_ecomap_of_every_user(name: str, lang: str) -> None:
    net = maillage.example(name)
    text = drawing_text(lang)
    cov = maillage.coverage(net)
    for user in net.actors.index[net.actors["role"] == "user"]:
        svg = net.draw("ecomap", user, lang=lang)
        root = parse(svg)
        no_external_references(svg)
        shown = texts(root)
        label = net.actors.loc[user, "label"]
        assert root.find(f"{SVG_NS}title").text == text["ecomap"].format(user=label)
        assert text["primary"] in "\n".join(shown)
        assert text["needs"].format(user=label) in shown
        # One badge per need, covered or not as coverage() says.
        needs = cov.needs[cov.needs["user"] == user]
        badges = [t for t in shown if t.startswith(("✓ ", "✗ "))]
        assert len(badges) == len(needs)
        assert sum(b.startswith("✗") for b in badges) == int((~needs["covered"]).sum())
        # Every actor tied to the user is drawn and named.
        tied = set(net.ties.loc[net.ties["source"] == user, "target"]) | set(net.ties.loc[net.ties["target"] == user, "source"])
        tips = "\n".join(tooltips(root))
        for actor in tied:
            assert (net.actors.loc[actor, "label"] or actor) in tips


def test_ecomap_rings_and_styles() -> None:
    net = maillage.example("ecocarte_usager")
    root = parse(net.draw("ecomap", "usr"))
    nodes = actor_nodes(root)
    tip, cx, cy, _ = nodes[0]  # the user comes first, at the centre
    assert tip.startswith("Mme L. K.")
    person_roles = {"famille", "ami·e", "voisin·e", "collègue"}
    primary = [math.hypot(x - cx, y - cy) for t, x, y, _ in nodes[1:] if t.split(" — ")[1] in person_roles]
    secondary = [math.hypot(x - cx, y - cy) for t, x, y, _ in nodes[1:] if t.split(" — ")[1] not in person_roles]
    assert len(primary) == 7 and len(secondary) == 11
    assert max(primary) < min(secondary)
    ties = next(g for g in root.iter(f"{SVG_NS}g") if g.get("class") == "ties")
    paths = list(ties.iter(f"{SVG_NS}path"))
    assert len(paths) == net.tie_count - 0  # every tie of the map touches the user's alters here
    informal = [p for p in paths if p.get("stroke-dasharray") == "7 4"]
    assert len(informal) == int((net.ties["formality"] == "informal").sum())
    assert [p.get("stroke") for p in paths].count("#c0392b") == int((net.ties["valence"] == "conflictual").sum())
    widths = {float(p.get("stroke-width")) for p in paths}
    assert len(widths) > 2  # width by weight


def test_partner_map() -> None:
    net = maillage.example("reseau_regional")
    for lang in LANGUAGES:
        svg = net.draw("partners", "ssr_valmont", lang=lang)
        root = parse(svg)
        no_external_references(svg)
        text = drawing_text(lang)
        shown = "\n".join(texts(root))
        assert text["kinds_of_tie"] in shown
        assert text["partnership_convention"] in shown
        assert text["potential_partners"] in shown
        for potential in net.actors.index[net.actors["potential"]]:
            assert net.actors.loc[potential, "label"].split()[0] in shown
    # Every organisation of the examples has a partner map.
    for name in EXAMPLES:
        net = maillage.example(name)
        for org in net.actors.index[net.actors["kind"] == "organisation"]:
            parse(net.draw("partners", org))


def test_labels_are_escaped() -> None:
    net = maillage.Network.from_dict({
        "actors": [
            {"id": "a", "kind": "organisation", "label": "Service <social> & \"santé\"", "sector": "social"},
            {"id": "b", "kind": "organisation", "label": "L'Étape — foyer", "sector": "housing", "potential": True},
            {"id": "u", "kind": "person", "role": "user", "label": "Zoé <Ü>", "needs": ["housing"]},
        ],
        "ties": [{"source": "a", "target": "b", "relation": "partnership"},
                 {"source": "u", "target": "a", "relation": "accompaniment"}],
    })
    for svg in (net.draw(), net.draw("ecomap", "u"), net.draw("partners", "a")):
        assert "&lt;social&gt; &amp; &quot;santé&quot;" in svg
        shown = "\n".join(texts(parse(svg)) + tooltips(parse(svg)))
        assert 'Service <social> & "santé"' in shown
    for svg in (net.draw(), net.draw("partners", "a")):
        assert "L'Étape — foyer" in "\n".join(texts(parse(svg)))
    for svg in (net.draw(), net.draw("ecomap", "u")):  # persons are not partners
        assert "Zoé <Ü>" in "\n".join(texts(parse(svg)))
    # Pseudonyms replace every name.
    svg = net.draw(name=lambda i: f"P-{i}")
    assert "Service" not in "\n".join(texts(parse(svg)) + tooltips(parse(svg)))
    assert "P-a" in svg


def test_large_generated_map(large: maillage.Network) -> None:
    svg = large.draw(lang="fr", size_by="degree")
    root = parse(svg)
    positions = node_positions(root)
    assert len(positions) == len(large)
    overlapping = sum(1 for i in range(len(positions)) for j in range(i + 1, len(positions))
                      if math.hypot(positions[i][0] - positions[j][0], positions[i][1] - positions[j][1])
                      < positions[i][2] + positions[j][2] - 0.5)
    assert overlapping == 0
    shown = texts(root)
    hidden = drawing_text("fr")["hidden_labels"].split("{n}")[0].strip()
    note = re.search(re.escape(hidden) + r"\s*(\d+)", " ".join(shown))
    assert note and int(note.group(1)) >= 400  # only the most important actors are named
    user = large.actors.index[large.actors["role"] == "user"][0]
    parse(large.draw("ecomap", user))
    org = large.actors.index[large.actors["kind"] == "organisation"][0]
    parse(large.draw("partners", org))


def test_colour_and_size_options() -> None:
    net = maillage.example("reseau_regional")
    by_kind = parse(net.draw(color_by="kind", lang="en"))
    assert "Kinds of actor" in texts(by_kind)
    partition = pd.Series({i: (0 if k < 20 else 1) for k, i in enumerate(net.ids)})
    by_community = texts(parse(net.draw(color_by="community", communities=partition, lang="en")))
    assert "Communities (given partition)" in " ".join(by_community).replace("\xa0", " ") and any(t.startswith("community 2") for t in by_community)
    sized = net.draw(size_by=net.pagerank().rename("PageRank"), lang="en")
    assert "Size: PageRank" in texts(parse(sized))
    for measure in maillage.drawing.SIZE_BY:
        parse(net.draw(size_by=measure))
    assert net.view(layer="secondary").draw().count("<circle") >= 1
    with pytest.raises(maillage.InvalidArgumentError, match="color_by"):
        net.draw(color_by="colour")
    with pytest.raises(maillage.InvalidArgumentError, match="size_by"):
        net.draw(size_by="size")
    with pytest.raises(maillage.InvalidArgumentError, match="kind must be one of"):
        net.draw("chart")
    with pytest.raises(maillage.InvalidArgumentError, match="needs actor"):
        net.draw("ecomap")
    with pytest.raises(maillage.UnknownIdError, match="nobody"):
        net.draw("ecomap", "nobody")
    with pytest.raises(maillage.InvalidArgumentError, match="drawn around a person"):
        net.draw("ecomap", "ssr_valmont")
    with pytest.raises(maillage.InvalidArgumentError, match="lang must be one of"):
        net.draw(lang="it")


def node_fills(root: ET.Element, net: maillage.Network) -> dict[str, str]:
    """The fill colour of every drawn actor's node, by actor id (its tooltip starts with the
    actor's label, or its id without one)."""
    by_label = {(label or actor): actor for actor, label in zip(net.ids, net.actors["label"].fillna(""))}
    assert len(by_label) == len(net), "the labels of the map must tell its actors apart"
    actors = next(g for g in root.iter(f"{SVG_NS}g") if g.get("class") == "actors")
    out = {}
    for group in actors.findall(f"{SVG_NS}g"):
        tip = group.findtext(f"{SVG_NS}title") or ""
        shape = next(e for e in group if e.tag != f"{SVG_NS}title")
        out[by_label[tip.split(" — ")[0]]] = shape.get("fill")
    return out


def assert_colours_follow(fills: dict[str, str], partition: pd.Series) -> None:
    """Drawn actors share a colour exactly when they share a community (the maps have fewer
    communities than the palette has colours)."""
    assert 2 <= partition[list(fills)].nunique() <= 16  # colours of the palette (draw/scene.hpp)
    colour_of: dict[object, str] = {}
    for actor, fill in fills.items():
        assert colour_of.setdefault(partition[actor], fill) == fill, actor
    assert len(set(colour_of.values())) == len(colour_of)


@pytest.mark.parametrize("name", EXAMPLES)
def test_communities_are_computed_when_the_map_has_none(name: str) -> None:
    net = maillage.example(name)
    svg = net.draw(color_by="community", lang="en")
    root = parse(svg)
    for seed in (0, 3):
        louvain = net.communities("louvain", seed=seed)
        drawn = net.draw(color_by="community", lang="en", community_seed=seed)
        assert f"Communities (Louvain, seed {seed})" in all_text(parse(drawn))
        # The legend numbers them as net.communities() does (0 the largest is "community 1").
        assert f"community 1 ({int((louvain == 0).sum())})" in texts(parse(drawn))
        if louvain.nunique() >= 2:
            assert_colours_follow(node_fills(parse(drawn), net), louvain)
    assert str(svg) == str(net.draw(color_by="community", lang="en"))  # same seed, same drawing
    # A partition from net.communities() says where it comes from; any other one that it is given.
    leiden = net.communities("leiden", seed=2)
    assert "Communities (Leiden, seed 2)" in all_text(parse(net.draw(color_by="community", communities=leiden, lang="en")))
    plain = dict(leiden)
    assert "Communities (given partition)" in all_text(parse(net.draw(color_by="community", communities=plain, lang="en")))
    assert "Communautés (Louvain, graine 0)" in all_text(parse(net.draw(color_by="community")))


def test_communities_of_a_view_are_those_of_the_view() -> None:
    net = maillage.example("reseau_regional")
    view = net.view(layer="secondary")
    fills = node_fills(parse(view.draw(color_by="community", lang="en")), net)
    assert_colours_follow(fills, view.communities("louvain", seed=0))


def test_community_attribute() -> None:
    net = maillage.Network.from_dict({
        "actors": [{"id": x, "kind": "organisation", "attributes": {"community": c}} for x, c in
                   [("a", "nord"), ("b", "nord"), ("c", "sud")]],
        "ties": [{"source": "a", "target": "b", "relation": "coordination"}],
    })
    shown = texts(parse(net.draw(color_by="community", lang="fr")))
    assert "communauté 1 (2)" in shown and "communauté 2 (1)" in shown
    assert "Communautés (attribut « community »)" in " ".join(shown).replace("\xa0", " ")


def test_explicit_community_attribute_wins_on_an_example() -> None:
    net = maillage.example("reseau_regional")
    data = net.to_dict()
    # Two halves by map order: not what Louvain finds.
    halves = {actor["id"]: ("west" if k < len(data["actors"]) // 2 else "east") for k, actor in enumerate(data["actors"])}
    for actor in data["actors"]:
        actor.setdefault("attributes", {})["community"] = halves[actor["id"]]
    marked = maillage.Network.from_dict(data)
    fills = node_fills(parse(marked.draw(color_by="community", lang="en")), marked)
    assert_colours_follow(fills, pd.Series(halves))
    assert not pd.Series(halves).groupby(net.communities("louvain", seed=0)).nunique().eq(1).all()


def test_command_computes_communities(tmp_path: Path) -> None:
    regional = maillage.example_path("reseau_regional")
    net = maillage.read(regional)
    first, again, other = tmp_path / "c0.svg", tmp_path / "c0-again.svg", tmp_path / "c4.svg"
    for target, seed in ((first, "0"), (again, "0"), (other, "4")):
        result = run("draw", regional, "--color-by", "community", "--community-seed", seed, "--lang", "en", "-o", target)
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == again.read_bytes()
    root = parse(first.read_text(encoding="utf-8"))
    assert "Communities (Louvain, seed 0)" in all_text(root)
    assert_colours_follow(node_fills(root, net), net.communities("louvain", seed=0))
    root = parse(other.read_text(encoding="utf-8"))
    assert "Communities (Louvain, seed 4)" in all_text(root)
    assert_colours_follow(node_fills(root, net), net.communities("louvain", seed=4))
    # Without --community-seed: seed 0, as net.communities().
    assert run("draw", regional, "--color-by", "community", "--lang", "en", "-o", tmp_path / "d.svg").returncode == 0
    assert (tmp_path / "d.svg").read_bytes() == first.read_bytes()
    assert "--community-seed" in run("draw", "--help").stdout
    assert run("draw", regional, "--color-by", "community", "--community-seed", "-1", "-o", tmp_path / "x.svg").returncode == 2


@pytest.mark.skipif(png_converter() is None, reason="no SVG to PNG converter installed")
def test_png(tmp_path: Path) -> None:
    net = maillage.example("ecocarte_usager")
    data = net.draw("ecomap", "usr").to_png()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    target = tmp_path / "map.png"
    net.draw().save(target)
    assert target.read_bytes().startswith(b"\x89PNG")


def test_command(tmp_path: Path) -> None:
    path = maillage.example_path("ecocarte_usager")
    regional = maillage.example_path("reseau_regional")
    assert run("draw", "--help").returncode == 0
    result = run("draw", path, "-o", tmp_path / "map.svg")
    assert result.returncode == 0, result.stderr
    parse((tmp_path / "map.svg").read_text(encoding="utf-8"))
    assert run("draw", path, "--ego", "usr", "--lang", "de", "-o", tmp_path / "eco.svg").returncode == 0
    assert "Ökogramm" in (tmp_path / "eco.svg").read_text(encoding="utf-8")
    assert run("draw", regional, "--partners", "ssr_valmont", "-o", tmp_path / "p.svg").returncode == 0
    assert run("draw", regional, "--size-by", "degree", "--color-by", "kind", "-o", tmp_path / "k.svg").returncode == 0
    communities = tmp_path / "communities.csv"
    communities.write_text("id;community\nssr_valmont;1\ncms_valmont;2\n", encoding="utf-8")
    assert run("draw", regional, "--color-by", "community", "--communities", communities, "-o", tmp_path / "c.svg").returncode == 0
    assert "Communautés (communities.csv)" in all_text(parse((tmp_path / "c.svg").read_text(encoding="utf-8")))
    # Usage errors: 2; unreadable maps: 1.
    assert run("draw", path, "--ego", "nobody", "-o", tmp_path / "x.svg").returncode == 2
    assert run("draw", path, "--ego", "ssr", "-o", tmp_path / "x.svg").returncode == 2
    assert run("draw", path, "--ego", "usr", "--partners", "ssr", "-o", tmp_path / "x.svg").returncode == 2
    assert run("draw", path, "-o", tmp_path / "x.pdf").returncode == 2
    assert run("draw", path).returncode == 2
    missing = run("draw", tmp_path / "missing.maillage.json", "-o", tmp_path / "x.svg")
    assert missing.returncode == 1 and "error:" in missing.stderr
    assert not (tmp_path / "x.svg").exists()
    png = run("draw", path, "--ego", "usr", "-o", tmp_path / "eco.png")
    if png_converter() is None:
        assert png.returncode == 1
    else:
        assert png.returncode == 0, png.stderr
        assert (tmp_path / "eco.png").read_bytes().startswith(b"\x89PNG")


def test_charts_show_in_jupyter_without_pyplot() -> None:
    # IPython displays an object through its _repr_png_ when no backend formatter is registered,
    # which is the case without %matplotlib inline.
    from IPython.core.formatters import PNGFormatter

    net = maillage.example("reseau_regional")
    fig = maillage.plot.ranking(net.degree(), net=net, top=3)
    png = PNGFormatter()(fig)
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG\r\n\x1a\n")
    assert 690 <= int.from_bytes(png[16:20], "big") <= 710  # 7 inches at 100 dpi

def test_charts() -> None:
    from matplotlib.figure import Figure

    net = maillage.example("reseau_regional")
    fig = maillage.plot.ranking(net.betweenness(), net=net, top=5, title="Intermédiarité")
    assert isinstance(fig, Figure)
    bars = fig.axes[0].patches
    assert len(bars) == 5
    widths = [b.get_width() for b in bars]
    assert widths == sorted(widths)  # the largest at the top
    assert widths[-1] == pytest.approx(net.betweenness().max())
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert net.actors.loc[net.betweenness().idxmax(), "label"][:30] in labels[-1]
    eco = maillage.example("ecocarte_usager")
    cov = maillage.coverage(eco)
    fig = maillage.plot.coverage_by_domain(cov, net=eco, lang="fr")
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "emploi" in names and "logement" in names
    covered, uncovered = fig.axes[0].containers
    emploi = names.index("emploi")
    assert covered[emploi].get_width() == 0 and uncovered[emploi].get_width() == 1
    fig = maillage.plot.providers_by_domain(maillage.coverage(net), net=net, lang="en")
    assert fig.axes[0].get_legend() is not None
    with pytest.raises(maillage.InvalidArgumentError, match="top"):
        maillage.plot.ranking(net.degree(), top=0)
    with pytest.raises(maillage.InvalidArgumentError, match="Series"):
        maillage.plot.ranking([1, 2])  # type: ignore[arg-type]


def test_report_has_the_drawings() -> None:
    net = maillage.example("ecocarte_usager")
    html = maillage.report(net, "html", lang="fr", as_of="2026-11-22")
    assert html.count('class="actors"') == 2  # the whole map and the ecomap of the one user
    assert drawing_text("fr")["ecomap"].format(user="Mme L. K.") in html
    ids = [i for i in re.findall(r'\sid="([^"]+)"', html) if i.startswith(("map-", "ecomap-"))]
    assert "map-title" in ids and "ecomap-usr-title" in ids
    assert len(ids) == len(set(ids))  # several drawings in one page, no id twice
