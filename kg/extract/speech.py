"""Statements built on a cue verb: reported speech, quotes with a speech verb and speech acts.

"X said (that) ...", "“...,” he said", "X accused Y of ...", "X refused to rule
out ...", "Lavrov, who described ... as ...", "Peskov, Lavrov and Lukashevich all
condemned ...": one cue verb, its speaker(s) from the parse (subject, passive
agent, the noun a relative clause hangs on, the subject of the governing verb
for participles and coordinated verbs), its content (clausal complement,
object, adjacent quotation) and its targets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from .. import gazetteer
from ..records import Candidate, Kind, Mention, Stance
from .base import CARRY, Context
from .lexicon import Cue
from .mentions import AUTHORING, DOCUMENT_NOUNS, LEGAL_DOCUMENTS, ORG_HEADS, PERSON_NOUNS, people_nouns
from .stance import (
    CHARACTERISING,
    CLAIM_NOUNS,
    NEGATOR_NOUNS,
    NEGATORS,
    POSITION_NOUNS,
    content_stance,
    cue_stance,
    match_adjective_cue,
    match_verb_cue,
    misread_verb,
    negated,
    sides,
)
from .targets import content_targets, targets_of

NAME = "speech"
#: What a relative clause set beside a statement may answer: "a claim the airlines dispute",
#: "an argument Oslo has long rejected".
ANSWERABLE = CLAIM_NOUNS | POSITION_NOUNS
#: Things done or decided that a clause without "which" says someone welcomed, condemned or
#: resisted ("a plan Tokyo welcomed", "a move the embassy condemned"; not "the town the army defended").
ACTS = {
    "plan", "move", "decision", "bill", "policy", "deal", "proposal", "law", "idea", "step", "measure",
    "scheme", "request", "demand", "reform", "ruling", "rule", "ban", "tariff", "sanction", "strategy",
    "programme", "program", "project", "agreement", "treaty", "offer", "settlement", "approach", "call",
    "appeal", "decree", "order", "award", "refund", "change", "cut", "increase", "rise", "hike", "fee",
    "levy", "tax", "budget", "contract", "merger", "takeover", "bid", "verdict", "action", "operation",
    "deployment", "crackdown", "closure", "expansion", "fine", "penalty", "condition", "conditions", "term",
    "terms",
}
#: What a relative clause without "which" may be a statement about: an answerable claim or an act.
DESCRIBED = ANSWERABLE | ACTS
CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")
#: Dismissals that are statements only when what is dismissed was said: "shrugged off the
#: criticism" (not "shrugged off the losses", "waved away the crowd").
DISMISSING = {"brush aside", "brush off", "shrug off", "wave away", "wave off", "laugh off"}
DISMISSABLE = (CLAIM_NOUNS - {"report"}) | {
    "concern", "question", "criticism", "warning", "complaint", "fear", "call", "demand", "idea", "proposal",
    "threat", "suggestion", "comparison", "talk", "speculation", "worry", "doubt", "objection", "appeal",
    # protests and challenges, which are dismissed as a stand against them: "brushed off the strike"
    "strike", "protest", "walkout", "boycott", "petition", "lawsuit", "suit", "backlash",
    "outcry", "uproar", "furore", "opposition", "pressure"}
#: Every cue of a dismissal, "dismiss" included.
DISMISSALS = DISMISSING | {"dismiss"}
#: Adjectives of how readily someone spoke, whose subject is the speaker: "were quick to
#: criticise", "was keen to stress" (not "it is hard to say").
PROMPT = {"quick", "swift", "keen", "eager", "fast", "first", "slow", "careful", "unafraid"}
INHERIT_DEPS = ("conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "acl")
#: Speech verbs whose object alone is not what was said ("told reporters").
MODALS = {"would", "could", "might", "may", "should", "will", "can", "must"}
#: Verbs of command that are statements only with what was commanded: "ordered the
#: ambassador to leave", "directed the company to preserve its data".
DIRECTIVES = {"order", "direct", "instruct"}
#: Verbs of naming that judge only with a name or a description given: "branded the bill a
#: disgrace", "labelled it “cultural vandalism”" (not "labelled the samples").
NAMING_ONLY = {"brand", "label", "dub", "term"}
#: Acts one orders by naming them: "ordered the suspension of Parlo" (not "ordered 40 aircraft").
ORDERED_ACTS = {
    "suspension", "closure", "release", "withdrawal", "halt", "recall", "evacuation", "arrest", "investigation",
    "inquiry", "review", "ban", "removal", "return", "shutdown", "expulsion", "deportation", "demolition",
    "reduction", "payment", "audit", "probe", "seizure", "freeze", "retrial", "reinstatement", "resignation",
    "ceasefire", "stop", "end", "lockdown", "blockade", "dissolution", "repeal", "reopening", "recount"}
#: Participles that tell how an act was done or on what grounds rather than add a statement:
#: "blamed Belgrade, saying ...", "rejected the role, calling it ...", "blocked the deal,
#: arguing that ..." are one statement each; "said ..., adding that ..." or "..., warning
#: that ..." is two.
MANNER_PARTICIPLES = {"say", "call", "describe", "argue", "insist", "note", "explain", "cite", "claim", "tell",
                      "state", "stress", "maintain", "assert", "contend"}
ADDRESSEE_VERBS = {"tell", "ask", "answer", "thank", "congratulate", "reply", "respond"}
#: Speech verbs whose direct object is what was said: "announced the winners",
#: "confirmed the deal" (not "said goodbye", "told reporters").
OBJECT_SPEECH = {"announce", "confirm", "reveal", "disclose", "report", "declare", "predict",
                 "unveil", "recommend", "propose", "acknowledge", "admit", "reiterate", "estimate"}
#: Passive verbs whose subject is the speaker of the saying they govern:
#: "was quoted as saying", "was heard saying", "was cited as saying".
QUOTING_VERBS = {"quote", "cite", "hear", "record", "report"}
#: Verbs of thinking, feeling and learning: a statement only with a clause ("hoped
#: that talks would resume", "has learned that"), not with an infinitive or an object
#: ("hoped to win", "learned a lesson").
MENTAL_VERBS = {"think", "believe", "hope", "fear", "worry", "doubt", "feel", "expect", "learn"}
#: Words a clause object may not start with when the parser hung a "that"-less
#: complement on a speech verb as object plus a verb ("found [yields] fell").
_NAME_DEPS = ("compound", "flat", "appos")


def _verbless_subject(verb: Token) -> Token | None:
    """"Premier Tom Vukovic, whose state has borne the brunt of the fires, called on …": a
    sentence with no verb of its own, whose cue the parser hung on a noun after the name that
    opens it; that name (the sentence's root) is the subject."""
    root = verb.sent.root
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and root.i < verb.i and root.pos_ == "PROPN" \
            and (root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or root.is_title):
        return root
    return None


def _thing(tok: Token) -> bool:
    """A common noun for a thing, which cannot speak: no name, no person, no body."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and tok.lemma_.lower() not in people_nouns() \
        and tok.lemma_.lower() not in ORG_HEADS


def _subject(verb: Token, depth: int = 0) -> list[Token]:
    """The speaker head(s) of a cue verb."""
    # "ruled by the military": governed, not a ruling, and the agent is nobody's speaker (but
    # "was ruled unconstitutional by the court" is the court's ruling)
    governed = verb.lemma_ == "rule" and any(c.dep_ == "agent" for c in verb.children) and not any(
        c.dep_ in ("prt", "oprd", "acomp", "ccomp", "xcomp", "attr") for c in verb.children)
    if governed and depth == 0:
        return []  # its subject is still the speaker of a verb coordinated with it
    root = _verbless_subject(verb)
    if root is not None:
        return [root]
    for c in verb.children:  # "ruled out by NATO officials": the agent does it, whatever else
        if c.dep_ == "agent" and not governed:
            doers = [p for p in c.children if p.dep_ == "pobj"]
            if doers:
                return doers[:1]
    subj = [c for c in verb.children if c.dep_ == "nsubj"] or [
        # "officials have in the past accused …": the parser hung the subject on the auxiliary
        g for a in verb.lefts if a.dep_ == "aux" for g in a.children if g.dep_ == "nsubj"
    ] or ([c for c in verb.lefts if c.dep_ in ("nmod", "compound")][-1:] if misread_verb(verb) else [])
    floating = [c for c in subj if c.lower_ in ("both", "all", "each") and c.pos_ in ("PRON", "DET")]
    if floating and len(subj) > len(floating):
        # "Opposition lawmakers in Bogota and the National Business Council, …, both urged": the
        # quantifier floats; the subject is before it, and the parser may have hung the second
        # of two coordinated subjects inside the first
        subj = [c for c in subj if c not in floating]
        if len(subj) == 1 and not subj[0].conjuncts:
            inner = [x for t in subj[0].subtree if t.dep_ == "pobj" for x in t.conjuncts
                     if x.pos_ == "PROPN" and x.ent_type_ in ("ORG", "PERSON", "NORP", "")]
            if inner and depth == 0:
                return [subj[0], *inner]
    if subj:
        # two subjects are a misparse: a name before a common word, then the one next to
        # the verb ("… while the cost has risen,” Varga says"; "a demand Islamabad has
        # rejected"; "Mali and Burkina Faso, both ruled by …, have said")
        s = min(subj, key=lambda c: (c.pos_ != "PROPN" and not c.ent_type_, abs(c.i - verb.i)))
        if s.i > verb.i and verb.dep_ == "conj" and depth < 5 and s.pos_ == "NOUN" and not s.ent_type_ \
                and s.lemma_.lower() not in people_nouns():
            # "he denied … and said India bore “full responsibility”": no subject after the verb,
            # but the parser's misreading; the first verb's subject says it
            return _subject(verb.head, depth + 1)
        if depth > 0 and verb.dep_ in ("ccomp", "xcomp") and verb.head.pos_ == "VERB" and depth < 5 \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and _thing(s):
            # "The Commission allowed a restriction on wheat to expire, saying …": the parser hung the
            # participle on the infinitive; the one who allowed it says it, not the restriction
            return _subject(verb.head, depth + 1)
        if s.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            s = verb.head
            if depth > 0 and _thing(s) and s.lemma_.lower() not in DOCUMENT_NOUNS \
                    and match_verb_cue(verb) is None:  # (not "a report that warned … and called for …")
                # "She blamed farming for the pollution that has killed fish and called on Murcia
                # to …": the parser hung "called" in the relative clause; the speaker is the one
                # whose clause holds it
                gov = s.head
                while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                    gov = gov.head
                return _subject(gov, depth + 1) if gov.pos_ in ("VERB", "AUX") else []
            # "a former manager at the company's plant, who told …": who is the manager
            while s.dep_ == "pobj" and s.head.dep_ == "prep" and subj[0].lower_ == "who" \
                    and s.ent_type_ != "PERSON" and s.lemma_.lower() not in people_nouns() \
                    and s.head.head.pos_ in ("NOUN", "PROPN"):
                s = s.head.head
        if s.pos_ == "NOUN" and s.tag_ == "NN" and s.lower_.endswith("ing") and s.is_sent_start:
            # "Writing in a blog post, Matthew Ingram … dubbed": a participle the parser took for the
            # subject, with the name hung on it
            named = next((c for c in s.children if c.dep_ in ("appos", "npadvmod") and c.ent_type_ == "PERSON"),
                         None)
            if named is not None:
                return [named]
        if s.pos_ == "NOUN" and not s.ent_type_:
            # "said its co-founder, the former steeplechaser Marloes Verbeek": the parser left the
            # name hanging from the verb after the title
            named = next((c for c in verb.children if c.i > s.i and c.dep_ in ("npadvmod", "appos", "dobj")
                          and c.ent_type_ == "PERSON"), None)
            if named is not None and all(t.dep_ in ("nsubj", "punct", "poss", "compound", "amod", "det")
                                         or t.i in {x.i for x in named.subtree} for t in verb.doc[s.i + 1 : named.i]):
                return [named]
        return [s]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )
    if passive:
        for c in verb.children:
            if c.dep_ == "agent" and not governed:
                return [p for p in c.children if p.dep_ == "pobj"][:1]
        if depth > 0 and verb.lemma_ in QUOTING_VERBS:
            # "Khan was quoted as saying ...": the one quoted is the speaker
            return [c for c in verb.children if c.dep_ == "nsubjpass"][:1]
        return []
    if verb.dep_ == "advcl" and (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.i < verb.head.i)) and not any(
        c.dep_ in ("aux", "auxpass", "mark") for c in verb.children
    ):
        return []  # "Asked whether talks would resume, Jaishankar said ...": he was asked
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a condition long ruled out by NATO officials": the agent, when there is one
        by = [p for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
              for p in c.children if p.dep_ == "pobj"]
        if by:
            return by[:1]
        if verb.tag_ == "VBN":
            return []
        owner = [p for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < verb.i
                 for p in c.children if p.dep_ == "pobj"] + [c for c in verb.head.children if c.dep_ == "poss"]
        if owner and verb.head.lemma_.lower() in NEGATOR_NOUNS:
            return owner[:1]  # "the refusal of the United States and NATO to accept ...": they refuse
        if verb.head.dep_ == "dobj" and verb.head.head.lemma_ in AUTHORING and not any(
                c.dep_ == "prep" and c.lower_ in ("from", "by", "of") for c in verb.head.children):
            authors = [c for c in verb.head.head.children if c.dep_ == "nsubj"]
            if authors:
                return authors[:1]  # "Estonia, Latvia and Lithuania issued a joint statement welcoming …"
        return [verb.head]  # "a letter stating ...", "the request asking ...": the noun itself
    if depth < 5 and verb.dep_ == "dep" and verb.tag_ == "VBD" and verb.head.tag_ == "VBG" \
            and verb.head.dep_ == "ROOT" and verb.head.i < verb.i:
        # "Student leaders marching alongside them demanded …": the parser took the participle for
        # the sentence's verb and left the real one hanging; the subject is the participle's
        return [c for c in verb.head.children if c.dep_ == "nsubj"][:1]
    if depth < 5 and _lowered_conjunct(verb):
        return _subject(verb.head.head, depth + 1)
    if verb.dep_ == "xcomp":
        # object control: "requires members to sign" -> the members sign
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if objects:
            return objects[:1]
    if depth < 5 and verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    if depth < 5 and verb.dep_ == "acomp" and verb.lower_ in PROMPT and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)  # "farmers' groups were quick to criticise …"
    return []


def _inverted_speaker(verb: Token) -> list[Token]:
    """"“…,” added KCNA", "said Mauer": a name right after a subjectless speech
    verb that follows a quotation or a comma (not "a group called the Sea Org")."""
    doc = verb.doc
    prev = doc[verb.i - 1] if verb.i > 0 else None
    if verb.lemma_ in CHARACTERISING or prev is None or not (
        prev.text in (",", "”", '"', "’") or prev.is_quote
    ):
        return []
    for c in verb.rights:
        if c.i - verb.i > 3:
            break
        if c.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "nsubj", "dative") and (
            c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        ):
            return [c]
    return []


def _parenthetical_speaker(verb: Token) -> list[Token]:
    """"The new rules, said Mark Duval, are unfair": a comma, the verb, a name, a comma."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return []
    name = _inverted_speaker(verb)
    if not name:
        return []
    end = max(t.i for t in name[0].subtree)
    return name if end + 1 < len(doc) and doc[end + 1].text == "," else []


def _orphan_speaker(verb: Token) -> list[Token]:
    """A name right before a subjectless speech verb that the parser attached
    elsewhere: "Speaking in the parents' defence, Tom Molomby, SC, said that ..."
    (the name read as a modifier of "Speaking")."""
    doc = verb.doc
    j = verb.i - 1
    while j >= verb.sent.start and doc[j].text == ",":
        j -= 1
    if j < verb.sent.start:
        return []
    tok = doc[j]
    while tok.dep_ in _NAME_DEPS and tok.head.i != tok.i and tok.head.i < verb.i and not (
            tok.dep_ == "appos" and tok.ent_type_ == "PERSON"):
        tok = tok.head  # (a person in apposition is the speaker: "…, Harlow & Finch's chief
        # executive, Graham Pettifer, said", however the parser hung the title)
    if tok.dep_ == "appos" and tok.ent_type_ == "PERSON" and tok.head.i < tok.i:
        return [tok]
    if tok.i >= verb.i or tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") or tok.head.i == tok.i:
        return []
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN":
        return [tok]
    return []


def _speakers(verb: Token) -> list[Token]:
    """Subject heads with their conjuncts: "Peskov, Lavrov and Lukashevich"."""
    heads = _subject(verb)
    out: list[Token] = []
    inside = {t.i for h in heads for t in h.subtree if t.i != h.i}
    for h in heads:
        # (not a place inside another speaker's phrase: "lawmakers in Bogota and the Council")
        conj = [c for c in h.conjuncts if c.pos_ in ("PROPN", "NOUN", "PRON") and not _party_tag(c)
                and not (c.i in inside and c.dep_ == "pobj")]
        if _bare_title(h) and any(c.pos_ == "PROPN" for c in conj):
            out.extend(conj)  # "American academic and professor Marc Lamont Hill": one person
            continue
        named = _named_members(h)
        if named:
            out.extend(named)  # "Two parents' groups, Parents for Offline Childhoods and the …, praised"
            continue
        out.append(h)
        out.extend(conj)
    return out


def _named_members(head: Token) -> list[Token]:
    """The bodies a plural names in apposition: "two parents' groups, Parents for Offline
    Childhoods and the Michigan Coalition for Kids Online," are those two."""
    if head.tag_ != "NNS" or head.ent_type_:
        return []
    for c in head.children:
        if c.dep_ == "appos" and c.conjuncts:
            members = [c, *c.conjuncts]
            if all(m.is_title or m.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") for m in members):
                return members
    return []


def _party_tag(tok: Token) -> bool:
    """The party and state after an American legislator's name ("Sen. Tom Ackerly, R-Ga.,"):
    no second speaker."""
    left = tok.doc[tok.i - 2 : tok.i]
    return len(left) == 2 and left[1].text == "-" and left[0].text in ("R", "D", "I")


def _bare_title(tok: Token) -> bool:
    """A singular common noun with no determiner: a title before a name, not a speaker."""
    return tok.tag_ in ("NN", "JJ") and tok.pos_ != "PROPN" and not tok.ent_type_ and not any(
        c.dep_ in ("det", "poss", "nummod") for c in tok.children
    )


def _span(tokens: list[Token]) -> tuple[int, int]:
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return 0, 0
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def _content_tokens(verb: Token, cue: Cue) -> list[Token]:
    """The complement that carries what was said or done."""
    out: list[Token] = []
    deps = ("ccomp", "parataxis") if cue.lemma in MENTAL_VERBS else CONTENT_DEPS
    for c in verb.children:
        if c.dep_ in deps:
            # less a second act of the speaker hung inside ("…, adding that …"): a statement of its own
            own_acts = {t.i for a in c.subtree if a.tag_ == "VBG" and a.dep_ == "advcl" and not _manner(a)
                        and match_verb_cue(a) is not None and _pronoun_teller(a) == verb for t in a.subtree}
            out.extend(t for t in c.subtree if t.i not in own_acts)
    if cue.lemma in MENTAL_VERBS:
        return out
    if not out and cue.is_speech:
        out = _unmarked_clause(verb)
    if not out and cue.lemma in ("claim", "admit", "acknowledge"):
        # "claimed responsibility for the attack": what is owned to is the statement
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "credit")),
                   None)
        out = list(obj.subtree) if obj is not None else out
    passive = any(c.dep_ == "agent" for c in verb.children) or any(c.dep_ == "nsubjpass" for c in verb.children)
    if not out and not cue.is_speech and passive:
        # "The proposal was rejected by Russia": what was rejected is the passive subject
        subj = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
        out = [t for c in subj for t in c.subtree]
    if not out and not cue.is_speech and verb.dep_ == "relcl" \
            and verb.head.lemma_.lower() in DESCRIBED \
            and (verb.head.lemma_.lower() in DISMISSABLE or cue.lemma not in DISMISSALS) \
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ not in ("that", "which")
                        for c in verb.children) \
            and any(c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who") for c in verb.children):
        # "a claim the airlines dispute", "a move the embassy condemned as “a provocation”", "a plan
        # Tokyo welcomed": what is disputed, condemned or welcomed is what the clause describes
        out = _around(verb)
    if not out and not cue.is_speech and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):
        # "a condition long ruled out by NATO": what was ruled out is the noun modified
        out = _around(verb)
    if not out and cue.lemma in OBJECT_SPEECH:
        out = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
    if cue.lemma == "call" and not out:
        # "calls to de-escalate", "called for talks": a demand
        out += [t for c in verb.children if c.dep_ in ("xcomp",) or (c.dep_ == "prep" and c.lower_ in ("to", "for"))
                for t in c.subtree]
    if cue.lemma in CHARACTERISING:
        out += [t for c in verb.children if c.dep_ in ("oprd", "dobj", "attr") for t in c.subtree]
        out += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]
        # "branded the bill a disgrace": the parser may hang the description as an adverbial noun
        out += [t for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i and c.pos_ == "NOUN"
                for t in c.subtree]
    elif not out and not cue.is_speech:
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in (
                "of", "for", "against", "from", "to", "on", "about", "over", "with", "at"
            )) or c.dep_ == "ccomp":
                out.extend(c.subtree)
    if not out:
        # a "that" clause the parser hung on a noun: "insisted during the talks that NATO ...";
        # not inside a coordinated predicate ("he added, and must cleave to principles that ...")
        coordinated = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
        for t in verb.subtree:
            if t.i in coordinated:
                continue
            if t.i > verb.i and t.dep_ in ("acl", "relcl", "advcl", "ccomp") and any(
                c.lower_ == "that" and (c.dep_ in ("mark", "nsubj") or (c.dep_ == "dobj" and t.pos_ == "AUX"))
                for c in t.children  # "told a briefing that the situation was …" ("that" no object of "was")
            ) and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in t.children):
                out.extend(t.subtree)
                break
    if not out and cue.is_speech:
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if nxt is not None and nxt.lower_ == "that" and nxt.sent.start == verb.sent.start:
            # "observed that the date ...", with "that" misread as a determiner
            out.extend(t for t in verb.sent if t.i > nxt.i)
        elif verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head.i != verb.i and (
            verb.dep_ != "advcl" or any(c.lower_ == "as" for c in verb.children)
        ):
            # "Prices, said Mauer, are rising"; "As Heald told the Post, ozone has dropped"
            out.extend(_around(verb))
    if not out and not cue.is_speech and verb.dep_ == "parataxis" and verb.head.i > verb.i \
            and any(t.text == "," and t.i < verb.i for t in verb.subtree):
        out.extend(_around(verb))  # "A unilateral strike, she warned, would shred …"
    return sorted({t.i: t for t in out if not t.is_space}.values(), key=lambda t: t.i)


