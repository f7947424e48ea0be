"""Turning parsed tokens into :class:`~kg.records.Mention` records.

A speaker or target in the parse is one token (the head of a noun phrase). This
module finds the whole name behind it ("Peskov" inside "Kremlin spokesman
Dmitry Peskov"), the title and affiliation that come with it, the name in an
apposition ("the group's chairman, Zbigniew Rau of Poland"), the antecedent of
a pronoun ("he" -> the last person in subject position) and the person a
descriptor refers to ("a top Russian official" -> the Russian official the
article names next). Everything returned is plain values.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from .. import gazetteer
from ..records import ActorType, Mention
from .lexicon import cues

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them"}
GENDERED_NOUNS = {
    "woman": "f", "girl": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f",
    "actress": "f", "chairwoman": "f", "spokeswoman": "f", "businesswoman": "f",
    "man": "m", "boy": "m", "father": "m", "husband": "m", "son": "m", "brother": "m",
    "actor": "m", "chairman": "m", "spokesman": "m", "businessman": "m",
}
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m",
              "lady": "f", "king": "m", "queen": "f"}
THING_PRONOUNS = {"it"}
#: Plural heads that "the two …" / "both …" may count, with the entity kind they count:
#: "the two airlines" are two organisations named together, "both sides" two countries.
PAIRED_BODIES = {
    **dict.fromkeys(("airline", "company", "firm", "carrier", "bank", "group", "union", "club", "party",
                     "carmaker", "automaker", "manufacturer", "insurer", "lender", "retailer", "broadcaster",
                     "organisation", "organization", "agency", "network", "operator", "developer", "chain",
                     "supermarket", "miner", "platform", "publisher", "supplier", "producer", "hospital",
                     "university"), "ORG"),
    **dict.fromkeys(("country", "nation", "side", "government", "state", "neighbour", "neighbor", "ministry"),
                    "GPE"),
}
#: Titles that may stand before a given name in a person's name ("Prof Miriam Stroud").
#: Words of a title before a name ("Deputy Foreign Minister"), never part of the name.
TITLES = {
    "president", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "minister", "senator", "sen",
    "rep", "gov", "governor", "gen", "general", "prime", "secretary", "chancellor", "king", "queen",
    "prince", "princess", "pope", "judge", "justice", "prof", "professor", "mayor", "chairman",
    "spokesman", "spokeswoman", "ambassador", "deputy", "foreign", "defense", "defence", "vice",
    "former", "colonel", "col", "lt", "captain", "capt", "sgt", "officer", "rev", "reverend",
    "coach", "director", "chief", "executive", "leader", "administrator", "commissioner", "attorney",
    "superintendent", "inspector", "sheriff", "representative", "congressman", "congresswoman",
    "councillor", "councilor", "councilman", "councilwoman", "assemblyman", "assemblywoman",
    "premier", "ceo", "chairwoman", "chairperson", "chair", "sergeant", "lieutenant", "admiral",
    "commander", "marshal", "archbishop", "bishop", "cardinal", "rabbi", "imam", "sheikh", "emir",
    "sultan", "duke", "duchess", "baroness", "baron", "mp", "mep", "speaker", "treasurer",
    "prosecutor", "detective", "constable", "dean", "spokesperson", "envoy", "mr.", "interior",
    "finance", "health", "education", "economy", "trade",
}
#: Titles of courtesy only, no role: "Mr Tunde Alabi" (unlike "Queen Rania", "Lord Mayor").
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "mx"}
NAME_TITLES = {*HONORIFICS, "prof", "professor", "dr", "doctor", "rev", "sen", "rep", "gen", "col", "capt",
               "judge", "justice", "prince", "princess", "sheikh", "president", "senator", "minister"}
#: A country's collective institutions: a country named as their owner ("Pakistan's parliament",
#: "the Dutch cabinet") is one whose politics the story is about (not its officials or ministers,
#: whom a story names for foreign powers too).
STATE_INSTITUTIONS = {"government", "cabinet", "parliament", "opposition", "legislature", "congress", "senate"}
#: Heads of a country's bodies, named as organisations of their own ("the foreign ministry",
#: "Serbia's foreign ministry"; "Its Foreign Ministry" after the country is named).
STATE_BODIES = {"ministry", "department"}
#: Nouns for a place's rulers, which speak as the place: "Poland, whose government said …".
SIDE_WORDS = {"government", "administration", "authorities", "leadership", "cabinet"}
#: Words in a descriptor that do not narrow down who is meant ("a top official").
GENERIC_QUALIFIERS = {"top", "senior", "junior", "high", "former", "new", "current", "then", "longtime",
                      "veteran", "outgoing", "incoming", "acting", "influential", "powerful", "leading"}
#: Those who speak for a body: "a spokesperson for the province", "a statement from its spokesman".
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "representative"}
#: Documents whose words are their author's: "a statement from the ministry said".
DOCUMENT_NOUNS = {
    "statement", "report", "letter", "communique", "communiqué", "release", "memo", "document",
    "notice", "announcement", "post", "tweet", "message", "email", "filing", "website", "op-ed",
    "editorial", "declaration", "note",
} | SPOKESPEOPLE
#: Things that say something of their own, which "it" may stand for ("The council received a
#: letter from residents. It accused …").
FINDINGS = (DOCUMENT_NOUNS - SPOKESPEOPLE) | {
    "study", "ruling", "review", "audit", "survey", "poll", "inquiry", "verdict", "finding", "complaint",
    "petition", "assessment", "investigation", "analysis", "judgment", "judgement", "motion", "resolution"}
#: What a body issues, which speaks for it after "whose": "the IMF, whose programme calls for …".
OWNED_VOICES = (DOCUMENT_NOUNS - SPOKESPEOPLE) | {
    "programme", "program", "plan", "proposal", "policy", "budget", "deal", "law", "bill", "website",
    "manifesto", "platform", "guidance", "rules", "ruling", "decision", "order"}
#: Nouns for a business, and the last words of business names: "the company" is more likely
#: "Meridian Bulk Holdings" than the navy the article also names.
COMPANY_NOUNS = {"company", "firm", "corporation"}
CORPORATE_WORDS = {
    "inc", "ltd", "plc", "llc", "corp", "co", "group", "holdings", "ag", "sa", "bv", "gmbh", "nv", "spa", "company",
    "corporation", "industries", "technologies", "pharmaceuticals", "therapeutics", "biosciences", "motors",
    "airlines", "airways", "energy", "mining", "systems", "foods", "nutrition", "labs", "laboratories", "bank",
    "water", "gas", "rail", "telecom", "media", "pharma", "oil", "motor", "insurance", "consortium",
}
#: First words of a state agency named after its country ("Health Canada", "Sport England",
#: "Statistics Norway"), which are no given names.
AGENCY_WORDS = {
    "health", "transport", "statistics", "sport", "environment", "fisheries", "parks", "justice", "heritage",
    "immigration", "revenue", "finance", "natural", "historic", "public", "trade", "industry", "energy", "water",
    "food", "arts", "education", "housing", "defence", "defense", "veterans", "agriculture", "employment",
    "infrastructure", "innovation", "space", "elections", "innovate", "visit", "invest",
}
#: Words that make a document another one than the one named before.
ANOTHER = {"separate", "new", "another", "second", "different", "later", "earlier", "further", "other"}
#: What kinds of names may author a document (not "Friday" of "posts from Friday").
AUTHORS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
#: Legal filings, written by whoever the article says sued or filed: "the complaint alleges".
LEGAL_DOCUMENTS = {"complaint", "lawsuit", "suit", "claim", "filing", "petition", "writ", "indictment"}
#: What is filed, and the verbs that file it: "brought a lawsuit", "filed a claim".
LEGAL_ACTIONS = {"complaint", "lawsuit", "suit", "claim", "proceedings", "petition"}
FILING = {"file", "bring", "lodge", "launch", "submit"}
#: Verbs by which one issues a document ("issued a statement"): its subject wrote it.
AUTHORING = {"issue", "sign", "release", "publish", "send", "write", "deliver", "pen", "circulate", "post", "table",
             "file", "submit", "lodge", "draft"}
#: Head words of organisation names that stand for the whole name when
#: repeated with "the" ("the Church", "the Ministry").
ORG_HEADS = {
    "church", "ministry", "department", "agency", "commission", "council", "court", "party",
    "union", "company", "bank", "association", "university", "institute", "committee", "office",
    "foundation", "board", "authority", "service", "corporation", "organisation", "organization",
    "federation", "tribunal", "parliament", "assembly", "senate", "congress", "police", "army",
}
#: Last words that make a name a body's, whatever the tagger thought: "Barra Ferry Users'
#: Group", "the OAS General Secretariat" are no people.
BODY_NAME_ENDS = ORG_HEADS | {"group", "alliance", "network", "coalition", "secretariat", "trust", "society",
                              "forum", "league", "front", "movement", "caucus", "watch"}
#: A body's posts abroad, named with where they are: "the EU Delegation to Malaysia".
POSTS = {"delegation", "embassy", "consulate", "general", "office", "mission", "representation", "bureau"}
#: Kinds of names the tagger gives to bodies' names it misreads.
MISREAD_LABELS = {"PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW", "NORP"}
#: How knights and dames are named: "Sir Julian" is the Julian the article names in full.
KNIGHTLY = ("sir", "dame")
#: Determiners of a descriptor that refers to nobody in particular ("no foreign envoy was entitled").
QUANTIFIERS = {"no", "any", "every", "each"}
#: Kinds of names that are no part of a body's ("Thai", "Guatemala", "Tuesday"); the rest
#: (a "Maritime" the tagger took for a work of art) may be.
OTHER_NAMES = {"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
               "QUANTITY"}
#: Last words of names of bodies that are no business: "the company" is not "the Latvian Navy".
NON_COMPANY_HEADS = (ORG_HEADS - {"company", "bank", "corporation"}) | {
    "navy", "network", "alliance", "coalition", "forum", "society", "administration", "secretariat", "government",
    "ministry", "police", "guard", "force", "forces", "unit", "court", "commission", "organization", "organisation",
    "campaign", "trust", "federation", "movement", "monitor", "watch",
}
#: Definite descriptors that refer back to the last named entity of a kind:
#: "the city" -> Livorno, "the company" -> Acme Corp.
BRIDGING_NOUNS = {
    "city": ("GPE",), "town": ("GPE",), "country": ("GPE",), "nation": ("GPE",),
    "village": ("GPE",), "province": ("GPE",), "municipality": ("GPE",),
    "company": ("ORG",), "firm": ("ORG",), "corporation": ("ORG",), "organisation": ("ORG",),
    "organization": ("ORG",), "charity": ("ORG",), "church": ("ORG",), "university": ("ORG",),
    "ministry": ("ORG",), "agency": ("ORG",), "department": ("ORG",), "coalition": ("ORG",),
    "government": ("GPE",),  # the country the story is about, when the gazetteer knows it as one
}
#: Words that make "the … government" a state's or a province's, not the country's.
REGIONAL = {"state", "provincial", "regional", "territorial", "cantonal"}
#: Words before "Government" that name the country's own: "the Federal Government", a party's
#: ("the Conservative government").
NATIONAL = {"federal", "national", "central", "union", "interim", "transitional", "coalition", "new",
            "conservative", "labour", "labor", "liberal", "socialist", "communist", "democratic",
            "republican", "military", "civilian", "caretaker", "unity"}
#: Words in the name of a city's government, which "the state government" is not.
CITY_WORDS = {"city", "municipal", "metropolitan", "county", "town", "borough"}
#: How many sentences back a region's government named stays the one "the government" means.
GOVERNMENT_WINDOW = 8
#: Nouns that name a body, with or without its name: "the agency", "the city".
BODY_WORDS = ORG_HEADS | set(BRIDGING_NOUNS)
#: Every word that makes a noun or a name a body's: "the trust", "Barra Ferry Users' Group".
BODY_NOUNS = BODY_WORDS | BODY_NAME_ENDS
#: Words saying what an organisation is, which the tagger may take into its name ("NGO Bitter
#: Harvest Watch", "platform Parlo").
DESCRIPTORS = {"ngo", "charity", "watchdog", "platform", "app", "firm", "startup", "insurer", "lender",
               "retailer", "broadcaster", "regulator", "outlet", "newspaper", "carrier", "miner", "operator"}
#: Bridging nouns that a body of that kind carries in its name ("the Ministry of Finance"), so
#: "the ministry" is never an organisation of another kind named more often.
NAMED_BODY_NOUNS = {"ministry", "department"}
FIRST_PERSON = {"i", "we", "me", "us"}
RELATIVE = {"who", "which", "that", "whom"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
#: Verbs whose object is followed by the charge or the reason, not by more of who is meant:
#: "accused Western members of hypocrisy", "praised the envoy for her courage".
CHARGING = {"accuse": "of", "suspect": "of", "convict": "of", "blame": "for", "criticise": "for",
            "criticize": "for", "condemn": "for", "praise": "for", "thank": "for", "fault": "for"}
#: Abbreviated titles before a name: "CEO Marcus Hale".
EXECUTIVE_TITLES = {"ceo", "cfo", "coo", "cto", "md"}
#: Nouns that make a group of officials speak for their country or body.
OFFICIAL_NOUNS = {
    "official", "officials", "government", "authorities", "authority", "leaders", "leadership",
    "diplomats", "envoys", "ministry", "administration", "spokesman", "spokeswoman",
    "spokesperson", "representatives", "negotiators", "lawmakers", "legislators",
}
#: Heads that denote people (for descriptor speakers such as "the minister").
PERSON_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "chairman",
    "chairwoman", "chair", "secretary", "ambassador", "envoy", "diplomat", "leader", "chief",
    "director", "head", "prime", "premier", "governor", "mayor", "senator", "general", "commander",
    "analyst", "expert", "professor", "researcher", "scientist", "lawyer", "attorney",
    "prosecutor", "judge", "officer", "adviser", "advisor", "aide", "source", "member", "captain",
    "coach", "manager", "executive", "founder", "author", "witness", "resident", "doctor",
    "candidate", "negotiator", "representative", "lawmaker", "legislator", "deputy", "king",
    "queen", "pope", "chancellor", "mp", "councillor", "councilor", "economist", "police",
}


def _strip_possessive(text: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)].rstrip()
    return text


def _clean(text: str) -> str:
    """A mention's text as a name: one space between words, no stray marks or possessive.

    >>> _clean('History" section of the site'), _clean("the “Daily Mirror”'s")
    ('History section of the site', 'the “Daily Mirror”')
    """
    text = " ".join(text.split())
    text = text.strip(" ,;:—–-\"“”‘’'")
    # a phrase that starts inside a quotation ('"History" section') keeps its closing mark alone
    for mark in ('"', "“", "”"):
        if text.count(mark) == 1 and text.count("“") + text.count("”") != 2:
            text = text.replace(mark, "")
    return _strip_possessive(text)


def _standing_for(tok: Token, m: Mention, label: str = "", plural: bool = False) -> Mention:
    """``tok`` (a pronoun, a title, "the Italian", "the union") as a mention of what
    ``m`` names: the token's own text and offsets, ``m``'s name, role and affiliation."""
    return Mention(tok.text, tok.idx, tok.idx + len(tok), m.name, label or m.label, m.role, m.affiliation,
                   plural)


def _misread_label(ent: Span) -> str:
    """The label of a name the tagger misread: a place the gazetteer knows taken for a
    person's ("Almada said Buenos Aires would …"), a body's taken for a person's or a
    work's ("Barra Ferry Users' Group", "The Prairie Grain Growers Alliance"); "" for any
    other name."""
    if ent.label_ != "PERSON" and len(ent) >= 2 and ent[0].lower_.rstrip(".") in NAME_TITLES \
            and ent[1].text in first_names():
        return "PERSON"  # "Dr Pieter Roux", whatever the tagger thought
    if ent.label_ != "PERSON" and _named_person(ent):
        return "PERSON"  # "Its president, Juliana Restrepo Vélez", whatever the tagger thought
    if ent.label_ not in MISREAD_LABELS:
        return ""
    words = [t for t in ent if t.text not in ("'s", "’s", "'", "’")]
    if ent.label_ == "PERSON" and words and words[0].text in first_names():
        return ""  # "Margaret Court", "Frank Church": a person after all
    if ent.label_ == "PERSON" and len(words) >= 2:
        entry = gazetteer.lookup(" ".join(t.text for t in words))
        if entry is not None:
            return "GPE" if entry.type is ActorType.COUNTRY else "ORG"
    return "ORG" if words and words[-1].is_title and words[-1].lower_ in BODY_NAME_ENDS else ""


def _named_person(ent: Span) -> bool:
    """Two to four capitalised words, none a body's, that the text calls a person by a title
    in apposition: "Its president, Juliana Restrepo Vélez", "Juliana Restrepo Vélez, its
    president," (a title just before the name is read in :meth:`Discourse.named`)."""
    if not 2 <= len(ent) <= 4 or not all(t.is_title and t.is_alpha for t in ent) or any(
            t.lower_ in BODY_NOUNS or t.lower_ in DESCRIPTORS for t in ent):
        return False
    root = ent.root
    if root.dep_ == "appos" and root.head.lower_ in TITLES and root.head.pos_ == "NOUN":
        return True
    return any(c.dep_ == "appos" and c.lower_ in TITLES and c.pos_ == "NOUN" for c in root.children)


