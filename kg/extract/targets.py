"""What a statement is about: the cue's addressee or object, else the actors
named in the content, else the issue it concerns (a topic).

"accused the United States and NATO of ..." -> United States, NATO;
"condemned the refusal of United States and NATO to ..." -> the actors inside
the object; "said the situation remained perilous" -> no actor named, so the
topic "situation". The thing the content is said of, its subject, is a target
beside the actors it names: "said the fine was another example of the EU
targeting American innovation" -> European Union, fine.
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import gazetteer
from ..records import Mention
from .base import Context
from .lexicon import Cue, evaluative
from .mentions import BODY_WORDS, people_nouns
from .stance import (
    ACCUSING_VERBS,
    CHARACTERISING,
    HELPING,
    READY,
    REFUSING_VERBS,
    blamed_on,
    doer_of,
    match_verb_cue,
    negated,
)

TARGET_PREPS = ("of", "from", "against", "to", "on", "at", "with", "over", "about", "toward", "towards")
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC")
MAX_CONTENT_TARGETS = 3
#: A noun named this often in an article is one of its issues; more mentions do not
#: make it more of one.
SALIENT = 3
#: Verbs by which an addressee answers a demand or claim made to it.
ANSWERING_VERBS = {"reject", "rebuff", "refuse", "ignore", "dismiss", "accept", "heed", "answer", "spurn"}
#: Entity types that count or date things ("78 rupees", "two weeks"): no issue.
AMOUNTS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "TIME", "ORDINAL"}
#: Heads too vague to stand as a topic.
VAGUE = {
    "thing", "something", "anything", "nothing", "everything", "lot", "way", "time", "part", "kind",
    "fact", "case", "one", "people", "day", "week", "year", "month", "reason", "ground", "need",
    "number", "majority", "amount", "total", "proportion",
}


#: Bodies whose possessions ("the government's offer", "the council's plan") are theirs to answer for.
OWNING_BODIES = {"government", "council", "county", "city", "company", "ministry", "commission", "administration",
                 "union", "board", "authority", "regulator", "agency", "party", "team", "club", "league"}
#: Nouns that, with a nationality, stand for the country: "the Philippine side".
SIDE_NOUNS = {"side", "authorities", "government", "leadership", "administration"}
#: Prepositions that place something: a place after them is a location, not a target.
LOCATIVE = {"in", "across", "throughout", "around", "near", "at", "inside", "within", "outside"}
#: Adjectives that do not narrow down an issue: "the other proposal" is the proposal.
PLAIN_ADJECTIVES = {"other", "such", "same", "own", "new", "last", "next", "first", "latest", "many", "several",
                    "few", "more", "most", "much", "further", "whole", "entire", "current", "recent", "certain",
                    "tough", "big", "major", "key", "huge", "real", "great", "possible",
                    "potential", "so", "called"}
#: Heads named with what they are of or to ("use of force", "end to the fighting").
RELATIONAL = {"use", "risk", "right", "end", "charge", "seizure", "threat", "abuse", "loss", "transfer"}
#: Verbs of going somewhere: a place they come from or go to is no target.
MOTION = {"travel", "come", "arrive", "fly", "flee", "return", "move", "drive", "sail", "go", "head", "migrate"}
#: Quantifiers kept in a topic's name: "all sides" is not "sides".
QUANTIFIERS = {"all", "both"}
#: Harmful events whose "of" phrase names the victim, not a target: "the killing of a police
#: officer" is condemned as an event (and named with its victim).
HARM_EVENTS = {
    "killing", "murder", "death", "arrest", "detention", "shooting", "abduction", "kidnapping",
    "assassination", "execution", "imprisonment", "jailing", "torture", "beating", "expulsion",
}


def _harm_event(tok: Token) -> bool:
    return tok.lemma_.lower() in HARM_EVENTS or tok.lower_ in HARM_EVENTS


def topic_label(tok: Token) -> str:
    """Modifiers that say which one and the head: "tough new sanctions bill" ->
    "sanctions bill", "contaminated beef", "direct payments", "minimum-price deal" ->
    "minimum-price deal" (not words that only judge or count, "tough", "new"); a
    quantifier stays ("all sides"), and so does a nationality ("our European
    partners" -> "european partners"); a harmful event keeps its victim ("killing of
    the police officer")."""
    parts = [c for c in tok.lefts if (c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN"))
             or (c.dep_ in ("det", "predet") and c.lower_ in QUANTIFIERS)
             or (c.dep_ == "amod" and c.ent_type_ == "NORP")
             or (c.dep_ == "amod" and c.pos_ in ("ADJ", "VERB") and c.is_alpha and c.lower_ not in PLAIN_ADJECTIVES
                 and c.lemma_.lower() not in evaluative())]
    owner = [c for c in tok.lefts if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
             and c.ent_type_ not in ("DATE", "TIME") and c.lower_ not in ("today", "yesterday", "tomorrow")]
    # "the junta's proposal", "the Trump administration's tariffs" (not "last week's decision")
    words = [" ".join([*(c.text for c in owner[0].lefts if c.dep_ == "compound"), owner[0].text]) + "'s"] \
        if owner and not parts else []
    words += [_compound(c) if c.dep_ == "compound" else _hyphenated(c) for c in parts] + [tok.text]
    if _harm_event(tok):
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                words += [t.text for t in c.subtree if not t.is_punct]
                break
    elif tok.lemma_.lower() in RELATIONAL:
        # "use of force", "right to strike", "risk of death": the head alone says nothing
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "to"):
                inner = [t for t in c.subtree if not t.is_punct and t.dep_ not in ("det", "poss")]
                if 0 < len(inner) <= 3:
                    words += [t.text for t in inner]
                break
    return " ".join(words).lower()


def _compound(tok: Token) -> str:
    """A compound with its own compounds before it: "fossil fuel" (of "fossil fuel
    language"), "fire danger" (of "fire danger season"); a hyphenated one stays whole
    ("carbon-tax")."""
    first = _hyphen_start(tok)
    inner = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.i < first]
    return " ".join([*(_compound(c) for c in inner), tok.doc[first : tok.i + 1].text])


