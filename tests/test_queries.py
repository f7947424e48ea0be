"""Specification of the named queries in ontology/queries/*.rq, each run on one
small graph whose answers are known:

* Bob (a minister of Aland) accuses and criticises Dland in a.txt (2022-01-01),
  then supports it in b.txt (2022-02-01): a contradiction;
* Cara (also of Aland) accuses Dland in b.txt: she shares Bob's stance;
* Aland supports the topic "talks" in b.txt;
* in c.txt (no metadata, no date) Dland makes a claim about "talks" (extractor
  "nominal") and criticises Aland.
"""

from __future__ import annotations

import pytest
from rdflib import Literal

from kg import queries
from kg.errors import UsageError
from kg.iri import Iris
from kg.rdf import to_graph
from kg.records import Actor, ActorType, Article, Kind, Stance, Statement, Topic
from kg.vocab import KGS

IRIS = Iris()
ALAND = Actor("Aland", "Aland", ActorType.COUNTRY)
DLAND = Actor("Dland", "Dland", ActorType.COUNTRY)
BOB = Actor("Bob", "Bob", ActorType.PERSON, role="minister", affiliation=("Aland",))
CARA = Actor("Cara", "Cara", ActorType.PERSON, affiliation=("Aland",))
TALKS = Topic("talks", "talks")
DATES = {"a.txt": "2022-01-01", "b.txt": "2022-02-01"}


def said(speaker, stance, target, doc, start, kind=Kind.INDIRECT, content="", extractor="speech"):
    return Statement(
        doc,
        speaker,
        stance,
        kind,
        stance.value,
        f"{speaker.label} {stance.value} {target.label}",
        start,
        start + 20,
        content,
        start,
        start + 20,
        targets=(target,),
        extractor=extractor,
        confidence=0.5,
        date=DATES.get(doc),
    )


STATEMENTS = [
    said(BOB, Stance.ACCUSE, DLAND, "a.txt", 0, Kind.DIRECT, "Dland lies about the border"),
    said(BOB, Stance.CRITICIZE, DLAND, "a.txt", 100),
    said(CARA, Stance.ACCUSE, DLAND, "b.txt", 0),
    said(BOB, Stance.SUPPORT, DLAND, "b.txt", 50, Kind.MIXED, "a partner at the border"),
    said(ALAND, Stance.SUPPORT, TALKS, "b.txt", 100),
    said(DLAND, Stance.CLAIM, TALKS, "c.txt", 0, extractor="nominal"),
    said(DLAND, Stance.CRITICIZE, ALAND, "c.txt", 50),
]
ARTICLES = [Article(doc, "text", (), date=date) for doc, date in DATES.items()]
C_TXT = str(IRIS.article("c.txt"))


@pytest.fixture(scope="module")
def g():
    return to_graph(STATEMENTS, ARTICLES)


def table(rows, *columns):
    """Rows as tuples of plain Python values."""
    return [tuple(None if r[c] is None else r[c].toPython() for c in columns) for r in rows]


def label(rows, column):
    return [str(r[column]) for r in rows]


def test_there_are_at_least_twelve_named_queries_each_with_a_leading_comment():
    names = queries.available()
    assert len(names) >= 12
    for name in names:
        assert queries.load(name).startswith(f"# {name}.rq: "), name


def test_speaker_statements(g):
    rows = queries.run(g, "speaker-statements", speaker=IRIS.actor("Bob"))
    assert table(rows, "doc", "start", "cue", "targets") == [
        ("a.txt", 0, "accuse", "Dland"),
        ("a.txt", 100, "criticize", "Dland"),
        ("b.txt", 50, "support", "Dland"),
    ]
    assert len(queries.run(g, "speaker-statements")) == len(STATEMENTS)