def _around(verb: Token) -> list[Token]:
    """The phrase the verb's clause hangs on, without the clause: "a claim [the airlines
    dispute]", "Prices, [said Mauer,] are rising"."""
    inner = {t.i for t in verb.subtree}
    return [t for t in verb.head.subtree if t.i not in inner and not t.is_punct]


def _finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children
    )


def _unmarked_clause(verb: Token) -> list[Token]:
    """A "that"-less complement the parser split into object plus coordinated
    verb: "found reduction of yields exceeded 10%" (object "reduction", verb
    "exceeded"), "estimated by 2050, population growth would increase needs".
    Only a finite verb with no coordinating word before it counts, so "announced
    the plan and left" stays a plain object."""
    for c in verb.rights:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX") or not _finite(c):
            continue
        if any(d.dep_ in ("cc", "preconj") and d.i < c.i for d in (*verb.children, *c.children)):
            continue
        has_subject = any(d.dep_ in ("nsubj", "nsubjpass", "csubj") for d in c.children)
        objects = [d for d in verb.children if d.dep_ == "dobj" and d.i < c.i]
        if has_subject or objects:
            start = (objects[0].left_edge.i if objects else min(t.i for t in c.subtree))
            return [t for t in verb.doc[start : c.right_edge.i + 1] if not t.is_punct or t.is_quote]
    return []


