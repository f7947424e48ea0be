"""Named SPARQL queries: ``ontology/queries/<name>.rq``, run with bindings.

The queries live next to the ontology they query, as plain ``.rq`` files, so
that they can be read, reviewed and run with any SPARQL tool. This module finds
them relative to the package (``<repository>/ontology/queries``), which works
from a checkout and from an editable install. A non-editable install does not
ship the ``ontology/`` directory; such an installation must copy it next to the
package's parent or the queries will not be found (``load`` then raises
:class:`~kg.errors.UsageError` naming the directory it looked in).

Values are passed to a query through ``initBindings``, never spliced into its
text. For rdflib's engine each query is parsed once and the parse is kept; a
store with its own engine (the Oxigraph store, :func:`kg.store.native`) is
given the query's text and runs it natively.

>>> from kg.records import Actor, ActorType, Kind, Stance, Statement
>>> from kg.rdf import to_graph
>>> a = Actor("Alice Doe", "Alice Doe", ActorType.PERSON)
>>> b = Actor("Bobland", "Bobland", ActorType.COUNTRY)
>>> st = Statement("a.txt", a, Stance.ACCUSE, Kind.INDIRECT, "accuse",
...                "Alice Doe accused Bobland", 0, 25, "", 0, 0, targets=(b,))
>>> rows = run(to_graph([st]), "statements")
>>> [(str(r["speakerLabel"]), str(r["targetLabel"]), str(r["cue"])) for r in rows]
[('Alice Doe', 'Bobland', 'accuse')]
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier, Variable

from .errors import UsageError

__all__ = ["QUERY_DIR", "available", "load", "prepared", "run"]

#: Where the ``.rq`` files are: ``ontology/queries`` in the repository.
QUERY_DIR = Path(__file__).resolve().parent.parent / "ontology" / "queries"


def available() -> list[str]:
    """The names of the queries there are, sorted.

    >>> "statements" in available() and "actors" in available()
    True
    """
    if not QUERY_DIR.is_dir():
        return []
    return sorted(p.stem for p in QUERY_DIR.glob("*.rq"))


def load(name: str) -> str:
    """The text of the query ``name`` (``ontology/queries/<name>.rq``).

    Only the names listed by :func:`available` are accepted, so a name cannot
    reach outside the query directory.

    >>> load("actors").startswith("# actors.rq")
    True
    >>> load("nope")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: unknown query 'nope'; valid names: accusations, actors, ...
    """
    names = available()
    if name not in names:
        if not names:
            raise UsageError(f"unknown query {name!r}; no queries found in {QUERY_DIR}")
        raise UsageError(f"unknown query {name!r}; valid names: {', '.join(names)}")
    return (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


@cache
def prepared(name: str) -> Query:
    """The parsed query ``name``, parsed once per process."""
    return prepareQuery(load(name))


def run(graph: Graph, name: str, **bindings: object) -> list[dict[str, Identifier | None]]:
    """Run the query ``name`` on ``graph`` and return its rows as dicts.

    Each keyword binds the query variable of that name before evaluation
    (``run(g, "statements", speaker=iri)``); each query's leading comment says
    which variables may be bound. A ``str``, ``int``, ``float`` or ``bool`` is
    bound as a :class:`~rdflib.Literal`; anything else must already be an RDF
    term. Every row has one key per
    projected variable, ``None`` where the variable is unbound; values are rdflib
    terms. Rows come in the query's own ``ORDER BY`` order.
    """
    from .store import native  # the store module reads the queries too: imported here, not on top

    init = {Variable(var): _term(var, value) for var, value in bindings.items()}
    # a store with its own engine (Oxigraph) gets the text; rdflib's engine gets its own parse
    result = graph.query(load(name) if native(graph) else prepared(name), initBindings=init)
    names = [str(v) for v in result.vars or ()]
    return [{var: row[var] for var in names} for row in result]


def _term(var: str, value: object) -> Identifier:
    if isinstance(value, Identifier):
        return value
    if isinstance(value, (str, int, float, bool)):
        return Literal(value)
    raise UsageError(
        f"cannot bind ?{var} to {value!r}: expected an rdflib term (URIRef, Literal) "
        "or a str, int, float or bool"
    )
