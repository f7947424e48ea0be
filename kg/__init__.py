"""kg: news articles in, actor-statement knowledge graph out.

The public API, in the order data flows::

    from kg import extract, graph_of, statement_graph, actor_graph, to_html

    result = extract(["seeds"])            # read, parse, extract, resolve actors
    g = graph_of(result)                   # rdflib.Graph
    M = statement_graph(g)                 # networkx.MultiDiGraph, one edge per statement
    A = actor_graph(M)                     # aggregated signed actor digraph
    to_html(A, "out/graph.html")           # the interactive page

Nothing heavy runs at import time; the spaCy model loads on first use.
"""

from .errors import ArticleError, KGError
from .network import actor_graph, statement_graph, to_dataframe
from .pipeline import Result, extract, graph_of, to_jsonl, write_outputs
from .records import Actor, ActorType, Article, Kind, Stance, Statement, Topic
from .render import to_html

__all__ = [
    "Actor",
    "ActorType",
    "Article",
    "ArticleError",
    "KGError",
    "Kind",
    "Result",
    "Stance",
    "Statement",
    "Topic",
    "actor_graph",
    "extract",
    "graph_of",
    "statement_graph",
    "to_dataframe",
    "to_html",
    "to_jsonl",
    "write_outputs",
]
