"""Helpers for Jupyter notebooks: find the project's files, show the page inline.

pyvis's own ``Network.show()`` does not work in notebooks (pyvis issues #216
and #223) and VS Code renders its output as an empty frame. :func:`show_page`
instead puts the page :mod:`kg.render` makes into an ``<iframe srcdoc=...>``:
the page runs in its own sandboxed document (scripts allowed, no access to the
notebook's origin), its Content-Security-Policy still applies, and it needs no
file server.

IPython is imported only when :func:`show_page` is called, so importing this
module costs nothing outside a notebook.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
from rdflib import Graph, Literal, URIRef
from rdflib.query import Result

from .errors import UsageError
from .render import build_page

__all__ = ["locate", "show_page", "srcdoc_iframe", "tabulate"]


def locate(relative: str | PathLike[str], start: str | PathLike[str] | None = None) -> Path:
    """The path ``relative`` in ``start`` or the nearest folder above it that has it.

    Notebooks run with the notebook's folder as working directory (Jupyter,
    nbmake) or with the repository root (some editors); ``locate("seeds")``
    finds the seed articles from either. ``start`` defaults to the working
    directory.

    >>> locate("no/such/thing", start="/")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: cannot find 'no/such/thing' in / or any folder above it
    """
    here = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / relative
        if candidate.exists():
            return candidate
    raise UsageError(f"cannot find {str(relative)!r} in {here} or any folder above it")


def srcdoc_iframe(page: str, height: int = 600) -> str:
    """An ``<iframe>`` element that holds the HTML document ``page`` in its ``srcdoc``.

    The document is escaped as an attribute value (``&``, ``<``, ``>``, both
    quote marks), so no text of the page can end the attribute or the element.
    ``sandbox="allow-scripts"`` lets the page's own scripts run while keeping it
    out of the notebook's origin: no cookies, storage or DOM of the notebook.

    >>> srcdoc_iframe('<p title="x">a & b</p>', height=100)  # doctest: +NORMALIZE_WHITESPACE
    '<iframe srcdoc="&lt;p title=&quot;x&quot;&gt;a &amp; b&lt;/p&gt;" sandbox="allow-scripts"
    style="width: 100%; height: 100px; border: 1px solid #ddd;"></iframe>'
    """
    if not isinstance(height, int) or isinstance(height, bool) or height <= 0:
        raise UsageError(f"height must be a positive number of pixels, not {height!r}")
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {height}px; border: 1px solid #ddd;"></iframe>'
    )


def show_page(page: nx.DiGraph | str | PathLike[str], height: int = 600, **options: Any) -> Any:
    """The interactive page, to display in a notebook cell.

    ``page`` is an actor graph (:func:`kg.actor_graph`; ``options`` such as
    ``title``, ``top_n`` and ``min_weight`` go to :func:`kg.render.build_page`)
    or the path of a page already written by :func:`kg.to_html`. Returns an
    :class:`IPython.display.HTML` object: make it the last expression of a cell,
    or pass it to ``IPython.display.display``.
    """
    if isinstance(page, nx.MultiDiGraph):
        raise UsageError("show_page draws the actor graph: pass kg.actor_graph(M), not the statement graph M")
    if isinstance(page, nx.DiGraph):
        document = build_page(page, **options)
    elif isinstance(page, (str, PathLike)):
        if options:
            raise UsageError(
                f"options {sorted(options)} apply only to an actor graph; a written page is shown as is"
            )
        document = Path(page).read_text(encoding="utf-8")
    else:
        raise UsageError(
            f"cannot show {type(page).__name__!r}: expected an actor graph (networkx.DiGraph) "
            "or the path of an HTML page"
        )
    try:
        from IPython.display import HTML
    except ImportError as e:  # pragma: no cover - IPython comes with any notebook
        raise UsageError("show_page needs IPython: pip install ipykernel") from e
    # inside a <div>: IPython warns about HTML that starts with <iframe>
    return HTML(f"<div>{srcdoc_iframe(document, height)}</div>")


def tabulate(
    rows: Result | Iterable[Mapping[str, Any]],
    columns: Iterable[str] | None = None,
    prefixes: Graph | None = None,
) -> pd.DataFrame:
    """SPARQL rows as a table of plain Python values, one column per variable.

    ``rows`` is what :func:`kg.queries.run` returns (a list of dicts) or the
    result of ``Graph.query`` for a SELECT query. IRIs become strings, literals
    their Python values (``xsd:decimal`` as ``float``), unbound values ``None``.
    ``columns`` fixes the columns, which an empty list of dicts cannot tell.
    With ``prefixes`` (a graph), an IRI in one of its bound namespaces is
    written short, ``kgs:accuse``; the graph is not changed.

    >>> from rdflib import Literal, URIRef
    >>> tabulate([{"who": URIRef("https://example.org/a"), "n": Literal(2), "x": None}])
                         who  n     x
    0  https://example.org/a  2  None
    >>> list(tabulate([], columns=["who", "n"]).columns)
    ['who', 'n']
    >>> from rdflib import Graph
    >>> g = Graph(bind_namespaces="none")
    >>> g.bind("ex", "https://example.org/")
    >>> tabulate([{"who": URIRef("https://example.org/a")}], prefixes=g)
        who
    0  ex:a
    """
    if isinstance(rows, Result):
        if rows.type != "SELECT":
            raise UsageError(f"tabulate takes the rows of a SELECT query, not a {rows.type} result")
        names = [str(v) for v in rows.vars or ()]
        records = [dict(zip(names, row, strict=True)) for row in rows]
    else:
        records = [dict(row) for row in rows]
        names = list(columns) if columns is not None else list(dict.fromkeys(k for r in records for k in r))
    if columns is not None:
        names = list(columns)
    data = [[_plain(r.get(name), prefixes) for name in names] for r in records]
    return pd.DataFrame(data, columns=names)


def _plain(term: Any, prefixes: Graph | None) -> Any:
    if term is None:
        return None
    if isinstance(term, URIRef) and prefixes is not None:
        try:
            return prefixes.namespace_manager.curie(term, generate=False)
        except (KeyError, ValueError):
            return str(term)
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        # an ill-typed literal stays a Literal: show its text
        return str(value) if isinstance(value, Literal) else value
    return str(term)
