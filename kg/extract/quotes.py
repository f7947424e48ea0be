"""Quotations with no speech verb of their own.

A quotation that opens a sentence with no cue verb anywhere in it is
attributed by a dash ("“…” — Jane Doe"), a colon introduction ("Jane Doe:
“…”", "Doe puts it more bluntly: “…”", "Doe's message was simple: “…”"), or,
failing those, left for the follow-on rule: news prints a speaker's
further quote paragraphs without repeating "he said", so such a quote is
carried over to the speaker of the statement just before it (see
:func:`kg.extract.carry_speakers`). A quote with no earlier statement nearby
is dropped rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..records import Candidate, Mention
from .base import CARRY, Context
from .marks import Quote
from .speech import kind_of
from .stance import content_stance, match_verb_cue
from .targets import ENTITY_LABELS, content_targets

NAME = "quotes"
MIN_WORDS = 4
# an em or en dash, or a spaced hyphen or double hyphen standing in for one ("…" - Jane Doe)
_DASH_AFTER = re.compile(r"^[\s,]*(?:[—–]|\s--?(?=\s))\s*")


def _free_standing(ctx: Context, q: Quote) -> bool:
    """The quote opens its sentence (or follows a colon) and has enough words."""
    if len(ctx.article.text[q.inner_start : q.inner_end].split()) < MIN_WORDS:
        return False
    text = ctx.article.text
    i = q.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n" or text[i] in ".!?:":
        return True
    span = ctx.doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    return span is not None and span[0].is_sent_start


def _has_cue_outside(ctx: Context, q: Quote) -> bool:
    """A cue verb outside the quote in any sentence the quote touches."""
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    # the sentences a span touches are contiguous: from the first token's to the last one's
    # (asking every token for its ``.sent`` costs a walk to the sentence edges each time)
    for t in ctx.doc[span[0].sent.start : span[-1].sent.end]:
        if not (q.start <= t.idx < q.end) and match_verb_cue(t) is not None:
            return True
    return False


def _dash_speaker(ctx: Context, q: Quote) -> Mention | None:
    m = _DASH_AFTER.match(ctx.article.text[q.end : q.end + 6])
    if not m:
        return None
    span = ctx.doc.char_span(q.end + m.end(), q.end + m.end() + 1, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    # "— Matthew Ingram" the tagger left untagged: the name runs to its last capitalised word
    while tok.i + 1 < len(ctx.doc) and tok.ent_iob_ != "B" and tok.whitespace_:
        nxt = ctx.doc[tok.i + 1]
        if not (nxt.pos_ == "PROPN" and nxt.is_title and not nxt.ent_type_):
            break
        tok = nxt
    if ctx.discourse.ent_label(tok) in ENTITY_LABELS or tok.pos_ == "PROPN":
        return ctx.discourse.mention(tok)
    return None


def _colon_speaker(ctx: Context, q: Quote) -> Mention | None:
    before = ctx.article.text[max(0, q.start - 3) : q.start].rstrip()
    if not before.endswith(":"):
        return None
    span = ctx.doc.char_span(max(0, q.start - 3), q.start, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    colon = next((t for t in span if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    tok = ctx.doc[colon.i - 1]
    if ctx.discourse.ent_label(tok) in ENTITY_LABELS:
        return ctx.discourse.mention(tok)
    return _introducer(ctx, colon)


#: Nouns by which a clause before a colon hands over to its owner's words.
WORD_NOUNS = {"message", "warning", "answer", "reply", "response", "verdict", "view", "advice", "position",
              "argument", "point", "plea", "appeal", "explanation"}


def _introducer(ctx: Context, colon: Token) -> Mention | None:
    """Who the clause before a colon introduces: "Mould puts it more bluntly: “…”",
    "Lowe's message to residents was simple: “…”" — the clause's subject, or the
    owner of the words it names."""
    root = ctx.doc[colon.i - 1]  # up to the clause before the colon (the parser may hang
    while root.head.i != root.i and root.head.i < colon.i:  # it on the quotation)
        root = root.head
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lemma_.lower() in WORD_NOUNS:
        subj = next((c for c in subj.children if c.dep_ == "poss"), None)
        if subj is None:
            return None
    # a pronoun ("She continued: …") is left to the follow-on rule: the statement before
    # names its speaker more surely than pronoun resolution does
    if subj.pos_ == "PROPN" or ctx.discourse.ent_label(subj) in ("PERSON", "ORG", "GPE", "NORP") or (
        subj.is_title and subj.text in ctx.discourse.surnames  # "Mould puts it", "Mould" read as a verb
    ):
        return ctx.discourse.mention(subj)
    if subj.pos_ == "NOUN" and any(c.dep_ == "appos" for c in subj.children):
        m = ctx.discourse.mention(subj)  # "Its director general, Graham Pilkington, put it bluntly:"
        if m is not None and m.label == "PERSON":
            return m
    return None


def extract(ctx: Context) -> Iterator[Candidate]:
    """Free-standing quotations: dash, colon or follow-on attribution."""
    for q in ctx.quotes:
        if ctx.section(q.start).value in ("headline", "furniture", "dateline"):
            continue
        if not _free_standing(ctx, q) or _has_cue_outside(ctx, q):
            continue
        speaker = _dash_speaker(ctx, q) or _colon_speaker(ctx, q)
        confidence = 0.7 if speaker else 0.55
        content = [t for t in ctx.tokens_between(q.inner_start, q.inner_end) if not t.is_space]
        stance, focus = content_stance(content)
        targets = content_targets(ctx, content, speaker or CARRY, focus)
        yield Candidate(
            speaker=speaker or CARRY, stance=stance, kind=kind_of(ctx, q.inner_start, q.inner_end),
            cue="quote", cue_start=q.start, cue_end=q.start + 1, start=q.start, end=q.end,
            content_start=q.inner_start, content_end=q.inner_end, targets=targets,
            extractor=NAME, confidence=confidence, stance_fine=stance.value,
        )


extract.name = NAME  # type: ignore[attr-defined]
