"""Statements carried by a noun or a phrase rather than a verb.

"NATO calls to de-escalate", "Putin's demand for guarantees", "its call to
block Ukraine": a nominal cue with its owner (possessor or compound) and a
complement saying what was called for. "According to X, ..." and "in the words
of X, ...": the sentence (or the clause) is X's statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from ..records import Candidate
from .base import Context
from .lexicon import cues
from .mentions import BODY_WORDS, _clean
from .speech import _can_speak, _span, extend_to_quotes, kind_of
from .stance import content_stance, match_noun_cue, match_verb_cue
from .targets import content_targets, targets_of

NAME = "nominal"


#: Verbs that only carry a speech act named by their object: "laid the blame on the supplier",
#: "issued a warning", "made an appeal for calm".
LIGHT_VERBS = {"make", "issue", "lay", "put", "level", "voice", "lodge", "repeat", "renew", "reiterate", "express"}


def _owner(ctx: Context, noun: Token) -> Token | None:
    """Whose speech act the noun names: "Putin's demand", "the NATO call", the subject of
    a light verb ("Maitland laid the blame on …"), or who it comes from ("calls from farm
    organisations for price controls")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "compound" and (c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or c.pos_ == "PROPN"):
            return c
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            source = next((p for p in c.children if p.dep_ == "pobj"), None)
            if source is not None and source.pos_ != "PRON" and _can_speak(ctx, source):
                return source
    return None


def _complement(noun: Token, owner: Token | None = None) -> list[Token]:
    """What the act named by ``noun`` is for or about ("its call to block Ukraine", "calls
    from farm organisations for price controls", where the parser hangs it on the owner)."""
    heads = [noun]
    if owner is not None and owner.dep_ == "pobj" and owner.head.head.i == noun.i:
        heads += [owner, *owner.conjuncts]
    children = [c for h in heads for c in h.children
                if c.head.i == noun.i or (c.dep_ == "prep" and c.lower_ in ("for", "to"))]
    # what is called for before what else is said of the call ("renewed calls from Kyiv on Sunday
    # for air defence": not "on Sunday")
    children.sort(key=lambda c: not (c.dep_ == "prep" and c.lower_ in ("for", "to")))
    for c in children:
        if c.dep_ in ("acl", "relcl", "xcomp") and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
            return list(c.subtree)
        if (c.dep_ == "prep" and c.lower_ in ("for", "of", "against", "that", "on", "at", "to", "over")
                and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ == "pobj")) \
                or c.dep_ == "ccomp":
            return list(c.subtree)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        # "laid the blame squarely on the supplier": the phrase may hang on the verb
        for c in noun.head.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "for", "to") and c.i > noun.i:
                return list(c.subtree)
    return []


def _nominal(ctx: Context) -> Iterator[Candidate]:
    for tok in ctx.discourse.tokens:
        if not ctx.visible(tok) or ctx.quote_at(tok.idx) is not None:
            continue
        cue = match_noun_cue(tok)
        if cue is None:
            continue
        owner = _owner(ctx, tok)
        content = [t for t in _complement(tok, owner) if not t.is_space]
        if owner is None or not content:
            continue
        cs, ce = extend_to_quotes(ctx, *_span(content))
        stance = cue.stance or content_stance(content)[0]
        start = min(owner.idx, tok.idx, cs)
        end = max(tok.idx + len(tok), ce)
        # "calls from lenders and market traders for …": each of them calls
        owners = [owner, *(c for c in owner.conjuncts if c.i > owner.i and c.pos_ in ("NOUN", "PROPN"))] \
            if owner.dep_ == "pobj" else [owner]
        for who in owners:
            mention = ctx.discourse.mention(who)
            if mention is None or not mention.name:
                continue
            if mention.start < cs < mention.end:
                # "farm organisations [for price controls]": what they call for is no part of them
                cut = max(t.idx + len(t) for t in ctx.tokens_between(mention.start, cs) if not t.is_space)
                text = ctx.doc.text[mention.start:cut]
                mention = replace(mention, text=text, end=cut, name=_clean(text))
            yield Candidate(
                speaker=mention, stance=stance, kind=kind_of(ctx, cs, ce), cue=cue.lemma,
                cue_start=tok.idx, cue_end=tok.idx + len(tok), start=start, end=end,
                content_start=cs, content_end=ce,
                # (the one it comes from is no target: what is called for is)
                targets=content_targets(ctx, content, mention) if owner.dep_ == "pobj"
                else targets_of(ctx, tok, cue, content, mention), extractor=NAME,
                confidence=0.55, stance_fine=cue.fine,
            )


def _reports_speech(according: Token) -> bool:
    """"X told member states that …, according to two diplomats who attended": the
    source vouches for someone else's statement, which is X's, not a second one."""
    verb = according.head
    if verb.i == according.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    found = match_verb_cue(verb)
    return found is not None and found[0].is_speech and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < according.i for c in verb.children)


#: What one acts "according to" without anyone vouching for anything: "according to the law".
MANNER_NOUNS = {"law", "plan", "schedule", "rule", "regulation", "constitution", "protocol", "procedure",
                "tradition", "custom", "principle", "guideline", "timetable", "standard", "instruction"}
#: Counts and studies whose owner, when named, is the source: "figures from the ministry".
DATA_NOUNS = {"poll", "survey", "figure", "data", "datum", "estimate", "statistic", "count", "tally", "study",
              "census", "analysis", "calculation", "record"}


