"""Implicit targets: whom a hostile statement is about when it names no one.

"Lukashevich warned of very dangerous trends" names a topic, not an actor, yet
a reader of the article knows whom the envoy is warning about: the side he
condemns in his other statements. Discourse-network coders fill the target in
from that context; this module does the same, from the article only:

0. a statement with no target at all that follows another by the same speaker
   ("We are not going to do that.") is about what that one was about;
1. for a denial ("Dhaka has rejected that charge"), whoever made the charge: the
   speaker of the latest accusation (else criticism) before it aimed at the denier
   or its side;
2. the actors the speaker targets in the article's other hostile statements
   (the most frequent; ties kept, at most two);
3. failing that, the actors targeted in hostile statements by the speaker's
   own side (the actor the speaker is affiliated with, and people affiliated
   with it), so an envoy inherits his government's adversaries;
4. failing that, the article's main adversary: the one actor its hostile
   statements target most (at least twice, with no tie), unless the speaker is
   that actor or on its side ("the blame game misses the bigger picture", said
   by a scientist in a story of three speakers attacking a provincial government).

Only statements with negative polarity and no actor among their targets get
an implicit target; topics they name stay, and the implicit actors come after
them. Each filled-in target is listed in ``Statement.implicit``, so users (and
the RDF, as ``kgo:implicitTarget``) can tell inferred from explicit targets.

>>> from kg.records import Actor, ActorType, Kind, Stance, Statement, Topic
>>> nato = Actor("NATO", "NATO", ActorType.ORGANIZATION)
>>> envoy = Actor("Ann Rourke", "Ann Rourke", ActorType.PERSON)
>>> def st(stance, targets, start):
...     return Statement("a.txt", envoy, stance, Kind.INDIRECT, "say", "", start, start + 1,
...                      "", start, start + 1, targets)
>>> out = fill([st(Stance.ACCUSE, (nato,), 0), st(Stance.WARN, (Topic("trends", "trends"),), 5)])
>>> [t.label for t in out[1].targets], out[1].implicit
(['trends', 'NATO'], ('NATO',))
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from .records import Actor, Stance, Statement

__all__ = ["fill", "MAX_IMPLICIT"]

#: The article's most targeted actor must be targeted by this many hostile statements to
#: stand in for a target no one named (step 4); 2 over our 83 annotated articles adds 57
#: triples and loses none (1 adds 64, 3 adds 34, 5 adds 20; benchmarks/README.md).
MIN_MAIN = 2

#: At most this many implicit targets per statement (ties beyond it are dropped
#: in label order, so the output stays deterministic).
MAX_IMPLICIT = 2


def _actors(st: Statement) -> list[Actor]:
    return [t for t in st.targets if isinstance(t, Actor)]


def _top(counts: Counter[str], labels: dict[str, Actor], exclude: set[str]) -> list[Actor]:
    counts = Counter({k: n for k, n in counts.items() if k not in exclude})
    if not counts:
        return []
    best = max(counts.values())
    keys = sorted(k for k, n in counts.items() if n == best)
    return [labels[k] for k in keys[:MAX_IMPLICIT]]


def fill(statements: Sequence[Statement]) -> list[Statement]:
    """The statements, with implicit targets added where a hostile statement
    names no actor (see the module docstring). Order is kept."""
    by_speaker: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_doc: dict[str, Counter[str]] = defaultdict(Counter)  # the article's hostile targets, all speakers
    labels: dict[str, Actor] = {}
    members: dict[tuple[str, str], set[str]] = defaultdict(set)  # (doc, side label) -> speaker keys
    for st in statements:
        for label in (st.speaker.label, *st.speaker.affiliation):
            members[(st.doc, label)].add(st.speaker.key)
        if st.polarity >= 0:
            continue
        for a in _actors(st):
            by_speaker[(st.doc, st.speaker.key)][a.key] += 1
            by_doc[st.doc][a.key] += 1
            labels[a.key] = a
    statements = _continued(statements)
    charges: dict[str, list[Statement]] = defaultdict(list)  # doc -> its accusations and criticisms
    for st in statements:
        if st.stance in CHARGES:
            charges[st.doc].append(st)
    out = []
    for st in statements:
        if st.polarity >= 0 or _actors(st):
            out.append(st)
            continue
        own = {st.speaker.key, *st.speaker.affiliation}
        found = _accuser(st, charges.get(st.doc, []), own | _keys_of_side(st, members)) \
            if st.stance == Stance.DENY else []
        if not found:
            found = _top(by_speaker.get((st.doc, st.speaker.key), Counter()), labels, own)
        if not found:
            side: Counter[str] = Counter()
            for label in st.speaker.affiliation:
                for key in sorted(members.get((st.doc, label), ())):
                    side.update(by_speaker.get((st.doc, key), Counter()))
            own |= _keys_of_side(st, members)
            found = _top(side, labels, own)
        if not found:
            found = _main_adversary(by_doc.get(st.doc, Counter()), labels, own)
        if not found:
            out.append(st)
            continue
        out.append(replace(st, targets=(*st.targets, *found), implicit=tuple(a.label for a in found)))
    return out


#: Stances by which one side charges another with something it may deny.
CHARGES = {Stance.ACCUSE, Stance.CRITICIZE}


def _accuser(st: Statement, charges: Sequence[Statement], own: set[str]) -> list[Actor]:
    """Who made the charge a denial answers ("Unions accused Dhaka of siding with factory
    owners. … Dhaka has rejected that charge"): among the article's accusations and
    criticisms (``charges``), the speaker of the latest accusation before it aimed at the
    denier or its side (``own``), else of the latest criticism so aimed. (A denial of what
    no one charged, "denied reports that she plans to run", is rare in news and takes the
    last critic too.)"""
    earlier = [o for o in charges if o.start < st.start and o.speaker.key not in own
               and any(a.key in own or a.label in own for a in _actors(o))]
    if not earlier:
        return []
    accusations = [o for o in earlier if o.stance == Stance.ACCUSE]
    return [max(accusations or earlier, key=lambda o: o.start).speaker]


def _main_adversary(whole: Counter[str], labels: dict[str, Actor], own: set[str]) -> list[Actor]:
    """The one actor the article's hostile statements target most (``whole``: target key ->
    how many), at least :data:`MIN_MAIN` times and more than any other (a tie names no one),
    unless the speaker is that actor or on its side (``own``): in a story about a dispute,
    criticism that names no one is mostly aimed at the party the dispute is with."""
    if not whole:
        return []
    best = max(whole.values())
    keys = [k for k, n in whole.items() if n == best]
    if len(keys) != 1 or best < MIN_MAIN or keys[0] in own:
        return []
    return [labels[keys[0]]]


def _continued(statements: Sequence[Statement]) -> list[Statement]:
    """Statements with no target take the targets of the statement just before them
    in the article when the same speaker made it."""
    out = list(statements)
    order = sorted(range(len(out)), key=lambda i: (out[i].doc, out[i].start))
    for prev, cur in zip(order, order[1:], strict=False):
        a, b = out[prev], out[cur]
        if b.targets or not a.targets or a.doc != b.doc or a.speaker.key != b.speaker.key:
            continue
        out[cur] = replace(b, targets=a.targets, implicit=tuple(t.label for t in a.targets))
    return out


def _keys_of_side(st: Statement, members: dict[tuple[str, str], set[str]]) -> set[str]:
    """Keys of everyone on the speaker's side in this article (never a target)."""
    keys: set[str] = set()
    for label in st.speaker.affiliation:
        keys |= members.get((st.doc, label), set())
    return keys