def _hyphenated(tok: Token) -> str:
    """A compound with the words hyphenated to it: "minimum-price" (of "minimum-price
    deal"), not "price"."""
    return tok.doc[_hyphen_start(tok) : tok.i + 1].text


def _hyphen_start(tok: Token) -> int:
    """Where the words hyphenated to ``tok`` start ("minimum" of "minimum-price")."""
    first = tok.i
    while first >= 2 and tok.doc[first - 1].text == "-" and not tok.doc[first - 1].whitespace_ \
            and not tok.doc[first - 2].whitespace_ and tok.doc[first - 2].is_alpha:
        first -= 2
    return first


def _topic(tok: Token, label: str = "") -> Mention:
    """An issue named by ``tok``, labelled by :func:`topic_label` unless ``label`` is given;
    "the Philippine side", "the Turkish authorities" name a country, not an issue."""
    if tok.lemma_.lower() in SIDE_NOUNS:
        for c in tok.children:
            country = _nationality(c) if c.dep_ in ("amod", "compound") else None
            if country is not None:
                return country
    return Mention(tok.text, tok.idx, tok.idx + len(tok), label or topic_label(tok), "TOPIC")


def _nationality(tok: Token) -> Mention | None:
    """The country a nationality word names ("Philippine", "American"), as a mention of it."""
    country = gazetteer.country_of(tok.text) if gazetteer.is_demonym(tok.text) else None
    return None if country is None else Mention(tok.text, tok.idx, tok.idx + len(tok), country.label, "GPE")


def _is_actor(ctx: Context, tok: Token) -> bool:
    label = ctx.discourse.ent_label(tok)
    if label in ENTITY_LABELS:
        return True
    if tok.pos_ == "PRON" and tok.lower_ in ("he", "she", "him", "her", "they", "them"):
        return True
    if tok.pos_ == "NOUN" and not label and tok.lemma_.lower() in people_nouns():
        return True  # "praised the judge", "accused the police": people, not issues
    return tok.pos_ == "PROPN" and label not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")


