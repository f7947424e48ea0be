"""Mentions -> canonical actors: names, aliases, types, roles and affiliations.

One :class:`Resolver` is fed the candidates of every article, then turns them
into :class:`~kg.records.Statement` records whose speakers and targets are
canonical :class:`~kg.records.Actor` (or :class:`~kg.records.Topic`) values:

- people are merged by surname with the fullest name the corpus gives them
  ("Putin" -> "Vladimir Putin"), within a document first, then across
  documents when the surname names one person only;
- capitals, seats of government, demonyms and official groups speak for their
  country ("Moscow", "the Kremlin", "Russian officials" -> Russia), from the
  gazetteer (:mod:`kg.gazetteer`);
- organisations are merged by acronym and full name through the gazetteer;
- a title gives a role and an affiliation ("Russian Deputy Foreign Minister
  Sergei Ryabkov" -> role "Deputy Foreign Minister", affiliated with Russia).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from . import gazetteer
from .extract.mentions import CITY_WORDS, OFFICIAL_NOUNS, REGIONAL, STATE_BODIES, TITLES, first_names
from .records import Actor, ActorType, Article, Candidate, Mention, Stance, Statement, Topic

#: Words that put officials outside the state they belong to: "South Korean opposition lawmakers"
#: are not South Korea.
OUTSIDERS = {"opposition", "dissident", "dissidents", "exiled", "rebel", "rebels", "former"}
#: How many of a group spoke, which is no part of its name: "more than 200", "thousands of".
COUNTED = r"^((more|fewer|less) than|about|around|at least|nearly|almost|over|some)?\s*[\d,.]+\s+" \
          r"((million|billion|thousand|hundred)\s+)?|" \
          r"^(hundreds|thousands|dozens|scores|tens of thousands) of\s+"
#: Singular heads that name one person, not the body they serve ("a senior EU official").
LONE_OFFICIALS = {"official", "diplomat", "envoy"}
#: Heads of descriptors that name a body, not a person: "the Havenbond union", "the charity".
BODY_NOUNS = {
    "union", "association", "council", "company", "firm", "group", "federation", "party", "committee",
    "agency", "charity", "coalition", "club", "organisation", "organization", "alliance", "bank",
    "board", "commission", "court", "government", "ministry", "department", "authority", "trust",
}

LABEL_TYPES = {
    "PERSON": ActorType.PERSON,
    "ORG": ActorType.ORGANIZATION,
    "GPE": ActorType.COUNTRY,
    "NORP": ActorType.GROUP,
    "LOC": ActorType.GROUP,
    "FAC": ActorType.ORGANIZATION,
}


def person_name(name: str) -> str:
    """A person's name without leading titles: "President Joe Biden" -> "Joe Biden"."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


_ACRONYM = re.compile(
    r"\b((?:[A-Z][\w.&'’-]*\s+)(?:(?:of|for|and|the|on|de|in|[A-Z][\w.&'’-]*)\s+){0,8}[A-Z][\w.&'’-]*)"
    r"\s*\(([A-Z][A-Z&.]{1,7})\)"
)


def acronyms(text: str) -> dict[str, str]:
    """Acronyms a text defines: "Korean Central News Agency (KCNA)" -> {"KCNA": ...}.

    >>> acronyms("the World Health Organisation (WHO) said")
    {'WHO': 'World Health Organisation'}
    """
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        full, acr = m.group(1).strip(), m.group(2).replace(".", "")
        words = full.split()
        # the shortest tail of the phrase whose capitalised initials spell the acronym
        for k in range(len(words)):
            caps = [w for w in words[k:] if w[:1].isupper()]
            if words[k][:1].isupper() and "".join(w[0] for w in caps).upper() == acr.upper():
                out.setdefault(acr, " ".join(words[k:]))
                break
    return out


#: Particles inside a name that say "son/daughter of": the bearer is known by the given name.
PATRONYMIC = {"bin", "ibn", "bint", "ben", "ould", "wad"}


def surname(name: str) -> str:
    words = [w for w in re.split(r"\s+", name) if w.lower().rstrip(".") not in ("jr", "sr", "ii", "iii")]
    return words[-1].lower() if words else ""


