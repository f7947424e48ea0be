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
import math
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from rdflib import Graph
from spacy.tokens import Doc

from . import implicit, nlp, rdf
from .actors import Resolver
from .cache import Cache
from .errors import ArticleError, UsageError
from .extract import analyse as analyse_article
from .extract import select
from .iri import Iris
from .records import Actor, Article, Candidate, Statement
from .sources import find_articles, is_corpus, read_article, read_corpus

log = logging.getLogger(__name__)

#: Seconds to wait for a Dask scheduler to answer.
DASK_TIMEOUT = 30

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


#: Results of one article's own stage: its candidates and the people it names.
Analysis = tuple[list[Candidate], list[str]]


def analyse(article: Article, doc: Doc, extractors: Sequence[str] | None = None) -> Analysis:
    """The per-article stage: candidates and person names from one parse.

    Everything later (actor resolution) needs all articles; everything here
    needs only this one, which is what lets it run in another process or come
    from the cache.
    """
    return analyse_article(article, doc, extractors)


def _analyse_chunk(chunk: list[Article], extractors: Sequence[str] | None) -> list[Analysis]:
    """Worker side of ``--jobs``: parse and extract a few articles; only plain
    records travel back, never a ``Doc``."""
    return [analyse(article, doc, extractors) for article, doc in nlp.parse(chunk)]


def _chunks(articles: list[Article], jobs: int) -> list[list[Article]]:
    # small enough that both workers stay busy to the end, large enough that
    # nlp.pipe still batches and the hand-over costs little
    size = max(1, min(16, math.ceil(len(articles) / (jobs * 4))))
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _fresh(articles: list[Article], extractors: Sequence[str] | None, jobs: int) -> Iterator[Analysis]:
    """Analyses of ``articles`` in input order, parsed here or by ``jobs`` worker processes."""
    if not articles:
        return
    if jobs <= 1 or len(articles) == 1:
        for article, doc in nlp.parse(articles):
            yield analyse(article, doc, extractors)
        return
    nlp.load()  # once, before the fork, so the workers share it
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ctx.Pool(jobs) as pool:
        for results in pool.imap(partial(_analyse_chunk, extractors=extractors), _chunks(articles, jobs)):
            yield from results


def _on_dask(articles: list[Article], extractors: Sequence[str] | None, scheduler: str) -> Iterator[Analysis]:
    """Analyses of ``articles`` in input order, computed on the Dask cluster at ``scheduler``.

    Every worker needs ``kg`` and the spaCy model installed; run workers with one
    thread each (``dask worker ADDRESS --nthreads 1``) and as many as there are cores.
    """
    if not articles:
        return
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--dask-scheduler needs Dask distributed: pip install 'kg[dask]'") from None
    try:
        client = Client(scheduler, timeout=DASK_TIMEOUT)
    except (OSError, TimeoutError) as e:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler!r} ({e})") from None
    with client:
        workers = max(1, sum(client.nthreads().values()))
        work = partial(_analyse_chunk, extractors=extractors)
        futures = client.map(work, _chunks(articles, workers), pure=False)
        for future in futures:
            yield from future.result()
            future.release()  # the worker may forget it: results stream, they do not pile up


def analyse_all(
    articles: list[Article],
    extractors: Sequence[str] | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[Article, Analysis]]:
    """``(article, analysis)`` for every article, in input order, taking what
    ``cache`` holds and parsing the rest (with ``jobs`` processes, or on the
    Dask cluster whose scheduler is at ``scheduler``)."""
    cached = [cache.get(a) if cache is not None else None for a in articles]
    todo = [a for a, c in zip(articles, cached, strict=True) if c is None]
    fresh = _on_dask(todo, extractors, scheduler) if scheduler else _fresh(todo, extractors, jobs)
    for article, hit in zip(articles, cached, strict=True):
        if hit is not None:
            yield article, hit
            continue
        result = next(fresh)
        if cache is not None:
            cache.put(article, *result)
        yield article, result
    for _ in fresh:  # pragma: no cover - nothing is left; this closes the worker pool now
        pass


def extract(
    paths: Iterable[str | Path],
    extractors: Iterable[str] | None = None,
    progress: Callable[[Iterable, int], Iterable] | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
    scheduler: str | None = None,
) -> Result:
    """Read, parse and extract every article under ``paths``.

    ``jobs`` > 1 parses and extracts articles in that many worker processes;
    ``scheduler`` (a Dask scheduler address such as ``tcp://10.0.0.5:8786``)
    sends that work to a Dask distributed cluster instead; ``cache`` reuses the
    results of articles seen before (:mod:`kg.cache`). None of them changes the
    result: actor resolution, which needs every article, always runs here.

    >>> res = extract(["seeds"])  # doctest: +SKIP
    >>> res.statements[0].speaker.label  # doctest: +SKIP
    'Sergei Ryabkov'
    """
    if jobs < 1:
        raise UsageError(f"jobs must be 1 or more, not {jobs}")
    names = None if extractors is None else list(extractors)
    select(names)  # fail early on an unknown name
    result = Result()
    articles = list(read_all(paths, result.errors))
    parsed: list[tuple[Article, list[Candidate]]] = []
    stream: Iterable[tuple[Article, Analysis]] = analyse_all(articles, names, jobs, cache, scheduler)
    if progress is not None:
        stream = progress(stream, len(articles))
    resolver = Resolver()
    for article, (cands, people) in stream:
        resolver.observe(article.doc, cands, people, article.text)
        parsed.append((article, cands))
    raw: list[Statement] = []
    for article, cands in parsed:
        raw.extend(resolver.statements(article, cands))
    result.articles = articles
    result.statements = implicit.fill([resolver.finish_statement(s) for s in raw])
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
        "implicit_targets": list(st.implicit),
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
