"""The ``kg`` command: build, extract, evaluate, train-stance, analyze, query, load, serve.

Output policy: one line per stage on stderr, results on stdout or in files,
a one-line error per bad input file, exit status 1 when any file failed,
2 for bad usage.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from .cache import Cache, default_dir
from .errors import KGError, UsageError
from .iri import Iris
from .vocab import DEFAULT_BASE

DEFAULT_INPUT = "seeds"
DEFAULT_OUT = "out"
PROGRESS_THRESHOLD = 20


def _stage(quiet: bool):
    def say(msg: str) -> None:
        if not quiet:
            print(f"kg: {msg}", file=sys.stderr, flush=True)

    return say


def _progress(items: Iterable, total: int) -> Iterable:
    """A progress bar on stderr for long runs; the items unchanged otherwise."""
    if total < PROGRESS_THRESHOLD:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc="parse", unit="doc", file=sys.stderr)


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {n}")
    return n


def _report_errors(errors: Sequence[KGError]) -> None:
    for e in errors:
        print(f"kg: error: {e}", file=sys.stderr)


def _extract(args: argparse.Namespace):
    from . import pipeline

    say = _stage(args.quiet)
    names = args.extractor or None
    store = None if args.no_cache else Cache(args.cache_dir or default_dir(), names)
    result = pipeline.extract(args.paths, names, None if args.quiet else _progress, args.jobs, store,
                              args.dask_scheduler)
    say(f"read: {len(result.articles)} article(s) under {', '.join(map(str, args.paths))}, "
        f"{len(result.errors)} unreadable")
    if store is not None:
        say(f"cache: {store.hits} article(s) reused, {store.misses} parsed ({store.root})")
    say(f"extract: {len(result.statements)} statements from {len(result.articles)} article(s)")
    return result


def cmd_build(args: argparse.Namespace) -> int:
    from . import pipeline

    result = _extract(args)
    pipeline.write_outputs(result, args.out, Iris(args.base), _stage(args.quiet))
    _report_errors(result.errors)
    return 1 if result.errors else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from . import pipeline

    result = _extract(args)
    iris = Iris(args.base)
    if args.format == "jsonl":
        data = pipeline.to_jsonl(result.statements, iris).encode("utf-8")
    else:
        data = pipeline.graph_of(result, iris).serialize(format="turtle", encoding="utf-8")
    if args.output and args.output != "-":
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    _report_errors(result.errors)
    return 1 if result.errors else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from . import evaluate

    say = _stage(args.quiet)
    scores = evaluate.evaluate_files(args.gold, args.docs or [DEFAULT_INPUT], details=args.errors)
    say(f"evaluate: {scores['documents']} gold document(s)")
    for line in scores.get("errors", []):
        print(line)
    print(evaluate.format_scores(scores))
    return 0


def cmd_train_stance(args: argparse.Namespace) -> int:
    from . import train
    from .extract import learned

    say = _stage(args.quiet)
    if not args.cv and not args.output:
        raise UsageError("train-stance: nothing to do; give --cv, -o FILE or both")
    exs = train.examples(args.gold, args.docs or [DEFAULT_INPUT])
    say(f"train-stance: {len(exs)} example(s) from {len({e.doc for e in exs})} document(s)")
    c = learned.C if args.c is None else args.c
    threshold = learned.THRESHOLD if args.threshold is None else args.threshold
    override = learned.OVERRIDE if args.override is None else args.override
    if override > 1:
        override = None  # the documented way to never overrule the rules' reading of the content
    if args.cv:
        r = train.cross_validate(exs, c, threshold, override)
        print(f"leave-one-document-out over {r['documents']} documents, {r['examples']} statements the rules "
              f"call claims: rules right {r['rules_right']}, with the model {r['model_right']} "
              f"({r['changed']} changed); {r['others']} with a stance the rules read from the content: "
              f"rules right {r['others_rules_right']}, with the model {r['others_model_right']} "
              f"({r['others_changed']} changed)")
    if args.output:
        learned.save(train.fit(exs, c, threshold, override), args.output)
        say(f"train-stance: model written to {args.output}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from . import store

    bindings = dict(store.binding(b) for b in args.bind or [])
    ds = store.open_for(args.path, args.store)
    sys.stdout.write(store.to_text(store.query(ds, args.query, bindings), args.format))
    sys.stdout.flush()
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from . import store
    from .errors import UsageError

    say = _stage(args.quiet)
    if store._remote(args.store):
        target: object = args.store
        where = args.store
    elif args.store == "oxigraph":
        location = store.store_dir(args.out)
        target = store.open_store("oxigraph", location)
        where = str(location)
    else:
        raise UsageError(
            f"cannot load into store {args.store!r}: it would not persist; valid stores: oxigraph or an "
            "http(s):// SPARQL endpoint URL"
        )
    try:
        files, triples = store.load_all(target, args.paths, args.graph_store)
    finally:
        if not isinstance(target, str):
            target.close()
    say(f"load: {triples} triples from {files} file(s) into {where}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from . import serve

    endpoint = serve.Endpoint(args.path, args.store, args.timeout, args.max_results)
    server = serve.make_server(endpoint, args.host, args.port)
    host, port = server.server_address[:2]
    _stage(args.quiet)(f"serve: {args.path} read-only at http://{host}:{port}{serve.PATH} (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:  # pragma: no cover
        pass
    finally:
        server.server_close()
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from rdflib import Graph

    from . import analysis

    say = _stage(args.quiet)
    source = Path(args.out) / "graph.ttl"
    if not source.is_file():
        print(f"kg: error: {source} not found; run `kg build -o {args.out}` first", file=sys.stderr)
        return 2
    g = Graph().parse(source, format="turtle")
    say(f"read: {len(g)} triples from {source}")
    paths = analysis.write(g, args.out, k=args.coalitions or None)
    say(f"analyze: {len(paths)} files -> {args.out}/ ({', '.join(sorted(paths))})")
    return 0


def parser() -> argparse.ArgumentParser:
    from .extract import learned

    p = argparse.ArgumentParser(
        prog="kg",
        description="Turn news articles into an actor-statement knowledge graph: "
        "who said what, about whom, with what stance.",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log debugging details")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("-q", "--quiet", action="store_true", help="print no stage lines or progress")
        sp.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI of the data (default {DEFAULT_BASE})")
        sp.add_argument(
            "--extractor", action="append", metavar="NAME",
            help="run only this extractor (repeatable; default: all registered)",
        )
        sp.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                        help="parse and extract in N worker processes (default 1; same output)")
        sp.add_argument("--dask-scheduler", metavar="ADDRESS",
                        help="parse and extract on this Dask distributed cluster (tcp://HOST:8786) "
                        "instead of local processes")
        sp.add_argument("--no-cache", action="store_true",
                        help="parse every article again instead of reusing cached results")
        sp.add_argument("--cache-dir", metavar="DIR",
                        help="where per-article results are cached (default $KG_CACHE_DIR, "
                        "$XDG_CACHE_HOME/kg or ~/.cache/kg)")

    b = sub.add_parser(
        "build", help="extract and write the graph (Turtle, TriG, N-Quads), statements, page and report",
        description="Read every article under PATH (folders recursively, in sorted order), extract "
        "statements and write OUT/graph.ttl (with OUT/graph.trig and OUT/graph.nq, one named graph per "
        "article), OUT/statements.jsonl, OUT/graph.html and OUT/report.md.",
    )
    b.add_argument("paths", nargs="*", default=[DEFAULT_INPUT], metavar="PATH",
                   help=f"article files or folders (default: {DEFAULT_INPUT}/)")
    b.add_argument("-o", "--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)")
    common(b)
    b.set_defaults(func=cmd_build)

    e = sub.add_parser(
        "extract", help="extract statements only (JSON Lines or Turtle)",
        description="Extract statements from the articles under PATH and print them as JSON Lines "
        "(one statement per line) or as a Turtle graph.",
    )
    e.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    e.add_argument("--format", choices=("jsonl", "ttl"), default="jsonl", help="output format (default jsonl)")
    e.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    common(e)
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser(
        "evaluate", help="score extraction against gold annotations (P/R/F1 per level)",
        description="Extract statements from the gold documents and print precision, recall and F1 "
        "for detection, attribution, stance and triple (see kg.evaluate for the matching rules).",
    )
    v.add_argument("gold", nargs="+", metavar="GOLD", help="gold JSON files or folders of them")
    v.add_argument("--docs", metavar="DIR", action="append",
                   help="folder with the documents' texts, repeatable: searched in order (default: seeds/)")
    v.add_argument("--errors", action="store_true",
                   help="also list, per document, the gold statements missed or got partly wrong and the "
                   "extra statements")
    v.add_argument("-q", "--quiet", action="store_true", help="print no stage lines")
    v.set_defaults(func=cmd_evaluate)

    t = sub.add_parser(
        "train-stance", help="train the learned stance on gold annotations (needs scikit-learn)",
        description="Train the model that gives a stance to statements the rules call neutral claims "
        "(kg.extract.learned) on gold annotations, report leave-one-document-out figures (--cv) and "
        "write the model (-o); to use it, put it at kg/extract/data/stance_model.json.",
    )
    t.add_argument("gold", nargs="+", metavar="GOLD", help="gold JSON files or folders of them")
    t.add_argument("--docs", metavar="DIR", action="append",
                   help="folder with the documents' texts, repeatable: searched in order (default: seeds/)")
    t.add_argument("-o", "--output", metavar="FILE", help="write the model here (JSON)")
    t.add_argument("--cv", action="store_true", help="report leave-one-document-out figures")
    t.add_argument("--c", type=float, default=None,
                   help=f"inverse regularisation strength (default {learned.C})")
    t.add_argument("--threshold", type=float, default=None,
                   help=f"least probability for the model to replace a claim (default {learned.THRESHOLD})")
    t.add_argument("--override", type=float, default=None,
                   help="least probability for the model to replace a stance the rules read from the "
                   f"content (default {learned.OVERRIDE}; above 1: never)")
    t.add_argument("-q", "--quiet", action="store_true", help="print no stage lines")
    t.set_defaults(func=cmd_train_stance)

    a = sub.add_parser(
        "analyze", help="network analysis of OUT/graph.ttl: tables, CSVs, plots, GraphML and GEXF",
        description="Read OUT/graph.ttl (written by `kg build`) and write OUT/analysis.md, CSV tables "
        "(actors, edges, coalitions, contested targets, projections, stance changes), PNG plots and "
        "OUT/actors.graphml and OUT/actors.gexf for Gephi.",
    )
    a.add_argument("out", nargs="?", default=DEFAULT_OUT, metavar="OUT",
                   help=f"the folder of `kg build` (default: {DEFAULT_OUT}/)")
    a.add_argument("--coalitions", type=int, default=2, metavar="K",
                   help="split the actors into at most K coalitions (default 2; 0 lets modularity choose)")
    a.add_argument("-q", "--quiet", action="store_true", help="print no stage lines")
    a.set_defaults(func=cmd_analyze)

    qp = sub.add_parser(
        "query", help="run a named query, a .rq file or SPARQL on the graph kg build wrote",
        description="Run QUERY (a name from ontology/queries, a .rq file or SPARQL text) on the graph in "
        "PATH (an output folder or a graph file; default: out/). Values are bound with --bind, never "
        "pasted into the query.",
    )
    qp.add_argument("query", metavar="QUERY", help="NAME | FILE.rq | 'SPARQL'")
    qp.add_argument("path", nargs="?", default=DEFAULT_OUT, metavar="PATH",
                    help=f"output folder or graph file (default: {DEFAULT_OUT}/)")
    qp.add_argument("--store", default="memory", metavar="STORE",
                    help="memory (default), oxigraph (on disk beside the graph) or a SPARQL endpoint URL")
    qp.add_argument("--format", choices=("table", "csv", "json"), default="table",
                    help="output format for SELECT and ASK (default table); CONSTRUCT prints Turtle")
    qp.add_argument("--bind", action="append", metavar="VAR=VALUE",
                    help="bind a variable: speaker=<IRI>, stance=kgs:accuse, word=NATO (repeatable)")
    qp.set_defaults(func=cmd_query)

    lp = sub.add_parser(
        "load",
        help="bulk-load graph files (e.g. the graph.nq of many builds) into Oxigraph or a SPARQL server",
        description="Load the graph files under PATH (.nq, .trig, .ttl, .nt; folders recursively, in sorted "
        "order) into the Oxigraph store of OUT (OUT/oxigraph, the one `kg query --store oxigraph OUT` and "
        "`kg serve OUT --store oxigraph` read) or into a SPARQL server (--store URL, through the Graph Store "
        "Protocol). Each file replaces the named graphs (one per article) it holds; a later file wins.",
    )
    lp.add_argument("paths", nargs="+", metavar="PATH", help="graph files or folders of them")
    lp.add_argument("-o", "--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)")
    lp.add_argument("--store", default="oxigraph", metavar="STORE",
                    help="oxigraph (default; OUT/oxigraph on disk) or a SPARQL endpoint URL")
    lp.add_argument("--graph-store", metavar="URL",
                    help="the server's Graph Store Protocol URL (default: the endpoint's /query -> /store)")
    lp.add_argument("-q", "--quiet", action="store_true", help="print no stage line")
    lp.set_defaults(func=cmd_load)

    sp = sub.add_parser(
        "serve", help="serve the graph as a read-only SPARQL 1.1 endpoint at /sparql",
        description="Serve the graph in PATH (an output folder or graph file; default: out/) as a read-only "
        "SPARQL 1.1 Protocol endpoint at /sparql. Update, LOAD, SERVICE and FROM with outside graphs are "
        "refused; queries time out and results are capped.",
    )
    sp.add_argument("path", nargs="?", default=DEFAULT_OUT, metavar="PATH",
                    help=f"output folder or graph file (default: {DEFAULT_OUT}/)")
    sp.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, loopback)")
    sp.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    sp.add_argument("--store", choices=("memory", "oxigraph"), default="memory",
                    help="memory (default) or oxigraph (on disk beside the graph)")
    sp.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default 10)")
    sp.add_argument("--max-results", type=int, default=10_000,
                    help="most rows or triples a result may have (default 10000)")
    sp.add_argument("-q", "--quiet", action="store_true", help="print no stage line")
    sp.set_defaults(func=cmd_serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="kg: %(levelname)s: %(message)s")
    try:
        return args.func(args)
    except KGError as e:
        print(f"kg: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
