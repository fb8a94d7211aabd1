"""GraphML, GEXF, DOT and Open Referral HSDS: round trips, other tools' files, placed errors."""

from __future__ import annotations

import csv
import json
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
from test_roundtrip_property import SETTINGS, maps

HSDS = Path(__file__).resolve().parents[1] / "data" / "hsds"
COMMAND = [str(Path(sys.executable).with_name("maillage"))]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, text=True)


# -- lossless round trips ---------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
@pytest.mark.parametrize("name", maillage.example_names())
def test_examples_round_trip(tmp_path: Path, name: str, suffix: str) -> None:
    net = maillage.example(name)
    net.write(tmp_path / f"map{suffix}")
    assert maillage.read(tmp_path / f"map{suffix}").to_json() == net.to_json()


@SETTINGS
@given(maps())
def test_graphml_round_trip(data: dict) -> None:
    net = maillage.Network.from_dict(data)
    with tempfile.TemporaryDirectory() as folder:
        net.write(Path(folder) / "map.graphml")
        assert maillage.read(Path(folder) / "map.graphml").to_json() == net.to_json()


@SETTINGS
@given(maps())
def test_gexf_round_trip(data: dict) -> None:
    net = maillage.Network.from_dict(data)
    with tempfile.TemporaryDirectory() as folder:
        net.write(Path(folder) / "map.gexf")
        assert maillage.read(Path(folder) / "map.gexf").to_json() == net.to_json()


# -- other tools read ours ----------------------------------------------------------------------

def _expected_edges(net: maillage.Network) -> list[tuple[str, str, str, float]]:
    ties = net.ties
    return sorted(zip(ties["source"], ties["target"], ties["relation"], ties["weight"].astype(float)))


@pytest.mark.parametrize("name", maillage.example_names())
def test_networkx_reads_our_graphml(tmp_path: Path, name: str) -> None:
    net = maillage.example(name)
    net.write(tmp_path / "map.graphml")
    graph = nx.read_graphml(tmp_path / "map.graphml")
    assert list(graph.nodes) == list(net.actors.index)
    assert graph.number_of_edges() == net.tie_count
    assert graph.is_directed() == bool(net.ties["directed"].any())
    for actor_id, row in net.actors.iterrows():
        node = graph.nodes[actor_id]
        assert node["kind"] == row["kind"]
        if row["label"]:
            assert node["label"] == row["label"]
        if row["domains"]:
            assert node["domains"].split("|") == list(row["domains"])
        assert node.get("member", False) == bool(row["member"])
    edges = sorted((u, v, d["relation"], float(d.get("weight", 1.0))) for u, v, d in graph.edges(data=True))
    assert edges == _expected_edges(net)
    mixed = net.ties["directed"].nunique() == 2
    if mixed:  # which ties are undirected is said on each edge
        directed = sorted((u, v, d["directed"]) for u, v, d in graph.edges(data=True))
        assert directed == sorted(zip(net.ties["source"], net.ties["target"], net.ties["directed"].astype(bool)))
    meta = json.loads(graph.graph["maillage"])
    assert meta["maillage"] == 1


@pytest.mark.parametrize("name", maillage.example_names())
def test_igraph_reads_our_graphml(tmp_path: Path, name: str) -> None:
    net = maillage.example(name)
    net.write(tmp_path / "map.graphml")
    graph = ig.Graph.Read_GraphML(str(tmp_path / "map.graphml"))
    assert graph.vs["id"] == list(net.actors.index)
    assert graph.vs["kind"] == list(net.actors["kind"])
    assert graph.ecount() == net.tie_count
    ids = graph.vs["id"]
    def weight(edge: ig.Edge) -> float:
        w = edge.attributes().get("weight")
        return 1.0 if w is None or w != w else float(w)  # absent: NaN in igraph

    edges = sorted((ids[e.source], ids[e.target], e["relation"], weight(e)) for e in graph.es)
    assert edges == _expected_edges(net)


@pytest.mark.parametrize("name", maillage.example_names())
def test_networkx_reads_our_gexf(tmp_path: Path, name: str) -> None:
    net = maillage.example(name)
    net.write(tmp_path / "map.gexf")
    graph = nx.read_gexf(tmp_path / "map.gexf")
    assert list(graph.nodes) == list(net.actors.index)
    assert graph.number_of_edges() == net.tie_count
    for actor_id, row in net.actors.iterrows():
        node = graph.nodes[actor_id]
        assert node["kind"] == row["kind"]
        assert node["label"] == (row["label"] or None) or node["label"] == actor_id
    edges = sorted((u, v, d["relation"], float(d.get("weight", 1.0))) for u, v, d in graph.edges(data=True))
    assert edges == _expected_edges(net)


