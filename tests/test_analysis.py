"""kg.analysis and ``kg analyze``: tables, files, Gephi exports, and the seed's coalitions."""

from __future__ import annotations

import networkx as nx
import pytest

from kg import analysis, rdf
from kg.cli import main
from kg.network import actor_graph
from kg.rdf import to_graph
from kg.records import Actor, ActorType, Kind, Stance, Statement, Topic

RUSSIA_SIDE = ("Sergei Ryabkov", "Dmitry Peskov", "Sergei Lavrov", "Vladimir Putin", "Russia")
WEST_SIDE = ("United States", "NATO")


def _node(name: str) -> Actor | Topic:
    return Topic(name, name) if name[0].islower() else Actor(name, name, ActorType.COUNTRY)


# speaker | stance | target | date: two camps quarrelling over a plan, in three months.
TABLE = """
Aland | support | plan | 2022-01-05
Bland | support | plan | 2022-01-06
Xland | oppose | plan | 2022-01-07
Yland | criticize | plan | 2022-02-01
Aland | accuse | Xland | 2022-02-03
Xland | threaten | Aland | 2022-02-04
Yland | support | plan | 2022-03-01
Bland | claim | Yland |
"""


@pytest.fixture(scope="module")
def g():
    records = []
    for i, line in enumerate(TABLE.strip().splitlines()):
        speaker, stance, target, date = (cell.strip() for cell in line.split("|"))
        records.append(
            Statement(f"{i:03d}.txt", _node(speaker), Stance(stance), Kind.INDIRECT, stance,
                      f"{speaker} | {stance} {target}", 0, 10, "", 0, 0, targets=(_node(target),),
                      date=date or None)
        )  # fmt: skip
    return to_graph(records)


@pytest.fixture(scope="module")
def seed():
    from kg.pipeline import extract, graph_of

    return graph_of(extract(["seeds"]))


# -- tables ---------------------------------------------------------------------------


def test_actor_table_has_every_measure_for_every_node(g):
    df = analysis.actor_table(g)
    assert tuple(df.columns) == analysis.ACTOR_COLUMNS
    assert len(df) == actor_graph(g).number_of_nodes()
    assert not df.isna().any().any()
    first = df.iloc[0]
    assert (first["label"], first["made"], first["received"]) == ("plan", 0, 5)


def test_contested_targets_table(g):
    df = analysis.contested_targets_table(g)
    assert df[["label", "contestation", "friendly", "hostile"]].values.tolist() == [["plan", 2, 3, 2]]
    assert df.loc[0, "hostile_speakers"] == "Xland; Yland"


def test_stance_changes_table(g):
    df = analysis.stance_changes_table(g)
    assert df[
        ["speaker_label", "target_label", "flips", "first_polarity", "last_polarity"]
    ].values.tolist() == [["Yland", "plan", 1, -1, 1]]
    assert df.loc[0, "sequence"] == "2022-02-01:- 2022-03-01:+"


def test_edge_table_traces_each_pair_to_its_statements(g):
    df = analysis.edge_table(g)
    row = df[(df.speaker_label == "Aland") & (df.target_label == "Xland")].iloc[0]
    assert row["hostile"] == 1
    assert row["statement_iris"].startswith("https://")


def test_coalitions_table(g):
    df = analysis.coalitions_table(g)
    camps = dict(zip(df["label"], df["coalition"], strict=True))
    assert camps["Aland"] == camps["Bland"] != camps["Xland"]


def test_summary_counts_dated_statements(g):
    facts = analysis.summary(g)
    assert (facts["statements"], facts["dated_statements"], facts["topics"]) == (8, 7, 1)


# -- kg analyze --------------------------------------------------------------------------


def test_analyze_writes_every_file(g, tmp_path):
    rdf.write(g, tmp_path / "graph.ttl")
    assert main(["analyze", str(tmp_path), "-q"]) == 0
    for name in (*analysis.OUTPUTS, "stance_over_time.png"):
        assert (tmp_path / name).stat().st_size > 0, name
    assert (tmp_path / "analysis.md").read_text(encoding="utf-8").startswith("# Network analysis")


def test_analyze_without_graph_says_so_in_one_line(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "graph.ttl not found" in err and "kg build" in err


def test_graphml_and_gexf_read_back_with_every_attribute(g, tmp_path):
    paths = analysis.write(g, tmp_path)
    columns = set(analysis.ACTOR_COLUMNS) - {"actor"}
    for H in (nx.read_graphml(paths["actors.graphml"]), nx.read_gexf(paths["actors.gexf"])):
        assert H.number_of_nodes() == actor_graph(g).number_of_nodes()
        for _, data in H.nodes(data=True):
            assert columns <= set(data) | {"label"}
            assert all(v is not None and isinstance(v, (str, int, float, bool)) for v in data.values())
        for *_, data in H.edges(data=True):
            assert all(v is not None and isinstance(v, (str, int, float, bool)) for v in data.values())


def test_outputs_are_deterministic(g, tmp_path):
    first = analysis.write(g, tmp_path / "a")
    second = analysis.write(g, tmp_path / "b")
    assert sorted(first) == sorted(second)
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name


def test_no_stance_over_time_plot_without_dates(tmp_path):
    a, b = _node("Aland"), _node("Bland")
    st = Statement("a.txt", a, Stance.ACCUSE, Kind.INDIRECT, "accuse", "x", 0, 1, "", 0, 0, targets=(b,))
    paths = analysis.write(to_graph([st]), tmp_path)
    assert "stance_over_time.png" not in paths
    assert "No statement has a date." in paths["analysis.md"].read_text(encoding="utf-8")


# -- the seed ----------------------------------------------------------------------------


def test_seed_russian_officials_and_the_west_are_opposite_camps(seed):
    df = analysis.coalitions_table(seed, k=2)
    camp = dict(zip(df["label"], df["coalition"], strict=True))
    russia = {camp[name] for name in RUSSIA_SIDE}
    west = {camp[name] for name in WEST_SIDE}
    assert len(russia) == 1 and len(west) == 1
    assert russia != west and 0 not in russia | west


def test_seed_disagreement_runs_between_the_camps(seed):
    facts = analysis.summary(seed, k=2)
    assert facts["polarisation"] == 1.0
    assert facts["signed_modularity"] > 0