@dataclass
class _Info:
    label: str
    type: ActorType
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)


def _as_named(m: Mention, body: str) -> str:
    """How a country's body is labelled: as the article names it when it names the country
    ("Taiwan's Defence Ministry", "the Greek Foreign Ministry" -> "Greek Foreign Ministry"),
    else by the country's adjective (``body``: "Its Foreign Ministry" -> "Egyptian Foreign
    Ministry"). The key stays ``body``, so both forms are one actor."""
    words = re.sub(r"^(the|its|their)\s+", "", " ".join(m.name.split()), flags=re.I).split()
    if not m.affiliation or m.affiliation.split()[0] not in " ".join(words):
        return body
    return " ".join(w if w[:1].isupper() or w[:1] in "'’" else w[:1].upper() + w[1:] for w in words)


class Resolver:
    """Canonicalises the mentions of a corpus; feed it every article, then resolve.

    >>> from kg.records import Mention
    >>> r = Resolver()
    >>> r.key_of(Mention("Moscow", 0, 6, "Moscow", "GPE"), "a.txt")
    'Russia'
    """

    def __init__(self) -> None:
        self._full_names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._info: dict[str, _Info] = {}
        self._acronyms: dict[str, dict[str, str]] = {}

    # ------------------------------------------------------------ people

    def observe(self, doc: str, cands: Iterable[Candidate], names: Iterable[str] = (), text: str = "") -> None:
        """Record the people named in a document (in its statements, and
        ``names`` found elsewhere in it), so surnames can be expanded, and the
        acronyms its ``text`` spells out."""
        self._acronyms[doc] = acronyms(text)
        for name in names:
            full = person_name(name)
            if len(full.split()) >= 2:
                self._full_names[surname(full)][doc].add(full)
        for c in cands:
            for m in (c.speaker, *c.targets):
                if m.label == "PERSON":
                    full = person_name(m.name)
                    if len(full.split()) >= 2:
                        self._full_names[surname(full)][doc].add(full)

    def _person_key(self, name: str, doc: str) -> str:
        name = person_name(name)
        sur = surname(name)
        by_doc = self._full_names.get(sur, {})
        in_doc = by_doc.get(doc, set())
        if len(name.split()) >= 2 and name in in_doc:
            return name
        if in_doc:
            # a surname, or a shorter form: the fullest name in this article
            return max(sorted(in_doc), key=len)
        given = self._given_name(name, doc)
        if given:
            return given
        everywhere = {n for names in by_doc.values() for n in names}
        if len(everywhere) == 1:
            return next(iter(everywhere))
        near = self._misspelt_surname(name, doc)
        if near:
            return max(sorted(self._full_names[near][doc]), key=len)
        return name

    def _given_name(self, name: str, doc: str) -> str:
        """The one full name of ``doc`` that a bare word starts, when that name is built
        with a patronymic particle, or "". Such names are shortened to the given name,
        not the last word: "Prince Khalid bin Saud ... Prince Khalid said". So are
        two-word names whose first word is no given name we know: a family name written
        first ("Zhou Lihong ... Zhou said").

        >>> r = Resolver()
        >>> r.observe("a.txt", [], names=["Khalid bin Saud", "Helen Marchetti"])
        >>> r._given_name("Khalid", "a.txt"), r._given_name("Helen", "a.txt")
        ('Khalid bin Saud', '')
        """
        if " " in name:
            return ""
        found = {full for by_doc in self._full_names.values() for full in by_doc.get(doc, ())
                 if full.split()[0] == name and any(w.lower() in PATRONYMIC for w in full.split()[1:-1])}
        if not found and name not in first_names():
            # a family name written first ("Zhou Lihong ... Zhou said"): a word that is no
            # given name we know and begins exactly one two-word name of the article
            found = {full for by_doc in self._full_names.values() for full in by_doc.get(doc, ())
                     if len(full.split()) == 2 and full.split()[0] == name}
        return next(iter(found)) if len(found) == 1 else ""

    def _misspelt_surname(self, name: str, doc: str) -> str:
        """The surname of the one person of ``doc`` that a bare surname misspells, or "".

        News copy misspells names it has just spelt right ("Kathryn Waters ... Water
        said", "Lydia Buchtmann ... Ms Bauchtman said"). A single word of five or more
        letters that no one in the article bears, with the same first letter as the
        surname of exactly one person the article names in full and close to it
        (``difflib`` ratio of at least 0.85: one or two letters off), is that person.

        >>> r = Resolver()
        >>> r.observe("a.txt", [], names=["Kathryn Waters", "Kevin Allton"])
        >>> r._misspelt_surname("Water", "a.txt"), r._misspelt_surname("Wallace", "a.txt")
        ('waters', '')
        """
        word = name.lower()
        if " " in word or len(word) < 5 or doc in self._full_names.get(word, {}):
            return ""
        close = [
            sur for sur, by_doc in self._full_names.items()
            if doc in by_doc and sur[:1] == word[:1] and len(sur) >= 5
            and difflib.SequenceMatcher(None, word, sur).ratio() >= 0.85
        ]
        return close[0] if len(close) == 1 else ""

    # ------------------------------------------------------------ everyone

    def _classify(self, m: Mention, doc: str) -> tuple[str, str, ActorType] | None:
        """(key, label, type) of a mention, or None for a topic."""
        if m.label == "TOPIC":
            return None
        entry = gazetteer.lookup(m.name)
        if m.name in self._acronyms.get(doc, {}):
            # "Korean Central News Agency (KCNA)": the article spells the acronym out
            full = self._acronyms[doc][m.name]
            entry = gazetteer.lookup(full) or gazetteer.Entry(full, full, ActorType.ORGANIZATION)
        known_here = doc in self._full_names.get(surname(m.name), {}) or (
            entry is None and m.label != "NOUN" and bool(self._misspelt_surname(m.name, doc))
        )
        # a bare surname of someone the article names is that person, even when
        # it is also a place ("Valeska Paris ... Paris claims")
        if (len(m.name.split()) == 1 and known_here and m.label != "NOUN") or (entry is None and (
            m.label == "PERSON" or (m.label == "" and surname(m.name) in self._full_names)
        )):
            key = self._person_key(m.name, doc)
            return key, key, ActorType.PERSON
        if m.label == "ORG" and m.role in STATE_BODIES and m.affiliation:
            body = self._national_body(m)  # "South Korea's Foreign Ministry" -> "South Korean Foreign Ministry"
            if body is not None:
                return body, _as_named(m, body), ActorType.ORGANIZATION
        if entry is not None:
            return entry.key, entry.label, entry.type
        if m.label == "NOUN":
            head = m.role  # the descriptor's head lemma
            body = self._national_body(m) if head in STATE_BODIES and m.affiliation else None
            if body is not None:
                return body, _as_named(m, body), ActorType.ORGANIZATION
            # "Russian officials", "the government" speak for their country or body; one
            # unnamed official ("a senior EU official") stays a person of their own
            if head in OFFICIAL_NOUNS and m.affiliation and (m.plural or head not in LONE_OFFICIALS) \
                    and not set(m.name.lower().split()) & OUTSIDERS:
                if head == "government" and set(m.name.lower().split()) & (CITY_WORDS | REGIONAL):
                    # a city's or a region's government is the place speaking, even a capital
                    # that elsewhere stands for its country ("the Buenos Aires city government")
                    return m.affiliation, m.affiliation, ActorType.ORGANIZATION
                aff = gazetteer.lookup(m.affiliation)
                if aff is not None:
                    return aff.key, aff.label, aff.type
                return m.affiliation, m.affiliation, ActorType.ORGANIZATION
            label = re.sub(COUNTED, "", m.name, flags=re.I)  # "More than 200 showrunners" -> "showrunners"
            label = re.sub(r"^(the|a|an|some|many|several)\s+", "", label, flags=re.I)
            kind = ActorType.ORGANIZATION if head in BODY_NOUNS else (
                ActorType.GROUP if m.plural else ActorType.PERSON
            )
            return label.lower() if not m.affiliation else label, label, kind
        return m.name, m.name, LABEL_TYPES.get(m.label, ActorType.ORGANIZATION)

    @staticmethod
    def _national_body(m: Mention) -> str | None:
        """"Serbia's foreign ministry", "the Russian foreign ministry" -> "Serbian Foreign
        Ministry", "Russian Foreign Ministry": a body of a country is an organisation of its
        own (the gold conventions of news annotation keep ministries apart from their state),
        named by the country's adjective and the body's words.

        >>> Resolver._national_body(Mention("x", 0, 1, "Serbia’s foreign ministry", "NOUN", "ministry", "Serbia"))
        'Serbian Foreign Ministry'
        """
        country = gazetteer.country_of(m.affiliation)
        if country is None:
            return None
        rest = re.sub(re.escape(m.affiliation) + r"(?:['’]s)?", " ", m.name, flags=re.I)
        words = [w for w in rest.split() if w.lower() not in ("the", "a", "an", "its", "'s", "’s")]
        if not words or words[-1].lower() != m.role:
            return None
        adjective = gazetteer.adjective(country.label) or country.label
        return " ".join([adjective, *(w[:1].upper() + w[1:] for w in words)])

    def key_of(self, m: Mention, doc: str) -> str | None:
        got = self._classify(m, doc)
        return got[0] if got else None

    def _actor(self, m: Mention, doc: str) -> Actor | Topic:
        got = self._classify(m, doc)
        if got is None:
            return Topic(key=m.name.lower(), label=m.name.lower())
        key, label, type_ = got
        info = self._info.setdefault(key, _Info(label, type_))
        if m.text and m.text.strip():
            info.aliases.add(" ".join(m.text.split()))
        if m.name:
            info.aliases.add(m.name)
        if type_ == ActorType.PERSON and m.label == "PERSON":
            if m.role:
                info.roles.append(m.role)
            if m.affiliation:
                aff = gazetteer.lookup(m.affiliation)
                info.affiliations.append(aff.label if aff else m.affiliation)
        return Actor(key=key, label=info.label, type=type_)  # one label per actor: the first given

    def finish(self, actor: Actor | Topic) -> Actor | Topic:
        """The actor with every alias, role and affiliation gathered so far."""
        if isinstance(actor, Topic):
            return actor
        info = self._info[actor.key]
        aliases = tuple(sorted(a for a in info.aliases if a != actor.label))
        role = max(sorted(set(info.roles)), key=info.roles.count) if info.roles else ""
        affs = tuple(sorted({a for a in info.affiliations if a != actor.label}))
        return Actor(actor.key, actor.label, actor.type, aliases, role, affs)

    def statements(self, article: Article, cands: Iterable[Candidate]) -> list[Statement]:
        """Candidates of one article -> statements with canonical (not yet
        finished) actors; call :meth:`finish` on them once the corpus is seen."""
        out = []
        text = article.text
        for c in cands:
            speaker = self._actor(c.speaker, article.doc)
            if isinstance(speaker, Topic):
                continue
            targets: list[Actor | Topic] = []
            for t in c.targets:
                a = self._actor(t, article.doc)
                if a.key != speaker.key and all(a.key != o.key for o in targets):
                    targets.append(a)
            out.append(
                Statement(
                    doc=article.doc, speaker=speaker, stance=c.stance, kind=c.kind, cue=c.cue,
                    evidence=text[c.start : c.end], start=c.start, end=c.end,
                    content=text[c.content_start : c.content_end], content_start=c.content_start,
                    content_end=c.content_end, targets=tuple(targets), extractor=c.extractor,
                    confidence=c.confidence, section=article.section_at(c.start),
                    stance_fine=c.stance_fine, speaker_mention=c.speaker.text, date=article.date,
                )
            )
        return out

    def finish_statement(self, st: Statement) -> Statement:
        """The statement with finished actors. Only a statement of support keeps
        the speaker's own side among its targets here (the extractors already leave
        a country the gazetteer knows as the speaker's out of what they find):
        "We have been ignored," says an envoy of Russia, naming Russia as the one
        wronged, not as the target; "the Netherlands earns its living through this
        port", says a Dutch minister, about the port."""
        speaker = self.finish(st.speaker)
        assert isinstance(speaker, Actor)
        targets = tuple(self.finish(t) for t in st.targets)
        if st.stance is not Stance.SUPPORT:
            targets = tuple(t for t in targets if t.label not in speaker.affiliation)
        return replace(st, speaker=speaker, targets=targets)
