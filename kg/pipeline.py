"""The one place where the stages are wired together.

text files -> :mod:`kg.sources` -> :mod:`kg.nlp` -> :mod:`kg.extract` ->
:mod:`kg.actors` -> :mod:`kg.rdf` -> :mod:`kg.network` -> :mod:`kg.report` /
:mod:`kg.render`.

A file that cannot be read is reported (``Result.errors``) and skipped; every
other file is still processed and written.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from . import nlp, rdf
from .actors import Resolver
from .errors import ArticleError
from .extract import person_names, select
from .extract import run as run_extractors
from .iri import Iris
from .records import Actor, Article, Candidate, Statement
from .sources import find_articles, is_corpus, read_article, read_corpus

log = logging.getLogger(__name__)

#: Names of the files ``build`` writes.
OUTPUTS = ("graph.ttl", "graph.trig", "graph.nq", "statements.jsonl", "graph.html", "report.md")


@dataclass
class Result:
    """What a run produced: the articles read, their statements, the failures."""

    articles: list[Article] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_all(paths: Iterable[str | Path], errors: list[ArticleError]) -> Iterator[Article]:
    """Articles under ``paths``; unreadable ones are appended to ``errors``."""
    for raw in paths:
        try:
            files = list(find_articles([raw]))
        except ArticleError as e:
            errors.append(e)
            continue
        for f in files:
            if is_corpus(f):
                yield from read_corpus(f, errors)
                continue
            try:
                yield read_article(f)
            except ArticleError as e:
                errors.append(e)


def extract(
    paths: Iterable[str | Path],
    extractors: Iterable[str] | None = None,
    progress: Callable[[Iterable, int], Iterable] | None = None,
) -> Result:
    """Read, parse and extract every article under ``paths``.

    >>> res = extract(["seeds"])  # doctest: +SKIP
    >>> res.statements[0].speaker.label  # doctest: +SKIP
    'Sergei Ryabkov'
    """
    select(extractors)  # fail early on an unknown name
    result = Result()
    articles = list(read_all(paths, result.errors))
    parsed: list[tuple[Article, list[Candidate]]] = []
    stream = nlp.parse(articles)
    if progress is not None:
        stream = progress(stream, len(articles))
    resolver = Resolver()
    for article, doc in stream:
        cands = run_extractors(article, doc, extractors)
        resolver.observe(article.doc, cands, person_names(doc), article.text)
        parsed.append((article, cands))
    raw: list[Statement] = []
    for article, cands in parsed:
        raw.extend(resolver.statements(article, cands))
    result.articles = articles
    result.statements = [resolver.finish_statement(s) for s in raw]
    return result


def statement_record(st: Statement, iris: Iris) -> dict:
    """One line of ``statements.jsonl`` (the format ``score.py`` reads)."""
    return {
        "doc": st.doc,
        "speaker": st.speaker.label,
        "speaker_iri": str(iris.actor(st.speaker.key)),
        "speaker_type": st.speaker.type.value,
        "speaker_mention": st.speaker_mention,
        "stance": st.stance.value,
        "stance_fine": st.stance_fine,
        "polarity": st.polarity,
        "targets": [t.label for t in st.targets],
        "target_iris": [
            str(iris.actor(t.key) if isinstance(t, Actor) else iris.topic(t.key)) for t in st.targets
        ],
        "kind": st.kind.value,
        "section": st.section.value,
        "cue": st.cue,
        "evidence": st.evidence,
        "start": st.start,
        "end": st.end,
        "content": st.content,
        "content_start": st.content_start,
        "content_end": st.content_end,
        "confidence": st.confidence,
        "extractor": st.extractor,
        "statement_iri": str(rdf.statement_iri(st, iris)),
    }


def to_jsonl(statements: Iterable[Statement], iris: Iris | None = None) -> str:
    iris = iris or Iris()
    return "".join(json.dumps(statement_record(s, iris), ensure_ascii=False) + "\n" for s in statements)


def graph_of(result: Result, iris: Iris | None = None) -> Graph:
    return rdf.to_graph(result.statements, result.articles, iris)


def _validation(g: Graph) -> str:
    """The stage line of checking ``g`` against ``ontology/shapes.ttl``; violations are logged."""
    from . import shapes

    report = shapes.validate(g)
    for v in report.violations:
        log.warning("shapes: %s", v)
    if report.conforms:
        return "shapes: the graph conforms to ontology/shapes.ttl"
    return f"shapes: {len(report.violations)} violation(s) of ontology/shapes.ttl (logged as warnings)"


def write_outputs(result: Result, out_dir: str | Path, iris: Iris | None = None,
                  stage: Callable[[str], None] = lambda s: None) -> dict[str, Path]:
    """Write the four files of ``kg build`` into ``out_dir``."""
    from . import network, render, report

    iris = iris or Iris()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in OUTPUTS}
    g = graph_of(result, iris)
    rdf.write(g, paths["graph.ttl"])
    stage(f"rdf: {len(g)} triples -> {paths['graph.ttl']}")
    ds = rdf.to_dataset(result.statements, result.articles, iris)
    rdf.write(ds, paths["graph.trig"], "trig")
    # N-Quads has no order of its own: sort the lines so that reruns are byte-identical
    quads = sorted(ds.serialize(format="nquads", encoding="utf-8").splitlines(keepends=True))
    paths["graph.nq"].write_bytes(b"".join(quads))
    stage(f"rdf: {len(result.articles)} named graph(s), one per article -> {paths['graph.trig']}, "
          f"{paths['graph.nq']}")
    stage(_validation(g))
    paths["statements.jsonl"].write_text(to_jsonl(result.statements, iris), encoding="utf-8")
    stage(f"statements: {len(result.statements)} -> {paths['statements.jsonl']}")
    multi = network.statement_graph(g)
    actors = network.actor_graph(multi)
    render.to_html(actors, paths["graph.html"], title="Who said what about whom")
    stage(f"page: {actors.number_of_nodes()} actors, {actors.number_of_edges()} edges -> {paths['graph.html']}")
    errors = [str(e) for e in result.errors]
    paths["report.md"].write_text(
        report.to_markdown(multi, [a.doc for a in result.articles], errors), encoding="utf-8"
    )
    stage(f"report -> {paths['report.md']}")
    return paths