def test_accusations(g):
    rows = queries.run(g, "accusations")
    assert table(rows, "speakerLabel", "stance", "targetLabel", "statements") == [
        ("Bob", str(KGS.accuse), "Dland", 1),
        ("Bob", str(KGS.criticize), "Dland", 1),
        ("Cara", str(KGS.accuse), "Dland", 1),
        ("Dland", str(KGS.criticize), "Aland", 1),
    ]


def test_accusations_with_a_bound_stance(g):
    rows = queries.run(g, "accusations", stance=KGS.accuse)
    assert label(rows, "speakerLabel") == ["Bob", "Cara"]


def test_most_targeted(g):
    rows = queries.run(g, "most-targeted")
    assert table(rows, "targetLabel", "statements", "hostileStatements", "speakers") == [
        ("Dland", 4, 3, 2),
        ("Aland", 1, 1, 1),  # the topic "talks" is not an actor
    ]


def test_topic_statements_by_label(g):
    rows = queries.run(g, "topic-statements", topicLabel="talks")
    assert table(rows, "speakerLabel", "doc", "start") == [("Aland", "b.txt", 100), ("Dland", C_TXT, 0)]
    assert queries.run(g, "topic-statements", topicLabel="war") == []


@pytest.mark.parametrize(
    ("case", "word", "expected"),
    [
        ("two quotes, any case", "BORDER", [("a.txt", 0), ("b.txt", 50)]),
        ("one quote", "lies", [("a.txt", 0)]),
        ("regex characters are plain text", "b.rder", []),
        ("indirect statements have no quote", "criticize", []),
    ],
)
def test_quotes_containing(g, case, word, expected):
    assert table(queries.run(g, "quotes-containing", word=word), "doc", "start") == expected


def test_stance_over_time(g):
    rows = queries.run(g, "stance-over-time", speaker=IRIS.actor("Bob"))
    assert table(rows, "date", "stance", "statements") == [
        ("2022-01-01", str(KGS.accuse), 1),
        ("2022-01-01", str(KGS.criticize), 1),
        ("2022-02-01", str(KGS.support), 1),
    ]
    # Dland speaks only in c.txt, which has no date
    assert queries.run(g, "stance-over-time", speaker=IRIS.actor("Dland")) == []


def test_shared_stance(g):
    rows = queries.run(g, "shared-stance")
    assert table(rows, "actorLabel", "otherLabel", "stance", "targetLabel") == [
        ("Bob", "Cara", str(KGS.accuse), "Dland"),
    ]


def test_contradictions(g):
    rows = queries.run(g, "contradictions")
    assert table(rows, "actorLabel", "targetLabel", "supports", "opposes") == [("Bob", "Dland", 1, 2)]
    assert rows[0]["supporting"] == Literal(str(IRIS.statement("b.txt", 50, 70, "Bob", "support", "support")))


def test_article_extractors(g):
    rows = queries.run(g, "article-extractors")
    assert table(rows, "doc", "extractor", "statements") == [
        ("a.txt", "speech", 2),
        ("b.txt", "speech", 3),
        (C_TXT, "nominal", 1),
        (C_TXT, "speech", 1),
    ]
    assert float(rows[0]["meanConfidence"].toPython()) == pytest.approx(0.5)


def test_actors_by_affiliation(g):
    rows = queries.run(g, "actors-by-affiliation")
    assert table(rows, "affiliateLabel", "actorLabel", "role") == [
        ("Aland", "Bob", "minister"),
        ("Aland", "Cara", None),
    ]
    assert queries.run(g, "actors-by-affiliation", affiliate=IRIS.actor("Dland")) == []


def test_the_statements_and_actors_queries_still_answer(g):
    assert len(queries.run(g, "statements")) == len(STATEMENTS)
    assert {str(r["label"]) for r in queries.run(g, "actors")} == {"Aland", "Bob", "Cara", "Dland"}


def test_unknown_query_lists_the_valid_names():
    with pytest.raises(UsageError, match="unknown query 'nope'; valid names: accusations, actors, "):
        queries.load("nope")
