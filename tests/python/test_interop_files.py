"""Files of other tools and other tools on our files: a GEXF file written by Gephi, networkx and
igraph reading our GraphML and GEXF of random maps, DOT read back by Graphviz itself, `maillage
convert` on every pair of formats with its placed errors, and the PNG converter of `maillage draw`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import igraph as ig
import networkx as nx
import pytest
from hypothesis import given

import maillage
from maillage import drawing
from test_roundtrip_property import SETTINGS, maps

DATA = Path(__file__).resolve().parents[1] / "data"
GEPHI = DATA / "gephi" / "standard_graph_communities.gexf"
COMMAND = [str(Path(sys.executable).with_name("maillage"))]


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, text=True, env=env)


# -- a file Gephi wrote -----------------------------------------------------------------------

def test_we_read_a_gexf_written_by_gephi() -> None:
    assert "<creator>Gephi 0.8.1</creator>" in GEPHI.read_text(encoding="utf-8")
    net = maillage.read(GEPHI)
    reference = nx.read_gexf(GEPHI)  # networkx, an independent reader of the same file
    assert list(net.actors.index) == list(reference.nodes)
    assert len(net) == 17 and net.tie_count == 32
    assert list(net.actors["label"]) == [reference.nodes[v]["label"] for v in reference.nodes]
    assert set(net.actors["kind"]) == {"organisation"}
    assert not net.ties["directed"].any()  # defaultedgetype="undirected"
    ours = sorted(tuple(sorted(pair)) for pair in zip(net.ties["source"], net.ties["target"]))
    theirs = sorted(tuple(sorted(pair)) for pair in reference.edges())
    assert ours == theirs
    # Gephi numbers its edges ("8", "7", "28"...): numbers only are not tie ids (docs/FORMAT.md).
    assert net.ties["id"].isna().all()
    # Typed attributes: floats stay floats, the integer modularity class an integer; viz: is
    # Gephi's picture (position, size, colour), not data of the map, and is left aside.
    actors = {a["id"]: a for a in net.to_dict()["actors"]}
    assert actors["Paris"]["attributes"] == {"latitude": 48.72, "longitude": 2.46, "Modularity Class": 2}
    assert actors["n10"]["attributes"] == {"latitude": 42.38, "longitude": 3.18, "Modularity Class": 1}
    for v, data in reference.nodes(data=True):
        assert actors[v]["attributes"]["Modularity Class"] == data["Modularity Class"]  # networkx keys by title
        assert actors[v]["attributes"]["latitude"] == pytest.approx(data["latitude"], abs=0)
    # And the file goes on: to our GEXF and back without a loss.
    with tempfile.TemporaryDirectory() as folder:
        net.write(Path(folder) / "again.gexf")
        assert maillage.read(Path(folder) / "again.gexf").to_json() == net.to_json()


def test_we_read_graphml_as_gephi_writes_it(tmp_path: Path) -> None:
    # Written by hand after the structure of Gephi's GraphML exporter (key ids = column names,
    # colour and position as node keys r, g, b, x, y, size; "Edge Label" and "Edge Id").
    path = tmp_path / "gephi.graphml"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/>
<key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
<key attr.name="weight" attr.type="double" for="edge" id="weight"/>
<key attr.name="Edge Id" attr.type="string" for="edge" id="edgeid"/>
<key attr.name="r" attr.type="int" for="node" id="r"/>
<key attr.name="g" attr.type="int" for="node" id="g"/>
<key attr.name="b" attr.type="int" for="node" id="b"/>
<key attr.name="x" attr.type="float" for="node" id="x"/>
<key attr.name="y" attr.type="float" for="node" id="y"/>
<key attr.name="size" attr.type="float" for="node" id="size"/>
<key attr.name="Modularity Class" attr.type="int" for="node" id="modularity_class"/>
<graph edgedefault="undirected">
<node id="0"><data key="label">Épicerie solidaire</data><data key="modularity_class">0</data>
<data key="size">10.0</data><data key="r">153</data><data key="g">0</data><data key="b">255</data>
<data key="x">-54.2</data><data key="y">31.0</data></node>
<node id="1"><data key="label">CMS</data><data key="modularity_class">1</data></node>
<edge id="0" source="0" target="1"><data key="edgelabel">orientation</data><data key="weight">2.0</data>
<data key="edgeid">0</data></edge>
</graph></graphml>""", encoding="utf-8")
    net = maillage.read(path)
    assert list(net.actors["label"]) == ["Épicerie solidaire", "CMS"]
    first = net.to_dict()["actors"][0]["attributes"]
    assert first["Modularity Class"] == 0 and first["x"] == -54.2 and first["r"] == 153
    assert list(net.ties["weight"]) == [2.0]
    assert net.to_dict()["ties"][0]["attributes"]["Edge Label"] == "orientation"


