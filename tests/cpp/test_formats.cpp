// GraphML, GEXF and DOT: lossless round trips, files of other tools, and placed errors.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"

using namespace maillage;

namespace {

std::vector<problem> graphml_problems(const std::string& text) {
    try {
        (void)read_graphml_string(text, "bad.graphml");
    } catch (const map_error& e) {
        return e.problems();
    }
    return {};
}

std::vector<problem> gexf_problems(const std::string& text) {
    try {
        (void)read_gexf_string(text, "bad.gexf");
    } catch (const map_error& e) {
        return e.problems();
    }
    return {};
}

bool has(const std::vector<problem>& problems, const std::string& text) {
    for (const auto& p : problems)
        if (p.to_string() == text) return true;
    return false;
}

std::string all(const std::vector<problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += p.to_string() + "\n";
    return out;
}

/// Free attributes of every shape, parallel ties, a digits-only tie id, mixed directedness,
/// text that XML must escape, a vocabulary, metadata and a meeting.
const char* rich_map = R"({
  "maillage": 1,
  "network": {"name": "Réseau <test> & \"co\"", "objectives": ["a|b", "c"], "financing": [{"funder": "canton", "kind": "direct", "amount": 1200}]},
  "vocabulary": {"domains": {"sport": {"fr": "sport", "en": "sport"}}},
  "actors": [
    {"id": "usr", "kind": "person", "role": "user", "label": "M. D.\nligne 2\ttab\r", "needs": ["housing", "sport"],
     "attributes": {"age": 41, "score": 2.5, "ok": true, "note": "é <b>"}},
    {"id": "cms", "kind": "organisation", "label": "Centre médico-social", "sector": "health", "status": "public",
     "territory": "Tavannes", "service_area": ["Tavannes", "Moutier"], "domains": ["health"], "member": true,
     "attributes": {"age": 12, "tags": ["x", null], "nested": {"k": [1, 2.0]}}, "contact": {"tel": "032"}},
    {"id": "ss", "kind": "organisation", "potential": true, "attributes": {"age": "old"}},
    {"id": "inf", "kind": "professional", "organisation": "cms", "profession": "infirmière",
     "attributes": {"score": 1.5, "ok": false}}
  ],
  "ties": [
    {"id": "7", "source": "usr", "target": "inf", "relation": "accompaniment", "formality": "formal", "weight": 0.1},
    {"source": "cms", "target": "ss", "relation": "partnership", "convention": {"signed": false}},
    {"source": "cms", "target": "ss", "relation": "partnership", "id": "p2",
     "convention": {"signed": true, "tasks": ["visites", "x|y\\z"], "means": ["0.2 EPT"], "note": 1},
     "trust": {"reliability": 3, "openness": 2.25}, "value": {"influence": 4}, "resources": ["locaux"],
     "since": "2020-01-01", "last_activity": "2026-01-01", "intensity": "integration",
     "attributes": {"w": 1e-300}, "tie_note": "t"},
    {"source": "ss", "target": "cms", "relation": "referral", "about": "usr", "valence": "ambivalent", "formality": "informal"},
    {"source": "cms", "target": "ss", "relation": "information", "about": "usr", "consent": false, "directed": false,
     "layer": "primary"}
  ],
  "meetings": [{"id": "r1", "date": "2026-05-04", "about": "usr", "facilitator": "cms", "minute_taker": "ss",
                "participants": ["usr", "inf"], "decisions": [{"who": "inf", "what": "visite", "due": "2026-05-20"}]}],
  "map_note": {"x": 1}
})";

}  // namespace

BOOST_AUTO_TEST_SUITE(formats)