def _nationality(word: str) -> bool:
    """A country's adjective ("Italian"), not a metonym ("Kremlin") or the country's name."""
    country = gazetteer.country_of(word)
    return country is not None and gazetteer.adjective(country.label) == word


def _subject_phrase(tok: Token) -> bool:
    """The token stands in a subject's phrase: "Sudan's ambassador to the UN, Kamal Osman
    Haroun, thanked …" (the parser hung the name on "UN")."""
    node = tok
    for _ in range(6):
        if node.dep_ in SUBJECT_DEPS:
            return True
        if node.dep_ not in ("appos", "pobj", "prep", "compound") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _subject_like(tok: Token) -> bool:
    """A subject, or in apposition to one ("a civil servant, Mr Tunde Alabi, said")."""
    return tok.dep_ in SUBJECT_DEPS or (tok.dep_ == "appos" and tok.head.dep_ in SUBJECT_DEPS)


def _core_phrase(prep: Token) -> list[Token]:
    """A prepositional phrase without the clauses and extra phrases that hang off its
    object: "of the Australian National Iodine Nutrition Study" from "... published in
    the Medical Journal of Australia this week". Nested "of" phrases stay."""
    out = [prep]
    for obj in prep.children:
        if obj.dep_ not in ("pobj", "pcomp"):
            continue
        out.append(obj)
        for c in obj.lefts:
            out.extend(c.subtree)
        for c in obj.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                out.extend(_core_phrase(c))
            elif c.dep_ in ("compound", "flat", "nummod", "case"):
                out.extend(c.subtree)
            else:
                break
    return out


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Given name -> "f" or "m", from ``kg/data/first_names.tsv``."""
    text = resources.files("kg.data").joinpath("first_names.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {name: gender for name, gender in rows}


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Lemmas of nouns that denote people (``data/people_nouns.txt``) plus the
    title heads above: what a "they" may refer to."""
    text = resources.files("kg.extract.data").joinpath("people_nouns.txt").read_text(encoding="utf-8")
    listed = {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}
    return frozenset(listed | PERSON_NOUNS | OFFICIAL_NOUNS)