# -- we read theirs -----------------------------------------------------------------------------

def _foreign_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name="Réseau d'Yverdon")
    graph.add_node("cms", label="Centre médico-social", sector="health", places=12, ratio=0.5, public=True)
    graph.add_node("usr", role="user", note="suivie depuis 2024")
    graph.add_node("inf", organisation="cms")
    graph.add_edge("usr", "inf", relation="accompaniment", weight=2.0)
    graph.add_edge("usr", "inf", relation="information", since_year=2024)
    graph.add_edge("inf", "cms", relation="membership")
    return graph


def _check_foreign(net: maillage.Network) -> None:
    actors = net.actors
    assert list(actors.index) == ["cms", "usr", "inf"]
    assert list(actors["kind"]) == ["organisation", "person", "professional"]
    assert actors.loc["cms", "label"] == "Centre médico-social"
    assert actors.loc["cms", "sector"] == "health"
    attributes = net.to_dict()["actors"][0]["attributes"]
    assert attributes == {"places": 12, "ratio": 0.5, "public": True}
    ties = net.ties
    assert list(ties["relation"]) == ["accompaniment", "information", "membership"]
    assert list(ties["weight"]) == [2.0, 1.0, 1.0]
    attributes = net.to_dict()["ties"][1]["attributes"]
    attributes.pop("networkx_key", None)  # networkx's GEXF keeps its multigraph keys: a free attribute
    assert attributes == {"since_year": 2024}
    assert bool(ties["directed"].all())


def test_we_read_networkx_graphml(tmp_path: Path) -> None:
    nx.write_graphml(_foreign_graph(), tmp_path / "nx.graphml")
    net = maillage.read(tmp_path / "nx.graphml")
    _check_foreign(net)
    assert net.to_dict()["network"]["name"] == "Réseau d'Yverdon"


def test_we_read_networkx_gexf(tmp_path: Path) -> None:
    nx.write_gexf(_foreign_graph(), tmp_path / "nx.gexf")
    _check_foreign(maillage.read(tmp_path / "nx.gexf"))


def test_we_read_igraph_graphml(tmp_path: Path) -> None:
    graph = ig.Graph(directed=False)
    graph.add_vertices(3)
    graph.vs["name"] = ["Mission locale", "Foyer", "CCAS"]
    graph.vs["sector"] = ["employment", "housing", "social"]
    graph.vs["beds"] = [0, 24, 0]
    graph.add_edges([(0, 1), (1, 2), (1, 2)])
    graph.es["relation"] = ["referral", "partnership", "coordination"]
    graph.es["weight"] = [1.0, 3.0, 0.5]
    graph.write_graphml(str(tmp_path / "ig.graphml"))
    net = maillage.read(tmp_path / "ig.graphml")
    assert list(net.actors.index) == ["n0", "n1", "n2"]
    assert list(net.actors["label"]) == ["Mission locale", "Foyer", "CCAS"]
    assert list(net.actors["kind"]) == ["organisation"] * 3
    assert net.to_dict()["actors"][1]["attributes"] == {"beds": 24.0}  # igraph writes numbers as double
    assert list(net.ties["relation"]) == ["referral", "partnership", "coordination"]
    assert list(net.ties["weight"]) == [1.0, 3.0, 0.5]
    assert not net.ties["directed"].any()


def test_networkx_round_trip_through_our_files(tmp_path: Path) -> None:
    # networkx reads ours and writes it again; nothing maillage holds is lost on the way.
    net = maillage.example("suivi_entretiens")
    net.write(tmp_path / "a.graphml")
    nx.write_graphml(nx.read_graphml(tmp_path / "a.graphml"), tmp_path / "b.graphml")
    again, before = maillage.read(tmp_path / "b.graphml").to_dict(), net.to_dict()
    # networkx lists the edges by source node: the ties come back in another order.
    def ties(data: dict) -> list[str]:
        return sorted(json.dumps(t, sort_keys=True) for t in data.pop("ties"))
    assert ties(again) == ties(before)
    assert again == before


# -- DOT --------------------------------------------------------------------------------------

