"""Stance of what is said: negation of cues and evaluative words in content.

A speech-act cue ("accused", "condemned") fixes the stance; a neutral speech
verb ("said", "added") takes it from the content: evaluative words vote
("outrageous" criticises, "risk of war" warns), negation turns some words
round ("no grounds" opposes, "not ... an adequate response" criticises), and a
hostile act whose subject is another actor ("NATO is threatening ...") makes
the statement an accusation of that actor.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from ..records import Stance
from .lexicon import Cue, cues, evaluative, strongest

#: Verbs that negate a cue they govern: "refused to rule out", "declined to comment".
NEGATORS = {"refuse", "decline", "fail"}
#: Nouns that do the same: "the refusal of NATO to accept ...".
NEGATOR_NOUNS = {"refusal", "failure", "reluctance", "unwillingness"}
#: Verbs whose negation passes into their clause: "don't think it is wise" = "think it is unwise".
NEG_RAISING = {"think", "believe", "expect", "suppose", "feel", "seem", "appear"}
#: Hostile acts: in content with another actor as subject, they make an accusation.
ACCUSING_VERBS = {
    "threaten", "attack", "violate", "provoke", "invade", "escalate", "lie", "kill", "destabilize",
    "destabilise", "undermine", "interfere", "meddle", "bomb", "occupy", "sabotage", "aggravate",
    "sponsor", "arm", "harbor", "harbour", "support", "torture", "persecute", "steal", "cheat",
    "abuse", "mislead", "deceive", "exploit", "discriminate", "harass", "bully", "defraud", "breach",
}
#: Refusals by another actor, reported: a complaint about that actor.
REFUSING_VERBS = {"reject", "refuse", "ignore", "rebuff", "dismiss", "block", "obstruct"}


def negated(tok: Token) -> bool:
    """The word is negated: "not", "never", "no", or governed by refuse/decline/fail."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")):
            return True
    for aux in tok.children:
        if aux.dep_ in ("aux", "auxpass") and any(c.dep_ == "neg" for c in aux.children):
            return True
    if tok.dep_ == "acomp" and tok.head.i != tok.i:
        return negated(tok.head)  # "was not happy that ...": the copula carries the "not"
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in NEGATOR_NOUNS:
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_ in NEGATORS


def _word_negated(tok: Token) -> bool:
    """An evaluative word is negated by itself or by the verb or noun above it."""
    if negated(tok):
        return True
    # "we don't think cuts are advisable": a negated verb of thinking over the clause
    # negates what the clause says (neg-raising)
    node = tok
    for _ in range(3):
        if node.dep_ == "ccomp" and node.head.lemma_ in NEG_RAISING and negated(node.head):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    head = tok.head
    for _ in range(2):
        if head is tok or head.dep_ == "ROOT" and head.pos_ not in ("VERB", "AUX"):
            break
        if tok.dep_ in ("amod", "dobj", "attr", "nsubj", "pobj", "acomp") and negated(head):
            return True
        tok, head = head, head.head
    return False


def content_stance(
    tokens: list[Token], speaker_names: set[str] = frozenset()
) -> tuple[Stance, Token | None]:
    """Vote on the stance of content tokens; returns the stance and the word that decided it."""
    votes: Counter[Stance] = Counter()
    first: dict[Stance, Token] = {}
    lex = evaluative()
    for t in tokens:
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and (lemma in ACCUSING_VERBS or lemma in REFUSING_VERBS):
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if subj and (subj[0].ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or subj[0].pos_ == "PROPN") \
                    and subj[0].text not in speaker_names and not negated(t):
                st = Stance.ACCUSE if lemma in ACCUSING_VERBS else Stance.CRITICIZE
                votes[st] += 2
                first.setdefault(st, t)
                continue
        if lemma not in lex:
            continue
        plain, neg = lex[lemma]
        st = neg if _word_negated(t) else plain
        if st is not None:
            votes[st] += 1
            first.setdefault(st, t)
    st = strongest(votes)
    return st, first.get(st)


def cue_stance(
    cue: Cue, tok: Token, content: list[Token], speaker_names: set[str] = frozenset()
) -> tuple[Stance, Token | None]:
    """The statement's stance from its cue, its negation and its content, with
    the content word that decided it (None when the cue did)."""
    if negated(tok):
        return cue.negated, None
    if cue.lemma == "call" and any(
        c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("to", "for")) for c in tok.children
    ) and not any(c.dep_ == "oprd" for c in tok.children):
        return Stance.DEMAND, None  # "called for talks", "calls to de-escalate"
    if cue.stance is None:
        return content_stance(content, speaker_names)
    return cue.stance, None


def misread_verb(tok: Token) -> bool:
    """A verb the tagger read as a plural noun, though the parser gave it a subject or a
    clause and a name before it: "The Department of Agriculture notes, "…"",
    "the ministry warns that …"."""
    if tok.tag_ != "NNS":
        return False
    if any(c.dep_ == "nsubj" for c in tok.children):
        return True
    return any(c.dep_ == "ccomp" for c in tok.children) and any(
        c.dep_ in ("nmod", "compound") and (c.pos_ == "PROPN" or c.ent_type_) for c in tok.lefts
    )


def match_verb_cue(tok: Token) -> tuple[Cue, list[Token]] | None:
    """The lexicon entry of a verb cue, trying particle and preposition forms first."""
    misread = misread_verb(tok)
    if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.lemma_ == "say") and not misread:
        return None
    lex = cues()
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if (c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.lower_ in ("back", "out"))) and (
            f"{lemma} {c.lower_}", "VERB"
        ) in lex:
            return lex[(f"{lemma} {c.lower_}", "VERB")], [tok, c]
        # a verb with its object noun: "expressed concern", "voiced support"
        if c.dep_ == "dobj" and (f"{lemma} {c.lemma_.lower()}", "VERB") in lex:
            return lex[(f"{lemma} {c.lemma_.lower()}", "VERB")], [tok, c]
    if (lemma, "VERB") in lex:
        return lex[(lemma, "VERB")], [tok]
    return None


def match_adjective_cue(tok: Token) -> Cue | None:
    """The lexicon entry of a predicate adjective of attitude that has a clause of its own.

    "were confident that the deal would pass" (an adjective after a copula),
    "are concerned the government will change the law" (a participle the parser
    read as a passive verb). Without a clause ("worried about the law", "a happy
    crowd") the adjective reports a feeling, not a statement.
    """
    if not (tok.dep_ == "acomp" or (tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children))):
        return None
    if not any(c.dep_ == "ccomp" for c in tok.children):
        return None
    return cues().get((tok.lower_, "ADJ"))


def match_noun_cue(tok: Token) -> Cue | None:
    if tok.pos_ != "NOUN":
        return None
    return cues().get((tok.lemma_.lower(), "NOUN"))