def _source_of(ctx: Context, tok: Token) -> Token | None:
    """Who vouches for what follows "according to": whoever is named, or the owner of
    figures or a poll when one is named ("figures released by the Interior Ministry", "a
    poll by the Opinia institute"); None for a rule or plan ("according to the law")."""
    low = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return tok
    if low in MANNER_NOUNS:
        return None
    if low in DATA_NOUNS:
        for c in sorted(tok.lefts, key=lambda c: -c.i):
            # "council figures", "Tourism Ministry estimates", "the ministry's data": whose they are
            # (the word nearest them: "Gaza health ministry figures" are the ministry's)
            if c.dep_ in ("compound", "poss") and c.pos_ in ("NOUN", "PROPN") and (
                    ctx.discourse.ent_label(c) in ("ORG", "GPE", "NORP") or c.lemma_.lower() in BODY_WORDS):
                return c
        for c in tok.children:
            inner = [p for c2 in (c, *c.children) if c2.dep_ in ("prep", "agent") and c2.lower_ in ("from", "by")
                     for p in c2.children if p.dep_ == "pobj"] if c.dep_ in ("prep", "acl") else []
            for p in inner:
                if ctx.discourse.ent_label(p) in ("ORG", "GPE", "NORP", "PERSON"):
                    return p
    return tok


def _according(ctx: Context) -> Iterator[Candidate]:
    for tok in ctx.discourse.by_lower.get("according", ()):
        if not ctx.visible(tok):
            continue
        to = [c for c in tok.children if c.lower_ == "to"]
        if not to or _reports_speech(tok):
            continue
        pobj = [c for c in to[0].children if c.dep_ == "pobj"]
        if not pobj:
            # "According to Rathbun the property ...": the name the parser missed
            nxt = ctx.doc[to[0].i + 1] if to[0].i + 1 < len(ctx.doc) else None
            if nxt is None or not (nxt.is_title and nxt.pos_ in ("PROPN", "VERB", "NOUN")):
                continue
            pobj = [nxt]
            mention = ctx.discourse.named(nxt)
        else:
            source = _source_of(ctx, pobj[0])
            if source is None:
                continue  # "according to the law", "according to plan": a manner, not a source
            mention = ctx.discourse.mention(source)
            if source.dep_ == "compound" and source.pos_ == "NOUN":
                # "according to council figures": the council named before
                mention = ctx.discourse.bridged(source, owner=True) or mention
            if mention is not None and mention.label == "NOUN" and not mention.affiliation:
                # "according to a letter Corvant sent", "according to the complaint": its author
                mention = ctx.discourse.author(source) or mention
        if mention is None or not mention.name:
            continue
        sent = tok.sent
        phrase = set(t.i for t in tok.subtree)
        content = [t for t in sent if t.i not in phrase and not t.is_space and not t.is_punct]
        if not content:
            continue
        cs, ce = extend_to_quotes(ctx, *_span(content))
        stance, _ = content_stance(content, {pobj[0].text})
        cue = cues()[("according to", "PHRASE")]
        yield Candidate(
            speaker=mention, stance=stance, kind=kind_of(ctx, cs, ce), cue=cue.lemma, cue_start=tok.idx, cue_end=to[0].idx + len(to[0]),
            start=min(tok.idx, cs), end=max(ce, pobj[0].idx + len(pobj[0])),
            content_start=cs, content_end=ce,
            targets=targets_of(ctx, tok, cue, content, mention), extractor=NAME,
            confidence=0.7, stance_fine="according to",
        )


def _in_words_of(ctx: Context) -> Iterator[Candidate]:
    """"In the words of the prosecutor, Mark Tedeschi, "…"", "in Rourke's words, …":
    the clause the phrase modifies is what the owner of the words said."""
    for tok in ctx.discourse.by_lower.get("words", ()):
        if tok.dep_ != "pobj" or tok.head.lower_ != "in" or not ctx.visible(tok):
            continue
        owners = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "poss"]
        if not owners:
            continue
        owner = owners[0]
        named = [c for c in owner.children if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_)]
        mention = ctx.discourse.mention(named[0] if named else owner)
        if mention is None or not mention.name:
            continue
        prep = tok.head
        phrase = {t.i for t in prep.subtree}
        content = [t for t in prep.head.subtree if t.i not in phrase and t.i > prep.i
                   and not t.is_space and not t.is_punct and t.sent == prep.sent]
        if not content:
            continue
        cs, ce = extend_to_quotes(ctx, *_span(content))
        stance, _ = content_stance(content, {owner.text})
        cue = cues()[("according to", "PHRASE")]
        yield Candidate(
            speaker=mention, stance=stance, kind=kind_of(ctx, cs, ce), cue="in the words of",
            cue_start=prep.idx, cue_end=tok.idx + len(tok), start=min(prep.idx, cs), end=ce,
            content_start=cs, content_end=ce,
            targets=targets_of(ctx, tok, cue, content, mention), extractor=NAME,
            confidence=0.7, stance_fine="in the words of",
        )


def extract(ctx: Context) -> Iterator[Candidate]:
    """Nominal cues, "according to" and "in the words of" attributions."""
    yield from _nominal(ctx)
    yield from _according(ctx)
    yield from _in_words_of(ctx)


extract.name = NAME  # type: ignore[attr-defined]
