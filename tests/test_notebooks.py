"""The notebooks in ``notebooks/`` and the helpers they use (:mod:`kg.notebook`).

Each notebook is executed top to bottom, with the notebook's folder as working
directory (as Jupyter and nbmake run it), in a kernel of this interpreter.
The same notebooks also run with ``pytest --nbmake notebooks/``.
"""

from __future__ import annotations

import html
import re
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import UsageError
from kg.notebook import locate, show_page, srcdoc_iframe, tabulate

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# Each notebook must run well under a minute; the timeout is per cell.
CELL_TIMEOUT = 120


def _code(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def test_the_three_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS] == [
        "01_quickstart.ipynb",
        "02_sparql.ipynb",
        "03_network_analysis.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: cell {cell.id} has outputs"
            assert cell.execution_count is None, f"{path.name}: cell {cell.id} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_uses_only_the_public_api(path):
    code = _code(nbformat.read(path, as_version=4))
    assert not re.search(r"\bkg(\.\w+)*\._\w", code), "a private name of kg"
    assert not re.search(r"from kg(\.\w+)* import [^\n]*\b_\w", code), "a private name of kg"
    assert "sys.path" not in code, "notebooks use the installed package"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path):
    nb = nbformat.read(path, as_version=4)
    # one more cell, to check that the kernel is this interpreter (the project's venv)
    nb.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.executable)"))
    client = nbclient.NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - started
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    kernel_python = nb.cells[-1].outputs[0].text.strip()
    assert Path(kernel_python).resolve() == Path(sys.executable).resolve()
    assert elapsed < 60, f"{path.name} took {elapsed:.0f} s"


# -- kg.notebook ---------------------------------------------------------------------------


def test_locate_walks_up_from_a_subfolder(tmp_path):
    (tmp_path / "seeds").mkdir()
    below = tmp_path / "notebooks" / "deeper"
    below.mkdir(parents=True)
    assert locate("seeds", start=below) == tmp_path / "seeds"
    assert locate("seeds", start=tmp_path) == tmp_path / "seeds"


def test_locate_names_what_it_could_not_find(tmp_path):
    with pytest.raises(UsageError, match="cannot find 'no-such-folder'"):
        locate("no-such-folder", start=tmp_path)


@pytest.mark.parametrize(
    "case, page",
    [
        ("ends the attribute", '"><script>alert(1)</script>'),
        ("ends the attribute, single quote", "'><img src=x onerror=alert(1)>"),
        ("closes the frame", "</iframe><script>alert(1)</script>"),
        ("an entity", "&quot; onload=alert(1) x=&quot;"),
    ],
)
def test_srcdoc_keeps_the_page_inside_the_attribute(case, page):
    frame = srcdoc_iframe(page)
    srcdoc = re.fullmatch(r'<iframe srcdoc="([^"]*)" sandbox="allow-scripts" style="[^"]*"></iframe>', frame)
    assert srcdoc, case
    assert "<" not in srcdoc.group(1) and ">" not in srcdoc.group(1)
    assert html.unescape(srcdoc.group(1)) == page


def test_srcdoc_rejects_a_bad_height():
    with pytest.raises(UsageError, match="height"):
        srcdoc_iframe("<p>x</p>", height=0)


def test_show_page_holds_the_whole_page_in_a_sandboxed_frame():
    A = nx.DiGraph()
    A.add_node("a", label="</iframe><script>alert(1)</script>", type="Person", made=1, received=0)
    A.add_node("b", label="Bobland", type="Country", made=0, received=1)
    A.add_edge("a", "b", weight=1, polarity=-1, hostile=1, friendly=0, neutral=0, stances="accuse:1")
    shown = show_page(A, height=400).data
    assert shown.count("<iframe") == 1 and shown.count("</iframe>") == 1
    assert 'sandbox="allow-scripts"' in shown and "height: 400px" in shown
    assert "<script>alert(1)</script>" not in shown


def test_show_page_reads_a_written_page(tmp_path):
    page = tmp_path / "graph.html"
    page.write_text("<!doctype html><title>t</title><p>hello & goodbye</p>", encoding="utf-8")
    assert "&lt;p&gt;hello &amp; goodbye&lt;/p&gt;" in show_page(page).data


@pytest.mark.parametrize(
    "case, value, message",
    [
        ("statement graph", nx.MultiDiGraph(), "kg.actor_graph"),
        ("not a graph", 42, "expected an actor graph"),
    ],
)
def test_show_page_says_what_it_expected(case, value, message):
    with pytest.raises(UsageError, match=message):
        show_page(value)


def test_tabulate_takes_the_rows_of_graph_query():
    g = Graph(bind_namespaces="none")
    g.bind("ex", "https://example.org/")
    g.add((URIRef("https://example.org/a"), URIRef("https://example.org/n"), Literal(2)))
    result = g.query("SELECT ?s ?n ?missing WHERE { ?s ?p ?n } ")
    df = tabulate(result, prefixes=g)
    assert df.to_dict("records") == [{"s": "ex:a", "n": 2, "missing": None}]


def test_tabulate_refuses_a_construct_result():
    g = Graph()
    with pytest.raises(UsageError, match="SELECT"):
        tabulate(g.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))