def test_dot_is_valid_graphviz(tmp_path: Path) -> None:
    dot = shutil.which("dot")
    assert dot, "Graphviz (Debian package graphviz) is needed: make deps installs it"
    for name in maillage.example_names():
        maillage.example(name).write(tmp_path / f"{name}.dot")
        done = subprocess.run([dot, "-Tsvg", str(tmp_path / f"{name}.dot")], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert "<svg" in done.stdout
        labels = [label for label in maillage.example(name).actors["label"] if label]
        accented = [label for label in labels if any(ord(c) > 127 for c in label) and "&" not in label and "<" not in label]
        for label in accented[:3]:
            assert label in done.stdout  # accents reach the picture as they are
    text = (tmp_path / "ecocarte_usager.dot").read_text(encoding="utf-8")
    assert "style=dashed" in text and "style=solid" in text


def test_dot_is_written_only(tmp_path: Path) -> None:
    maillage.example("ecocarte_usager").write(tmp_path / "m.dot")
    with pytest.raises(maillage.InvalidArgumentError, match="DOT is written, not read"):
        maillage.read(tmp_path / "m.dot")


# -- errors -------------------------------------------------------------------------------------

def test_malformed_xml_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.graphml"
    path.write_text('<graphml>\n  <graph edgedefault="undirected">\n    <node id="a">\n  </graph>\n</graphml>\n',
                    encoding="utf-8")
    with pytest.raises(maillage.MapError) as caught:
        maillage.read(path)
    assert [str(p) for p in caught.value.problems] == [f"{path}: 4:5: malformed XML: mismatched tag"]
    done = run("validate", path)
    assert done.returncode == 1
    assert f"{path}: 4:5: malformed XML: mismatched tag" in done.stderr


def test_every_problem_is_collected(tmp_path: Path) -> None:
    path = tmp_path / "bad.gexf"
    path.write_text("""<gexf version="1.2"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="0" title="kind" type="string"/></attributes>
<nodes><node id="a"><attvalues><attvalue for="0" value="robot"/></attvalues></node><node id="b"/></nodes>
<edges><edge source="a" target="zz"/><edge source="b"/></edges></graph></gexf>""", encoding="utf-8")
    problems = [str(p) for p in maillage.validate(path)]
    assert f'{path}: 3:32: "kind": unknown value "robot"; allowed: person, professional, organisation, network' in problems
    assert f'{path}: 4:8: "target": unknown actor "zz"' in problems
    assert f"{path}: 4:38: <edge> without a target" in problems


# -- Open Referral HSDS -----------------------------------------------------------------------

def test_hsds_sample_imports() -> None:
    net = maillage.read(HSDS / "v2")
    with open(HSDS / "v2" / "organizations.csv", encoding="utf-8") as f:
        organisations = list(csv.DictReader(f))
    assert list(net.actors.index) == [row["id"] for row in organisations]
    assert set(net.actors["kind"]) == {"organisation"}
    sanctuary = net.actors.loc["1899600a-649c-11e6-8b77-86f30ca893d3"]
    assert sanctuary["label"] == "Sanctuary Example City"
    assert sanctuary["status"] == "associative"  # non-profit
    assert sanctuary["territory"] == "New York City"  # physical address of its location
    assert list(sanctuary["service_area"]) == ["Sample service area"]
    hsds = net.to_dict()["actors"][0]["attributes"]["hsds"]
    assert hsds["services"] == [{"id": "c89eb05c-62dd-4b64-b494-0cc347b6ea7f", "name": "Never Homeless Helpline",
                                 "status": "active"}]
    assert hsds["locations"] == ["Sanctuary on 5th Street"]
    # Organisations without an address take the name of their location as territory.
    assert net.actors.loc["18996320-649c-11e6-8b77-86f30ca893d3", "territory"] == "4830 Highland Drive"
    assert maillage.read(HSDS / "v2", "hsds").to_json() == net.to_json()


def test_hsds_3_sample_reports_its_dangling_location() -> None:
    with pytest.raises(maillage.MapError) as caught:
        maillage.read(HSDS / "v3")
    assert [str(p) for p in caught.value.problems] == [
        f'{HSDS / "v3" / "locations.csv"}: 2: column "organization_id": unknown organisation '
        '"985e4a42-bd9f-4edc-911d-0243a4640aca"',
        f'{HSDS / "v3" / "organizations.csv"}: 2: column "parent_organization_id": unknown organisation '
        '"cd09a387-91f4-4555-94ec-e799c35344cd"']


def _with_taxonomy(tmp_path: Path) -> Path:
    folder = tmp_path / "hsds"
    shutil.copytree(HSDS / "v2", folder)
    (folder / "taxonomy.csv").write_text(
        "id,name,parent_id,parent_name,vocabulary\n"
        "t1,Emergency Shelter,,Housing,Open Eligibility\nt2,Food Pantry,,Food,Open Eligibility\n"
        "t3,Mentoring,,Education,Open Eligibility\nt4,Job Training,,Work,Open Eligibility\n", encoding="utf-8")
    (folder / "services_taxonomy.csv").write_text(
        "id,service_id,taxonomy_id,taxonomy_detail\n"
        "s1,c89eb05c-62dd-4b64-b494-0cc347b6ea7f,t1,\ns2,10cbc6ce-0ae5-467f-8069-18e90ec5b037,t2,\n"
        "s3,25870bcf-7528-4e05-8f0c-7e639075ce71,t3,\ns4,25870bcf-7528-4e05-8f0c-7e639075ce71,t4,\n", encoding="utf-8")
    (folder / "datapackage.json").write_text('{"name": "example-city", "title": "Example City directory"}',
                                             encoding="utf-8")
    return folder


def test_hsds_taxonomy_terms_become_domains(tmp_path: Path) -> None:
    folder = _with_taxonomy(tmp_path)
    net = maillage.read(folder / "datapackage.json")
    assert net.to_dict()["network"]["name"] == "Example City directory"
    assert list(net.actors.loc["1899600a-649c-11e6-8b77-86f30ca893d3", "domains"]) == ["housing"]
    assert list(net.actors.loc["1899673a-649c-11e6-8b77-86f30ca893d3", "domains"]) == ["food"]
    youth = net.actors.loc["18996320-649c-11e6-8b77-86f30ca893d3"]
    assert list(youth["domains"]) == ["training"]
    hsds = net.to_dict()["actors"][1]["attributes"]["hsds"]
    assert hsds["unmapped_terms"] == ["Mentoring"]
    # A mapping the user edits: Mentoring -> social_ties, for Open Eligibility only.
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("taxonomy,term,domain\n# ours\nopen eligibility,mentoring,social_ties\n", encoding="utf-8")
    edited = maillage.read_hsds(folder, mapping=mapping)
    assert list(edited.actors.loc["18996320-649c-11e6-8b77-86f30ca893d3", "domains"]) == ["social_ties"]


def test_hsds_problems_are_placed(tmp_path: Path) -> None:
    folder = _with_taxonomy(tmp_path)
    with open(folder / "services.csv", "a", encoding="utf-8") as f:
        f.write("zz1,no-such-org,,Ghost service,,,,,active,,,,,,\n")
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("taxonomy,term,domain\n,Food Pantry,groceries\n", encoding="utf-8")
    with pytest.raises(maillage.MapError) as caught:
        maillage.read_hsds(folder, mapping=mapping)
    problems = [str(p) for p in caught.value.problems]
    assert problems[0].startswith(f'{mapping}: 2: column "domain": unknown need domain "groceries"; allowed: ')
    lines = (folder / "services.csv").read_text(encoding="utf-8").count("\n")
    assert f'{folder / "services.csv"}: {lines}: column "organization_id": unknown organisation "no-such-org"' in problems


def test_the_default_mapping_is_valid() -> None:
    rules = maillage.hsds.read_mapping()
    domains = set(maillage.default_vocabulary()["domains"])
    assert len(rules) > 50
    assert {domain for _, _, domain in rules} <= domains


# -- the command ------------------------------------------------------------------------------

def test_convert_covers_the_formats(tmp_path: Path) -> None:
    source = maillage.example_path("suivi_entretiens")
    steps = [(source, tmp_path / "a.graphml"), (tmp_path / "a.graphml", tmp_path / "b.gexf"),
             (tmp_path / "b.gexf", tmp_path / "csv"), (tmp_path / "csv", tmp_path / "c.maillage.json"),
             (tmp_path / "c.maillage.json", tmp_path / "d.dot")]
    for a, b in steps:
        done = run("convert", a, b)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "c.maillage.json").read_text(encoding="utf-8") == maillage.read(source).to_json()
    assert (tmp_path / "d.dot").read_text(encoding="utf-8").startswith("digraph ")
    done = run("convert", "--to", "graphml", source, tmp_path / "e.xml")
    assert done.returncode == 0, done.stderr
    assert maillage.read(tmp_path / "e.xml", "graphml").to_json() == maillage.read(source).to_json()
    done = run("convert", HSDS / "v2", tmp_path / "directory.maillage.json")
    assert done.returncode == 0, done.stderr
    assert "10 actors (10 organisation)" in done.stdout
    done = run("convert", tmp_path / "d.dot", tmp_path / "f.json")
    assert done.returncode == 1
    assert "DOT is written, not read" in done.stderr