@dataclass
class Discourse:
    """Per-document context for resolving mentions: entities, people in order."""

    doc: Doc
    #: Set while an affiliation is looked for through bridging (which names entities again).
    _bridging_affiliation: bool = field(default=False, init=False, repr=False)

    @cached_property
    def text(self) -> str:
        """``doc.text``, joined once: spaCy rebuilds it from every token on each access."""
        return self.doc.text

    @cached_property
    def tokens(self) -> list[Token]:
        """The document's tokens, made once: iterating a ``Doc`` builds every ``Token``
        object anew, and the extractors walk the document several times."""
        return list(self.doc)

    @cached_property
    def by_lower(self) -> dict[str, list[Token]]:
        """Lower-case form -> its tokens, in order (for cue words looked up by form)."""
        out: dict[str, list[Token]] = {}
        for t in self.tokens:
            out.setdefault(t.lower_, []).append(t)
        return out

    @cached_property
    def ent_of(self) -> dict[int, Span]:
        """Token index -> the named entity that contains it."""
        out = {}
        for ent in self.doc.ents:
            for t in ent:
                out[t.i] = ent
        return out

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Last words of the full person names in the article: those the tagger found, and
        those it missed in subject position or in apposition to a subject ("Chief Executive
        Matthias Brenner told", "a civil servant, Mr Tunde Alabi, said"), so that "Brenner"
        alone is that person later."""
        tagged = {e[-1].text for e in self.doc.ents
                  if len(e) >= 2 and (_misread_label(e) or e.label_) == "PERSON"}
        return frozenset(tagged | {t.text for t in self._untagged_names})

    @cached_property
    def _untagged_names(self) -> list[Token]:
        """Last words of full names the tagger missed, in subject position or in apposition
        to a subject: a capitalised first name run into the surname, no place or body."""
        out = []
        for tok in self.tokens:
            if tok.i in self.ent_of or tok.pos_ != "PROPN" or not tok.is_title or not _subject_like(tok) \
                    or tok.lower_ in TITLES or tok.lower_ in PERSON_NOUNS \
                    or tok.lower_ in BODY_NAME_ENDS:  # "Special Adviser", "Human Rights Watch"
                continue
            if tok.i > 0 and tok.i - 1 not in self.ent_of and self._name_part(self.doc[tok.i - 1], tok) \
                    and gazetteer.lookup(f"{self.doc[tok.i - 1].text} {tok.text}") is None:
                out.append(tok)
        return out

    @cached_property
    def org_first_words(self) -> dict[str, str]:
        """First word -> name of the organisations named in two or more words ("Halden" ->
        "Halden Motors"), where the word starts one organisation only and is no place the
        gazetteer knows, nor a word before the people an organisation gathers ("Manitoba" of
        "Manitoba Parents Against Overdose" is the province, whatever the tagger said)."""
        found: dict[str, set[str]] = {}
        for ent in self.doc.ents:
            toks = [t for t in ent if t.lower_ != "the" and t.dep_ != "case" and t.text not in ("'s", "’s", "'")]
            if ent.label_ == "ORG" and len(toks) >= 2 and toks[0].is_title \
                    and not {toks[1].lower_, toks[1].lower_.removesuffix("s")} & people_nouns():
                found.setdefault(toks[0].text, set()).add(_clean(" ".join(t.text for t in toks)))
        return {w: next(iter(names)) for w, names in found.items()
                if len(names) == 1 and gazetteer.lookup(w) is None}

    @cached_property
    def noun_counts(self) -> Counter[str]:
        """How often each common noun (by lemma) occurs in the article."""
        return Counter(t.lemma_.lower() for t in self.tokens if t.pos_ == "NOUN")

    @cached_property
    def _first_words(self) -> dict[str, str]:
        """The first word of each place or organisation entity -> its label (GPE
        wins: "Harwick" in "Harwick City Council" and on its own as a place)."""
        out: dict[str, str] = {}
        for e in self.doc.ents:
            if e.label_ in ("GPE", "ORG") and e[0].is_title and (e.label_ == "GPE" or len(e) > 1):
                if out.get(e[0].text) != "GPE":
                    out[e[0].text] = e.label_
        return out

    @cached_property
    def _org_names(self) -> frozenset[str]:
        return frozenset(e.text for e in self.doc.ents if e.label_ == "ORG")

    @cached_property
    def people(self) -> list[tuple[int, Mention, bool]]:
        """Every PERSON mention in order: (token index, mention, in subject position)."""
        out = []
        surnames = self.surnames
        for ent in self.doc.ents:
            # a surname the tagger mislabelled ("Lukashevich" as GPE, "Okonjo-Hale" as ORG) is
            # still that person
            misread = ent.label_ != "PERSON" and " " not in ent.text and ent[-1].text in surnames
            m = self.named(ent.root)
            if m.label != "PERSON" and not misread:
                continue
            if misread:
                m = Mention(m.text, m.start, m.end, m.name, "PERSON", m.role, m.affiliation)
            subj = ent.root.dep_ in SUBJECT_DEPS or (
                ent.root.dep_ in ("appos", "conj") and ent.root.head.dep_ in SUBJECT_DEPS
            ) or (ent.root.dep_ == "compound" and ent.root.head.dep_ in SUBJECT_DEPS) or (
                ent.root.dep_ == "appos" and _subject_phrase(ent.root)
            )
            out.append((ent.start, m, subj))
        # a full name the tagger missed, in subject position ("Commission spokesperson Ilse
        # Vandenbroucke told ..."): named() reads it as a person, so "she" may refer to it
        untagged = {t.i for t in self._untagged_names}
        for tok in self.tokens:
            if tok.i in self.ent_of or not tok.is_title or not _subject_like(tok) or not (
                    tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.text in surnames)):
                continue  # (a known surname the tagger took for a noun: "Echeverría hit back")
            full = tok.i in untagged
            # or a known surname alone ("Rennard, who has …, said")
            if not full and tok.text not in surnames:
                continue
            m = self.named(tok)
            if m.label == "PERSON" and gazetteer.lookup(m.name) is None:
                first = tok.i - len(m.name.split()) + 1 if full else tok.i
                out.append((max(first, 0), m, True))
        out.sort(key=lambda x: x[0])
        return out

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s.start for s in self.doc.sents]

    @cached_property
    def _people_pos(self) -> list[int]:
        return [i for i, _, _ in self.people]

    @cached_property
    def groups(self) -> list[tuple[int, Mention]]:
        """Plural or collective actors in subject position, in order (for "they")."""
        out = []
        for tok in self.tokens:
            if tok.dep_ not in SUBJECT_DEPS:
                continue
            if self.ent_label(tok) in ("ORG", "GPE", "NORP") or (
                tok.tag_ in ("NNS", "NNPS") and (tok.pos_ == "PROPN" or tok.lemma_.lower() in people_nouns())
            ):
                m = self.mention(tok, resolve=False)
                if m is not None and m.name:
                    out.append((tok.i, m))
        return out

    def ent_label(self, tok: Token) -> str:
        ent = self.ent_of.get(tok.i)
        return ent.label_ if ent is not None else ""

    # ------------------------------------------------------------------ names

    def _title_tokens(self, head: Token, name_start: int) -> list[Token]:
        """Tokens of the title before a name: "Russian Deputy Foreign Minister"."""
        out = []
        for t in head.subtree:
            if t.i >= name_start:
                break
            if t.dep_ in ("det", "punct", "case", "predet") or t.is_space:
                continue
            if t.dep_ == "poss" and t.head.i != head.i:
                continue
            out.append(t)
        # keep only the contiguous run right before the name
        run: list[Token] = []
        for t in reversed(out):
            if run and t.i != run[-1].i - 1 and not (t.i == run[-1].i - 2 and self.doc[t.i + 1].dep_ == "case"):
                break
            run.append(t)
        return list(reversed(run))

    def _role_affiliation(self, tokens: list[Token]) -> tuple[str, str]:
        role, aff = [], []
        for t in tokens:
            label = self.ent_label(t)
            if label in ("NORP", "GPE", "ORG") and not (t.is_title and t.text in ("Foreign", "Deputy")):
                aff.append(t.text)
            elif not aff and not role and t.is_title and gazetteer.country_of(t.text) is not None:
                aff.append(t.text)  # "Dutch Infrastructure Minister": a demonym the tagger missed
            elif t.dep_ not in ("case",) and not (not role and t.lower_.rstrip(".") in COURTESY_TITLES):
                role.append(t.text)  # (not "Mr" or "Ms": a courtesy, not a role)
        return _clean(" ".join(role)), _clean(" ".join(aff))

    @cached_property
    def _named(self) -> dict[int, Mention]:
        return {}

    def named(self, tok: Token) -> Mention:
        """The mention of a named entity that contains ``tok`` (worked out once per token)."""
        got = self._named.get(tok.i)
        if got is None:
            got = self._name_of(tok)
            if not self._bridging_affiliation:  # one made inside that search lacks its own
                self._named[tok.i] = got
        return got

    def _name_of(self, tok: Token) -> Mention:
        ent = self.ent_of.get(tok.i)
        acronym = next((c for c in tok.children if c.dep_ == "appos" and c.is_upper and len(c) >= 2
                        and c.is_alpha), None)
        if ent is None and acronym is not None and tok.is_title:
            # "The Medicines and Healthcare products Regulatory Agency (MHRA)": the tagger split the
            # name; the acronym names it (and the article spells it out)
            return Mention(acronym.text, acronym.idx, acronym.idx + len(acronym), acronym.text, "ORG")
        if ent is None:
            first = tok.i
            while first > 0 and self._name_part(self.doc[first - 1], tok):
                first -= 1
            span = self.doc[first : tok.i + 1]
            # an untagged capitalised name of two or more words, unknown to the
            # gazetteer, is most likely a person ("Ann Rourke said"); so is the
            # surname of a person the article names in full; one ending in a word for a
            # body is the body's ("Human Rights Watch", "Marlowe Estate Tenants' Association")
            label = "PERSON" if (len(span) >= 2 and all(t.is_title for t in span)) or (
                len(span) == 1 and tok.is_title and tok.text in self.surnames) else ""
            if tok.is_title and tok.lower_ in BODY_NAME_ENDS and tok.text not in self.surnames:
                span, label = self._whole_body_name(span), "ORG"
            before = self.doc[first - 1] if first > 0 else None
            if before is not None and before.dep_ == "compound" and before.head.i == tok.i \
                    and before.is_upper and len(before) > 1 and before.pos_ == "PROPN":
                span, label = self.doc[first - 1 : tok.i + 1], "ORG"  # "NHS England"
        else:
            span, label = ent, _misread_label(ent) or ent.label_
            prev = self.doc[ent.start - 1] if ent.start > 0 else None
            if label != "PERSON" and len(ent) == 1 and ent.text in self.surnames:
                label = "PERSON"  # "Wilkins observed": the surname of a person named in full
            elif label != "PERSON" and len(ent) == 1 and prev is not None and not (
                prev.i in self.ent_of and self.ent_of[prev.i].label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL")
            ) and not (  # ("on Monday Pyongyang accused": a day, not a first name)
                label == "NORP" and prev.i in self.ent_of and self.ent_of[prev.i].label_ in ("GPE", "LOC")
            ) and (  # ("an Arizona Democrat": a state's party member, not a person's name)
                self._name_part(prev, ent.root) or (
                    prev.pos_ == "PROPN" and prev.is_title and prev.whitespace_ == " "
                    and len(self.ent_of.get(prev.i, ())) == 1
                    and gazetteer.lookup(prev.text) is None
                )
            ):
                label = "PERSON"  # "Valeska Paris": a first name before a "place"
                span = self.doc[prev.i : ent.end]
            elif label in ("GPE", "LOC", "ORG", "NORP") and 2 <= len(ent) <= 3 and all(
                t.pos_ == "PROPN" and t.is_title for t in ent
            ) and gazetteer.lookup(ent[-1].text) is not None and gazetteer.lookup(ent.text) is None \
                    and gazetteer.lookup(ent[0].text) is None and ent[0].lower_ not in AGENCY_WORDS:
                label = "PERSON"  # "Valeska Paris", "Jack London": a given name and a place-like surname
            elif label != "PERSON" and ent.start > 0 and self.doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS:
                label = "PERSON"  # "Ms Lydia Holt", whatever the tagger thought
            elif label in ("ORG", "GPE", "NORP", "LOC") and 2 <= len(ent) <= 3 and prev is not None \
                    and all(t.pos_ == "PROPN" and t.is_title for t in ent) \
                    and gazetteer.lookup(ent.text) is None \
                    and (prev.lower_ in PERSON_NOUNS or prev.lower_ in EXECUTIVE_TITLES):
                label = "PERSON"  # "CEO Marcus Hale", "chief executive Anna Berg": a title names a person
            if label == "ORG":
                span = self._whole_body_name(span)
            if label == "PERSON":
                first = span.start
                while first > 0 and self._name_part(self.doc[first - 1], span.root):
                    first -= 1
                last = span.end
                while last < len(self.doc) and span[-1].dep_ == "compound" and span[-1].head.i == last \
                        and self.doc[last].pos_ == "PROPN" and self.doc[last].text[:1].isupper() \
                        and last not in self.ent_of:
                    last += 1  # "Meleane Fusitu'a": the tagger stopped before a surname it did not know
                    span = self.doc[span.start : last]
                span = self.doc[first : span.end]
        if label == "PERSON" and len(span) == 1 and tok.text not in self.surnames:
            # "Corvell" after "Corvell Therapeutics", "Harwick" after "Harwick City Council":
            # a lone word the tagger took for a person names the place or organisation
            # it stands first in elsewhere in the article
            label = self._first_words.get(tok.text, label)
        elif label == "PERSON" and ent is not None and ent.label_ == "PERSON" \
                and span.text in self._org_names and not (len(span) == 1 and tok.text in self.surnames):
            # "Diabetes Voice" tagged a person once, an organisation elsewhere (not "Whitlock" of
            # "Dana Whitlock", whose "Whitlock's office" the tagger called an organisation)
            label = "ORG"
        if label != "PERSON" and len(span) == 1 and tok.text in self.org_first_words:
            # "Halden" after "Halden Motors" (whatever the tagger thought): the organisation
            name = self.org_first_words[tok.text]
            return Mention(text=tok.text, start=tok.idx, end=tok.idx + len(tok), name=name, label="ORG")
        # trim a possessive or determiner that the NER swallowed
        toks = [t for t in span if t.dep_ != "case" and t.text not in ("’s", "'s")]
        if toks and toks[0].lower_ == "the":
            toks = toks[1:]
        if len(toks) > 1 and toks[0].is_sent_start and toks[0].lower_.endswith("ing") \
                and gazetteer.country_of(" ".join(t.text for t in toks[1:])) is not None:
            toks = toks[1:]  # "Neighbouring Mali": capitalised by the sentence, not the name
        while len(toks) > 1 and (toks[1].is_title or toks[1].is_upper) and (
                (toks[0].is_lower and toks[0].pos_ == "NOUN") or (
                    toks[0].is_upper and toks[0].lower_ in DESCRIPTORS and toks[0].i > 0
                    and self.doc[toks[0].i - 1].pos_ in ("ADJ", "VERB") and self.doc[toks[0].i - 1].dep_ == "amod")):
            # "platform Parlo", "Brussels-based NGO Bitter Harvest Watch": what it is, then its name
            # (an organisation, whatever the tagger thought); a capitalised word is the name's own
            # ("The Charity Commission"), and so is an acronym with no modifier ("NGO Monitor")
            if toks[0].lower_ in DESCRIPTORS:
                label = "ORG"
            toks = toks[1:]
        if not toks:
            toks = [tok]
        # "World Health Organisation (WHO": the NER swallowed half a parenthesis
        while len(toks) > 1 and any(t.text == "(" for t in toks):
            toks = toks[: [t.text for t in toks].index("(")]
        # "Rathbun the Scientology": a name does not run on through a lower-case article
        for k, t in enumerate(toks[1:], 1):
            if t.text in ("the", "a", "an") and toks[k - 1].pos_ != "ADP":  # (not "Council for the …")
                toks = toks[:k]
                break
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        name = _clean(self.text[start:end])
        given = [t for t in toks if t.lower_ not in KNIGHTLY]
        if label == "PERSON" and len(given) == 1 and given[0].i > 0 \
                and self.doc[given[0].i - 1].lower_ in KNIGHTLY:
            # "Sir Julian told the Chronicle": a knight goes by his given name, so it is the one
            # person the article names in full with it (a knight or dame first: "Dame Sarah
            # Mullally", not "Sarah Olney")
            full: dict[str, bool] = {}  # full name -> named as a knight or dame
            for e in self.doc.ents:
                words = [t for t in e if t.lower_ not in KNIGHTLY]
                if e.label_ == "PERSON" and len(words) >= 2 and words[0].text == given[0].text:
                    key = _clean(" ".join(t.text for t in words))
                    full[key] = full.get(key, False) or e[0].lower_ in KNIGHTLY or (
                        e.start > 0 and self.doc[e.start - 1].lower_ in KNIGHTLY)
            knighted = [n for n, titled in full.items() if titled]
            if len(knighted) == 1 or len(full) == 1:
                name = knighted[0] if len(knighted) == 1 else next(iter(full))
        role = aff = ""
        if label == "PERSON":
            role, aff = self._role_affiliation(self._title_tokens(span.root, span.start))
            if not aff:
                aff = self._appos_affiliation(span.root)
        return Mention(
            text=self.text[start:end], start=start, end=end, name=name, label=label,
            role=role, affiliation=aff, plural=tok.tag_ in ("NNS", "NNPS"),
        )

    def _whole_body_name(self, span: Span) -> Span:
        """A body's name the tagger cut short, whole: capitalised words, hyphens, "and" and
        plural possessives before it that hang on it ("Human Rights Watch", "Thai
        Anti-Gambling Network", "Southern Garment Workers' Network", "Maritime and
        Seafarers' Alliance"), and after an "of" in it, the rest of what it is of
        ("Ministry of Energy and Mines", "Ministry of Labour, Invalids and Social Affairs").
        A possessive "'s", a lower-case word, a title or another kind of name ends it."""
        doc, root = self.doc, span.root

        def under(t: Token) -> bool:
            for _ in range(12):
                if t.i == root.i:
                    return True
                if t.head.i == t.i:
                    return False
                t = t.head
            return False

        def word(t: Token) -> bool:
            ent = self.ent_of.get(t.i)
            return t.pos_ == "PROPN" and (t.is_title or t.is_upper) and t.lower_.rstrip(".") not in TITLES \
                and (ent is None or ent.label_ not in OTHER_NAMES) and under(t)

        first = span.start
        while first > 1:
            t, before = doc[first - 1], doc[first - 2]
            joins = (t.text in ("'", "’") and before.text.endswith("s") and t.whitespace_) or (
                t.text == "-" and not t.whitespace_ and not before.whitespace_) or (
                # "Maritime and Seafarers' Alliance", not "Santander and Lloyds Bank": what follows
                # "and" is coordinated with the word before it
                t.lower_ in ("and", "&") and doc[first].dep_ == "conj" and doc[first].head.i == before.i)
            if word(t) or (joins and word(before) and under(t)):
                first -= 1 if word(t) else 2
            else:
                break
        if first == 1 and word(doc[0]):
            first = 0
        last = span.end
        of = next((t.i for t in span if t.lower_ == "of"), None)
        if of is not None:

            def continues(k: int) -> bool:
                # "Ministry of Energy and Mines", not "Bank of England and Treasury" or "Ministry of
                # Foreign Affairs and Ministry of Defence": another thing the body is of
                nxt = doc[k + 1] if k + 1 < len(doc) else None
                return nxt is not None and word(nxt) and nxt.dep_ == "conj" and of < nxt.head.i < k \
                    and nxt.lower_ not in BODY_NAME_ENDS \
                    and self.ent_of.get(nxt.i) in (None, self.ent_of.get(root.i))

            end = last
            while end < len(doc) and (
                    word(doc[end]) or (doc[end].lower_ in ("and", "&", ",") and continues(end))):
                end += 1
                if word(doc[end - 1]):
                    last = end
        elif last + 1 < len(doc) and doc[last].head.i == root.i and self._of_place(doc[last - 1], doc[last]):
            # "Vegan Society of Britain", "EU Delegation to Malaysia", "U.S. Consulate General in Hong
            # Kong": a country the body is of, or a post abroad, named in full (not "the union in Kenya")
            k = last + 2 if doc[last + 1].lower_ == "the" else last + 1
            place = self.ent_of.get(k)
            if place is not None and place.label_ == "GPE" and place.root.head.i == last:
                last = place.end
        return doc[first:last]

    @staticmethod
    def _of_place(head: Token, prep: Token) -> bool:
        """A body's last word and the preposition after it that can bring in a place of its
        name: "Society of", "Delegation to", "Consulate General in"."""
        if prep.lower_ == "of":
            return head.lower_ in BODY_NAME_ENDS or head.lower_ in POSTS
        return prep.lower_ in ("to", "in") and head.lower_ in POSTS

    def _following_person(self, tok: Token) -> Token | None:
        """A PERSON entity starting within a few words after a title head, with
        only name-like words, commas or "of" between ("Prime Minister, Najib Razak")."""
        words = {w for t in self.doc[max(0, tok.i - 3) : tok.i + 1] for w in (t.lower_.rstrip("."),)}
        if not words & (TITLES | PERSON_NOUNS | {"co", "founder", "president", "ceo"}):
            return None
        for t in self.doc[tok.i + 1 : min(len(self.doc), tok.i + 7)]:
            if self.ent_label(t) == "PERSON" and (t.head.i == tok.i or t.head.head.i == tok.i
                                                   or tok.head.i == t.i or t.dep_ in ("appos", "compound")):
                ent = self.ent_of[t.i]
                return ent.root
            if t.pos_ not in ("PROPN", "PUNCT", "ADP", "NOUN", "DET", "ADJ") or t.text in (".", ";"):
                return None
        return None

    def _name_part(self, t: Token, head: Token) -> bool:
        """A capitalised word right before a name that belongs to it ("Ann" in
        "Ann Rourke" when the tagger missed it), not a title or another entity."""
        return (
            t.pos_ == "PROPN" and t.is_title and t.dep_ == "compound" and t.head.i == head.i
            and t.lower_.rstrip(".") not in TITLES and t.i not in self.ent_of
        )

    def _appos_affiliation(self, tok: Token) -> str:
        """Affiliation from an apposition: "Lukashevich, Russia's ambassador"."""
        nouns = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos":
            nouns.append(tok.head)
        own = self.ent_of.get(tok.i)
        for n in nouns:
            for t in n.subtree:
                # (not the name itself, when the tagger took it for a body's)
                if self.ent_label(t) in ("GPE", "NORP", "ORG") and t.i != tok.i \
                        and (own is None or self.ent_of[t.i] is not own):
                    return _clean(self.ent_of[t.i].text)
        if self._bridging_affiliation:
            return ""  # already inside one: naming the bodies bridged to needs no affiliation
        self._bridging_affiliation = True
        try:
            for n in nouns:
                # "Lotte Claessens, a spokeswoman for the coalition": the body named before
                for c in n.children:
                    if c.dep_ == "prep" and c.lower_ in ("for", "of", "at"):
                        for p in c.children:
                            body = self.bridged(p) if p.dep_ == "pobj" and p.pos_ == "NOUN" else None
                            if body is not None and body.label in ("ORG", "GPE", "NORP"):
                                return body.name
        finally:
            self._bridging_affiliation = False
        return ""

    def _ministry_country(self, ent: Span) -> tuple[str, int] | None:
        """The country an entity ministry belongs to, and where its name starts: the possessive
        before it ("South Korea's Foreign Ministry", from "South"), or a nationality word at its
        start ("the Greek Foreign Ministry")."""
        owner = next((c for c in ent.root.children if c.dep_ == "poss" and self.ent_label(c) == "GPE"), None)
        if owner is not None:
            owner_ent = self.ent_of.get(owner.i)
            if owner_ent is not None:
                return owner_ent.text, min(ent.start_char, owner_ent.start_char)
            return owner.text, min(ent.start_char, owner.idx)
        if len(ent) > 2:
            for t in ent[:2]:
                if t.lower_ != "the" and t.is_alpha and gazetteer.is_demonym(t.text) \
                        and gazetteer.country_of(t.text) is not None:
                    return t.text, ent.start_char
        return None

    def _appos_name(self, tok: Token) -> Token | None:
        """A name of two or more capitalised words in apposition to a title ("Its ambassador,
        Kari Vestby,") that is no known place or body: a person the tagger mislabelled."""
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                words = [t for t in c.subtree if t.dep_ in ("compound", "appos") or t.i == c.i]
                if len(words) >= 2 and all(t.is_title for t in words) and gazetteer.lookup(
                        " ".join(t.text for t in words)) is None:
                    return c
        return None

    def _appos_person(self, tok: Token) -> Token | None:
        """A PERSON named in apposition to a descriptor, either way round."""
        for c in tok.children:
            if c.dep_ != "appos":
                continue
            # the apposition itself, or a name directly under it ("Zbigniew Rau of Poland")
            for cc in (c, *c.children):
                if self.ent_label(cc) == "PERSON":
                    return cc
        if tok.dep_ == "appos" and self.ent_label(tok.head) == "PERSON":
            return tok.head
        for c in tok.children:
            if c.dep_ == "compound" and self.ent_label(c) == "PERSON":
                return c
        if tok.lemma_.lower() in PERSON_NOUNS:
            # "the head of Germany's car industry association, Hildegard Kranz,": the parser
            # hung the name on the last noun of the title
            node = tok
            for _ in range(3):  # (or "a spokesperson for the … Command, Senior Colonel Fang Jun,")
                objs = [p for c in node.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                        for p in c.children if p.dep_ == "pobj"]
                if not objs:
                    break
                node = objs[0]
                for c in node.children:
                    if c.dep_ == "appos" and self.ent_label(c) == "PERSON":
                        return c
        return None

    def _self_named(self, tok: Token) -> Token | None:
        """The name a group goes by: "a gang calling itself Nightjar", "a group known as
        the Sea Wolves"."""
        for c in tok.children:
            if c.dep_ != "acl":
                continue
            if c.lemma_ == "call" and any(o.lower_ in ("itself", "themselves") for o in c.children):
                name = next((o for o in c.children if o.dep_ in ("oprd", "attr", "xcomp") and o.pos_ == "PROPN"), None)
                if name is not None:
                    return name
            if c.lemma_ == "know":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "as":
                        name = next((o for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
                        if name is not None:
                            return name
        return None

    def _appos_body(self, tok: Token) -> Token | None:
        """An organisation named in apposition right after a descriptor that is not a
        person's ("the rights group Civic Freedoms Watch", "the union, Unite,"): the
        descriptor is that organisation."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() in PERSON_NOUNS:
            return None
        for c in tok.rights:
            if c.dep_ == "appos" and self.ent_label(c) == "ORG" and c.i - tok.i <= 5:
                return c
        return None

    # ------------------------------------------------------------------ resolution

    @cached_property
    def genders(self) -> dict[str, str]:
        """Person name -> "m" or "f", from the article's own evidence: an
        honorific ("Ms Buchtmann", three votes), a gendered noun beside the name ("the
        spokeswoman, Ilse Holt", two), a given name that is nearly always a woman's or a
        man's (``data/first_names.tsv``, two: the pronoun heuristic below is often
        fooled by another person in the sentence), and the first he/his or she/her
        after the person in a sentence where the person is the subject (one). Votes
        that tie say nothing."""
        votes: dict[str, list[str]] = {}
        names = first_names()
        for i, m, subj in self.people:
            tok = self.doc[i]
            parts = [p for p in m.name.split() if p.lower().rstrip(".") not in NAME_TITLES]
            if len(parts) > 1 and parts[0] in names:  # "Prof Miriam Stroud": Miriam
                votes.setdefault(parts[-1], []).extend([names[parts[0]]] * 2)
            for t in (self.doc[i - 1] if i > 0 else tok, tok):
                if t.lower_.rstrip(".") in HONORIFICS:  # "Ms Holt": stronger than any pronoun
                    votes.setdefault(m.name.split()[-1], []).extend([HONORIFICS[t.lower_.rstrip(".")]] * 3)
            root = self.doc[i].head if self.doc[i].dep_ == "compound" else self.doc[i]
            for c in (*root.children, root.head):
                if c.lower_ in GENDERED_NOUNS and (c.dep_ == "appos" or root.dep_ == "appos"):
                    votes.setdefault(m.name.split()[-1], []).extend([GENDERED_NOUNS[c.lower_]] * 2)
            if not subj:
                continue
            for t in self.doc[i + 1 : tok.sent.end]:
                if t.lower_ in ("he", "his", "him") or t.lower_ in ("she", "her"):
                    votes.setdefault(m.name.split()[-1], []).append("m" if t.lower_ in ("he", "his", "him") else "f")
                    break
                if t.ent_type_ == "PERSON":
                    break
        out: dict[str, str] = {}
        for k, v in votes.items():
            tally = Counter(v).most_common()
            if len(tally) == 1 or tally[0][1] > tally[1][1]:
                out[k] = tally[0][0]
        return out

    def antecedent_person(
        self, before: int, window_sents: int = 4, gender: str = "", exclude: frozenset[str] = frozenset()
    ) -> Mention | None:
        """The most salient person before token ``before``: the latest one in
        subject position within a few sentences, else the latest full name (or surname of
        one) at all;
        people known to be of the other gender, and those whose last name is in
        ``exclude`` (lower case), are passed over."""
        k = bisect_right(self._people_pos, before - 1)
        if k == 0:
            return None
        cur = bisect_right(self._sent_starts, before) - 1
        floor = self._sent_starts[max(0, cur - window_sents)]
        genders = self.genders if gender else {}

        def fits(m: Mention) -> bool:
            last = m.name.split()[-1]
            return genders.get(last, gender) == gender and last.lower() not in exclude

        def credible(m: Mention) -> bool:
            # out of subject position, a full name, the surname of one or a given name ("who gave
            # his name only as Ahmed"), not a lone word the tagger took for a name ("a mobile
            # banking van", "Consumidores")
            return m.name[:1].isupper() and (
                " " in m.name or m.name in self.surnames or m.name in first_names())

        here = self._sent_starts[cur]
        for i, m, subj in reversed(self.people[:k]):
            if i < floor:
                break
            # the owner of the subject counts in the pronoun's own sentence only:
            # "Thomas' sister pleaded with him, but he replied ..."
            ent = self.ent_of.get(i)
            root = ent.root if ent is not None else self.doc[i]
            owner = i >= here and root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS
            if (subj or owner) and fits(m):
                return m
        for _, m, _ in reversed(self.people[:k]):
            if fits(m) and credible(m):
                return m
        return None

    def _sentence_before(self, tok: Token) -> Span | None:
        """The sentence before the one ``tok`` stands in (None in the first)."""
        cur = bisect_right(self._sent_starts, tok.i) - 1
        return self.doc[self._sent_starts[cur - 1]].sent if cur >= 1 else None

    def _previous_subject_body(self, tok: Token) -> Mention | None:
        """"It" opening a sentence, as the subject of a verb: the body that was the subject of
        the sentence before ("The hospital trust announced the closure. It said …", "The Hong
        Kong government rejected the criticism. It accused …", "Zenthera Pharmaceuticals
        blamed … It denied …"); never a person."""
        opening = all(t.is_space or t.is_punct for t in tok.sent if t.i < tok.i)
        if tok.dep_ not in SUBJECT_DEPS or not opening:
            return None
        sent = self._sentence_before(tok)
        if sent is None or any(t.dep_ in ("dobj", "pobj") and t.lemma_.lower() in FINDINGS for t in sent):
            return None  # "The government received the inquiry's report. It blamed …": the report
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        if subj.pos_ == "NOUN" and subj.tag_ == "NN" and subj.lemma_.lower() in BODY_NOUNS:
            m = self.mention(subj)
            return m if m is not None and m.name and m.label != "PERSON" else None
        if subj.pos_ != "PROPN":
            return None
        m = self.named(subj)
        if not m.name:
            return None
        if m.label in ("ORG", "GPE"):
            return m
        last = m.name.split()[-1].lower()
        if m.label == "PERSON" and (last in CORPORATE_WORDS or last in BODY_NAME_ENDS):
            return replace(m, label="ORG")  # "Zenthera Pharmaceuticals", taken for a person
        return None

    def _previous_body(self, tok: Token, found: Mention | None) -> Mention | None:
        """"It" opening a sentence after one whose subject, a body described by a common noun,
        said something that names ``found`` ("The association also warned that if the FDA … .
        It urged the agency …"): that body, not the name inside what it said."""
        from .stance import match_verb_cue

        if found is None or tok.dep_ not in SUBJECT_DEPS or tok.head.dep_ != "ROOT" or tok.i != tok.sent.start:
            return None
        sent = self._sentence_before(tok)
        if sent is None:
            return None
        root = sent.root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "NOUN" or subj.tag_ != "NN" or subj.lemma_.lower() not in ORG_HEADS \
                or match_verb_cue(root) is None or not root.idx < found.start < root.sent.end_char:
            return None
        if not any(t.dep_ in ("dobj", "pobj", "dative") and (t.lemma_.lower() in BODY_WORDS
                                                            or t.text in found.name.split()) for t in tok.sent):
            return None  # (the name inside is still the likelier "It" unless this sentence addresses it)
        m = self.mention(subj)
        return m if m is not None and m.name else None

    def antecedent_group(self, before: int, window_sents: int = 4) -> Mention | None:
        """The latest plural or collective subject before ``before``; within a few
        sentences, one that said something ("The authors say ... They say") wins."""
        from .stance import match_verb_cue

        cur = bisect_right(self._sent_starts, before) - 1
        floor = self._sent_starts[max(0, cur - window_sents)]
        earlier = [(i, m) for i, m in self.groups if i < before]
        speaking = [(i, m) for i, m in earlier if i >= floor and match_verb_cue(self.doc[i].head) is not None]
        # one who speaks in their own right before one who speaks inside what another said
        # ("The association warned that if the FDA declares …. It urged the agency …")
        for i, m in reversed(speaking):
            if not any(match_verb_cue(a) is not None for a in self.doc[i].head.ancestors):
                return m
        if speaking:
            return speaking[-1][1]
        return earlier[-1][1] if earlier else None

    def pair(self, tok: Token, window_sents: int = 8) -> tuple[Mention, Mention] | None:
        """"The two airlines said …", "both companies", "their foreign ministries": the two
        organisations (or countries, for "the two countries/sides/governments") the article
        last named together ("Albion Air and Celtair"), when the phrase counts two bodies of
        a kind or gives them to "their" owners. People ("two officials", "both men") are
        never such a pair."""
        head = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or head not in PAIRED_BODIES or not any(
                (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                or (c.dep_ == "poss" and c.lower_ == "their") for c in tok.children):
            return None
        if head == "ministry" and not any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
            return None  # "the two ministries" may be one state's; "their ministries" are theirs
        wanted = PAIRED_BODIES[head]
        cur = bisect_right(self._sent_starts, tok.i) - 1
        floor = self._sent_starts[max(0, cur - window_sents)]
        # names of that kind, tagged or not ("The Prairie Grain Growers Alliance and the Western
        # Pulse Producers Council"), by the token that heads each
        heads = {e.root.i for e in self.doc.ents
                 if floor <= e.start and e.end <= tok.i and e.label_ == wanted}
        heads |= {t.i for t in self.doc[floor : tok.i]
                  if t.pos_ == "PROPN" and t.dep_ in ("conj", "pobj", "dobj", "appos", *SUBJECT_DEPS)
                  and self.named(t).label == wanted}
        for i in sorted(heads, reverse=True):
            root = self.doc[i]
            if root.dep_ == "conj" and root.head.i in heads:
                a, b = self.named(root.head), self.named(root)
                if a.name and b.name and a.name != b.name:
                    return a, b
        return None

    @cached_property
    def _governments(self) -> list[tuple[int, Mention | None]]:
        """The governments the article names, in text order: (the index of the word
        "government", its mention) for a region's or a city's ("the Oyo State government",
        "the Victorian Government", "the government of Ontario"), (index, None) for a
        country's ("the French government", "Kenya's government"), which "the government"
        after it means as :attr:`main_country` does."""
        out: list[tuple[int, Mention | None]] = []
        for t in self.by_lower.get("government", []):
            if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod", "poss"):
                continue  # (not "a government spokesman", "governments", "the Alberta government's plan")
            mods = [c for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
            if any(c.lower_ in NATIONAL for c in mods):
                out.append((t.i, None))  # "the Federal Government", "the Conservative government"
                continue
            names = [c for c in mods if (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP") or (
                c.pos_ == "ADJ" and c.is_title)) and (c.lower_ not in REGIONAL or any(
                    d.dep_ == "compound" and d.pos_ == "PROPN" for d in c.children))]  # ("Oyo State")
            names += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "GPE"]
            if not names:
                continue
            nearest = max(names, key=lambda c: (c.i < t.i, -abs(t.i - c.i)))
            first = nearest
            while first.i > 0 and (w := self.doc[first.i - 1]) in nearest.subtree and w.is_alpha and (
                    w.pos_ == "PROPN" or w.is_title):
                first = w  # "Oyo State", "Castilla-La Mancha" (not the dateline before it)
            place = self.doc[first.i : nearest.i + 1]
            if gazetteer.lookup(place.text) is not None or nearest.ent_type_ == "PERSON" \
                    or nearest.text in self.surnames:
                # a country's, or a union's (the EU's), or a leader's ("the Albanese government")
                out.append((t.i, None))
                continue
            # named as written, down to "government": "Oyo State government", "Andalusia's
            # regional government" (a body of its own, not the region it governs)
            lo = min([place.start, t.i] + [c.left_edge.i for c in t.lefts if c.dep_ not in ("det", "poss")])
            words = [w for w in self.doc[lo : max(t.i + 1, place.end)] if w.pos_ != "DET" and w.tag_ != "POS"]
            name = _clean(" ".join(w.text for w in words))  # (or "regional government of Andalusia")
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            out.append((t.i, Mention(self.text[start:end], start, end, name, "ORG")))
        return out

    @cached_property
    def _government_counts(self) -> Counter[str]:
        """How often each government of :attr:`_governments` is named ("" for a country's)."""
        return Counter(m.name if m is not None else "" for _, m in self._governments)

    def _government_before(self, i: int, level: str = "") -> Mention | None:
        """The region's government "the government" at token ``i`` refers to: the one named
        last before it within a few sentences (or named more than once, or the only one the
        article names), unless that was a country's (see :attr:`_governments`); for "the state
        government" (``level`` "state"), the last one named with that word, else the last one
        that is not a city's."""
        floor = self._sent_starts[max(0, bisect_right(self._sent_starts, i) - 1 - GOVERNMENT_WINDOW)]
        named = self._government_counts
        # (one named again and again, or the only one named, is the story's, however far back: not
        # one named in passing)
        before = [m for j, m in self._governments if j < i and (
            j >= floor or len(named) == 1 or (m is not None and named[m.name] > 1))]
        if level:
            regions = [m for m in before if m is not None]
            fitting = [m for m in regions if level in m.name.lower().split()] or [
                m for m in regions if not CITY_WORDS & set(m.name.lower().split())]
            return fitting[-1] if fitting else None
        return before[-1] if before else None

    @cached_property
    def main_country(self) -> Mention | None:
        """The country whose "the government" speaks when the article says no more: the
        one the article names most (ties: the first named), a name that owns or qualifies
        one of a state's collective institutions counting three times ("the Dutch cabinet",
        "Pakistan's parliament", "Greenland's government": whose politics the story is about,
        which a foreign power named more often is not)."""
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "NORP"):
                continue
            entry = gazetteer.country_of(ent.text)
            if entry is None or entry.type.value != "Country":
                continue
            institution = ent.root.dep_ in ("amod", "compound", "poss") \
                and ent.root.head.lemma_.lower() in STATE_INSTITUTIONS
            if ent.label_ == "NORP" and not institution:
                continue  # "French" may be a language, "Indian" a cuisine
            counts[entry.key] = counts.get(entry.key, 0) + (3 if institution else 1)
            first.setdefault(entry.key, self.named(ent.root))
        if not counts:
            return None
        best = max(counts.values())
        return next(first[k] for k in first if counts[k] == best)

    def _name_count(self, name: str) -> int:
        """How many times the article's text has ``name`` as whole words."""
        got = self._name_counts.get(name)
        if got is None:
            got = self._name_counts[name] = len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", self.text))
        return got

    @cached_property
    def _name_counts(self) -> dict[str, int]:
        return {}

    def author(self, tok: Token, window_sents: int = 3) -> Mention | None:
        """Who wrote the document ``tok`` names (a statement, a letter, a lawsuit), when the
        article says: "a letter Corvant sent", "an emailed company statement" (the company
        named before), "a statement from the ministry"; for "the statement" or "the letter",
        the author of the same document a few sentences before ("In a statement, X said",
        "X issued a statement", "according to a letter X sent"); for a legal filing ("the
        complaint", "the claim, filed at the High Court"), whoever the article says sued or
        filed it. None when the article does not say."""
        lemma = tok.lemma_.lower()
        if lemma not in DOCUMENT_NOUNS and lemma not in LEGAL_DOCUMENTS:
            return None
        found = self._author_in_phrase(tok)
        if found is not None or any(c.lower_ in ANOTHER for c in tok.children if c.dep_ in ("amod", "det")):
            return found  # ("a separate statement", "a new report": not the one before)
        floor = tok.sent.start
        for _ in range(window_sents):  # back to the start of the earliest sentence searched
            if floor == 0:
                break
            floor = self.doc[floor - 1].sent.start
        for t in reversed(self.doc[floor : tok.i]):
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
                continue
            found = self._author_in_phrase(t)
            if found is not None:
                return found
            verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("in", "through") else (
                t.head if t.dep_ == "dobj" and t.head.lemma_ in AUTHORING else None)
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
            if subj is not None:
                m = self.mention(subj)
                if m is not None and m.name:
                    return m
        if lemma in LEGAL_DOCUMENTS or any(  # "the statement of claim"
                c.dep_ == "prep" and c.lower_ == "of" and any(p.lemma_.lower() in LEGAL_DOCUMENTS for p in c.children)
                for c in tok.children):
            for t in reversed(self.doc[: tok.i]):
                if t.pos_ != "VERB" or not (t.lemma_ == "sue" or (t.lemma_ in FILING and any(
                        c.dep_ == "dobj" and c.lemma_.lower() in LEGAL_ACTIONS for c in t.children))):
                    continue
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                m = self.mention(subj) if subj is not None and subj.lower_ not in ("it", "they") else None
                if m is not None and m.name:
                    return m
        return None

    def _author_in_phrase(self, tok: Token) -> Mention | None:
        """The author a document's own phrase names: "a letter Corvant sent", "a company
        statement", "a statement from the ministry", "Corvant's letter"."""
        for c in tok.children:
            named = None
            if c.dep_ == "relcl" and c.lemma_ in AUTHORING:  # (not "a letter Reuters has seen")
                named = next((s for s in c.children if s.dep_ == "nsubj" and s.lower_ not in RELATIVE), None)
            elif c.dep_ in ("poss", "compound") and c.pos_ == "PROPN":
                named = c
            elif c.dep_ == "compound" and c.pos_ == "NOUN":
                m = self.bridged(c, owner=True)  # "a company statement": the company named before
                if m is not None and m.name:
                    return m
            elif c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                named = next((p for p in c.children if p.dep_ == "pobj"), None)
            elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in AUTHORING:  # "a statement issued by …"
                named = next((p for a in c.children if a.dep_ == "agent" for p in a.children
                              if p.dep_ == "pobj"), None)
            if named is None:
                continue
            m = self.mention(named)
            if m is not None and m.name and (m.label in AUTHORS or (
                    m.label == "" and named.pos_ == "PROPN" and named.is_title)):  # (a name the tagger missed)
                return m
        return None

    @cached_property
    def _credited(self) -> set[str]:
        """Names in parentheses in the first sentences: the news agency of a dateline."""
        out = set()
        for ent in self.doc.ents:
            if ent.start > 0 and self.doc[ent.start - 1].text == "(" and ent.start < 40:
                out.add(self.named(ent.root).name)
        return out

    def bridged(self, tok: Token, window_sents: int = 5, *, owner: bool = False) -> Mention | None:
        """The entity "the city" or "the company" refers back to: the latest
        one of that kind within a few sentences, when the descriptor is bare
        (a determiner "the" and nothing else: not "the city council"); with ``owner``,
        a bare noun naming the owner of what it qualifies ("a company statement")."""
        kinds = BRIDGING_NOUNS.get(tok.lemma_.lower())
        if kinds is None or tok.tag_ != "NN":
            return None
        lefts = [c.lower_ for c in tok.lefts]
        if tok.lemma_.lower() == "government" and not owner and len(lefts) == 2 and lefts[0] == "the" \
                and lefts[1] in REGIONAL:
            named = self._government_before(tok.i, lefts[1])  # "the state government", once named
            if named is not None:
                return named
        if owner:
            if tok.dep_ != "compound" or tok.n_lefts or tok.n_rights:
                return None
        elif tok.dep_ == "compound" or [c.lower_ for c in tok.lefts if c.dep_ != "preconj"] != ["the"] or any(
                c.dep_ == "prep" for c in tok.rights):
            return None  # (a "both" before it counts it among others: "Both the union and SMTA")
        if tok.lemma_.lower() == "government":
            return self._government_before(tok.i) or self.main_country
        if "ORG" in kinds and (found := self._described(tok)) is not None:
            # the body described with the noun ("the charity", "the agency"); for "the company",
            # unless the story names another firm more (or as often, when the one described was
            # only mentioned: "a bid by investment company Meridian")
            described, acting = found
            salient = self._salient_org(tok) if tok.lemma_.lower() in COMPANY_NOUNS else None
            if salient is None or salient.name == described.name:
                return described
            ours, theirs = self._name_count(described.name), self._name_count(salient.name)
            return described if ours > theirs or (ours == theirs and acting) else salient
        cur = bisect_right(self._sent_starts, tok.i) - 1
        floor = self._sent_starts[max(0, cur - window_sents)]
        for t in reversed(self.doc[floor : tok.i]):
            # "Saudi Arabia's foreign ministry … the ministry said": the one named with that word
            if t.lemma_.lower() == tok.lemma_.lower() and t.pos_ in ("NOUN", "PROPN") and (any(
                    c.dep_ in ("poss", "amod", "compound") for c in t.children) or (
                    t.is_title and t.i in self.ent_of and self.ent_of[t.i].root.i == t.i)):
                # (or named in full: "The Ministry of Finance … the ministry said")
                m = self.mention(t, resolve=False)
                if m is not None and m.name and (m.affiliation or m.label in kinds or (
                        m.label == "NOUN" and t.lemma_.lower() in NAMED_BODY_NOUNS
                        and any(c.dep_ == "compound" for c in t.children)
                        and any(c.lower_ == "the" for c in t.children))):
                    return m  # (or described by its field: "the finance ministry … the ministry said")
        if "ORG" in kinds:
            return self._salient_org(tok)
        for ent in reversed(self.doc.ents):
            if ent.end > tok.i:
                continue
            if ent.start < floor:
                break
            if ent.label_ in kinds:
                m = self.named(ent.root)
                if m.name and m.label in kinds:
                    return m
        return None

    def _salient_org(self, tok: Token) -> Mention | None:
        """"The company", "the ministry": the organisation the story is most about so far,
        whatever its distance (a firm named in passing since does not take over)."""
        count: dict[str, int] = {}
        latest: dict[str, int] = {}
        found: dict[str, Mention] = {}
        company = tok.lemma_.lower() in COMPANY_NOUNS
        for ent in self.doc.ents:
            if ent.end > tok.i:
                break
            m = self.named(ent.root)
            if company and m.name and m.label in ("PERSON", "GPE") and ent.root.pos_ == "PROPN" \
                    and len(m.name.split()) > 1 and m.name.split()[-1].lower() in CORPORATE_WORDS \
                    and not (ent.start > 0 and self.doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS):
                m = replace(m, label="ORG")  # "Ridings Water", which the tagger took for a person
            if m.name and m.label == "ORG" and gazetteer.lookup(m.name) is None and (
                    not company or ent.root.pos_ == "PROPN"):  # (not "Households" at a sentence's start)
                count[m.name] = count.get(m.name, 0) + 1
                latest[m.name] = ent.start
                found[m.name] = m
        if company:
            # "the company": a business, when the article names one (not the navy named more),
            # else a name that is no public body, union or campaign ("Corvant", not "Health Canada")
            firms = {n: k for n, k in count.items() if n.split()[-1].lower().rstrip(".") in CORPORATE_WORDS
                     and n.split()[0].lower() not in NON_COMPANY_HEADS}  # (not "Ministry of Oil")
            # (nor "Ministry of Energy")
            others = {n: k for n, k in count.items() if n.split()[-1].lower() not in NON_COMPANY_HEADS
                      and n.split()[0].lower() not in AGENCY_WORDS | NON_COMPANY_HEADS}
            count = firms or others
        elif tok.lemma_.lower() in NAMED_BODY_NOUNS:
            # "the ministry" is one named as such or an office of state ("the Home Office … the
            # department"), never the news agency credited at the top ("COLOMBO (Meridian News) -")
            count = {n: k for n, k in count.items() if n not in self._credited and (
                tok.lemma_.lower() in n.lower().split() or n.split()[-1].lower() == "office")}
        if count:
            # how often the article names it in all (the tagger misses some mentions), then so far
            return found[max(count, key=lambda n: (self._name_count(n), count[n], latest[n]))]
        return None

    def _described(self, tok: Token) -> tuple[Mention, bool] | None:
        """The body the article last described with the noun of "the corporation", "the
        firm": "Rosatom, Russia's state nuclear corporation", "investment firm Meridian
        Capital", "the agency, the FDA,"; not a source ("according to news agency AFP").
        With it, whether the name is a subject (it acted, not just mentioned): for "the
        company" and "the firm", :meth:`bridged` takes it unless the story names another firm
        more."""
        for t in reversed(self.doc[: tok.i]):
            if t.lower_ != tok.lower_ or t.pos_ not in ("NOUN", "ADJ"):
                continue
            if t.dep_ == "appos" and t.head.pos_ == "PROPN":
                name = t.head  # "Rosatom, Russia's state nuclear corporation"
            elif t.dep_ in ("compound", "amod") and t.head.pos_ == "PROPN" and t.head.i > t.i:
                name = t.head  # "investment firm Meridian Capital" (the tagger may call "firm" an adjective)
            else:
                name = next((c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if name is None or name.lower_.rstrip(".") in TITLES or name.lower_ in PERSON_NOUNS or any(
                    a.lower_ == "according" for a in list(name.ancestors)[:3]):
                continue  # (not "university President Carol Ashdown", nor a news agency as source)
            m = self.named(name)
            if m.name and (m.label == "ORG" or gazetteer.lookup(m.name) is None):
                # (whatever the tagger thought: "Rosatom" is no place)
                return replace(m, label="ORG"), _subject_like(name)
        return None

    def short_name(self, tok: Token) -> Mention | None:
        """"the Church" after "the Church of Scientology", "the Ministry" after
        "the Saudi Interior Ministry": a capitalised head word alone, with
        "the", stands for the latest organisation named with it."""
        if tok.lower_ not in ORG_HEADS or tok.pos_ not in ("PROPN", "NOUN"):
            return None
        ent = self.ent_of.get(tok.i)
        if ent is not None and len(ent) > 1:
            return None
        if any(c.dep_ in ("prep", "compound") for c in tok.rights):
            return None
        lefts = [c.lower_ for c in tok.lefts]
        if tok.is_title and tok.pos_ == "PROPN" and lefts == ["the"]:
            for e in reversed(self.doc.ents):
                if e.end <= tok.i and e.label_ in ("ORG", "FAC") and len(e) > 1 and tok.text in (t.text for t in e):
                    # (a country's ministry keeps its country: "Turkey's Foreign Ministry … the Ministry")
                    m = self.mention(e.root, resolve=False) or self.named(e.root)
                    return _standing_for(tok, m)
            return None
        if tok.is_lower and lefts in (["the"], ["their"], ["its"]):
            # "their union", "the union": the one organisation of the article named with that
            # head word, before or after
            named = [self.mention(e.root, resolve=False) or self.named(e.root) for e in self.doc.ents
                     if e.label_ == "ORG" and len(e) > 1 and e[-1].lower_ == tok.lower_]
            if len({m.name for m in named}) == 1:
                m = named[0]
                return _standing_for(tok, m)
        return None

    def _unnamed(self, tok: Token, indefinite: bool = False) -> bool:
        """A descriptor of a person the article does not name ("the junta's spokesman";
        with ``indefinite``, also "a senior executive at a rival company")."""
        return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in PERSON_NOUNS \
            and not self.ent_label(tok) and self._following_person(tok) is None \
            and self._appos_person(tok) is None and any(
                c.dep_ in ("det", "poss") and (indefinite or c.lower_ not in ("a", "an"))
                for c in tok.children) and not any(c.lower_ in QUANTIFIERS for c in tok.children)

    def _nearer_descriptor(self, pron: Token, ant: Mention | None, gender: str) -> Mention | None:
        """"The junta's spokesman accused ECOWAS ... He said ...": an unnamed person in
        subject position in the pronoun's sentence or the one before, nearer than the
        named antecedent, is whom the pronoun means."""
        cur = bisect_right(self._sent_starts, pron.i) - 1
        floor = self._sent_starts[max(0, cur - 1)]
        for t in reversed(self.doc[floor : pron.i]):
            if ant is not None and t.idx < ant.end:
                return None
            if t.dep_ in SUBJECT_DEPS and self._unnamed(t, indefinite=True) \
                    and GENDERED_NOUNS.get(t.lower_, gender) == gender:
                s, e = self.noun_phrase(t)
                return Mention(pron.text, pron.idx, pron.idx + len(pron), _clean(self.text[s:e]), "PERSON")
        return None

    def _earlier_descriptor(self, tok: Token) -> Mention | None:
        """"… within 48 hours," the spokesman said: the same unnamed person as "the
        junta's spokesman" before, when no named one with that title came between."""
        for t in reversed(self.by_lower.get(tok.lower_, [])):
            if t.i >= tok.i or t.pos_ != "NOUN":
                continue
            if not self._unnamed(t) or not any(c.dep_ == "poss" or c.dep_ == "compound" or c.dep_ == "amod"
                                               for c in t.children):
                return None
            s, e = self.noun_phrase(t)
            return Mention(self.text[s:e], s, e, _clean(self.text[s:e]), "PERSON")
        return None

    def descriptor_person(self, tok: Token, head_words: set[str], affiliation: str) -> Mention | None:
        """The person a descriptor such as "a top Russian official" refers to.

        Candidates are people the article names with a title; one matches when
        its title shares the descriptor's head word ("the Kremlin spokesman" ->
        "Kremlin spokesman Dmitry Peskov"), or, for a generic head such as
        "official", when it shares the affiliation. The nearest match wins,
        looking ahead first for an indefinite descriptor (news leads name the
        "top official" a sentence later) and back first for a definite one.
        """
        indefinite = any(c.lower_ in ("a", "an") for c in tok.children if c.dep_ == "det")
        if not indefinite and [c.lower_ for c in tok.lefts] == ["the"]:
            earlier = self._earlier_descriptor(tok)
            if earlier is not None:
                return earlier
        aff = affiliation.lower()
        # "the foreign minister" is not "Prime Minister X": every descriptive word must fit
        qualifiers = {
            c.lower_ for c in tok.lefts
            if c.dep_ in ("amod", "compound") and c.is_alpha and not self.ent_label(c)
            and c.lower_ not in GENERIC_QUALIFIERS
        }
        # "the junta's spokesman" is nobody the article names as another body's spokesman
        owners = {c.lower_ for c in tok.children if c.dep_ == "poss" and c.pos_ == "NOUN"}
        matches = []
        for i, m, _ in self.people:
            if i == tok.i:
                continue
            role = m.role.lower().split()
            m_aff = m.affiliation.lower()
            if qualifiers - set(role):
                continue
            if owners and not any(o in m_aff or o in role for o in owners):
                continue
            # "a State Department spokesperson" is not "Ministry spokesperson Lim Ji-won"
            same_role = bool(head_words & set(role)) and (not aff or (m_aff and aff[:5] == m_aff[:5]) or (
                not m_aff and all(w in m.text.lower() for w in aff.split())))
            same_aff = bool(aff) and bool(m_aff) and aff[:5] == m_aff[:5] and bool(m.role)
            if same_role or (tok.lemma_ in ("official", "diplomat", "envoy", "source") and same_aff):
                dist = i - tok.i
                matches.append((0 if (dist > 0) == indefinite else 1, abs(dist), m))
        if not matches:
            return None
        matches.sort(key=lambda x: (x[0], x[1]))
        return matches[0][2]

    def noun_phrase(self, tok: Token) -> tuple[int, int]:
        """Character span of a common-noun phrase, without determiners and
        relative clauses: "the group's Permanent Council chairman"."""
        keep = [tok]
        for c in tok.lefts:
            if c.dep_ in ("det", "punct", "predet") and c.lower_ in ("the", "a", "an", "some"):
                continue
            keep.extend(c.subtree)
        charge = CHARGING.get(tok.head.lemma_.lower()) if tok.dep_ == "dobj" else None
        for c in tok.rights:
            if c.dep_ == "amod" and c.lower_ in ("familiar", "close"):
                keep.extend(c.subtree)  # "people familiar with the plans": who they are
                break
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at", "in", "to"):
                if c.lower_ != charge:  # "accused Western members of hypocrisy": the charge, not them
                    keep.extend(_core_phrase(c))
                break
        keep = sorted(keep, key=lambda t: t.i)
        # drop leading determiners left in subtrees
        while keep and ((keep[0].dep_ == "det" and keep[0].lower_ in ("the", "a", "an"))
                        or (keep[0].dep_ == "preconj" and keep[0].lower_ in ("both", "either", "neither"))):
            keep = keep[1:]  # (and "Both" of "Both the trust and …")
        return keep[0].idx, keep[-1].idx + len(keep[-1])

    def mention(self, tok: Token, resolve: bool = True) -> Mention | None:
        """The mention behind the head token of a speaker or target phrase."""
        low = tok.lower_
        if tok.pos_ == "PRON" and tok.is_upper and len(tok) > 1 and tok.text != "I":
            return self.named(tok)  # "WHO say ...": an acronym tagged as a pronoun
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
            if not resolve:
                return None
            ant = None
            if low in PERSON_PRONOUNS:
                gender = "m" if low in ("he", "him") else "f"
                ant = self.antecedent_person(tok.i, gender=gender)
                ant = self._nearer_descriptor(tok, ant, gender) or ant
            elif low in GROUP_PRONOUNS:
                ant = self.antecedent_group(tok.i)
            elif low in THING_PRONOUNS:
                g = self.antecedent_group(tok.i)
                g = self._previous_body(tok, g) or g
                # "Halden Motors ... It said": a named body is one, whatever its last word
                ant = g if g is not None and (not g.plural or g.label in ("ORG", "GPE")) else None
                ant = ant or self._previous_subject_body(tok)
            if ant is None:
                return None
            return _standing_for(tok, ant, plural=ant.plural)
        if tok.is_title and tok.text in self.surnames and not tok.ent_type_:
            return self.named(tok)  # "Wilkins observed ...", tagged as a plural noun
        if resolve and tok.dep_ in SUBJECT_DEPS and tok.tag_ in ("NNP", "NN", "JJ") and tok.is_title \
                and [c.lower_ for c in tok.lefts] == ["the"] and _nationality(tok.text):
            # "“…,” the Italian said": a nationality for the person just named, not the country
            ant = self.antecedent_person(tok.i)
            if ant is not None:
                return _standing_for(tok, ant, "PERSON")
        short = self.short_name(tok)
        if short is not None:
            return short
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in PERSON_NOUNS and tok.dep_ in SUBJECT_DEPS:
            # "Its ambassador in Brasília, Kari Vestby, said …" (the tagger may call the name a place)
            person = self._appos_person(tok) or self._appos_name(tok)
            if person is not None:
                return replace(self.named(person), label="PERSON")
        if resolve and tok.head.dep_ == "relcl" and tok.head.head.pos_ == "PROPN" and any(
                c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
            # "the Balearic Islands, whose regional government said …": the place's government is
            # the place speaking; "Poland, whose farmers said …" are Poland's farmers
            owner = self.mention(tok.head.head)
            if owner is not None and owner.name:
                head = tok.lemma_.lower()
                if (head in SIDE_WORDS and owner.label in ("GPE", "NORP")) or head in OWNED_VOICES:
                    # (and "the IMF, whose lending programme calls for …": what it issues speaks for it;
                    # not "Ana Ruiz, whose mother said …", who is someone else)
                    return _standing_for(tok, owner)
                s, e = self.noun_phrase(tok)
                rest = re.sub(r"^whose\s+", "", self.text[s:e], flags=re.IGNORECASE)
                return Mention(self.text[s:e], s, e, _clean(f"{owner.name} {rest}"), "NOUN", tok.lemma_.lower(),
                               owner.name, plural=tok.tag_ == "NNS")
        if resolve and tok.lemma_.lower() in STATE_BODIES and any(
                c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
            # "Egypt condemned the strike. Its Foreign Ministry said …": the country's ministry
            owner = self.antecedent_group(tok.i)
            if owner is not None and gazetteer.country_of(owner.name) is not None:
                s, e = self.noun_phrase(tok)
                return Mention(self.text[s:e], s, e, _clean(self.text[s:e]), "NOUN", tok.lemma_.lower(), owner.name)
        label = self.ent_label(tok)
        if label != "PERSON" and (tok.pos_ in ("PROPN", "NOUN") or label):
            # "Malaysia's Prime Minister, Najib Razak", "Facebook co-founder Mark
            # Zuckerberg", "Governor of Washington Chris Gregoire": a title head
            # with the person's name right after it
            person = self._following_person(tok)
            if person is None and tok.pos_ == "PROPN" and tok.lower_ in PERSON_NOUNS:
                # "the Minister of Labour and Employment, Dr Hauwa Bello, warned": a capitalised
                # title with a long "of …" and the person in apposition after it
                person = self._appos_person(tok)
            if person is None and label == "ORG" and tok.dep_ in SUBJECT_DEPS and any(
                    c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in tok.children):
                # "Ghana Cocoa Board (Cocobod) chief executive Emmanuel Adjei-Boateng said": the
                # parser hung the title and the name on the organisation
                person = self._appos_person(tok)
            if person is not None:
                return self.named(person)
        ent = self.ent_of.get(tok.i)
        if label in ("ORG", "FAC") and ent is not None and not any(t.is_title or t.is_upper for t in ent):
            label = ""  # "energy ministry" tagged ORG: a descriptor, not a name
        if label == "ORG" and ent is not None and ent[-1].lemma_.lower() in STATE_BODIES:
            found = self._ministry_country(ent)
            if found is not None:
                # "South Korea's Foreign Ministry", "the Greek Foreign Ministry": the country's
                # ministry (not any foreign ministry), affiliated with the country
                country, start = found
                text = self.text[start:ent.end_char]
                return Mention(text, start, ent.end_char, _clean(text), "ORG", ent[-1].lemma_.lower(), country)
        if label in ACTOR_LABELS:
            return self.named(tok)
        if resolve and tok.pos_ == "PROPN" and tok.lower_ in PERSON_NOUNS and label != "PERSON" \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # "accused the Prime Minister of …": the person the article gives that title
            found = self.descriptor_person(tok, {tok.lower_}, "")
            if found is not None:
                return _standing_for(tok, found, "PERSON")
        if (tok.pos_ == "PROPN" and not tok.is_lower) or (tok.is_title and gazetteer.lookup(tok.text) is not None):
            return self.named(tok)
        if tok.pos_ not in ("NOUN", "PROPN"):
            # "The agency's director general, Annika Lindqvist, told …": a title the tagger
            # read as an adjective, with the person in apposition
            person = self._appos_person(tok) if tok.dep_ in SUBJECT_DEPS else None
            return self.named(person) if person is not None else None
        # a document that speaks for its author: "a statement from the White House"; so
        # does a speech act named by a noun: "the request of the municipalities"
        if resolve and (tok.lemma_.lower() in DOCUMENT_NOUNS or (tok.lemma_.lower(), "NOUN") in cues()):
            for c in tok.children:
                inner = [p for p in c.children if p.dep_ == "pobj"] if (
                    c.dep_ in ("prep", "agent") and (c.lower_ in ("from", "by", "of") or (
                        c.lower_ == "for" and tok.lemma_.lower() in SPOKESPEOPLE and tok.dep_ in SUBJECT_DEPS
                        and any(d.dep_ == "det" for d in tok.children)))) else (
                    [c] if c.dep_ == "poss" or (  # "the Home Office letter"
                        c.dep_ == "compound" and c.i == tok.i - 1 and tok.lemma_.lower() not in PERSON_NOUNS
                        and self.ent_label(c) in ("ORG", "GPE", "PERSON")
                    ) else [])
                for p in inner:
                    label = self.ent_label(p)
                    if any(c.lower_ in ("unknown", "anonymous", "unnamed", "unidentified") for c in p.children):
                        continue
                    if c.lower_ == "for":  # (a body: a leader's spokesperson speaks for the leader's side)
                        ok = label in ("ORG", "GPE", "NORP", "PERSON") or p.pos_ == "PROPN" or (
                            not label and self.bridged(p) is not None)
                    else:
                        ok = label in ACTOR_LABELS or (not label and (
                            p.pos_ == "PROPN" or p.lemma_.lower() in people_nouns()))
                    if ok:
                        m = self.mention(p)
                        if m is not None and m.name:
                            return m
        # a descriptor: "the Kremlin spokesman", "Russian officials"; a person named beside it
        # ("a civil servant, Mr Tunde Alabi,"), whether or not the tagger saw the name
        person = self._appos_person(tok) or (self._appos_name(tok) if tok.lemma_.lower() in people_nouns() else None)
        if person is not None:
            m = self.named(person)
            role, aff = self._role_affiliation(
                [t for t in tok.subtree if t.idx < m.start and t.dep_ not in ("det", "punct") and not t.is_space
                 and t.lower_.rstrip(".") not in COURTESY_TITLES][:8]  # (the words before the name)
            )
            return Mention(m.text, m.start, m.end, m.name, "PERSON", m.role or role, m.affiliation or aff)
        body = self._appos_body(tok)
        if body is not None:
            return self.named(body)  # "the Brussels-based rights group Civic Freedoms Watch"
        called = self._self_named(tok)
        if called is not None:
            m = self.named(called)  # "a ransomware gang calling itself Nightjar"
            return replace(m, label="ORG") if m.label in ("GPE", "LOC", "") else m
        s, e = self.noun_phrase(tok)
        text = self.text[s:e]
        if resolve:
            ref = self.bridged(tok)
            if ref is not None:
                return Mention(text, s, e, ref.name, ref.label, ref.role, ref.affiliation)
        aff_toks = [t for t in tok.subtree if t.i < tok.i and self.ent_label(t) in ("NORP", "GPE", "ORG")
                    and t.dep_ != "case" and not t.is_lower]
        if not aff_toks and tok.lemma_.lower() in OFFICIAL_NOUNS | PERSON_NOUNS:
            # "officials in Beijing", "diplomats from France"
            aff_toks = [t for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("in", "from", "at", "for", "of")
                        for t in c.subtree if self.ent_label(t) in ("NORP", "GPE", "ORG")
                        and t.dep_ != "case" and not t.is_lower]
        affiliation = _clean(" ".join(t.text for t in aff_toks))
        plural = tok.tag_ in ("NNS", "NNPS")
        if resolve and not plural and tok.lemma_.lower() in PERSON_NOUNS:
            found = self.descriptor_person(tok, {tok.lower_, tok.lemma_.lower()}, affiliation)
            if found is not None:
                return Mention(text, s, e, found.name, "PERSON", found.role, found.affiliation)
        return Mention(text, s, e, _clean(text), "NOUN", tok.lemma_.lower(), affiliation, plural)