BOOST_AUTO_TEST_CASE(examples_round_trip_through_graphml_and_gexf) {
    for (const char* name : fixtures::example_names) {
        BOOST_TEST_CONTEXT(name) {
            const network net = read_json(fixtures::example(name));
            const network g = read_graphml_string(to_graphml_string(net), "x.graphml");
            BOOST_TEST(fixtures::same_map(net, g));
            BOOST_TEST(to_json_string(g) == to_json_string(net));
            const network x = read_gexf_string(to_gexf_string(net), "x.gexf");
            BOOST_TEST(fixtures::same_map(net, x));
            BOOST_TEST(to_json_string(x) == to_json_string(net));
        }
    }
}

BOOST_AUTO_TEST_CASE(every_field_survives) {
    const network net = read_json_string(rich_map, "rich.json");
    const std::string graphml = to_graphml_string(net);
    const network g = read_graphml_string(graphml, "rich.graphml");
    BOOST_TEST(to_json_string(g) == to_json_string(net));
    BOOST_TEST(fixtures::same_map(g, net));
    const network x = read_gexf_string(to_gexf_string(net), "rich.gexf");
    BOOST_TEST(to_json_string(x) == to_json_string(net));
    BOOST_TEST(fixtures::same_map(x, net));
    // Typed keys: "age" is an integer on usr and cms but a string on ss, so it is no key of its
    // own; "score" and "ok" are, with their types.
    BOOST_TEST(graphml.find(R"(attr.name="score" attr.type="double")") != std::string::npos);
    BOOST_TEST(graphml.find(R"(attr.name="ok" attr.type="boolean")") != std::string::npos);
    BOOST_TEST(graphml.find(R"(attr.name="age")") == std::string::npos);
    BOOST_TEST(graphml.find(R"(attr.name="domains" attr.type="string")") != std::string::npos);
    BOOST_TEST(graphml.find(R"(attr.name="directed" attr.type="boolean")") != std::string::npos);
    BOOST_TEST(graphml.find("edgedefault=\"directed\"") != std::string::npos);
    BOOST_TEST(graphml.find("M. D.&#10;ligne 2&#9;tab&#13;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(graphml_of_other_tools) {
    // As networkx writes a MultiGraph (keys d0.., multigraph keys as edge ids) with a default.
    const std::string text = R"(<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <key id="d0" for="node" attr.name="role" attr.type="string"/>
  <key id="d1" for="node" attr.name="size" attr.type="long"><default>3</default></key>
  <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d3" for="edge" attr.name="since_when" attr.type="string"/>
  <key id="d4" for="node" attr.name="name" attr.type="string"/>
  <key id="d5" for="node" attr.name="organisation" attr.type="string"/>
  <key id="d6" for="graph" attr.name="name" attr.type="string"/>
  <graph edgedefault="undirected">
    <data key="d6">Réseau</data>
    <node id="a"><data key="d0">user</data></node>
    <node id="b"><data key="d4">Bureau B</data><data key="d1">7</data></node>
    <node id="c"><data key="d5">b</data></node>
    <edge source="a" target="b" id="0"><data key="d2">2.5</data></edge>
    <edge source="a" target="b" id="1"><data key="d3">2019</data></edge>
    <edge source="b" target="c" directed="true"/>
  </graph>
</graphml>)";
    const network net = read_graphml_string(text, "nx.graphml");
    BOOST_REQUIRE_EQUAL(net.actor_count(), 3u);
    const actor a = net.actor_record(0), b = net.actor_record(1), c = net.actor_record(2);
    BOOST_TEST((a.kind == actor_kind::person));
    BOOST_TEST((b.kind == actor_kind::organisation));
    BOOST_TEST((c.kind == actor_kind::professional));
    BOOST_TEST(b.label == "Bureau B");
    BOOST_TEST(b.attributes == R"({"size":7})");
    BOOST_TEST(a.attributes == R"({"size":3})");
    BOOST_TEST(net.info().name == "Réseau");
    BOOST_REQUIRE_EQUAL(net.tie_count(), 3u);
    const tie t0 = net.tie_record(0), t1 = net.tie_record(1), t2 = net.tie_record(2);
    BOOST_TEST(t0.weight == 2.5);
    BOOST_TEST((t0.relation == relation::other));
    BOOST_TEST(t0.id.empty());  // multigraph keys are not tie ids
    BOOST_TEST(t1.attributes == R"({"since_when":"2019"})");
    BOOST_TEST(!*t0.directed);
    BOOST_TEST(*t2.directed);
}

BOOST_AUTO_TEST_CASE(gephi_gexf_with_viz) {
    // As Gephi 0.10 exports GEXF 1.3, by the GEXF 1.3 specification: viz namespace, attribute
    // ids as numbers, a liststring, edge kinds, a mutual edge, meta with a date.
    const std::string text = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
  <meta lastmodifieddate="2026-03-02">
    <creator>Gephi 0.10.1</creator>
    <description></description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="sector" title="sector" type="string"/>
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
      <attribute id="domains" title="domains" type="liststring"/>
      <attribute id="member" title="member" type="boolean"><default>false</default></attribute>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="since" title="since" type="string"/>
    </attributes>
    <nodes>
      <node id="n0" label="CMS Tavannes">
        <attvalues>
          <attvalue for="sector" value="health"/>
          <attvalue for="modularity_class" value="0"/>
          <attvalue for="domains" value="[health, elderly_care]"/>
          <attvalue for="member" value="true"/>
        </attvalues>
        <viz:size value="10.0"/>
        <viz:position x="-12.5" y="30.1" z="0.0"/>
        <viz:color r="230" g="120" b="20" a="1.0"/>
      </node>
      <node id="n1" label="Service social">
        <attvalues><attvalue for="modularity_class" value="1"/></attvalues>
        <viz:size value="5.0"/>
        <viz:position x="1.0" y="2.0"/>
        <viz:color r="20" g="120" b="230"/>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="n0" target="n1" weight="2.0" kind="partnership">
        <attvalues><attvalue for="since" value="2021-09-01"/></attvalues>
        <viz:color r="0" g="0" b="0"/>
      </edge>
      <edge id="1" source="n0" target="n1" type="mutual" label="échanges" kind="info"/>
    </edges>
  </graph>
</gexf>)";
    const network net = read_gexf_string(text, "gephi.gexf");
    BOOST_REQUIRE_EQUAL(net.actor_count(), 2u);
    const actor a = net.actor_record(0), b = net.actor_record(1);
    BOOST_TEST(a.label == "CMS Tavannes");
    BOOST_TEST((a.kind == actor_kind::organisation));
    BOOST_TEST(a.sector == "health");
    BOOST_TEST((a.domains == std::vector<std::string>{"health", "elderly_care"}));
    BOOST_TEST(a.member);
    BOOST_TEST(!b.member);
    BOOST_TEST(a.attributes == R"({"Modularity Class":0})");
    BOOST_REQUIRE_EQUAL(net.tie_count(), 2u);
    const tie t0 = net.tie_record(0), t1 = net.tie_record(1);
    BOOST_TEST((t0.relation == relation::partnership));
    BOOST_TEST(t0.weight == 2.0);
    BOOST_TEST(t0.since == "2021-09-01");
    BOOST_TEST(*t0.directed);
    BOOST_TEST(!*t1.directed);
    BOOST_TEST((t1.relation == relation::other));
    BOOST_TEST(t1.attributes == R"({"label":"échanges","kind":"info"})");
}