def _nested(verb: Token) -> bool:
    """The verb sits inside the content of another cue ("said that Moscow will
    not accept ...") or is the complement of a negator that is itself the cue. A
    claim set beside the content and answered by someone else is not ("said fares
    would rise, a claim the airlines dispute")."""
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in ANSWERABLE and verb.head.dep_ in ("appos", "npadvmod"):
        return False
    node = verb
    for _ in range(8):
        if node.dep_ in ("ccomp", "parataxis"):
            outer = match_verb_cue(node.head)
            if outer is not None and (outer[0].is_speech or any(
                c.dep_ == "mark" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in node.children
            )):
                return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


#: Acts of speech with a stance of their own that a source may pass on: "Japan requested a meeting,
#: diplomats said" (not "the company dismissed 300 workers": an act, not a statement).
SOURCED_ACTS = {"request", "urge", "call", "demand", "ask", "accuse", "condemn", "criticize", "criticise",
                "denounce", "reject", "deny", "warn", "threaten", "praise", "welcome", "protest", "appeal",
                "insist", "vow", "pledge", "blame", "refuse", "rebuff"}
#: Heads of those who pass on news of another's act without being its author: "Japan requested
#: a meeting, diplomats said" is Japan's request.
SOURCE_NOUNS = {"official", "diplomat", "source", "people", "person", "one", "aide", "ministry", "media",
                "report", "statement", "spokesman", "spokeswoman", "spokesperson", "insider"}