def _actor_mention(ctx: Context, tok: Token) -> Mention | None:
    m = ctx.discourse.mention(tok)
    if m is None or not m.name:
        return None
    return m


def _objects(verb: Token, cue: Cue) -> list[Token]:
    objs = []
    for c in verb.children:
        if c.dep_ == "dobj" and cue.lemma == f"{verb.lemma_.lower()} {c.lemma_.lower()}":
            # the cue's own noun ("took aim at donor governments"): what follows it is the object
            objs.extend(p for pr in c.children if pr.dep_ == "prep" and pr.lower_ in (*TARGET_PREPS, "for")
                        for p in pr.children if p.dep_ == "pobj")
            continue
        if c.dep_ in ("dobj", "dative") and not (cue.is_speech and cue.lemma not in CHARACTERISING):
            objs.append(c)
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS and not cue.is_speech:
            objs.extend(p for p in c.children if p.dep_ == "pobj")
    out = []
    for o in objs:
        out.append(o)
        out.extend(o.conjuncts)
    return out


def _inner_actors(ctx: Context, tok: Token) -> list[Token]:
    """Actors inside a noun phrase: "the refusal of United States and NATO"."""
    out = []
    for c in tok.children:
        if c.dep_ == "amod" and (ctx.discourse.ent_label(c) in ("NORP", "GPE") or (
            c.is_title and gazetteer.lookup(c.text) is not None
        )):
            out.append(c)  # "the Western position", "the Russian proposal"
        if c.dep_ == "compound" and ctx.discourse.ent_label(c) in ("GPE", "ORG", "NORP"):
            out.append(c)  # "the U.S. offer", "the NATO plan"
        if c.dep_ == "poss" and _is_actor(ctx, c):
            out.append(c)
        if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by", "from") and not (
            c.lower_ == "of" and _harm_event(tok)
        ):
            for p in c.children:
                if p.dep_ == "pobj" and _is_actor(ctx, p):
                    out.append(p)
                    out.extend(x for x in p.conjuncts if _is_actor(ctx, x))
    return out


def _same_actor(a: Mention, b: Mention) -> bool:
    an, bn = a.name.lower().split(), b.name.lower().split()
    return bool(an and bn) and (an[-1] == bn[-1])


def _own_side(m: Mention, speaker: Mention) -> bool:
    """The speaker's own country or body ("the United States was deeply troubled", said
    by a State Department spokesman): the side that speaks, not a target."""
    if not speaker.affiliation:
        return False
    side = gazetteer.lookup(speaker.affiliation)
    if side is None:
        return False
    entry = gazetteer.lookup(m.name)
    return entry is not None and entry.key == side.key


def _add(out: list[Mention], m: Mention | None, speaker: Mention) -> None:
    if m is None or _same_actor(m, speaker) or _own_side(m, speaker) or any(_same_actor(m, o) for o in out):
        return
    out.append(m)


def _it_antecedent(ctx: Context, tok: Token) -> Token | None:
    """"called it ...": the object of the previous sentence's main verb."""
    start = tok.sent.start
    if start == 0:
        return None
    for t in ctx.doc[start - 1].sent:
        if t.dep_ == "dobj" and t.pos_ == "NOUN" and t.head.dep_ == "ROOT":
            return t
    return None


def _act_antecedent(ctx: Context, tok: Token) -> Token | None:
    """"Union leaders called that a threat": what was said or done in the sentence
    before, answered through whoever said or did it (its main clause's subject)."""
    start = tok.sent.start
    if start == 0:
        return None
    root = ctx.doc[start - 1].sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and (_is_actor(ctx, subj) or ctx.discourse.bridged(subj) is not None) \
            and subj.lower_ not in ("he", "she", "they", "him", "her", "them"):
        return subj
    return None