# -- networkx and igraph read our files of random maps --------------------------------------

def _ends(u: str, v: str, directed: bool) -> tuple[str, str]:
    """An undirected graph of networkx or igraph lists a tie's ends in its own order."""
    return (u, v) if directed else (min(u, v), max(u, v))


def _ties(net: maillage.Network, directed: bool) -> list[tuple[str, str, str, float]]:
    t = net.ties
    return sorted((*_ends(u, v, directed), r, w) for u, v, r, w in
                  zip(t["source"], t["target"], t["relation"], t["weight"].astype(float)))


def _networkx_reads_back(net: maillage.Network, suffix: str, read) -> nx.Graph:
    """The graph networkx's `read` gives of `net` written as `suffix`, once its actors, direction
    and ties (ends, relation, weight) are checked against the map's."""
    with tempfile.TemporaryDirectory() as folder:
        net.write(Path(folder) / f"map.{suffix}")
        graph = read(Path(folder) / f"map.{suffix}")
    assert list(graph.nodes) == list(net.actors.index)
    directed = graph.is_directed()
    assert directed == bool(net.ties["directed"].any())
    assert sorted((*_ends(u, v, directed), d["relation"], float(d.get("weight", 1.0)))
                  for u, v, d in graph.edges(data=True)) == _ties(net, directed)
    return graph


@SETTINGS
@given(maps())
def test_networkx_reads_our_graphml_of_random_maps(data: dict) -> None:
    net = maillage.Network.from_dict(data)
    graph = _networkx_reads_back(net, "graphml", nx.read_graphml)
    for actor_id, row in net.actors.iterrows():
        assert graph.nodes[actor_id]["kind"] == row["kind"]
        if isinstance(row["label"], str) and row["label"]:
            assert graph.nodes[actor_id]["label"] == row["label"]


@SETTINGS
@given(maps())
def test_networkx_reads_our_gexf_of_random_maps(data: dict) -> None:
    net = maillage.Network.from_dict(data)
    graph = _networkx_reads_back(net, "gexf", nx.read_gexf)
    assert [graph.nodes[v]["kind"] for v in graph.nodes] == list(net.actors["kind"])


@SETTINGS
@given(maps())
def test_igraph_reads_our_graphml_of_random_maps(data: dict) -> None:
    net = maillage.Network.from_dict(data)
    with tempfile.TemporaryDirectory() as folder:
        net.write(Path(folder) / "map.graphml")
        graph = ig.Graph.Read_GraphML(str(Path(folder) / "map.graphml"))
    ids = graph.vs["id"]
    assert ids == list(net.actors.index)
    assert graph.vs["kind"] == list(net.actors["kind"])

    def weight(e: ig.Edge) -> float:
        w = e.attributes().get("weight")
        return 1.0 if w is None or w != w else float(w)

    directed = graph.is_directed()
    assert sorted((*_ends(ids[e.source], ids[e.target], directed), e["relation"], weight(e))
                  for e in graph.es) == _ties(net, directed)


# -- DOT, read back by Graphviz ---------------------------------------------------------------

def _unescape(label: str) -> str:
    """A DOT escString as Graphviz shows it: \\\\ is a backslash, \\n a line break."""
    out, i = [], 0
    while i < len(label):
        if label[i] == "\\" and i + 1 < len(label):
            out.append({"\\": "\\", "n": "\n"}.get(label[i + 1], label[i:i + 2]))
            i += 2
        else:
            out.append(label[i])
            i += 1
    return "".join(out)


def _dot_text(text: str) -> str:
    """What the DOT writer keeps of a text: carriage returns and control characters dropped,
    tabs as spaces."""
    return "".join(" " if c == "\t" else c for c in text if c in "\n\t" or ord(c) >= 0x20)