BOOST_AUTO_TEST_CASE(yed_graphml_with_groups) {
    // As yEd writes it: graphics keys (yfiles.type), labels inside <y:NodeLabel>, a group node
    // holding a nested graph, a description key.
    const std::string text = R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d5" attr.name="description" attr.type="string"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0">
      <data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="0" y="0"/><y:NodeLabel>Mission locale</y:NodeLabel></y:ShapeNode></data>
    </node>
    <node id="n1" yfiles.foldertype="group">
      <data key="d5">Réseau jeunesse</data>
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode><y:NodeLabel>Groupe</y:NodeLabel></y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n1:">
        <node id="n1::n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Foyer</y:NodeLabel></y:ShapeNode></data></node>
      </graph>
    </node>
    <edge id="e0" source="n0" target="n1::n0"><data key="d10"><y:PolyLineEdge/></data></edge>
  </graph>
</graphml>)";
    const network net = read_graphml_string(text, "yed.graphml");
    BOOST_REQUIRE_EQUAL(net.actor_count(), 3u);
    BOOST_TEST(net.actor_record(0).label == "Mission locale");
    BOOST_TEST(net.actor_record(1).label == "Groupe");
    BOOST_TEST(net.actor_record(1).attributes == R"({"description":"Réseau jeunesse"})");
    BOOST_TEST(net.actor_record(2).id == "n1::n0");
    BOOST_TEST(net.actor_record(2).label == "Foyer");
    BOOST_REQUIRE_EQUAL(net.tie_count(), 1u);
    BOOST_TEST(net.tie_record(0).id == "e0");
    BOOST_TEST(*net.tie_record(0).directed);
}