def _evaluated(focus: Token) -> Token | None:
    """The thing an evaluative adjective judges: the noun it modifies, or the
    subject of the clause it is predicated of (a gerund clause included); for an
    evaluative noun predicated of something ("the offer was an insult"), that thing; for
    an adverb, whoever did the act it judges ("troops had illegally crossed the line")."""
    if focus.pos_ == "NOUN" and focus.dep_ == "attr":
        subj = [c for c in focus.head.children if c.dep_ in ("nsubj", "csubj")]
        return subj[0] if subj else None
    if focus.pos_ == "ADV":
        return doer_of(focus)  # "troops had illegally crossed the line": the doer is judged
    if focus.pos_ != "ADJ":
        return None
    if focus.dep_ == "amod":
        head = focus.head
        if head.dep_ == "attr":  # "X is an outrageous measure": X is judged
            subj = [c for c in head.head.children if c.dep_ in ("nsubj", "csubj")]
            return subj[0] if subj else head
        return head if head.pos_ in ("NOUN", "PROPN") else None
    if focus.dep_ in ("acomp", "oprd"):
        subj = [c for c in focus.head.children if c.dep_ in ("nsubj", "csubj", "dobj")]
        return subj[0] if subj else None
    return None


def _verbal(tok: Token) -> bool:
    """A gerund clause, even when tagged as a name: "Sanctioning a head of state"."""
    return tok.dep_ == "csubj" or tok.tag_ == "VBG" or (
        tok.lower_.endswith("ing") and any(c.dep_ == "dobj" for c in tok.children)
    )


def _phrase(tok: Token, focus: Token) -> Mention:
    """A topic named by a phrase: a gerund clause in full ("sanctioning a head of
    state"), else the noun with the judging adjective when it modifies it."""
    if _verbal(tok):
        toks = [t for t in tok.subtree if not t.is_punct]
        label = " ".join(t.text for t in toks).lower()
    elif focus.head.i == tok.i and focus.dep_ == "amod":
        label = topic_label(tok)  # (which may keep the adjective already: "routine chinese patrol")
        if focus.lower_ not in label.split():
            label = f"{focus.text} {label}".lower()
    else:
        label = topic_label(tok)
    return _topic(tok, label)


def _targets_of(
    ctx: Context, verb: Token, cue: Cue, content: list[Token], speaker: Mention,
    focus: Token | None = None,
) -> tuple[Mention, ...]:
    """Targets of a statement: the cue's addressee or object, else
    :func:`content_targets`. ``focus`` is the content word that decided the
    stance."""
    out: list[Mention] = []
    topics: list[Token] = []
    for o in _objects(verb, cue):
        if o.lower_ == "it":
            ant = _it_antecedent(ctx, o)
            if ant is not None:
                o = ant
        elif o.lower_ in ("that", "this") and not list(o.children):
            ant = _act_antecedent(ctx, o)
            if ant is not None:
                o = ant
        if _is_actor(ctx, o):
            _add(out, _actor_mention(ctx, o), speaker)
        elif (bridged := ctx.discourse.bridged(o)) is not None:
            _add(out, bridged, speaker)  # "accused the company of ...": the company named before
        else:
            inner = _inner_actors(ctx, o)
            for i in inner:
                _add(out, _actor_mention(ctx, i), speaker)
            if not inner and o.pos_ == "NOUN":
                topics.append(o)
    if not out and verb.dep_ in ("dobj", "ccomp", "nsubjpass") and verb.head.lemma_ in ANSWERING_VERBS:
        # "Russia rebuffed NATO calls to de-escalate": the calls were addressed to Russia
        answering = verb.head
        while answering.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in answering.children):
            answering = answering.head  # "denied ... and rebuffed": the subject is shared
        for c in answering.children:
            if c.dep_ == "nsubj" and (_is_actor(ctx, c) or c.pos_ == "NOUN"):
                _add(out, _actor_mention(ctx, c), speaker)
    if out:
        return tuple(out)
    if topics and cue.lemma in CHARACTERISING:
        # "calling the vote a serious mistake": the thing called so is what is judged
        return tuple(_topic(t) for t in topics if t.lemma_.lower() not in VAGUE)
    found = _content_targets(ctx, content, speaker, focus, topics)
    if topics and not cue.is_speech:
        # "urged both sides to resume talks through Acas", "condemned the killing of ...":
        # what the act is directed at stays a target beside the actors its content names
        own = [_topic(t) for t in topics if t.lemma_.lower() not in VAGUE]
        names = {m.name for m in found}
        found = found + tuple(m for m in own if m.name not in names)
    return found