def _sourced(ctx: Context, act: Token) -> Token | None:
    """For a speech act with a stance of its own ("requested", "urged", "rejected") reported
    ahead of a source ("…, diplomats said", "…, its foreign ministry said", "…, one of them
    said"), the verb of the report; None otherwise, and when the act was not done ("could
    reject", "did not reject") or the source is quoted ("“Moscow rejected every offer,”
    officials said": the words are theirs)."""
    found = match_verb_cue(act)
    if act.dep_ not in ("ccomp", "parataxis") or found is None or act.lemma_.lower() not in SOURCED_ACTS \
            or negated(act) or _hypothetical(act) or _not_speech(act, found[0]) \
            or ctx.quote_at(act.idx) is not None \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in act.children):
        return None
    report = act.head
    cue = match_verb_cue(report)
    if cue is None or not cue[0].is_speech or report.i < act.i:
        return None
    subj = next((c for c in report.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "NUM", "PRON") or subj.ent_type_ not in ("", "CARDINAL") \
            or subj.lemma_.lower() not in SOURCE_NOUNS:
        return None
    return report


def _sourced_act(ctx: Context, report: Token) -> Token | None:
    """The act a source's report is about (see :func:`_sourced`), if it is one."""
    return next((c for c in report.children if c.dep_ in ("ccomp", "parataxis") and _sourced(ctx, c) is not None),
                None)


def _hypothetical(verb: Token) -> bool:
    """"he would urge", "they might condemn": not something that was said."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _governs_cue(verb: Token) -> bool:
    """"refused" in "refused to rule out", "vowed" in "vowed to hit back": the
    governed cue makes the statement."""
    if verb.lemma_ in NEGATORS:
        return any(c.dep_ == "xcomp" and match_verb_cue(c) is not None for c in verb.children)
    own = match_verb_cue(verb)
    if own is None or not own[0].is_speech:
        return False
    for c in verb.children:
        if c.dep_ == "xcomp":
            inner = match_verb_cue(c)
            if inner is not None and not inner[0].is_speech:
                return True
    return False


def kind_of(ctx: Context, start: int, end: int) -> Kind:
    """direct when the content lies wholly inside quotation marks, mixed when
    it contains a quoted part, indirect otherwise."""
    quotes = ctx.quotes_overlapping(start, end)
    if not quotes:
        return Kind.INDIRECT
    text = ctx.article.text
    outside = [
        i for i in range(start, end)
        if not any(q.start <= i < q.end for q in quotes) and (text[i].isalnum())
    ]
    return Kind.DIRECT if not outside else Kind.MIXED


def extend_to_quotes(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Grow a content span to whole quotations it touches."""
    for q in ctx.quotes_overlapping(start, end):
        start, end = min(start, q.inner_start), max(end, q.inner_end)
    return start, end


def _sentence_quotes(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """For "“…,” he said" and "He said: “…”": the quotation(s) next to the cue."""
    sent = verb.sent
    qs = [q for q in ctx.quotes_overlapping(sent.start_char, sent.end_char) if not q.contains(verb.idx)]
    text = ctx.article.text
    after = text[verb.idx + len(verb): verb.idx + len(verb) + 40]
    if not qs and ":" in after.split("\n")[0][:25]:
        nxt = [q for q in ctx.quotes if q.start > verb.idx and q.start - verb.idx < 80]
        qs = nxt[:1]
    if not qs and verb.i - sent.start <= 4:
        # "“Why should we pay for this?” Eleanor Whitby said.": the question mark ended the
        # sentence before the attribution
        before = [q for q in ctx.quotes if 0 <= sent.start_char - q.end <= 3]
        if before and any(mark in text[before[-1].end - 3 : sent.start_char] for mark in "?!"):
            qs = before[-1:]
    if not qs:
        return None
    return min(q.inner_start for q in qs), max(q.inner_end for q in qs)


def candidates_for(
    ctx: Context, verb: Token, cue: Cue, cue_tokens: list[Token], speakers: list[Token] | None = None,
) -> Iterator[Candidate]:
    content = _content_tokens(verb, cue)
    # a second act of the same speaker hung inside the content ("told television that ...
    # and called Western concerns “hysteria”") is its own statement (see _far_conjunct)
    acts = {t.i for c in content
            if c.i != verb.i and c.tag_ == verb.tag_ and (_bare_act(c) or _pronoun_act(c))
            for t in c.subtree}
    if acts:
        content = [t for t in content if t.i not in acts]
        while content and (content[-1].dep_ == "cc" or content[-1].is_punct):
            content = content[:-1]
    if content:
        cs, ce = extend_to_quotes(ctx, *_span(content))
        if (cs, ce) != _span(content):
            # the clause reached into a quotation: what was said is all of it
            # ("“This is not protectionism. This is Europe defending …,” she said")
            inside = {t.i for t in content}
            content = sorted([*content, *(t for t in ctx.tokens_between(cs, ce)
                                          if t.i not in inside and not t.is_space)], key=lambda t: t.i)
    else:
        span = _sentence_quotes(ctx, verb) if cue.is_speech else None
        if span is None:
            return
        cs, ce = span
        content = [t for t in ctx.tokens_between(cs, ce) if not t.is_space]
    speakers = speakers or (_parenthetical_speaker(verb) if cue.is_speech else []) or _speakers(verb) or (
        (_inverted_speaker(verb) or _orphan_speaker(verb)) if cue.is_speech else []
    )
    if not speakers:
        return
    mentions = [_not_self_named(ctx, h, ctx.discourse.mention(h), content) for h in speakers]
    names = _own_names(ctx, mentions, [s.text for s in speakers])
    stance, focus = cue_stance(cue, verb, content, names)
    cue_s, cue_e = _span(cue_tokens)
    if len(speakers) == 1:
        pair = ctx.discourse.pair(speakers[0])
        if pair:
            speakers, mentions = [speakers[0]] * 2, list(pair)  # "the two airlines said"
    # "France and Germany said that they opposed ...": a co-speaker is never a target
    co_speakers = {m.name for m in mentions if m is not None and m.name}
    for head, mention in zip(speakers, mentions, strict=True):
        if mention is not None and _issued_text(head, mention):
            # "“…,” the statement read", "the complaint alleges": whoever the article says wrote
            # it; else no one for a bare "the statement" (a "recent report" stays what it is)
            author = ctx.discourse.author(head)
            mention = author if author is not None else (None if _bare(head) else mention)
        if mention is None or not mention.name:
            continue
        sent = verb.sent
        starts = [cue_s, cs]
        ends = [cue_e, ce]
        if sent.start <= head.i < sent.end and not _shares_subject(verb):
            starts.append(mention.start if mention.start >= sent.start_char else head.idx)
            ends.append(head.idx + len(head))
        start, end = min(starts), max(ends)
        side = next(iter(sides(names)), None)
        # the side found for the speaker is no target of theirs ("China urges …", said by China's spokeswoman)
        targets = targets_of(ctx, verb, cue, content,
                             replace(mention, affiliation=side) if side and gazetteer.lookup(mention.affiliation) is None
                             else mention, focus)
        if len(co_speakers) > 1:
            targets = tuple(t for t in targets if t.name not in co_speakers)
        yield Candidate(
            speaker=mention,
            stance=stance,
            kind=kind_of(ctx, cs, ce),
            cue=cue.lemma,
            cue_start=cue_s,
            cue_end=cue_e,
            start=start,
            end=end,
            content_start=cs,
            content_end=ce,
            targets=targets,
            extractor=NAME,
            confidence=_confidence(head, mention, cue),
            stance_fine=cue.fine if not cue.is_speech else stance.value,
        )


#: Verbs of a state, not an act: a reported clause built on one describes its subject.
STATIVE = {"have", "bear", "lack", "remain", "own", "seem", "appear"}
#: Role words of those who speak for a state or body: their side's acts are theirs
#: ("Japan strongly opposes …", said by Japan's chief cabinet secretary; not by a dissident).
STATE_VOICES = {"minister", "spokesman", "spokeswoman", "spokesperson", "secretary", "president", "premier",
                "ambassador", "envoy", "chancellor", "official", "ministry", "government", "diplomat",
                "negotiator", "mayor", "governor", "chief", "chairman", "chairwoman", "chair"}
#: Role words of those who do not: "opposition leader", "dissident", "former minister".
OUTSIDE_VOICES = {"opposition", "dissident", "former", "exiled", "critic", "analyst", "economist", "activist"}


def _speaks_for(role: str) -> bool:
    """A role that speaks for the body it is affiliated with: a minister or a spokeswoman (or
    no role said: "Iraq's Hamid al-Jabouri"), not a dissident or a former minister."""
    words = set(role.lower().split())
    return not words or (bool(words & STATE_VOICES) and not words & OUTSIDE_VOICES)


def _own_names(ctx: Context, mentions: list[Mention | None], heads: list[str]) -> set[str]:
    """What stands for the speaker in what they say (see :func:`kg.extract.stance._own`): their
    words and names, "she"/"he" (the one the article's evidence of the speaker's sex allows, or
    both when it has none), and, marked with
    ``=`` + the gazetteer key, the state or body they are ("=Egypt" for Egypt) or speak for
    ("~Japan" for Japan's chief cabinet secretary)."""
    names = set(heads) | {h.lower() for h in heads if h.lower() in ("he", "she")}
    for m in mentions:
        if m is None or not m.name:
            continue
        names.add(m.name)
        if m.label == "PERSON" or m.label == "":
            sex = ctx.discourse.genders.get(m.name.split()[-1])
            names.update({"f": ("she",), "m": ("he",)}.get(sex or "", ("he", "she")))  # unknown: either
        else:
            entry = gazetteer.lookup(m.name)
            names.add("=" + (entry.key if entry is not None else m.name))
        if m.label == "PERSON" and not m.affiliation:
            # "…,” Zhou said: the affiliation is given where the article introduced her
            last = m.name.split()[-1]
            m = next((p for _, p, _ in ctx.discourse.people if (p.affiliation or p.role) and last in p.name.split()),
                     next((p for _, p, _ in ctx.discourse.people if len(p.text.split()) > len(m.text.split())
                           and last in p.name.split()), m))
        side = None
        if m.affiliation and _speaks_for(m.role):
            side = gazetteer.lookup(m.affiliation) or gazetteer.lookup(m.affiliation.split()[0])  # "U.S. State Department"
        titles = set(f"{m.role} {m.affiliation} {m.text}".lower().split())
        if side is None and m.label == "PERSON" and titles & STATE_VOICES and not titles & OUTSIDE_VOICES:
            side = _introduced_by(ctx, m)
        if side is not None:
            names.add("~" + side.key)
    return names


def _introduced_by(ctx: Context, m: Mention) -> gazetteer.Entry | None:
    """The country a spokesperson with no affiliation of their own speaks for when the
    sentence before names it as its subject: "China's foreign ministry gave a different
    account. Spokesperson Zhou Lihong said …", "Japan also voiced concern. Chief Cabinet
    Secretary Kenji Morimoto told reporters …"."""
    doc = ctx.discourse.doc
    first = next((i for i, p, _ in ctx.discourse.people if p.start == m.start), None)
    if first is None or doc[first].sent.start == 0:
        return None
    before = doc[doc[first].sent.start - 1].sent
    subj = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    # the sentence before must show the country speaking ("Japan also voiced concern"), or
    # name its ministry or government; "Russia launched drones" names an adversary
    speaks = match_verb_cue(before.root) is not None
    if not speaks and subj.lemma_.lower() not in ("ministry", "government", "embassy", "office", "administration"):
        return None
    for t in (subj, *(c for c in subj.children if c.dep_ == "poss")):
        ent = ctx.discourse.ent_of.get(t.i)
        entry = gazetteer.country_of(ent.text if ent is not None else t.text)
        if entry is not None and (ent is None or ent.label_ in ("GPE", "NORP")):
            return entry
    return None


def _shares_subject(verb: Token) -> bool:
    """A second act of a subject named before it ("X dismissed the report and said ...",
    "X said ..., adding that ..."): its statement begins at its own verb, so the two
    statements do not share the subject's words. After a verb that makes no statement
    ("The army shelled the town, saying ...") the one statement keeps its subject."""
    head = verb.head
    return verb.dep_ in ("conj", "advcl") and head.i < verb.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) and (
        verb.dep_ == "conj" or head.pos_ not in ("VERB", "AUX") or match_verb_cue(head) is not None)


#: What may stand beside a document's name without naming its author: "the 112-page complaint,
#: filed in Ingham County", "an emailed company statement", "a letter Corvant sent".
DOCUMENT_MODIFIERS = {"det", "amod", "nummod", "compound", "acl", "relcl", "prep", "punct", "advmod"}


def _issued_text(head: Token, mention: Mention) -> bool:
    """"The statement", "the 112-page complaint", "a letter Corvant sent": a document, which
    speaks for whoever wrote it (:meth:`~kg.extract.mentions.Discourse.author`)."""
    lemma = head.lemma_.lower()
    return (mention.label == "NOUN" and not mention.affiliation
            and (lemma in DOCUMENT_NOUNS or lemma in LEGAL_DOCUMENTS) and lemma not in PERSON_NOUNS
            and all(c.dep_ in DOCUMENT_MODIFIERS for c in head.children)
            and all(c.lower_ in ("the", "a", "an", "that", "this") for c in head.children if c.dep_ == "det"))


def _bare(head: Token) -> bool:
    """"The statement", "that letter": a document named by a determiner alone."""
    return [c.lower_ for c in head.children if c.dep_ != "punct"] in (["the"], ["that"], ["this"])


def _not_self_named(ctx: Context, head: Token, mention: Mention | None, content: list[Token]) -> Mention | None:
    """A "he" or "she" whose antecedent the statement names by surname is someone else:
    in "For Kevin Allton, Warhol was a legend. He said, "Andy Warhol was the center of
    ..."", people do not speak of themselves by name, so "he" is Allton."""
    if mention is None or head.lower_ not in ("he", "she") or not mention.name:
        return mention
    last = mention.name.split()[-1]
    if not any(t.text == last for t in content):
        return mention
    other = ctx.discourse.antecedent_person(head.i, gender="m" if head.lower_ == "he" else "f",
                                            exclude=frozenset({last.lower()}))
    if other is None:
        return mention
    return Mention(head.text, head.idx, head.idx + len(head), other.name, other.label, other.role,
                   other.affiliation, other.plural)


def _confidence(head: Token, mention: Mention, cue: Cue) -> float:
    c = 0.8
    if head.pos_ == "PRON":
        c -= 0.15
    elif mention.label == "NOUN":
        c -= 0.1
    if cue.is_speech and cue.lemma not in ("say", "tell", "add"):
        c -= 0.05
    return round(c, 2)


def _lowered_conjunct(verb: Token) -> bool:
    """"The alliance urged doctors to return and called on the government to …": a finite verb
    is no second infinitive; the parser coordinated it one level too low, and it is the
    outer verb's conjunct."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ == "VB" \
        and verb.head.dep_ == "xcomp" and verb.head.head.i != verb.head.i


def _not_speech(verb: Token, cue: Cue) -> bool:
    """Senses of cue words that are not statements: "denied them entry"
    (withheld); acts prevented ("banning migrants from claiming asylum") or
    wanted of someone else ("encouraged citizens to ask for ...", "requires
    members to sign ..., agreeing to ...")."""
    if cue.lemma == "deny" and any(c.dep_ == "dative" for c in verb.children):
        return True
    if cue.lemma in DISMISSING and (not any(
            t.lemma_.lower() in DISMISSABLE and not any(p.dep_ == "prep" and p.lower_ in ("from", "by") for p in t.children)
            for c in verb.children if c.dep_ in ("dobj", "prep")
            for t in (c, *c.children) if t.dep_ in ("dobj", "pobj")) or any(
            c.dep_ == "nsubj" and _thing(c) for c in verb.children)):
        # "waved away the crowd", "shrugged off the losses", "brushed off the strike from Messi",
        # "shares shrugged off the strike": no claim dismissed, or no one who could speak
        return True
    if cue.lemma in NAMING_ONLY and not (any(
            c.dep_ in ("oprd", "npadvmod", "xcomp", "ccomp", "attr", "acomp") or (c.dep_ == "prep" and c.lower_ == "as")
            for c in verb.children) or any(t.is_quote and t.i > verb.i for t in verb.subtree)):
        return True  # "labelled the samples", "dubbed the film into Spanish": no judgement given
    if cue.lemma == "push back" and any(c.dep_ == "dobj" for c in verb.children):
        return True  # "pushed back the vote to next week": put off
    if cue.lemma == "take aim" and not any(c.dep_ == "nsubj" and (c.pos_ in ("PROPN", "PRON") or c.ent_type_)
                                           for c in verb.children):
        return True  # "a sniper took aim at the soldiers" (not "Haddad took aim at donors")
    if cue.lemma in DIRECTIVES and not any(
            c.dep_ in ("xcomp", "ccomp") or (cue.lemma == "order" and (
                (c.dep_ == "dobj" and c.lemma_.lower() in ORDERED_ACTS) or (
                    c.dep_ in ("advmod", "prt") and c.lower_ in ("back", "out", "home") and any(
                        o.dep_ == "dobj" and (o.pos_ in ("PROPN", "PRON") or o.lemma_.lower() in people_nouns())
                        for o in verb.children))))
            for c in verb.children):
        return True  # "ordered 40 aircraft": a purchase, not an order to anyone
    node = verb.head.head if _lowered_conjunct(verb) else verb
    for _ in range(4):
        if node.dep_ == "pcomp" and node.head.lower_ in ("from", "without"):
            return True
        if node.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < node.i for c in node.head.children):
            return True
        if cue.stance is None and node.dep_ in ("xcomp", "advcl") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in node.children) \
                and (found := match_verb_cue(node.head)) is not None and found[0].stance is Stance.DEMAND:
            return True  # "called on the minister to explain why …": what the minister is asked to say
        if node.dep_ not in ("advcl", "conj", "xcomp", "pcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _quoted_source(ctx: Context, verb: Token) -> Iterator[Candidate]:
    """"According to Yonhap, quoting the state news agency KCNA, the army ...":
    the one quoted (the object of "quoting"/"citing") said the main clause too."""
    if verb.lemma_ not in ("quote", "cite") or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "conj"):
        return
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        return
    src = objs[0]
    named = [c for c in src.children if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_)]
    src = named[0] if named else src
    mention = ctx.discourse.mention(src)
    if mention is None or not mention.name or mention.label == "NOUN":
        return
    end = max(t.i for t in verb.subtree)
    content = [t for t in verb.sent if t.i > end and not t.is_space and not t.is_punct]
    if not content:
        return
    cs, ce = extend_to_quotes(ctx, *_span(content))
    stance, _ = content_stance(content, {src.text})
    yield Candidate(
        speaker=mention, stance=stance, kind=kind_of(ctx, cs, ce), cue="cite", cue_start=verb.idx,
        cue_end=verb.idx + len(verb), start=verb.idx, end=ce, content_start=cs, content_end=ce,
        targets=content_targets(ctx, content, mention), extractor=NAME, confidence=0.65,
        stance_fine="cite",
    )


