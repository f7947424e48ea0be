"""Time to write the interactive page (``out/graph.html``) for a large actor network.

Run from the repository root::

    .venv/bin/python benchmarks/page.py                      # 200/1,000, 1,000/5,000, 2,000/10,000
    .venv/bin/python benchmarks/page.py --sizes 2000:10000 --browser   # and draw it in Chromium

The statements are synthetic but have the shape ``kg build`` produces: real
``kg.records.Statement`` records with ``Actor`` speakers and ``Actor``/``Topic``
targets, passed through exactly the stages ``kg.pipeline.write_outputs`` runs
for the page:

``rdf``
    ``kg.rdf.to_graph(statements, articles)`` (the RDF graph the page is built from)
``statement graph``
    ``kg.network.statement_graph(g)`` (two named SPARQL queries on that graph)
``actor graph``
    ``kg.network.actor_graph(M)`` (one edge per speaker and target)
``page``
    ``kg.render.to_html(G, path)`` (layout, JSON, template, writing the file)

Generator (deterministic for a given ``--seed``): ``actors`` actors in the four
types (45 % people, 30 % organisations, 10 % countries, 15 % groups; people
have roles and affiliations), and ``actors // 10`` topics; speakers are drawn
from a Zipf-like distribution (weight ``1 / rank ** 1.1``) and targets from a
flatter one (``1 / rank ** 0.9``) over a separately shuffled ranking, so a few
actors dominate, as in news. Each statement has 0-3 targets (mostly one; 15 % of
targets are topics), a stance with news-like frequencies, a kind (direct, mixed,
indirect) and a quote or paraphrase of 40-400 characters holding text that must
be escaped (``</script>``, ``<!--``, ``&amp;``, quotes, U+2028, non-Latin
scripts, emoji). Every actor is used at least once (an unused one is added as a
target of some statement), so the page holds every actor. Statements are spread
over articles of about eight statements each, with dates.

Each size runs in a fresh process (so each has its own peak memory). Seconds
are wall clock of each stage; "end to end" is their sum. Peak RSS is the
process's ``ru_maxrss`` after the stage (it only grows; "before" is after
generating the records, i.e. the baseline of imports plus records).

``--browser`` also opens each page in Debian's headless Chromium (as the tests
in ``tests/test_render_browser.py`` do) and reads the page's own performance
marks: ``kg-ready`` (the script has built the network and the controls) and
``kg-drawn`` (vis-network's first ``afterDrawing``), both in milliseconds from
the start of navigation, plus the time of one full redraw (what panning and
zooming cost per frame).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = ["200:1000", "1000:5000", "2000:10000"]

FIRST = [
    "Anna",
    "Boris",
    "Chen",
    "Dmitry",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ines",
    "José",
    "Katarzyna",
    "Li",
    "Mohammed",
    "Nadia",
    "Olaf",
    "Priya",
    "Quentin",
    "Rania",
    "Sergei",
    "Tomás",
    "Ursula",
    "Viktor",
    "Wei",
    "Xavier",
    "Yusuf",
    "Zoë",
    "Ali",
    "Björn",
    "Chloé",
    "Đorđe",
]
LAST = [
    "Abramov",
    "Bennett",
    "Castillo",
    "Dubois",
    "Erdoğan",
    "Fischer",
    "García",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "López",
    "Müller",
    "Nakamura",
    "O'Brien",
    "Petrov",
    "Quiroga",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Újvári",
    "Volkov",
    "Wang",
    "Xu",
    "Yılmaz",
    "Zhang",
    "al-Masri",
    "Van der Berg",
    "Søndergaard",
    "Nguyễn",
]
ROLES = [
    "Foreign Minister",
    "President",
    "spokesman",
    "Prime Minister",
    "Defence Secretary",
    "ambassador",
    "chief executive",
    "senator",
    "general",
    "party leader",
    "",
]
ORG_WORDS = [
    "Ministry of Foreign Affairs",
    "Central Bank",
    "Security Council",
    "Press Agency",
    "Energy Company",
    "Trade Union",
    "Human Rights Watch Group",
    "Supreme Court",
    "Defence Ministry",
    "Election Commission",
    "Oil & Gas Corporation",
    "Institute",
]
GROUP_WORDS = [
    "rebels",
    "protesters",
    "officials",
    "opposition",
    "militants",
    "farmers",
    "students",
    "lawmakers",
    "separatists",
    "activists",
]
COUNTRY_STEMS = [
    "Ar",
    "Bel",
    "Cor",
    "Dra",
    "Est",
    "Fal",
    "Gor",
    "Hel",
    "Ist",
    "Jor",
    "Kal",
    "Lor",
    "Mar",
    "Nor",
    "Or",
    "Pel",
    "Qar",
    "Rus",
    "Sal",
    "Tor",
    "Ur",
    "Val",
]
COUNTRY_ENDS = ["ia", "land", "stan", "onia", "ary", "ea", "ova", "istan"]
TOPICS = [
    "sanctions",
    "the ceasefire",
    "security talks",
    "gas prices",
    "the election",
    "the border",
    "nuclear programme",
    "refugees",
    "the trade deal",
    "human rights",
    "military exercises",
    "the pipeline",
    "climate targets",
    "the referendum",
]
# Stance frequencies, roughly as the seed and GUM give them (claim and criticism dominate).
STANCES = [
    ("claim", 30),
    ("criticize", 14),
    ("accuse", 12),
    ("support", 12),
    ("warn", 9),
    ("deny", 7),
    ("demand", 7),
    ("oppose", 6),
    ("threaten", 3),
]
CUES = {
    "claim": ["say", "tell", "add", "according to"],
    "criticize": ["criticize", "condemn"],
    "accuse": ["accuse", "blame"],
    "support": ["welcome", "praise", "back"],
    "warn": ["warn"],
    "deny": ["deny", "reject"],
    "demand": ["demand", "call on", "urge"],
    "oppose": ["oppose"],
    "threaten": ["threaten"],
}
KINDS = [("direct", 35), ("mixed", 20), ("indirect", 45)]
# Text that must be escaped in the page, mixed into quotes.
NASTY = [
    '</script><script>alert("x")</script>',
    "<!-- not a comment -->",
    "AT&T & Co.",
    "\u201cscare quotes\u201d",
    'it\'s "unacceptable"',
    "line\u2028separator",
    "para\u2029separator",
    "Москва заявила",
    "北京表示",
    "مصدر رسمي",
    "\U0001f600 \U0001f1fa\U0001f1e6",
    "<b>bold</b> & <i>italic</i>",
    "${template} {{jinja}} {% raw %}",
    "back\\slash",
]
WORDS = (
    "the government will not accept any agreement that ignores our security and the interests "
    "of the people who have suffered for years under this policy of aggression and lies while "
    "talks continue next week in the capital despite growing pressure from allies"
).split()


def _weights(n: int, exponent: float) -> list[float]:
    return [1.0 / (rank + 1) ** exponent for rank in range(n)]


def make_actors(rng: random.Random, n: int):
    from kg.records import Actor, ActorType

    n_country = max(1, n // 10)
    n_org = n * 30 // 100
    n_group = n * 15 // 100
    n_person = n - n_country - n_org - n_group
    countries, orgs, groups, people = [], [], [], []
    for i in range(n_country):
        # Unique names: a number once the few plain ones are used up.
        name = rng.choice(COUNTRY_STEMS) + rng.choice(COUNTRY_ENDS)
        name += f" {i}" if any(c.label == name for c in countries) else ""
        countries.append(Actor(f"country {i} {name}", name, ActorType.COUNTRY))
    for i in range(n_org):
        home = rng.choice(countries)
        label = f"{home.label} {rng.choice(ORG_WORDS)}" + (f" No. {i}" if i >= len(ORG_WORDS) else "")
        orgs.append(
            Actor(
                f"org {i} {label}",
                label,
                ActorType.ORGANIZATION,
                affiliation=(home.key,) if rng.random() < 0.3 else (),
            )
        )
    for i in range(n_group):
        home = rng.choice(countries)
        label = f"{home.label} {rng.choice(GROUP_WORDS)}" + (f" ({i})" if i >= len(GROUP_WORDS) else "")
        groups.append(Actor(f"group {i} {label}", label, ActorType.GROUP, affiliation=(home.key,)))
    for i in range(n_person):
        label = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if rng.random() < 0.15:
            # A long name, longer than the canvas label: it is shortened with an ellipsis.
            label += f"-{rng.choice(LAST)} {rng.choice(LAST)} de la {rng.choice(LAST)}"
        label += f" {i}"
        home = rng.choice(countries + orgs)
        people.append(
            Actor(
                f"person {i} {label}",
                label,
                ActorType.PERSON,
                role=rng.choice(ROLES),
                affiliation=(home.key,) if rng.random() < 0.7 else (),
            )
        )
    actors = countries + orgs + groups + people
    rng.shuffle(actors)
    return actors


def _text(rng: random.Random, low: int, high: int) -> str:
    length = rng.randint(low, high)
    parts: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(NASTY) if rng.random() < 0.04 else rng.choice(WORDS)
        parts.append(word)
        size += len(word) + 1
    return " ".join(parts)[:length]


def make_statements(actors_n: int, statements_n: int, seed: int):
    """``statements_n`` statements among ``actors_n`` actors, plus their articles."""
    from kg.records import Actor, Article, Kind, Paragraph, Section, Stance, Statement, Topic

    rng = random.Random(seed)
    actors = make_actors(rng, actors_n)
    topics = [Topic(f"topic {i}", f"{rng.choice(TOPICS)} ({i})") for i in range(max(1, actors_n // 10))]
    speaker_rank = actors[:]
    target_rank = actors[:]
    rng.shuffle(target_rank)
    speaker_w = _weights(len(actors), 1.1)
    target_w = _weights(len(actors), 0.9)
    topic_w = _weights(len(topics), 1.0)
    stance_names, stance_w = zip(*STANCES, strict=True)
    kind_names, kind_w = zip(*KINDS, strict=True)

    per_article = 8
    n_articles = max(1, statements_n // per_article)
    speakers = rng.choices(speaker_rank, speaker_w, k=statements_n)
    drafts = []
    for k in range(statements_n):
        speaker = speakers[k]
        n_targets = rng.choices([0, 1, 2, 3], [10, 70, 15, 5])[0]
        targets: list = []
        for _ in range(n_targets):
            if rng.random() < 0.15:
                t = rng.choices(topics, topic_w)[0]
            else:
                t = rng.choices(target_rank, target_w)[0]
            if t is not speaker and t not in targets:
                targets.append(t)
        drafts.append([speaker, targets])
    # Every actor at least once: unused ones become an extra target of some statement.
    used = {id(d[0]) for d in drafts} | {id(t) for d in drafts for t in d[1]}
    for actor in actors:
        if id(actor) not in used:
            d = drafts[rng.randrange(statements_n)]
            if d[0] is actor:
                d = drafts[(drafts.index(d) + 1) % statements_n]
            d[1].append(actor)

    articles = []
    offsets = [0] * n_articles
    statements = []
    for k, (speaker, targets) in enumerate(drafts):
        a = k % n_articles
        doc = f"{a:05d}_synthetic.txt"
        stance = Stance(rng.choices(stance_names, stance_w)[0])
        kind = Kind(rng.choices(kind_names, kind_w)[0])
        cue = rng.choice(CUES[stance.value])
        content = _text(rng, 40, 400)
        target_names = " and ".join(t.label for t in targets)
        if kind is Kind.DIRECT:
            evidence = f"\u201c{content}\u201d, {speaker.label} said."
        elif kind is Kind.MIXED:
            evidence = f"{speaker.label} {cue} {target_names} of \u201c{content}\u201d"
        else:
            evidence = f"{speaker.label} {cue} {target_names} {content}"
        start = offsets[a]
        end = start + len(evidence)
        offsets[a] = end + rng.randint(20, 400)
        statements.append(
            Statement(
                doc=doc,
                speaker=speaker,
                stance=stance,
                kind=kind,
                cue=cue,
                evidence=evidence,
                start=start,
                end=end,
                content=content,
                content_start=start + 1,
                content_end=start + 1 + len(content),
                targets=tuple(targets),
                extractor="speech" if kind is Kind.INDIRECT else "quotes",
                confidence=rng.choice([0.55, 0.65, 0.7, 0.75, 0.8]),
                section=Section.BODY,
                stance_fine=cue,
                speaker_mention=speaker.label,
            )
        )
    for a in range(n_articles):
        doc = f"{a:05d}_synthetic.txt"
        articles.append(
            Article(
                doc=doc,
                text="",
                paragraphs=(Paragraph(0, offsets[a], Section.BODY),),
                date=f"2026-{1 + a % 12:02d}-{1 + a % 28:02d}",
                title=f"Article {a} <with> & \u201cmarkup\u201d",
            )
        )
    assert all(isinstance(s.speaker, Actor) for s in statements)
    return statements, articles


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(actors_n: int, statements_n: int, seed: int, out: Path, profile: Path | None) -> dict:
    """One size, in this (fresh) process: generate, then time each stage."""
    from kg import network, rdf, render

    statements, articles = make_statements(actors_n, statements_n, seed)
    result: dict = {
        "actors": actors_n,
        "statements": len(statements),
        "articles": len(articles),
        "targets": sum(len(s.targets) for s in statements),
        "rss_before_mb": _rss_mb(),
    }
    stages = [
        ("rdf", lambda _: rdf.to_graph(statements, articles)),
        ("statement_graph", network.statement_graph),
        ("actor_graph", network.actor_graph),
        ("page", lambda G: render.to_html(G, out, title="Who said what about whom")),
    ]
    value = None
    graphs = {}
    for name, fn in stages:
        if profile and name == "page":
            import cProfile

            prof = cProfile.Profile()
            t0 = time.perf_counter()
            value = prof.runcall(fn, value)
            seconds = time.perf_counter() - t0
            prof.dump_stats(str(profile))
        else:
            t0 = time.perf_counter()
            value = fn(value)
            seconds = time.perf_counter() - t0
        graphs[name] = value
        result[f"{name}_s"] = seconds
        result[f"{name}_rss_mb"] = _rss_mb()
    G = graphs["actor_graph"]
    result["triples"] = len(graphs["rdf"])
    result["page_nodes"] = G.number_of_nodes()
    result["page_edges"] = G.number_of_edges()
    result["page_actors"] = sum(1 for _, t in G.nodes(data="type") if t != "Topic")
    result["bytes"] = out.stat().st_size
    result["end_to_end_s"] = sum(result[f"{n}_s"] for n, _ in stages)
    return result


def measure_browser(path: Path, timeout: float = 600) -> dict:
    """Open ``path`` in headless Chromium; the page's own marks and one redraw, in ms."""
    import os

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ):
        options.add_argument(arg)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.set_window_size(1400, 900)
            driver.set_page_load_timeout(timeout)
            driver.set_script_timeout(timeout)
            t0 = time.perf_counter()
            driver.get(path.as_uri())
            WebDriverWait(driver, timeout, poll_frequency=0.05).until(
                lambda d: d.execute_script(
                    "return document.body.getAttribute('data-ready') === 'true' && "
                    "performance.getEntriesByName('kg-drawn').length > 0"
                )
            )
            wall = time.perf_counter() - t0
            marks = driver.execute_script(
                "const m = n => (performance.getEntriesByName(n)[0] || {}).startTime;"
                "const nav = performance.getEntriesByType('navigation')[0];"
                "return {ready: m('kg-ready'), drawn: m('kg-drawn'),"
                " dom: nav ? nav.domContentLoadedEventEnd : null,"
                " nodes: nodes.length, edges: edges.length};"
            )
            redraw = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "const t = performance.now();"
                "network.once('afterDrawing', () => done(performance.now() - t));"
                "network.redraw();"
            )
            errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        finally:
            driver.quit()
    return {
        "browser_wall_s": wall,
        "ready_ms": marks["ready"],
        "drawn_ms": marks["drawn"],
        "dom_ms": marks["dom"],
        "redraw_ms": redraw,
        "browser_nodes": marks["nodes"],
        "browser_edges": marks["edges"],
        "browser_errors": errors,
    }