BOOST_AUTO_TEST_CASE(malformed_xml_is_placed) {
    const auto problems = graphml_problems("<graphml>\n  <graph>\n    <node id=\"a\">\n  </graph>\n</graphml>\n");
    BOOST_REQUIRE_EQUAL(problems.size(), 1u);
    BOOST_TEST(problems[0].to_string() == "bad.graphml: 4:5: malformed XML: mismatched tag");
    const auto truncated = gexf_problems("<gexf><graph><nodes><node id=\"a\"/>");
    BOOST_REQUIRE_EQUAL(truncated.size(), 1u);
    BOOST_TEST(truncated[0].place == "1:35");
    BOOST_TEST(truncated[0].message.find("truncated") != std::string::npos);
    BOOST_TEST(graphml_problems("").at(0).to_string() == "bad.graphml: the file is empty");
    BOOST_TEST(graphml_problems("<gexf/>").at(0).to_string() ==
               "bad.graphml: 1:1: not a GraphML file: the root element is <gexf>, not <graphml>");
    // An external entity is never read.
    const auto entity = graphml_problems("<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM \"/etc/passwd\">]>\n"
                                         "<graphml><graph><node id=\"&x;\"/></graph></graphml>");
    BOOST_REQUIRE(!entity.empty());
    BOOST_TEST(entity[0].place.rfind("3:", 0) == 0);
}

BOOST_AUTO_TEST_CASE(every_problem_is_listed_with_its_place) {
    const std::string text = R"(<graphml>
  <key id="k" for="node" attr.name="kind"/>
  <key id="m" for="node" attr.name="member"/>
  <key id="w" for="edge" attr.name="weight"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="k">robot</data></node>
    <node id="b"><data key="m">peut-être</data></node>
    <node id="c"><data key="zz">1</data></node>
    <edge source="a" target="q"/>
    <edge source="a" target="b"><data key="w">lourd</data></edge>
    <edge target="b"/>
    <hyperedge/>
  </graph>
</graphml>)";
    const auto problems = graphml_problems(text);
    const std::string listed = all(problems);
    BOOST_TEST_INFO(listed);
    BOOST_TEST(has(problems, "bad.graphml: 6:18: \"kind\": unknown value \"robot\"; allowed: person, professional, organisation, network"));
    BOOST_TEST(has(problems, "bad.graphml: 7:18: \"member\": expected true or false, got \"peut-être\""));
    BOOST_TEST(has(problems, "bad.graphml: 8:18: <data> of an undeclared key \"zz\""));
    BOOST_TEST(has(problems, "bad.graphml: 9:5: \"target\": unknown actor \"q\""));
    BOOST_TEST(has(problems, "bad.graphml: 10:33: \"weight\": malformed number \"lourd\""));
    BOOST_TEST(has(problems, "bad.graphml: 11:5: <edge> without a source"));
    BOOST_TEST(problems.size() >= 7u);
    const auto gexf = gexf_problems(R"(<gexf><graph><attributes class="node"><attribute id="0" title="status"/></attributes>
<nodes><node id="a"><attvalues><attvalue for="0" value="royal"/><attvalue for="9" value="x"/></attvalues></node></nodes>
<edges><edge source="a" target="a" type="sideways"/></edges></graph></gexf>)");
    BOOST_TEST_INFO(all(gexf));
    BOOST_TEST(has(gexf, "bad.gexf: 2:32: \"status\": unknown value \"royal\"; allowed: public, associative, private, informal"));
    BOOST_TEST(has(gexf, "bad.gexf: 2:65: <attvalue> of an undeclared attribute \"9\""));
    BOOST_TEST(has(gexf, "bad.gexf: 3:8: type must be directed, undirected or mutual, got \"sideways\""));
    BOOST_TEST(has(gexf, "bad.gexf: 3:8: \"target\": a tie from \"a\" to itself"));
}