def extract(ctx: Context) -> Iterator[Candidate]:
    """Statements around verb cues."""
    for tok in ctx.discourse.tokens:
        if not ctx.visible(tok):
            continue
        yield from _quoted_source(ctx, tok)
        found = match_verb_cue(tok)
        if found is None:
            yield from _attitude(ctx, tok)
            continue
        cue, cue_tokens = found
        if cue.is_speech and tok.dep_ == "xcomp":
            continue  # "threatened to find ...", "wants to say ...": not itself a statement
        if _silent(tok):
            continue  # "declined to elaborate", "refused to comment": nothing was said
        if _manner(tok) and tok.tag_ == "VBG" and tok.dep_ == "advcl" and not _silent(tok.head) \
                and match_verb_cue(tok.head) is not None and not any(c.dep_ == "nsubj" for c in tok.children):
            continue  # "blamed Belgrade for the violence, saying ...": the act says it, not a second one
        if cue.lemma in CHARACTERISING and any(c.dep_ == "dobj" and c.lower_ == "what" for c in tok.children) \
                and _inside_cue(tok):
            continue  # "thanked Russia for what he called a principled stand": part of the one around it
        if cue.lemma == "call" and any(c.lower_ in ("itself", "themselves", "himself", "herself") for c in tok.children):
            continue  # "a gang calling itself Nightjar": a name taken, not a statement
        if cue.lemma == "agree" and any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "agreed to keep talking": a commitment to act, not a statement about anyone
        if tok.lemma_ in ("ask", "request") and (
            (tok.tag_ == "VBN" and tok.dep_ == "advcl")  # "Asked by one analyst whether …, she said"
            or any(c.dep_ == "xcomp" and c.lemma_ in ("name", "identify") for c in tok.children)
            or any(c.dep_ == "ccomp" and negated(c) and c.lemma_.lower() in WITHHELD and any(
                s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() in ANONYMOUS
                and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in s.children) for s in c.children)
                for c in tok.children)  # "asked that his surname not be used"
        ):
            continue  # "… who asked not to be named": a condition of anonymity, not a statement
        if ctx.quote_at(tok.idx) is not None:
            yield from _first_person(ctx, tok, cue, cue_tokens)
            continue
        refusal = next((a for a in list(tok.ancestors)[:4] if _silent(a)), None) \
            if tok.tag_ == "VBG" and tok.dep_ == "advcl" else None
        if refusal is not None:
            # "declined to say whether …, saying only that …": what was said after all
            yield from candidates_for(ctx, tok, cue, cue_tokens, speakers=_speakers(refusal))
            continue
        if _nested(tok) and tok.tag_ == "VBG" and tok.dep_ == "advcl" and not _manner(tok) \
                and (teller := _pronoun_teller(tok)) is not None:
            # "The university said that it stood by its decision, adding that it had acted within
            # the law": the one the pronoun stands for adds it, and that is the speaker
            yield from candidates_for(ctx, tok, cue, cue_tokens, speakers=_speakers(teller))
            continue
        root = _verbless_subject(tok)
        if root is not None and any(c.dep_ == "relcl" and c.i < tok.i for c in root.children) \
                and not _not_speech(tok, cue):
            # "The Taiwan Student Alliance, which says it represents councils at 14 universities,
            # called on the ministry …": the sentence's own verb, which the parser hung inside the
            # relative clause (its subject is the name the sentence opens with)
            yield from candidates_for(ctx, tok, cue, cue_tokens)
            continue
        if _nested(tok) and tok.head.i > tok.i and ctx.quote_at(tok.head.idx) is not None \
                and ctx.quote_at(tok.idx) is None and not _governs_cue(tok) and not _not_speech(tok, cue) \
                and not _hypothetical(tok) and any(t.text == ":" for t in tok.doc[tok.i + 1 : tok.head.i]):
            # "…, Mayor Nuria Puig hailed the decree: “For years they told us …”": the parser hung the
            # narrator's verb on a verb of the quotation after it, which cannot govern it
            yield from candidates_for(ctx, tok, cue, cue_tokens)
            continue
        if _nested(tok) and _sourced(ctx, tok) is not None:
            yield from candidates_for(ctx, tok, cue, cue_tokens)  # "Japan requested …, diplomats said"
            continue
        if cue.is_speech and _sourced_act(ctx, tok) is not None:
            continue  # the act reported is the statement, by whoever did it
        if _nested(tok):
            speakers = _stray_conjunct(ctx, tok)
            if speakers and not _hypothetical(tok) and not _not_speech(tok, cue) \
                    and not (tok.lemma_ in NEGATORS and _governs_cue(tok)):  # "refused" of "refused to rule out"
                yield from candidates_for(ctx, tok, cue, cue_tokens, speakers=speakers)
            continue
        if _governs_cue(tok) or _hypothetical(tok) or _not_speech(tok, cue) or _participle_patient(ctx, tok):
            continue
        yield from candidates_for(ctx, tok, cue, cue_tokens)