def run_size(actors_n: int, statements_n: int, seed: int, out: Path, profile: Path | None) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        f"{actors_n}:{statements_n}",
        "--seed",
        str(seed),
        "--out",
        str(out),
    ]
    if profile:
        cmd += ["--profile", str(profile)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        sys.stderr.write(done.stderr)
        done.check_returncode()
    return json.loads(done.stdout.strip().splitlines()[-1])


def _table(rows: list[dict]) -> str:
    browser = any("drawn_ms" in r for r in rows)
    head = [
        "actors / statements",
        "page nodes / edges",
        "rdf (s)",
        "statement graph (s)",
        "actor graph (s)",
        "**page (s)**",
        "end to end (s)",
        "page size (MB)",
        "peak RSS (MB)",
    ]
    if browser:
        head += ["browser: ready (s)", "first draw (s)", "redraw (ms)"]
    lines = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * (len(head) - 1)]
    for r in rows:
        cells = [
            f"{r['actors']:,} / {r['statements']:,}",
            f"{r['page_nodes']:,} / {r['page_edges']:,}",
            f"{r['rdf_s']:.2f}",
            f"{r['statement_graph_s']:.2f}",
            f"{r['actor_graph_s']:.2f}",
            f"**{r['page_s']:.2f}**",
            f"{r['end_to_end_s']:.2f}",
            f"{r['bytes'] / 1e6:.1f}",
            f"{r['page_rss_mb']:,.0f}",
        ]
        if browser:
            cells += [
                f"{r['ready_ms'] / 1000:.2f}" if r.get("ready_ms") is not None else "",
                f"{r['drawn_ms'] / 1000:.2f}" if r.get("drawn_ms") is not None else "",
                f"{r['redraw_ms']:.0f}" if r.get("redraw_ms") is not None else "",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _size(text: str) -> tuple[int, int]:
    actors, _, statements = text.partition(":")
    return int(actors), int(statements)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes",
        nargs="+",
        default=DEFAULT_SIZES,
        metavar="ACTORS:STATEMENTS",
        help="sizes to measure (default: %(default)s)",
    )
    ap.add_argument("--seed", type=int, default=1, help="seed of the generator (default 1)")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each size; the fastest page counts")
    ap.add_argument("--browser", action="store_true", help="also load each page in headless Chromium")
    ap.add_argument("--keep", type=Path, help="keep the pages in this folder")
    ap.add_argument(
        "--profile", type=Path, help="write cProfile stats of the page stage of the last size here"
    )
    ap.add_argument("--json", type=Path, help="also write every measurement here")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        sys.path.insert(0, str(ROOT))
        actors_n, statements_n = _size(args.child)
        print(json.dumps(child(actors_n, statements_n, args.seed, args.out, args.profile)))
        return 0

    sizes = [_size(s) for s in args.sizes]
    rows, runs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for i, (actors_n, statements_n) in enumerate(sizes):
            out = folder / f"page-{actors_n}-{statements_n}.html"
            best = None
            for rnd in range(args.rounds):
                profile = args.profile if i == len(sizes) - 1 and rnd == 0 else None
                r = run_size(actors_n, statements_n, args.seed, out, profile)
                r["round"] = rnd
                runs.append(r)
                print(
                    f"{actors_n}/{statements_n} round {rnd}: page {r['page_s']:.2f} s, end to end "
                    f"{r['end_to_end_s']:.2f} s, {r['bytes'] / 1e6:.1f} MB, peak {r['page_rss_mb']:.0f} MB",
                    file=sys.stderr,
                )
                if best is None or r["page_s"] < best["page_s"]:
                    best = r
            if args.browser:
                b = measure_browser(out)
                print(
                    f"{actors_n}/{statements_n} browser: ready {b['ready_ms']:.0f} ms, drawn "
                    f"{b['drawn_ms']:.0f} ms, redraw {b['redraw_ms']:.0f} ms, errors {b['browser_errors']}",
                    file=sys.stderr,
                )
                best.update(b)
            rows.append(best)
    print(_table(rows))
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, "best": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