BOOST_AUTO_TEST_CASE(problems_in_the_carried_json_are_placed) {
    const network net = read_json_string(rich_map, "rich.json");
    std::string text = to_graphml_string(net);
    const auto at = text.find("&quot;facilitator&quot;:&quot;cms&quot;");
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, std::string("&quot;facilitator&quot;:&quot;cms&quot;").size(), "&quot;facilitator&quot;:&quot;nobody&quot;");
    const auto problems = graphml_problems(text);
    BOOST_REQUIRE_EQUAL(problems.size(), 1u);
    BOOST_TEST(problems[0].place.find(": \"maillage\": meetings[0]") != std::string::npos);
    BOOST_TEST(problems[0].message == "\"facilitator\": unknown actor \"nobody\"");
}

BOOST_AUTO_TEST_CASE(files_and_formats) {
    const auto dir = fixtures::temp_dir("formats");
    const network net = read_json_string(rich_map, "rich.json");
    for (const char* name : {"m.graphml", "m.gexf"}) {
        write(net, dir / name);
        BOOST_TEST(to_json_string(read(dir / name)) == to_json_string(net));
    }
    BOOST_TEST((format_of("x.gv") == map_format::dot));
    BOOST_TEST((format_of("x.xml", "graphml") == map_format::graphml));
    write(net, dir / "m.dot");
    BOOST_CHECK_THROW((void)read(dir / "m.dot"), invalid_argument);
    BOOST_TEST(validate(dir / "m.graphml").empty());
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(dot_styles_and_escapes) {
    const network net = read_json_string(rich_map, "rich.json");
    const std::string dot = to_dot_string(net);
    BOOST_TEST(dot.rfind("digraph \"Réseau <test> & \\\"co\\\"\" {", 0) == 0);
    BOOST_TEST(dot.find("\"usr\" [label=\"M. D.\\nligne 2 tab\", shape=ellipse") != std::string::npos);
    BOOST_TEST(dot.find("label=\"Centre médico-social\", shape=box, style=\"solid,bold\"") != std::string::npos);
    BOOST_TEST(dot.find("\"usr\" -> \"inf\" [label=\"accompaniment\", style=solid, color=\"#1565c0\"") != std::string::npos);
    BOOST_TEST(dot.find("\"ss\" -> \"cms\" [label=\"referral\", style=dashed") != std::string::npos);
    BOOST_TEST(dot.find("relation\", style=dashed, color=\"#2e7d32\"") == std::string::npos);
    BOOST_TEST(dot.find("[label=\"information\", style=solid, color=\"#2e7d32\", penwidth=1, dir=none, class=primary]") !=
               std::string::npos);
    BOOST_TEST(dot.find("subgraph cluster_primary") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