#: What a source asks to be kept back: "asked that his surname not be used".
ANONYMOUS = {"name", "surname", "identity"}
WITHHELD = {"use", "name", "publish", "identify", "disclose", "reveal", "release", "print", "give"}
#: What one declines or refuses to do when one says nothing: "declined to comment".
SILENT_ACTS = {"say", "comment", "discuss", "elaborate", "disclose", "confirm", "specify", "answer",
               "speculate", "respond"}
#: Acts of telling that are silent only when what is withheld is information: "declined to give
#: details" says nothing, "refused to give up its weapons" refuses.
TELLING = {"give", "provide", "reveal", "identify", "name", "detail", "release"}
INFORMATION = {"detail", "figure", "name", "comment", "information", "specific", "timeline", "number",
               "breakdown", "reason", "estimate", "date", "source"}


def _pronoun_teller(verb: Token) -> Token | None:
    """For a participle ("adding that …") hung on a reported clause whose subject is a pronoun
    for the speaker ("said that it stood by …"), the verb of saying around that clause."""
    clause = verb.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in ("it", "he", "she", "they", "we", "i") or clause.dep_ != "ccomp":
        return None
    outer = clause.head
    return outer if match_verb_cue(outer) is not None and not _nested(outer) else None


def _silent(verb: Token) -> bool:
    """A refusal to speak: "declined to say whether …", "refused to comment" (but "declined to
    say whether …, saying only that …" still says something, in its participle)."""
    if verb.lemma_ not in ("decline", "refuse"):
        return False
    for c in verb.children:
        if c.dep_ != "xcomp":
            continue
        if c.lemma_ in SILENT_ACTS:
            return True
        if c.lemma_ in TELLING and not any(p.dep_ == "prt" for p in c.children):
            objs = [o for o in c.children if o.dep_ == "dobj"]
            return not objs or all(o.lemma_.lower() in INFORMATION for o in objs)
    return False