@SETTINGS
@given(maps())
def test_graphviz_reads_everything_our_dot_holds(data: dict) -> None:
    # DOT is written, not read back by maillage: Graphviz itself (dot -Tjson0) is the reader.
    # What DOT holds: every actor (id, label, shape by kind, dotted when potential, bold when
    # member, persons in the primary cluster), every tie (ends, relation, solid formal / dashed
    # informal, colour by layer, direction, width by weight).
    dot = shutil.which("dot")
    assert dot, "Graphviz (Debian package graphviz) is needed: make deps installs it"
    net = maillage.Network.from_dict(data)
    with tempfile.TemporaryDirectory() as folder:
        net.write(Path(folder) / "map.dot")
        done = subprocess.run([dot, "-Tjson0", str(Path(folder) / "map.dot")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    graph = json.loads(done.stdout)
    # Graphviz lists the clusters first (empty ones too, without "nodes"), then the nodes.
    clusters = {o["name"]: {graph["objects"][i]["name"] for i in o.get("nodes", [])}
                for o in graph["objects"] if o["name"].startswith("cluster_")}
    assert set(clusters) == {"cluster_primary", "cluster_secondary"}
    nodes = {o["_gvid"]: o for o in graph["objects"] if not o["name"].startswith("cluster_")}
    actors = net.actors
    assert sorted(o["name"] for o in nodes.values()) == sorted(actors.index)
    shapes = {"person": "ellipse", "professional": "note", "organisation": "box", "network": "hexagon"}
    for o in nodes.values():
        row = actors.loc[o["name"]]
        label = row["label"] if isinstance(row["label"], str) and row["label"] else o["name"]
        assert _unescape(o["label"]) == _dot_text(label)
        assert o["shape"] == shapes[row["kind"]]
        assert o["style"].split(",") == ["dotted" if row["potential"] else "solid"] + (["bold"] if row["member"] else [])
    assert clusters["cluster_primary"] == set(actors.index[actors["kind"] == "person"])
    edges = sorted((nodes[e["tail"]]["name"], nodes[e["head"]]["name"], e["label"], e["style"], e["color"],
                    e.get("dir", "forward"), e["class"]) for e in graph.get("edges", []))
    ties = net.ties
    colours = {"primary": "#2e7d32", "secondary": "#1565c0"}
    expected = sorted((s, t, r, "solid" if f == "formal" else "dashed", colours[layer], "forward" if d else "none", layer)
                      for s, t, r, f, layer, d in zip(ties["source"], ties["target"], ties["relation"], ties["formality"],
                                                      ties["layer"], ties["directed"]))
    assert edges == expected


# -- maillage convert on every pair -----------------------------------------------------------

SOURCES = {"json": "map.maillage.json", "csv": "map_csv", "graphml": "map.graphml", "gexf": "map.gexf"}
TARGETS = {**SOURCES, "dot": "map.dot"}


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sources")
    net = maillage.example("suivi_entretiens")
    out = {}
    for fmt, name in SOURCES.items():
        net.write(folder / name)
        out[fmt] = folder / name
    out["hsds"] = DATA / "hsds" / "v2"
    return out


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("source", [*SOURCES, "hsds"])
def test_convert_every_pair(tmp_path: Path, sources: dict[str, Path], source: str, target: str) -> None:
    out = tmp_path / "out" / TARGETS[target]
    done = run("convert", sources[source], out)
    assert done.returncode == 0, done.stderr
    net = maillage.read(sources[source])
    assert done.stdout.startswith(f"{sources[source]} -> {out}: {len(net)} actors")
    if target == "dot":
        text = out.read_text(encoding="utf-8")
        assert text.startswith("digraph ") and text.count(" -> ") == net.tie_count
    else:  # the four formats that maillage reads back hold the whole map
        assert maillage.read(out).to_json() == net.to_json()
    # Formats named explicitly, whatever the names say (once per target format).
    named = tmp_path / "named.data"
    if target != "csv" and source == {"json": "gexf", "graphml": "json", "gexf": "graphml", "dot": "csv"}[target]:
        done = run("convert", "--from", source, "--to", target, sources[source], named)
        assert done.returncode == 0, done.stderr
        if target != "dot":
            assert maillage.read(named, target).to_json() == net.to_json()


BROKEN = {
    "map.maillage.json": ('{"actors": [{"id": "a", "kind": "robot"}], "ties": []}',
                          'actors[0].kind: unknown value "robot"'),
    "map.graphml": ('<graphml>\n<graph edgedefault="undirected">\n<node id="a"/>\n<edge source="a" target="b"/>\n'
                    "</graph>\n</graphml>\n", '4:1: "target": unknown actor "b"'),
    "map.gexf": ('<gexf version="1.2"><graph>\n<nodes><node id="a"/></nodes>\n<edges><edge source="a"/></edges>\n'
                 "</graph></gexf>\n", "3:8: <edge> without a target"),
    "map_csv/actors.csv": ("id,kind\na,person\n,person\n", 'actors.csv:3: column "id": is empty'),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_convert_gives_placed_errors(tmp_path: Path, name: str) -> None:
    text, problem = BROKEN[name]
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    source = path.parent if name.startswith("map_csv") else path
    done = run("convert", source, tmp_path / "out.gexf")
    assert done.returncode == 1
    assert problem in done.stderr, done.stderr
    assert str(source) in done.stderr
    assert not (tmp_path / "out.gexf").exists()


def test_convert_refuses_what_makes_no_sense(tmp_path: Path, sources: dict[str, Path]) -> None:
    # DOT and PNG are not read; HSDS is not written; an unknown name says which names are known.
    (tmp_path / "m.dot").write_text("digraph {}", encoding="utf-8")
    done = run("convert", tmp_path / "m.dot", tmp_path / "m.gexf")
    assert done.returncode == 1 and "DOT is written, not read" in done.stderr
    done = run("convert", sources["json"], tmp_path / "m.xyz")
    assert done.returncode != 0 and "m.xyz" in done.stderr
    assert ".graphml" in done.stderr or "graphml" in done.stderr
    done = run("convert", "--to", "hsds", sources["json"], tmp_path / "h")
    assert done.returncode == 2 and "hsds" in done.stderr
    done = run("convert", tmp_path / "missing.graphml", tmp_path / "m.gexf")
    assert done.returncode == 1 and "missing.graphml" in done.stderr
    assert not (tmp_path / "m.gexf").exists()


# -- PNG: the converter that is there, and the error when there is none --------------------

def test_png_converter_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawing.shutil, "which", lambda name: "/usr/bin/rsvg-convert" if name == "rsvg-convert" else None)
    assert drawing.png_converter() == "rsvg-convert"
    monkeypatch.setattr(drawing.shutil, "which", lambda name: None)
    monkeypatch.setitem(sys.modules, "cairosvg", None)  # import cairosvg raises ImportError
    assert drawing.png_converter() is None
    with pytest.raises(maillage.MaillageError, match="no SVG to PNG converter: install rsvg-convert"):
        maillage.example("ecocarte_usager").draw().to_png()


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert (librsvg2-bin) not installed")
def test_png_through_rsvg_convert(tmp_path: Path) -> None:
    assert drawing.png_converter() == "rsvg-convert"
    out = tmp_path / "map.png"
    done = run("draw", maillage.example_path("reseau_regional"), "-o", out)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1180, 780)  # the SVG's own size, at scale 1
    assert len(data) > 20_000  # a picture, not an empty page


def test_draw_png_without_a_converter(tmp_path: Path) -> None:
    # No rsvg-convert on PATH and a CairoSVG that cannot be imported: a clear error, status 1.
    stub = tmp_path / "stub"
    stub.mkdir()
    (stub / "cairosvg.py").write_text('raise ImportError("no cairo here")\n', encoding="utf-8")
    env = {**os.environ, "PATH": str(tmp_path / "empty"), "PYTHONPATH": str(stub)}
    done = run("draw", maillage.example_path("ecocarte_usager"), "-o", tmp_path / "map.png", env=env)
    assert done.returncode == 1
    assert "no SVG to PNG converter: install rsvg-convert (Debian: apt-get install librsvg2-bin) or CairoSVG" in done.stderr
    assert not (tmp_path / "map.png").exists()
    done = run("draw", maillage.example_path("ecocarte_usager"), "-o", tmp_path / "map.svg", env=env)
    assert done.returncode == 0, done.stderr  # SVG needs no converter
