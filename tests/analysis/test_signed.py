"""The signed network of cooperation and conflict, and its blocs."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import QUAD_SIGNS, frustration, quad_sign, signed_blocs, signed_network
from kg.schema import schema

EAST = {"country/RUS", "country/PRK", "person/kim-jong-un", "person/vladimir-putin"}
WEST = {"country/USA", "country/UKR", "country/FRA", "organization/united-nations"}


def test_signs_come_from_the_ontology_quad_classes():
    for name, relation in schema().relations.items():
        expected = QUAD_SIGNS[relation.quad_class] if relation.quad_class else 0
        assert quad_sign(name) == expected, name
    assert quad_sign("meets") == 1 and quad_sign("attacks") == -1 and quad_sign("memberOf") == 0


def test_signed_network(graph):
    signed = signed_network(graph)
    assert not signed.has_edge("person/kim-jong-un", "country/PRK")  # leaderOf is structural
    kim_putin = signed["person/kim-jong-un"]["person/vladimir-putin"]
    assert (kim_putin["positive"], kim_putin["negative"], kim_putin["sign"]) == (1.5, 0.0, 1)
    russia_ukraine = signed["country/RUS"]["country/UKR"]
    assert (russia_ukraine["weight"], russia_ukraine["sign"], russia_ukraine["relations"]) == (-1.0, -1, {"attacks": 1})
    assert signed["country/USA"]["country/RUS"]["relations"] == {"sanctions": 1}
    assert signed.nodes["country/RUS"]["label"] == "Russia"


def test_signed_network_weights(graph):
    signed = signed_network(graph, quad_weights={"material conflict": 3.0}, use_confidence=True)
    assert signed["country/RUS"]["country/UKR"]["weight"] == pytest.approx(-3 * 0.95)
    mixed = nx.MultiDiGraph()
    mixed.add_edge("a", "b", predicate="meets", modality="Asserted")
    mixed.add_edge("b", "a", predicate="condemns", modality="Asserted")
    edge = signed_network(mixed)["a"]["b"]
    assert (edge["positive"], edge["negative"], edge["weight"], edge["sign"]) == (1.0, 1.0, 0.0, 0)


def test_two_blocs(graph):
    table = signed_blocs(graph)
    assert list(table.columns) == ["bloc", "label", "type", "allies", "opponents", "unbalanced"]
    bloc = table["bloc"].to_dict()
    assert {bloc[a] for a in WEST} == {bloc["country/USA"]}
    assert bloc["country/RUS"] == bloc["country/PRK"] != bloc["country/USA"]
    # leaderOf is structural: the two leaders are tied to each other only, so they keep
    # together, on either side
    assert bloc["person/kim-jong-un"] == bloc["person/vladimir-putin"]
    assert frustration(signed_network(graph), table) == 0.0
    assert (table["unbalanced"] == 0).all()
    assert table.loc["country/RUS", "opponents"] == 3.0


def test_more_blocs_never_fit_worse(graph):
    signed = signed_network(graph)
    for k in (3, 4):
        table = signed_blocs(signed, k=k)
        assert set(table.index) == EAST | WEST
        assert table["bloc"].between(0, k - 1).all()
        assert frustration(signed, table) == 0.0


def test_three_camps():
    graph = nx.MultiDiGraph()
    camps = ["abc", "def", "ghi"]
    for camp in camps:
        for i, u in enumerate(camp):
            for v in camp[i + 1:]:
                graph.add_edge(u, v, predicate="cooperatesWith", modality="Asserted")
    for x, y in [("a", "d"), ("b", "g"), ("e", "h"), ("c", "f"), ("i", "a")]:
        graph.add_edge(x, y, predicate="attacks", modality="Asserted")
    table = signed_blocs(graph, k=3)
    found = sorted("".join(sorted(members)) for members in table.groupby("bloc").groups.values())
    assert found == camps
    two = signed_blocs(graph, k=2)
    assert frustration(signed_network(graph), two) > 0


def test_blocs_of_a_graph_without_conflict_or_cooperation():
    graph = nx.MultiDiGraph()
    graph.add_edge("p", "c", predicate="leaderOf", modality="Asserted")
    assert signed_blocs(graph).empty
    with pytest.raises(ValueError):
        signed_blocs(graph, k=1)


def test_large_signed_graph_is_partitioned_quickly():
    import random
    import time

    rnd = random.Random(0)
    graph = nx.MultiDiGraph()
    side = {f"n{i}": i % 2 for i in range(2500)}
    names = list(side)
    for _ in range(10000):
        u, v = rnd.sample(names, 2)
        graph.add_edge(u, v, predicate="meets" if side[u] == side[v] else "attacks", modality="Asserted")
    start = time.perf_counter()
    table = signed_blocs(graph)
    assert time.perf_counter() - start < 30
    assert frustration(signed_network(graph), table) == 0.0


def test_only_actors_take_sides():
    graph = nx.MultiDiGraph()
    graph.add_node("country/RUS", type="Country")
    graph.add_node("country/PRK", type="Country")
    graph.add_node("weapon/grad", type="Weapon")
    graph.add_node("city/moscow", type="City")
    graph.add_node("x", type=None)
    graph.add_edge("weapon/grad", "country/RUS", predicate="suppliedTo", modality="Asserted")
    graph.add_edge("country/PRK", "city/moscow", predicate="visits", modality="Asserted")
    graph.add_edge("country/PRK", "country/RUS", predicate="aids", modality="Asserted")
    graph.add_edge("x", "country/RUS", predicate="attacks", modality="Asserted")
    assert set(signed_network(graph)) == {"country/RUS", "country/PRK", "x"}
    assert set(signed_network(graph, actors_only=False)) == set(graph)