def _owned(tok: Token) -> bool:
    """A noun held by a pronoun ("its industry", "our people"): the speaker's own
    side, seldom what the statement is about."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def _speaks(verb: Token) -> bool:
    return match_verb_cue(verb) is not None


def _content_targets(
    ctx: Context, content: list[Token], speaker: Mention, focus: Token | None = None,
    topics: list[Token] | None = None,
) -> tuple[Mention, ...]:
    """Targets found in what was said: the actor the deciding word points at,
    else actors named in the content, else the issue (a topic)."""
    out: list[Mention] = []
    topics = list(topics or [])
    focus_topics: list[Token] = []
    phrases: list[Mention] = []
    if not out and focus is not None:
        # the word that decided the stance points at the target: the subject of
        # "NATO is threatening ...", the object of "no grounds to continue talks"
        # (not when denied: "Serbia has never threatened anyone" defends Serbia)
        if focus.pos_ == "VERB" and focus.lemma_.lower() in ACCUSING_VERBS | REFUSING_VERBS | HELPING \
                and not negated(focus):
            for c in focus.children:
                if c.dep_ == "nsubj" and _is_actor(ctx, c):
                    _add(out, _actor_mention(ctx, c), speaker)
        if not out and focus.pos_ in ("VERB", "AUX"):
            # who is told to act: "the county should put the money …", "unless the team agreed …"
            told = [c for c in focus.children if c.dep_ == "nsubj"] if any(
                c.dep_ == "aux" and c.lower_ in ("must", "should") for c in focus.children) else []
            if focus.lemma_.lower() == "give":
                told += [c for c in focus.children if c.dep_ == "dative"]  # "given the union 30 days to …"
            told += [s for c in focus.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and (m.lower_ in ("until", "unless") or (m.lower_ == "if" and negated(c)))
                for m in c.children)
                for s in c.children if s.dep_ == "nsubj"]  # (and "if the council does not …")
            for a in told:
                if a.lower_ in ("i", "we", "you", "it", "this", "that"):
                    continue
                _add(out, _actor_mention(ctx, a) if _is_actor(ctx, a) else ctx.discourse.bridged(a), speaker)
        if not out:
            # "Israel bore full responsibility", "the responsibility lies with Warsaw": who bears it
            for b in blamed_on(focus):
                if _is_actor(ctx, b):
                    _add(out, _actor_mention(ctx, b), speaker)
        if not out and focus.lower_ in READY:
            # "ready to return to talks": what the speaker is ready for
            focus_topics.extend(t for t in focus.subtree if t.dep_ in ("dobj", "pobj") and t.pos_ == "NOUN")
        if not out and focus.pos_ == "NOUN" and focus.dep_ == "attr" and negated(focus.head):
            focus_topics.append(focus)  # "This is not protectionism": what is denied
        if not out and focus.lemma_.lower() in HELPING:
            # "the subsidies help millions": what helps is what the speaker backs
            focus_topics.extend(c for c in focus.children if c.dep_ == "nsubj" and c.pos_ == "NOUN")
        evaluated = _evaluated(focus) if not out and not focus_topics else None
        if evaluated is not None and evaluated.i == focus.i:
            evaluated = None
        if evaluated is not None and evaluated.pos_ in ("PRON", "DET"):
            evaluated = None  # "This is a dangerous moment": "this" names nothing
        if evaluated is not None:
            # "the situation remained perilous", "Sanctioning a head of state is an
            # outrageous measure", "very dangerous trends": what the word judges
            if not _verbal(evaluated) and _is_actor(ctx, evaluated):
                _add(out, _actor_mention(ctx, evaluated), speaker)
            else:
                phrases.append(_phrase(evaluated, focus))
        elif not out and not focus_topics:
            # what the deciding word acts on: actors named there ("will walk out at Halden
            # Motors' plants"), else the nouns it governs
            for t in focus.subtree:
                if t.i != focus.i and (t.dep_ in ("poss", "pobj", "dobj") or (
                        t.dep_ == "appos" and t.head.dep_ in ("pobj", "dobj"))) and t.pos_ == "PROPN" \
                        and ctx.discourse.ent_label(t) not in ("NORP", "DATE", "TIME", "CARDINAL"):
                    _add(out, _actor_mention(ctx, t), speaker)
            if not out:
                focus_topics.extend(
                    t for t in focus.subtree
                    if t.pos_ == "NOUN" and t.dep_ in ("dobj", "pobj") and t.i != focus.i
                    and t.lemma_.lower() not in VAGUE and t.is_alpha
                )
    if not out and phrases:
        return tuple(phrases)
    if len(out) < MAX_CONTENT_TARGETS and not focus_topics:
        # the actors the content names, after any the deciding word pointed at
        seen_ents = set()
        for t in content:
            ent = ctx.discourse.ent_of.get(t.i)
            if ent is None and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                # "the company was losing money": a bare descriptor of an organisation named before
                _add(out, ctx.discourse.bridged(t), speaker)
                if len(out) >= MAX_CONTENT_TARGETS:
                    break
                continue
            if ent is None or ent.label_ not in ENTITY_LABELS or ent.start in seen_ents:
                continue
            if ent.label_ == "NORP" and t.dep_ == "amod":
                continue  # "Russian security": a modifier, not an actor addressed
            if ent.label_ in ("GPE", "LOC") and ent.root.dep_ == "pobj" and (
                    ent.root.head.lower_ in LOCATIVE or (
                        ent.root.head.lower_ in ("from", "to") and ent.root.head.head.lemma_ in MOTION)):
                # "families in Oklahoma", "camps around El Fasher", "had travelled from the
                # Netherlands": where, not whom
                continue
            if ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.dep_ in ("advcl", "acl", "pcomp", "relcl") \
                    and _speaks(ent.root.head):
                continue  # "..., with its trade chief calling the measures unjustified": a speaker
            seen_ents.add(ent.start)
            _add(out, _actor_mention(ctx, ent.root), speaker)
            if len(out) >= MAX_CONTENT_TARGETS:
                break
    if not out:
        topics = focus_topics + topics
        if not topics:
            # the issue the article keeps returning to ("the strike", "the treaty") before a
            # word of the moment ("another route"), then by the noun's part in the clause
            # (the subject first: what the clause says something about, "the junta had failed to
            # hold elections" is about the junta)
            rank = {"nsubj": 0, "nsubjpass": 1, "dobj": 2, "attr": 3, "pobj": 4, "poss": 5}
            counts = ctx.discourse.noun_counts
            topics = sorted(
                (t for t in content if t.pos_ == "NOUN" and t.dep_ in rank and t.is_alpha and len(t) > 2
                 and t.lemma_.lower() not in VAGUE and t.ent_type_ not in AMOUNTS),
                key=lambda t: (_owned(t), -min(counts[t.lemma_.lower()], SALIENT), rank[t.dep_], t.i),
            )[:1]
        expanded: list[Token] = []
        for t in topics[:2]:
            expanded.append(t)
            # "risk of war", "threat to peace": the issue is the noun after the preposition
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("of", "to", "in", "on"):
                    expanded.extend(c for c in p.children if c.dep_ == "pobj" and c.pos_ == "NOUN"
                                    and c.is_alpha and c.lemma_.lower() not in VAGUE)
        for t in expanded[:3]:
            label = topic_label(t)
            if label and t.lemma_.lower() not in VAGUE and all(label != o.name for o in out):
                out.append(_topic(t, label))
    subject = _subject_topic(ctx, content)
    if subject is not None and all(subject.name != o.name for o in out):
        out.append(subject)
    return tuple(out)


def _subject_topic(ctx: Context, content: list[Token]) -> Mention | None:
    """What the content says something about: the subject of its first clause when
    that is a thing, not an actor ("the fine was another example of the EU targeting
    American innovation" is about the fine as well as the EU; "the rail link would
    lock Mongolia into coal", the rail link)."""
    if not content:
        return None
    inside = {t.i for t in content}
    root = next((t for t in content if t.head.i not in inside or t.head.i == t.i), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in inside), None)
    if subj is None or subj.pos_ != "NOUN" or not subj.is_alpha or subj.ent_type_:
        return None
    if subj.lemma_.lower() in VAGUE or _owned(subj) or not _thing(ctx, subj):
        return None
    return _topic(subj)