def _manner(verb: Token) -> bool:
    """A participle that tells how an act was done (:data:`MANNER_PARTICIPLES`); "calling"
    only as a name for something ("calling it a gimmick"), not "calling for a review"."""
    if verb.lemma_ not in MANNER_PARTICIPLES:
        return False
    if verb.lemma_ != "call":
        return True
    return any(c.dep_ in ("oprd", "dobj") for c in verb.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children)


def _inside_cue(verb: Token) -> bool:
    """The verb hangs under another cue ("thanked Russia for what he called …"), not under
    the narrator's report of an act ("launched drills in what its military called …")."""
    node = verb
    for _ in range(6):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX") and match_verb_cue(node) is not None:
            return True
    return False


def _participle_patient(ctx: Context, verb: Token) -> bool:
    """"so the taxes requested in arrears are ...": a bare participle the parser made
    the main verb, with what was requested as its subject (which cannot speak)."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subj) and not _can_speak(ctx, subj[0])


def _attitude(ctx: Context, adj: Token) -> Iterator[Candidate]:
    """"Officials were confident that the deal would pass": an attitude the subject
    states (``match_adjective_cue``). The speaker is the copula's subject, or the
    subject of the participle read as passive ("associations are concerned ...");
    an attitude inside another statement ("said she was disappointed that ...")
    belongs to that statement."""
    cue = match_adjective_cue(adj)
    if cue is None or _nested(adj) or _hypothetical(adj):
        return
    if adj.dep_ == "acomp":
        holder = adj.head
        if _nested(holder) or _hypothetical(holder):
            return
        speakers = _speakers(holder)
    else:
        subj = [c for c in adj.children if c.dep_ == "nsubjpass"]
        speakers = [*subj[:1], *(c for s in subj[:1] for c in s.conjuncts if c.pos_ in ("PROPN", "NOUN", "PRON"))]
    speakers = [s for s in speakers if _can_speak(ctx, s)]
    if speakers:
        yield from candidates_for(ctx, adj, cue, [adj], speakers=speakers)


def _stray_conjunct(ctx: Context, verb: Token) -> list[Token]:
    """Speakers of a subjectless cue verb coordinated with a reported clause.

    "Leavitt said the response was “predictable” and accused Brussels of ...":
    the parser hangs "accused" on the reported clause, whose subject ("the
    response") cannot speak, so it is the outer speaker's second act. When the
    clause's subject can speak ("she said Beijing was watching and warned
    that ..."), the act is that subject's, a statement reported inside another.
    """
    if verb.dep_ == "relcl":
        # "the subsidies, which he described as “a bailout”": the reporter's own act again
        subj = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she")]
        return subj[:1]
    if _pronoun_act(verb):
        # "Ashcombe said pay growth was too fast, and he rejected suggestions that …": the
        # reporter's narration again, by the one the pronoun names
        return [c for c in verb.children if c.dep_ == "nsubj"][:1]
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "refuse" and verb.head.dep_ == "conj":
        return _stray_conjunct(ctx, verb.head)  # "… and refused to rule out taking the dispute to court"
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    clause = verb.head
    if clause.dep_ != "ccomp" or not _after_and(verb):
        return _far_conjunct(ctx, verb)
    if match_verb_cue(clause.head) is None:
        return []
    subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    # a verb of the same form shares the clause's subject ("protesters gathered and
    # condemned ..."); another form cannot ("demanded that the Commission prepare
    # ... and criticised ...": "criticised" is not subjunctive like "prepare")
    copular = (clause.lemma_ == "be" and any(c.dep_ == "attr" for c in clause.children)) or clause.lemma_ in STATIVE
    if subj and verb.tag_ == clause.tag_ and _can_speak(ctx, subj[0]) and not copular:
        # (a subject said to be or have something, "patients were “collateral damage” and urged
        # …", "the United States had “no standing” … and accused Tokyo …", is described by the
        # speaker, who is the one acting)
        return subj[:1]
    return _speakers(clause.head)


def _bare_act(tok: Token) -> bool:
    """A coordinated cue verb with no subject of its own ("… and called X “hysteria”")."""
    return tok.dep_ == "conj" and not any(d.dep_ in ("nsubj", "nsubjpass") for d in tok.children) \
        and match_verb_cue(tok) is not None


def _pronoun_act(tok: Token) -> bool:
    """A coordinated cue verb in the past, after "and"/"but", whose subject is a person
    pronoun: "…, and he rejected suggestions that …"."""
    return tok.dep_ == "conj" and tok.tag_ == "VBD" and match_verb_cue(tok) is not None and any(
        c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in tok.children
    ) and any(c.dep_ == "cc" and c.i < tok.i for c in tok.head.children)


def _far_conjunct(ctx: Context, verb: Token) -> list[Token]:
    """"… told television that units had moved only to “protect our people” and called
    Western concerns “hysteria”": a second act of the speaker the parser hung deep inside
    the first one's content. The act must follow "and" or "but" and share the tense of the
    speech verb above it."""
    if verb.tag_ != "VBD" or not _after_and(verb):
        return []
    prev = verb.doc[verb.i - 2] if verb.i > 1 else None
    found = match_verb_cue(verb)
    subordinate = verb.head.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.head.children) \
        and prev is not None and prev.text == "," and verb.doc[verb.i - 1].lower_ == "and" \
        and found is not None and found[0].stance is Stance.DEMAND  # (not "… because Russia invaded, and threatened …")
    if not subordinate and any(c.dep_ == "nsubj" and _can_speak(ctx, c) for c in verb.head.children):
        # "warned that Iran had enriched uranium and refused to …": Iran's act (not after a comma
        # closing a condition: "warned that … if Lowlands Air carried out its threat, and called on
        # the minister to …" is the warner's second act)
        return []
    node = verb.head
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        found = match_verb_cue(node)
        if found is not None and node.tag_ == verb.tag_ and not _nested(node) and (
                found[0].is_speech or any(c.dep_ == "nsubj" for c in node.children)):
            return _speakers(node)  # "warned that … and refused to rule out …" too
    return []


def _after_and(verb: Token) -> bool:
    """The verb follows "and" or "but" coordinating it with its head, or right after one
    the parser hung elsewhere ("said patients were “… they didn't start” and urged …")."""
    if any(c.dep_ == "cc" and c.lower_ in ("and", "but") and c.i < verb.i for c in verb.head.children):
        return True
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    while prev is not None and prev.pos_ == "ADV" and prev.i > 0:
        prev = verb.doc[prev.i - 1]  # "and also urged"
    return prev is not None and prev.dep_ == "cc" and prev.lower_ in ("and", "but")


def _can_speak(ctx: Context, tok: Token) -> bool:
    """A person, group, organisation or country (or a pronoun for one)."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what")
    return ctx.discourse.ent_label(tok) in ("PERSON", "ORG", "GPE", "NORP") or (
        tok.pos_ == "PROPN" or tok.lemma_.lower() in people_nouns()
    )


def _first_person(ctx: Context, verb: Token, cue: Cue, cue_tokens: list[Token]) -> Iterator[Candidate]:
    """"I think …", "we believe …" inside a quotation: a statement of its own, by
    whoever the quotation belongs to (filled in from the statement before it)."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not cue.is_speech or cue.lemma in ("say", "tell", "add") or not subj or subj[0].lower_ not in ("i", "we"):
        return  # "I said ..." inside a quote retells the quote itself
    if _hypothetical(verb):
        return  # "we will respond": a promise to speak, not a statement
    content = _content_tokens(verb, cue)
    if not content:
        return
    cs, ce = _span(content)
    stance, focus = cue_stance(cue, verb, content)
    cue_s, cue_e = _span(cue_tokens)
    start, end = min(subj[0].idx, cue_s, cs), max(cue_e, ce)
    yield Candidate(
        speaker=CARRY, stance=stance, kind=kind_of(ctx, cs, ce), cue=cue.lemma, cue_start=cue_s,
        cue_end=cue_e, start=start, end=end, content_start=cs, content_end=ce,
        targets=content_targets(ctx, content, CARRY, focus),
        extractor=NAME, confidence=0.5, stance_fine=stance.value,
    )


extract.name = NAME  # type: ignore[attr-defined]