def _thing(ctx: Context, tok: Token) -> bool:
    """A noun for a thing, not for people, a body or a descriptor of an actor named before
    ("the company")."""
    lemma = tok.lemma_.lower()
    return lemma not in people_nouns() and lemma not in BODY_WORDS and ctx.discourse.bridged(tok) is None


def targets_of(
    ctx: Context, verb: Token, cue: Cue, content: list[Token], speaker: Mention,
    focus: Token | None = None,
) -> tuple[Mention, ...]:
    """Targets of a statement: the cue's addressee or object, else
    :func:`content_targets`; a topic owned by an actor brings its owner along
    (:func:`_with_owners`). ``focus`` is the content word that decided the stance."""
    return _with_owners(ctx, _targets_of(ctx, verb, cue, content, speaker, focus), speaker)


def content_targets(
    ctx: Context, content: list[Token], speaker: Mention, focus: Token | None = None,
    topics: list[Token] | None = None,
) -> tuple[Mention, ...]:
    """Targets found in what was said: the actor the deciding word points at,
    else actors named in the content, else the issue (a topic), with the owners of topics."""
    return _with_owners(ctx, _content_targets(ctx, content, speaker, focus, topics), speaker)


def _with_owners(ctx: Context, found: tuple[Mention, ...], speaker: Mention) -> tuple[Mention, ...]:
    """A topic someone owns is theirs too: "described the county's projection as wildly
    optimistic" is about the projection and the county; "called for a review of the city's
    cybersecurity", the city; "described his remarks as dangerous", him; "welcomes a stronger
    American commitment", the United States."""
    out = list(found)
    for m in found:
        if m.label != "TOPIC":
            continue
        span = ctx.doc.char_span(m.start, m.end)
        head = span.root if span is not None else None
        if head is None:
            continue
        for c in head.children:
            if c.dep_ == "poss" and c.lower_ in ("his", "her"):
                # "described his remarks as dangerous": his (unless "his own", or his may be the speaker's)
                owner = ctx.discourse.antecedent_person(c.i, gender="m" if c.lower_ == "his" else "f")
                if owner is not None and owner.name and speaker.name \
                        and not any(a.lower_ == "own" for a in head.children):
                    _add(out, owner, speaker)
                continue
            if c.dep_ == "amod" and (country := _nationality(c)) is not None:
                _add(out, country, speaker)  # "a stronger American commitment": the United States'
                continue
            if c.dep_ == "poss" and c.pos_ != "PRON" and not any(p.dep_ == "poss" for p in c.children):
                # (not "her own party's policy"; dates own nothing: "Monday's vote")
                if ctx.discourse.ent_label(c) in ENTITY_LABELS:
                    _add(out, _actor_mention(ctx, c), speaker)
                elif c.lemma_.lower() in OWNING_BODIES:
                    _add(out, ctx.discourse.bridged(c) or _actor_mention(ctx, c), speaker)
    return tuple(out)
