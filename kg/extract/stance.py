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

from .. import gazetteer
from ..records import Stance
from .lexicon import Cue, cues, evaluative, strongest
from .mentions import OFFICIAL_NOUNS, people_nouns

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
    "sponsor", "arm", "harbor", "harbour", "torture", "persecute", "steal", "cheat",
    "abuse", "mislead", "deceive", "exploit", "discriminate", "harass", "bully", "defraud", "breach",
    "finance", "fund", "orchestrate", "incite", "frighten", "intimidate", "blackmail", "distort",
    "manipulate", "smear", "slander",
}
#: Claims that a rejection rejects: "dismissed that characterization" denies it.
CLAIM_NOUNS = {
    "accusation", "allegation", "claim", "charge", "characterization", "characterisation", "account",
    "report", "suggestion", "assertion", "insinuation", "speculation", "rumour", "rumor", "version",
    "criticism", "description", "reading", "interpretation", "portrayal", "depiction",
}
#: Figures put forward as facts, which a rejection denies: "disputed the province's figures",
#: "rejected the industry's estimate".
FIGURES = {"figure", "estimate", "statistic", "number", "conclusion"}
#: Positions one may reject (an opposition, not a denial) that a clause can answer like a claim:
#: "…, an argument Oslo has long rejected".
POSITION_NOUNS = {"argument", "contention", "notion", "narrative", "theory"}
#: Actions a speaker promises (support) when not negated, refuses (oppose) when negated.
BACKING_VERBS = {"sign", "approve", "back", "support", "accept", "endorse", "ratify", "welcome", "vote",
                 "cooperate", "co-operate", "comply"}
#: Actions that, promised, are threats: "will take all necessary measures", "will walk out".
THREAT_VERBS = {"retaliate", "strike", "walk", "hit", "punish", "safeguard", "force"}
THREAT_OBJECTS = {"measure", "countermeasure", "action", "step", "retaliation", "consequence"}
#: What one threatens to use: "will use every tool it has", "every means at our disposal".
THREAT_TOOLS = {"tool", "means", "option", "power", "lever", "instrument", "weapon"}
#: Actions a speaker promises against what is named: "we will appeal", "will fight this".
RESISTING = {"fight", "appeal", "challenge", "contest", "resist"}
#: Evaluative words that judge only as adjectives, and not of everything: "the offer was fair", "a fair
#: hearing" (not "the county fair", "fair weather").
PREDICATED_ONLY = {"fair"}
NEUTRAL_HEADS = {"weather", "condition", "wind", "skin", "hair", "amount", "number", "bit", "distance"}
#: What is done as a matter of course, said of a military or official act, denies any menace in it:
#: "the drills were routine", "routine training flights".
ROUTINE_ACTS = {"drill", "exercise", "flight", "patrol", "operation", "training", "manoeuvre", "maneuver",
                "stage", "inspection", "transit", "deployment", "test", "visit"}
#: Outcomes one does not refuse but foresees: "we will not win this argument by shouting".
OUTCOMES = {"win", "work", "change", "end", "happen", "succeed", "last", "survive", "solve", "matter", "fix",
            "lose", "get", "see", "know", "forget"}
#: Verbs of promising: what they govern is promised ("vowed to fight the text line by line").
VOWING = {"vow", "pledge", "promise", "swear"}
#: Actions a speaker promises not to take, which back the one named: "we will not abandon her".
FORSAKING = {"abandon", "desert", "betray", "forsake"}
#: Refusals to yield ("we will not back down"): defiance, not opposition to anything named.
YIELDING = {"back", "give", "surrender", "bow", "retreat", "yield", "capitulate", "stand", "budge"}
#: What one "will not hesitate" to do when that is a threat: "to use every tool", "to act".
FORCEFUL = {"use", "act", "impose", "respond", "strike", "retaliate", "take", "sanction", "punish", "defend",
            "deploy", "intervene", "fine", "enforce", "escalate", "hit"}
#: Modal or future auxiliaries of a promise or refusal.
FUTURE = {"will", "would", "shall", "'ll", "wo", "going", "can", "ca", "should"}
#: What a thing that helps does: said of a policy or a measure, it is support for it.
HELPING = {"help", "protect", "save", "strengthen", "improve", "boost"}
#: Subjects that stand for the speaker: the speaker's own voice, or the one reported.
OWN_VOICE = {"i", "we", "he", "she"}
#: Verbs whose "it" is seldom the speaker: "it would take years", "it will cost jobs".
IMPERSONAL = {"take", "cost", "mean", "require", "need", "make", "become", "seem", "remain", "happen", "get"}
#: Acts one is "ready" or "prepared" to take against another: a threat.
ESCALATING = {"walk", "strike", "stay", "fight", "retaliate", "respond", "escalate", "use", "sue"}
#: How a threatened response is made: "will respond firmly".
FIRMLY = {"firmly", "strongly", "decisively", "forcefully", "resolutely", "robustly", "swiftly", "accordingly",
          "harshly", "severely"}
#: Costs foreseen under "could be": a warning.
HARSH = {"steep", "costly", "severe", "devastating", "catastrophic", "disastrous", "painful", "dire", "crippling"}
#: Verbs of asking that "I would …" only softens: "I would urge the operator to …".
POLITE_ASKING = {"urge", "ask", "encourage", "invite", "implore", "beg", "appeal"}
#: Acts by which one takes a decision to a court or another body to undo it.
CHALLENGES = {"challenge", "appeal"}
#: Acts a state or body that speaks may refuse or promise under "it": "it would not commit".
AGENTIVE = BACKING_VERBS | {"commit", "pay", "allow", "join", "participate", "attend", "recognise",
                            "recognize", "tolerate", "negotiate", "cooperate", "withdraw", "send"} | CHALLENGES
#: A state's own bodies, when its minister or spokesperson speaks of them.
OWN_STATE_BODIES = {"government", "administration", "ministry", "country", "state"}
#: Diplomatic acts of protest: "lodged a formal protest", "summoned the ambassador".
PROTESTING = {"lodge", "file", "register", "deliver", "issue", "send", "make"}
ENVOYS = {"ambassador", "envoy", "chargé", "charge", "diplomat", "attaché"}
#: What a speaker's side acts through: "her party would table a motion", "our troops will".
OWN_BODIES = {"party", "government", "administration", "union", "country", "forces", "troops", "army",
              "ministry", "company", "group", "movement", "members", "side", "coalition", "office"}
#: Auxiliaries of a promise: what a warning says the speaker's side will do.
PROMISING = {"will", "would", "shall", "'ll", "wo", "going"}
#: What befalls a side rather than what it does: "warned that his party would lose", "its members
#: would struggle to pay", "his troops would run out of ammunition" warn, they threaten no one.
UNDERGOING = {"lose", "run", "struggle", "suffer", "face", "fail", "miss", "collapse", "starve", "need",
              "die", "sink", "fall", "shrink", "survive", "pay", "lack", "fear", "feel", "find"}
#: Harm foreseen under "could", "would", "might", "may" is a warning.
HARMING = {"hurt", "harm", "damage", "destroy", "cripple", "devastate", "wreck", "cost", "flood", "frighten",
           "endanger", "jeopardise", "jeopardize", "ruin", "bankrupt", "worsen", "deter"}
#: What will happen to a side or because of it, not what it will do.
HAPPENINGS = HARMING | UNDERGOING
HARMS = {"damage", "harm"}
#: What is said of a measure that one defends: "the ban was necessary", "the cuts were needed".
WARRANTED = {"necessary", "essential", "vital", "justified", "warranted", "indispensable"}
#: Verbs that put what follows in doubt: "doubted the ban was necessary".
DOUBTING = {"doubt", "question", "deny", "dispute", "wonder", "ask"}
#: Measures and decisions one may call necessary.
POLICIES = {
    "ban", "measure", "decision", "law", "rule", "plan", "reform", "policy", "levy", "tax", "cap", "change",
    "move", "step", "deal", "agreement", "programme", "program", "scheme", "cut", "increase", "hike", "fee",
    "restriction", "curb", "order", "decree", "ruling", "bill", "closure", "crackdown", "intervention",
    "sanction", "tariff", "freeze", "rise", "legislation", "regulation", "reduction",
}
#: Harms one is blamed for being "responsible for" ("were responsible for most fires"; not
#: "responsible for the security of Israel", a duty).
MISDEEDS = {
    "fire", "attack", "death", "killing", "crisis", "spill", "leak", "pollution", "damage", "delay", "loss", "shortage",
    "collapse", "outbreak", "violence", "failure", "problem", "mess", "haze", "smoke", "flooding", "chaos", "blast",
    "bombing", "explosion", "disruption", "breach", "error", "mistake", "crash", "accident", "abuse", "fraud",
    "overdose", "contamination", "deforestation", "shooting", "massacre", "outage", "hack", "cyberattack",
}
#: Readiness for dialogue is support: "ready to return to talks", "my door is open".
READY = {"ready", "willing", "prepared", "open", "happy"}
#: Those told things as news, not orders: "told reporters to expect delays".
AUDIENCES = {"reporter", "journalist", "press", "analyst", "investor", "audience", "viewer", "reader", "listener"}
#: What one is "open to": talks.
TALKS = {"dialogue", "talk", "negotiation", "discussion", "compromise", "mediation"}
DIALOGUE = {"talk", "negotiate", "return", "meet", "discuss", "compromise", "cooperate", "engage", "resume", "sit"}
#: Pressure kept up "until" others give way: "keep up walkouts until …", "strike until …".
PRESSING = {"strike", "protest", "boycott", "blockade", "block", "picket", "occupy", "withhold", "suspend", "halt",
            "sue", "fight", "escalate", "march", "disrupt"}
PRESSURE_NOUNS = {"walkout", "strike", "protest", "boycott", "blockade", "action", "sanction", "pressure",
                  "campaign", "occupation", "picket", "disruption"}
PRESSURE = PRESSING | PRESSURE_NOUNS
#: Bodies whose promised protest their own people announce: "the federation would hold protests"
#: (not "the unions", "protesters", whom a minister or the police may speak of).
MOVEMENTS = {"union", "federation", "association", "coalition", "alliance", "group", "party", "cooperative",
             "front", "movement", "network", "committee"}
#: Pressing acts whose promise is a threat ("will strike", "would sue"; not "fight", "suspend",
#: "march", which may be promised for other ends).
PRESSING_MOVES = PRESSING - {"fight", "suspend", "halt", "withhold", "march"}
#: Verbs that launch what is done to press someone: "stage protests", "file an appeal".
LAUNCHING = {"file", "bring", "lodge", "launch", "mount", "prepare", "stage", "hold", "organise", "organize",
             "call", "begin", "start", "plan", "seek", "step"}
#: What is staged to press someone, and what is filed in court.
PROTESTS = (PRESSURE_NOUNS - {"pressure", "campaign", "action", "sanction"}) | {
    "demonstration", "sit", "shutdown", "stoppage", "mobilisation", "mobilization"}
LEGAL_MOVES = {"lawsuit", "suit", "case", "challenge", "appeal", "complaint", "injunction", "petition"}
#: Verbs that carry a fight to court or the streets: "take the council to court", "see you in court".
TAKING = {"take", "go", "drag", "haul", "return", "fight", "see"}
#: Determiners of something that exists: "the ban", "those figures".
DEFINITE = {"the", "this", "these", "those", "that", "its", "their"}
#: Acts whose promise on a condition is no threat: "would sign if", "would resume talks if",
#: "would be a disaster if", "would win if".
NOT_THREATS = BACKING_VERBS | DIALOGUE | OUTCOMES | YIELDING | IMPERSONAL | HARMING | {
    "be", "have", "consider", "welcome", "help", "pay", "look", "review", "reconsider", "rise", "fall", "fail",
    "need", "want", "like", "love", "hope", "expect", "continue", "allow", "provide", "offer", "release",
    "publish", "resign", "step", "apologise", "apologize", "comply", "join", "go", "come", "stay", "remain"}
#: Verbs that characterise their object: "called the vote a mistake", "framed the cuts as
#: a necessity"; the object is what is judged, and a hostile word about it criticises it.
CHARACTERISING = frozenset({"call", "describe", "label", "brand", "dub", "frame", "name", "term"})
#: What one denies or disputes when one denies something said: claims, findings, figures.
DISPUTABLE = CLAIM_NOUNS | {"finding", "figure", "account", "conclusion", "version", "number", "data", "estimate"}
#: What people "should" do that is a forecast or a feeling, not a demand: "should see lower prices".
EXPECTED = {"see", "expect", "be", "feel", "benefit", "enjoy", "get", "receive", "notice", "find", "gain"}
#: Verbs by which the speaker's side denies, inside what it says: "said it denies …".
DENYING = {"deny", "refute", "dispute"}
#: Refusals by another actor, reported: a complaint about that actor.
REFUSING_VERBS = {"reject", "refuse", "ignore", "rebuff", "dismiss", "block", "obstruct", "oppose"}


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


#: Common nouns for bodies that can be told what to do: "the council has to act".
BODIES = OFFICIAL_NOUNS | {"council", "company", "board", "club", "union", "party", "bank", "commission",
                           "parliament", "congress", "country", "county", "city", "state", "university",
                           "league", "federation", "agency", "regulator"}
#: Hostile acts and isms a speaker may say something is not: "This is not protectionism".
CHARGE_NOUNS = {
    "coup", "invasion", "attack", "aggression", "war", "threat", "escalation", "crime", "provocation",
    "blackmail", "censorship", "discrimination", "interference", "occupation", "annexation", "crisis",
}


def _charge(noun: Token) -> bool:
    """A noun that names a charge: a hostile act, an -ism, or a pejorative."""
    lemma = noun.lemma_.lower()
    if lemma in CHARGE_NOUNS or lemma.endswith("ism"):
        return True
    plain = evaluative().get(lemma, (None, None))[0]
    return plain in (Stance.CRITICIZE, Stance.ACCUSE)


def _asked(verb: Token) -> bool:
    """The clause of ``verb`` is a question: it opens with a question word or an inverted
    auxiliary ("How many more must die …?", "Why should we pay?", "Will they sign?") and
    its sentence ends in a question mark. "We will retaliate, and who could blame us?"
    asks nothing of its first clause."""
    doc = verb.doc
    first = verb.left_edge
    while first.i < verb.i and (first.is_punct or first.is_quote):
        first = doc[first.i + 1]
    if not (first.tag_ in ("WRB", "WP", "WDT") or (first.pos_ == "AUX" and first.i < verb.i and first.dep_ == "aux")
            or first.lower_ in ("how", "why", "what", "who", "when", "where")):
        return False
    i = verb.sent.end - 1
    while i > verb.i and (doc[i].is_punct or doc[i].is_quote or doc[i].is_space) and doc[i].text != "?":
        i -= 1
    return doc[i].text == "?"


def _conditional(verb: Token) -> bool:
    """The act waits on someone else's failing to act: "… if the video is not released",
    "… unless the ministry withdraws the plan", and pressure kept up "… until the government
    drops its plans" (not "if the auditors agree", a plan; not "only if", a condition the
    speaker sets for their own consent; not "keep working until the repairs are finished")."""
    pressing = verb.lemma_.lower() in PRESSING or any(
        c.dep_ in ("dobj", "xcomp") and (c.lemma_.lower() in PRESSURE or any(
            d.dep_ == "dobj" and d.lemma_.lower() in PRESSURE_NOUNS for d in c.children))
        for c in verb.children)
    for c in verb.children:
        mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), None)
        if c.dep_ == "advcl" and not any(a.lower_ == "only" for a in c.children) and (
                mark == "unless" or (mark == "if" and negated(c)) or (mark == "until" and pressing)):
            return True
        if c.dep_ == "prep" and c.lower_ == "until" and pressing and any(p.pos_ in ("VERB", "AUX") for p in c.children):
            return True
    return False


def _future(verb: Token) -> bool:
    """"will sign", "would not put", "is not going to do", "won't vote", "cannot accept",
    "could not support" (a reported "cannot support"; "could support" only speculates, and
    "could not work" tells what was impossible)."""
    if any(c.dep_ == "aux" and (c.lower_ in FUTURE or (
            c.lower_ == "could" and negated(verb) and verb.lemma_.lower() in BACKING_VERBS))
           for c in verb.children):
        return True
    head = verb.head  # "going to do": the aux sits on "going"
    return verb.dep_ == "xcomp" and head.lower_ == "going" and head.i != verb.i


def speaks_as_body(speaker_names: set[str]) -> bool:
    """The speaker is a state or body itself ("Egypt warned that it …"): ``speaker_names`` holds
    ``=`` + its key (``kg.extract.speech._own_names``)."""
    return any(n[:1] == "=" for n in speaker_names)


def sides(speaker_names: set[str]) -> list[str]:
    """The gazetteer keys of the states or bodies the speaker speaks for (``~`` + key among
    ``speaker_names``), in order."""
    return sorted(n[1:] for n in speaker_names if n[:1] == "~")


def _with_no(tok: Token) -> bool:
    """"no plans", "no right", "broken no rule": the noun is denied by "no"."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _to_infinitive(verb: Token) -> bool:
    """"to explain", "to interfere": a verb with "to" before it."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _for(verb: Token) -> bool:
    """"fight for workers' rights", "ready to fight for the title": for something, not against."""
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)


def _only_can(verb: Token) -> bool:
    """The verb's modal is "can": what one cannot do, not what one will not do."""
    auxes = [c.lower_ for c in (*verb.children, *(verb.head.children if verb.dep_ == "xcomp" else ()))
             if c.dep_ == "aux" and c.tag_ == "MD"]
    return bool(auxes) and all(a in ("can", "ca", "could") for a in auxes)


def _subject_of(verb: Token, deps: tuple[str, ...] = ("nsubj",)) -> Token | None:
    """A verb's subject, or that of the verb it is coordinated with ("troops had crossed the
    line and obstructed a patrol": the troops obstructed it)."""
    subj = next((c for c in verb.children if c.dep_ in deps), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ in deps), None)
    return subj


def doer_of(adverb: Token) -> Token | None:
    """The subject of the act an adverb judges ("troops had illegally crossed the line");
    None when the act has no active subject."""
    if adverb.dep_ != "advmod" or adverb.head.pos_ != "VERB":
        return None
    return _subject_of(adverb.head)


def _done_to(tok: Token, speaker_names: set[str]) -> bool:
    """``tok`` is the object of someone else's act: "Indian troops obstructed a routine
    Chinese patrol" (said by China) tells of what the others did, not that one's own was routine."""
    if tok.dep_ != "dobj":
        return False
    subj = _subject_of(tok.head)
    named = subj is not None and any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in subj.subtree)
    return named and not _own(subj, speaker_names)


def _own(subj: Token | None, speaker_names: set[str], strict: bool = False) -> bool:
    """The subject stands for the speaker: "I", "we", "he"/"she" (the one reported), a name
    of theirs, or the state or body they are or speak for (``speaker_names`` holds those as
    ``=`` or ``~`` + a gazetteer key: "Japan", said by Japan's chief cabinet secretary).
    ``strict``: "he"/"she" only when it is the speaker's sex ("she", among the names)."""
    if subj is None:
        return False
    low = subj.lower_
    if low in ("i", "we") or (low in OWN_VOICE and (not strict or low in speaker_names)):
        return True
    if subj.text in speaker_names or any(t.text in speaker_names for t in subj.subtree):
        return True
    if low == "it" and speaks_as_body(speaker_names) and subj.head.lemma_.lower() in AGENTIVE \
            and not any(c.dep_ == "prt" for c in subj.head.children):
        return True  # "Spain said it would not commit to the target"
    if low in OWN_STATE_BODIES and any(c.dep_ == "det" and c.lower_ in ("this", "our") for c in subj.children):
        return True  # "this government will use every tool it has"
    if low in OWN_STATE_BODIES and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) and not any(
            c.dep_ in ("amod", "compound", "poss") for c in subj.children) and any(
            (e := gazetteer.lookup(side)) is not None and e.type.value == "Country" for side in sides(speaker_names)):
        return True  # "the government would hire inspectors", said by its minister (not "the Chinese government")
    named = next((e for e in subj.doc.ents if e.start <= subj.i < e.end), None)
    if named is None or named.label_ not in ("GPE", "ORG", "NORP"):
        return False
    entry = gazetteer.lookup(named.text)
    return entry is not None and bool({"=" + entry.key, "~" + entry.key} & speaker_names)


def _own_act(verb: Token, subj: Token | None, speaker_names: set[str]) -> Stance | None:
    """The stance of a speech act the speaker reports of themselves: "China urges the
    Philippine side to stop …" (said by China's spokeswoman), "Japan strongly opposes …",
    "she backed the mayor's decision". A neutral verb ("we said", "I think") has none."""
    if verb.dep_ not in ("ROOT", "ccomp", "conj") or subj is None or subj.dep_ != "nsubj" \
            or not _own(subj, speaker_names, strict=True):
        return None  # "we have been asked to be patient" is no act of ours
    if verb.lemma_.lower() in CHALLENGES and _future(verb) and not negated(verb) and any(
            c.dep_ == "dobj" for c in verb.children):
        return Stance.OPPOSE  # "it would challenge the ruling", "we will appeal the decision"
    if subj.lower_ in ("i", "we") and verb.lemma_.lower() in POLITE_ASKING and not negated(verb) \
            and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children) \
            and any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
        return Stance.DEMAND  # "I would urge the operator to …": the polite form of urging
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) or any(
            c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children):
        return None  # "she might back the plan", "asked whether she supported it": no act done
    if verb.lemma_.lower() == "encourage" and any(c.dep_ in ("dobj", "xcomp") for c in verb.children) \
            and not negated(verb):
        return Stance.DEMAND  # "we encourage them to resolve their differences" (not a cue in narration)
    found = match_verb_cue(verb)
    if found is None or found[0].stance is None or found[0].pos != "VERB" or _future(verb):
        return None
    cue = found[0]
    if negated(verb):
        return cue.negated
    return Stance.DENY if _rejects_claim(cue, verb) else cue.stance


def clause_stance(tokens: list[Token], speaker_names: set[str] = frozenset()) -> tuple[Stance, Token] | None:
    """The stance a reported clause takes by its shape, before any single word votes.

    * a promise to back something ("the president would sign the bill") supports it,
      a refusal ("we are not going to do that", "would not put it to a vote") opposes;
    * a promise of retaliation ("will take all necessary measures", "will walk out")
      threatens;
    * a hostile act denied ("Serbia has never threatened anyone") is a denial;
    * an order ("First you fund the government, then we talk"; "you must leave")
      demands.

    >>> from kg.nlp import load
    >>> nlp = load()
    >>> [clause_stance(list(nlp(t)))[0].value for t in (
    ...     "We are not going to do that.", "The president would sign the bill.",
    ...     "Beijing will take all necessary measures.", "Serbia has never threatened anyone.",
    ...     "Fund the government first.", "This is not protectionism.", "We are ready to talk.")]
    ['oppose', 'support', 'threaten', 'deny', 'demand', 'deny', 'support']
    """
    for t in tokens:
        if t.pos_ == "ADJ" and t.lower_ in READY and (
            any(c.dep_ == "xcomp" and c.lemma_.lower() in DIALOGUE and (t.lower_ != "happy" or c.lemma_.lower() in (
                "talk", "negotiate", "meet", "discuss", "sit")) and not any(
                p.dep_ == "prep" and p.lower_ in ("to", "after") and not any(
                    o.lemma_.lower() in TALKS | {"table"} for o in p.children) for p in c.children)
                for c in t.children)
            or any(c.dep_ == "prep" and c.lower_ == "to" and any(
                p.lemma_.lower() in TALKS for p in c.children) for c in t.children)
            or any(c.dep_ == "nsubj" and c.lemma_.lower() == "door" for c in t.head.children)
        ) and not negated(t):
            return Stance.SUPPORT, t  # "ready to return to talks", "my door is open"
        if t.pos_ == "ADJ" and t.lower_ in READY and not negated(t) and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in ESCALATING and not _for(c) for c in t.children):
            return Stance.THREATEN, t  # "more than ready to walk out again", "prepared to stay out"
        if t.pos_ == "ADJ" and t.lower_ in HARSH and t.dep_ == "acomp" and not negated(t) and any(
                c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may", "will") for c in t.head.children):
            return Stance.WARN, t  # "the cost could be steep"
        if t.lemma_.lower() in ("plan", "intention") and _with_no(t) \
                and any(c.dep_ in ("acl", "relcl") and _to_infinitive(c)
                        for c in t.children) and (_own(
                    subj := next((c for c in t.head.children if c.dep_ == "nsubj"), None), speaker_names, strict=True)
                    or (subj is not None and subj.lower_ == "it" and speaks_as_body(speaker_names))):
            return Stance.OPPOSE, t  # "it had no plans to make any payment"
        if t.lower_ == "routine" and (
                (t.dep_ == "amod" and t.head.lemma_.lower() in ROUTINE_ACTS and not _done_to(t.head, speaker_names))
                or (t.dep_ == "acomp" and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in ROUTINE_ACTS for c in t.head.children))):
            return Stance.DENY, t  # "the military drills were routine", "routine training flights"
        if t.lemma_.lower() in ("accordance", "conformity", "compliance") and t.head.lower_ == "in" and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in t.children):
            return Stance.DENY, t  # "in full accordance with international law": nothing wrong was done
        if t.lemma_.lower() in ("law", "rule", "regulation", "statute") and t.head.lower_ == "within" \
                and t.head.head.pos_ == "VERB":
            return Stance.DENY, t  # "it had acted entirely within the law"
        if t.lemma_.lower() == "say" and t.dep_ == "relcl" and any(c.lower_ == "otherwise" for c in t.children):
            return Stance.DENY, t  # "Anyone who says otherwise has not opened the website"
        if t.lower_ == "nothing" and any(c.dep_ in ("acl", "relcl") and c.lemma_ == "do" and any(
                p.dep_ == "prep" and p.lower_ == "with" for p in c.children) for c in t.children):
            return Stance.DENY, t  # "had nothing whatsoever to do with his views"
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in ("decide", "make", "take", "agree", "finalise",
                                                               "finalize", "settle") and any(
                c.dep_ == "nsubjpass" and (c.lower_ == "nothing" or _with_no(c)) for c in t.children):
            return Stance.DENY, t  # "Nothing has been decided", "no decision has been made"
        if t.pos_ == "VERB" and (t.lemma_.lower() in ACCUSING_VERBS or t.lemma_.lower() in ("break", "take")) and any(
                c.dep_ == "dobj" and _with_no(c) for c in t.children) \
                and _own(next((c for c in t.children if c.dep_ == "nsubj"), None), speaker_names):
            return Stance.DENY, t  # "We have broken no rule"
        if t.lower_ == "true" and t.dep_ == "acomp" and t.head.lemma_ == "be" and negated(t.head) \
                and not any(c.dep_ == "prep" for c in t.children) and not any(
                    c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.head.children) \
                and any(c.dep_ == "nsubj" and (c.lower_ in ("that", "this", "it") or c.lemma_.lower() in CLAIM_NOUNS)
                        for c in t.head.children):
            return Stance.DENY, t  # "That is simply not true" (not "the same was not true of smaller firms")
        if (verb := _warranting(t)) is not None and (measure := next((
                c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in POLICIES
                and _definite(c)), None)) is not None:
            return Stance.SUPPORT, measure  # "the measure was necessary to cut crashes", "the ban was needed"
        if t.lemma_.lower() == "confidence" and t.dep_ == "dobj" and t.head.lemma_.lower() in (
                "have", "express", "retain", "voice", "reaffirm") and not negated(t.head) and not _with_no(t):
            return Stance.SUPPORT, t  # "had full confidence in both the minister and the governor"
        if t.lemma_.lower() == "give" and t.pos_ == "VERB" and any(
                c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in ("day", "week", "month", "year", "hour", "deadline")
                for c in t.children) and any(c.dep_ == "dative" for c in t.children) and any(
                c.dep_ in ("advcl", "xcomp") and _to_infinitive(c)
                for c in t.subtree):
            return Stance.DEMAND, t  # "had given the union 30 days to explain": a deadline
        if t.lemma_.lower() in ("right", "business") and t.pos_ == "NOUN" and _with_no(t) and any(
                c.dep_ in ("acl", "relcl") and _to_infinitive(c)
                for c in t.children):
            return Stance.OPPOSE, t  # "has no right to interfere", "no business telling us"
        if t.pos_ not in ("VERB", "AUX") or t.dep_ not in ("ROOT", "ccomp", "conj", "xcomp", "parataxis"):
            continue
        if t.lemma_ == "be" and negated(t) and any(c.dep_ == "nsubj" and c.lower_ in ("this", "that", "it")
                                                   for c in t.children):
            attr = next((c for c in t.children if c.dep_ == "attr" and c.pos_ == "NOUN"
                         and not any(a.dep_ == "amod" for a in c.children) and _charge(c)), None)
            if attr is not None:
                return Stance.DENY, attr  # "This is not protectionism", "it was not a coup"
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and t.dep_ == "xcomp":
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        lemma = t.lemma_.lower()
        neg = negated(t) or (t.dep_ == "xcomp" and negated(t.head))
        future = _future(t) or (t.dep_ == "xcomp" and (_future(t.head) or t.head.lemma_.lower() in VOWING))
        if _asked(t):
            continue  # "How many more must die before …?": a question's shape promises, refuses
            # and orders nothing
        own_act = _own_act(t, subj, speaker_names)
        if own_act is not None:
            return own_act, t  # "China urges the Philippine side to stop", "she backed the decision"
        if future and neg and _own(subj, speaker_names) and any(
            c.dep_ in ("advcl", "prep") and c.lower_ in ("until", "unless") or any(
                m.dep_ == "mark" and m.lower_ in ("until", "unless") for m in c.children) for c in t.children
        ) or (future and _own(subj, speaker_names) and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children) and any(
                a.lower_ == "only" for a in c.children) for c in t.children)):  # "would attend only if …"
            # "I will not sign off a single foundation until that money is paid", "she would not
            # back it unless the team agreed to share revenue"
            return Stance.DEMAND, t
        if future and neg and _own(subj, speaker_names) and lemma in FORSAKING:
            return Stance.SUPPORT, t  # "we will not abandon her"
        if future and neg and lemma in BACKING_VERBS and _against(t):
            return Stance.SUPPORT, t  # "we will not vote against the budget": it may pass
        if future and neg and _own(subj, speaker_names) and (lemma in BACKING_VERBS or lemma not in ACCUSING_VERBS) \
                and lemma not in YIELDING and lemma != "hesitate" and lemma not in OUTCOMES \
                and lemma not in CHALLENGES and (  # ("will not challenge the ruling" accepts it)
                    lemma in AGENTIVE or not _only_can(t)):
            # "we will not support this bill", "we are not going to do that", "we cannot accept it"
            # (not "we cannot feed our families", "we will not win this argument")
            return Stance.OPPOSE, t
        if lemma in ACCUSING_VERBS and neg and subj is not None and (subj.lower_ != "i" or any(
                c.lower_ == "never" for c in t.children)):  # "I have never cheated"
            return Stance.DENY, t
        if future:
            if not neg and lemma in BACKING_VERBS and (subj is None or _own(subj, speaker_names)
                                                       or not (subj.ent_type_ or subj.pos_ == "PROPN")):
                if _against(t):
                    return Stance.OPPOSE, t  # "it will vote against the legislation"
                return Stance.SUPPORT, t
            if not neg and (lemma in THREAT_VERBS or any(
                c.dep_ == "dobj" and (c.lemma_.lower() in THREAT_OBJECTS or (
                    lemma in ("use", "employ", "deploy") and c.lemma_.lower() in THREAT_TOOLS and not any(
                        v.lemma_.lower() in HELPING | {"help", "support", "assist", "ease"}
                        for v in t.subtree if v.pos_ == "VERB" and v.i != t.i)))
                for c in t.children
            )) and (subj is None or subj.lower_ != "you"):
                if subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_ \
                        and subj.lemma_.lower() not in people_nouns():
                    return Stance.WARN, t  # "the rise would hit investment": harm foreseen, no one's threat
                return Stance.THREATEN, t
            if not neg and _pressure_move(t) and subj is not None and (
                    _own(subj, speaker_names) or subj.lower_ in ("it", "they") or any(
                        c.dep_ == "poss" and c.lower_ in ("its", "our", "their") for c in subj.children)
                    or (subj.tag_ == "NN" and subj.lemma_.lower() in MOVEMENTS and any(
                        c.lower_ == "the" for c in subj.children))):
                return Stance.THREATEN, t  # "they would stage protests", "will take the council to court"
            if not neg and lemma in ("respond", "react", "act") and any(
                    c.dep_ == "advmod" and c.lower_ in FIRMLY for c in t.children) and (
                    subj is None or subj.lower_ != "you") and not any(
                    c.dep_ == "prep" and c.lower_ == "to" and not any(
                        p.ent_type_ or p.pos_ in ("PROPN", "PRON") for p in c.children) for c in t.children):
                # (not "would respond swiftly to the flooding")
                return Stance.THREATEN, t  # "Iran will respond firmly and proportionately"
            if not neg and ((lemma in RESISTING and not _for(t)) or (lemma == "keep" and any(
                    c.dep_ == "xcomp" and c.lemma_.lower() in RESISTING and not _for(c) for c in t.children))) \
                    and _own(subj, speaker_names):
                return Stance.OPPOSE, t  # "I will fight this until my name is cleared", "we will appeal"
            if not neg and _conditional(t) and lemma not in NOT_THREATS and (
                    _own(subj, speaker_names) or (subj is not None and subj.lower_ == "it"
                                                  and speaks_as_body(speaker_names))):
                return Stance.THREATEN, t  # "it would organize a boycott if the video is not released"

        if any(c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may") for c in t.children) and (
            lemma in HARMING or any(c.dep_ == "dobj" and c.lemma_.lower() in HARMS for c in t.children)
        ) and not neg:
            return Stance.WARN, t  # "a rolling campaign would do real damage", "could hurt exports"
        own_subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if lemma in HELPING and not neg and own_subj is not None and own_subj.pos_ == "NOUN" and not future:
            return Stance.SUPPORT, t  # "the subsidies help 22 million Americans"
        if lemma == "do" and any(c.dep_ == "dobj" and c.lower_ == "nothing" for c in t.children) and any(
            c.dep_ in ("xcomp", "advcl", "acl", "relcl") for c in t.subtree if c.i > t.i
        ):
            return Stance.CRITICIZE, t  # "it did nothing to extend the subsidies"
        if t.tag_ == "VB" and subj is None and t.dep_ in ("ROOT", "ccomp") and lemma != "let" and not any(
            c.dep_ in ("aux", "mark") for c in t.children
        ) and (t.i == t.sent.start or t.doc[t.i - 1].pos_ in ("ADV", "PUNCT") or t.doc[t.i - 1].is_quote):
            return Stance.DEMAND, t  # an imperative
        if subj is not None and subj.lower_ == "you" and any(
            c.dep_ == "aux" and c.lower_ in ("must", "should") for c in t.children
        ):
            return Stance.DEMAND, t
        if subj is not None and not neg and not _own(subj, speaker_names) \
                and subj.lower_ not in ("it", "this", "that") \
                and (subj.pos_ == "PROPN" or subj.ent_type_ or subj.lemma_.lower() in BODIES
                     or (subj.lemma_.lower() in people_nouns() and lemma not in EXPECTED and any(
                         c.dep_ in ("compound", "amod") and (c.ent_type_ or c.pos_ == "PROPN") for c in subj.children))
                     ) and (  # ("U.S. politicians should stop …", not "Canadian families should see lower prices")
            any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in t.children)
            or (lemma in ("have", "need") and any(c.dep_ == "xcomp" and _to_infinitive(c) for c in t.children))
        ):
            return Stance.DEMAND, t  # "the council has to keep rents low", "Europe must act"
    return None


def _put_forward(noun: Token) -> bool:
    """Figures someone put forward, which a rejection denies: "the province's figures",
    "those numbers", "the regulator's conclusion" (not "the number of migrants", a
    quantity, or "the conclusion of the talks")."""
    return noun.lemma_.lower() in FIGURES and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) and _definite(noun)


def _warranting(t: Token) -> Token | None:
    """The verb whose subject ``t`` says was warranted: "was necessary", "was painful but
    necessary", "was needed" (not negated)."""
    verb = None
    if t.lemma_.lower() in WARRANTED:
        adj = t.head if t.dep_ == "conj" and t.head.dep_ == "acomp" else t
        if adj.dep_ == "acomp" and adj.head.lemma_ == "be" and not negated(t):
            verb = adj.head
    elif t.lemma_.lower() == "need" and t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children):
        verb = t
    if verb is None or negated(verb) or any(  # "may no longer be necessary", "if the ban is necessary"
            (c.dep_ == "advmod" and c.lower_ == "longer")
            or (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")) for c in verb.children
    ) or any(a.lemma_.lower() in DOUBTING for a in verb.ancestors):
        return None  # ("doubted the ban was necessary")
    return verb


def _definite(noun: Token) -> bool:
    """A noun for something that exists: "the ban", "these measures", "the government's plan"
    (not "a decision", "change", "more cuts", "new regulation")."""
    mods = [*noun.children, *(g for c in noun.children if c.dep_ == "compound" for g in c.children)]
    # (the owner may hang on a compound: "the exporters' jobs estimate")
    return not any(c.lower_ in ("more", "further", "new", "additional", "other") for c in mods) and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in mods)


def _pressure_move(verb: Token) -> bool:
    """The verb's act, promised, is pressure on someone: a strike, a protest, a blockade, a
    lawsuit ("would stage protests outside Congress", "will file its appeal", "would take the
    council to court", "will be back in the streets", "would block the highway")."""
    lemma = verb.lemma_.lower()
    if lemma in PRESSING_MOVES:
        return True
    back = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "back"]  # "will be back in …"
    for c in (c for h in [verb, *back] for c in h.children):
        obj = c.lemma_.lower()
        if c.dep_ == "dobj" and lemma in LAUNCHING and (obj in PROTESTS or (
                obj in LEGAL_MOVES and (obj != "appeal" or lemma in ("file", "lodge")))):
            return True  # (not "launch an appeal" for donations)
        if c.dep_ == "dobj" and lemma in ("fill", "flood") and obj == "street":
            return True
        if c.dep_ == "prep" and (lemma in TAKING or back) and c.lower_ in ("to", "in", "into", "onto", "on") \
                and any(p.dep_ == "pobj" and p.lemma_.lower() in ("court", "street") and not any(
                    a.dep_ in ("amod", "compound") for a in p.children) for p in c.children):
            return True  # "take the council to court", "see you in court" (not "be in court for sentencing")
    return False


def _in_other_act(tok: Token, inside: set[int]) -> bool:
    """A word of a statement of its own within the content: "he would not put the plan
    to a vote, which he described as a reckless giveaway" — "reckless" is the
    description's, not the refusal's."""
    for a in tok.ancestors:
        if a.i not in inside:
            return False
        if a.dep_ == "relcl" and a.head.i in inside and match_verb_cue(a) is not None:
            return True
    return False


def content_stance(
    tokens: list[Token], speaker_names: set[str] = frozenset()
) -> tuple[Stance, Token | None]:
    """Vote on the stance of content tokens; returns the stance and the word that decided it."""
    votes: Counter[Stance] = Counter()
    first: dict[Stance, Token] = {}
    voters: list[tuple[Stance, Token]] = []  # every word that voted, for the depth of each stance
    lex = evaluative()
    shaped = clause_stance(tokens, speaker_names)
    if shaped is not None:
        votes[shaped[0]] += 2
        first[shaped[0]] = shaped[1]
        voters.append(shaped)
    inside = {t.i for t in tokens}
    for t in tokens:
        if _in_other_act(t, inside):
            continue
        lemma = t.lemma_.lower()
        if lemma == "call" and t.i >= 2 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].lower_ == "so":
            votes[Stance.CRITICIZE] += 1  # "the so-called investigation"
            first.setdefault(Stance.CRITICIZE, t)
            voters.append((Stance.CRITICIZE, t))
            continue
        if t.pos_ == "VERB" and (lemma in ACCUSING_VERBS or lemma in REFUSING_VERBS):
            # the doer: the subject, or the agent of a passive ("financed by official Belgrade"),
            # or the subject of the verb it completes ("they are trying to frighten people")
            subj = [c for c in t.children if c.dep_ == "nsubj"] or [
                p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
            ] or ([c for c in t.head.children if c.dep_ == "nsubj"] if t.dep_ == "xcomp" else [])
            if subj and (subj[0].ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or subj[0].pos_ == "PROPN"
                         # "France and Germany said they opposed …": "they" may be the speakers
                         or (subj[0].lower_ in ("they", "he", "she") and lemma != "oppose")) \
                    and not _own(subj[0], speaker_names) and not negated(t):
                st = Stance.ACCUSE if lemma in ACCUSING_VERBS else Stance.CRITICIZE
                votes[st] += 2
                first.setdefault(st, t)
                voters.append((st, t))
                continue
        shaped_word = _phrase_stance(t, speaker_names)
        if shaped_word is not None:
            votes[shaped_word] += 2
            first.setdefault(shaped_word, t)
            voters.append((shaped_word, t))
            continue
        if lemma not in lex or (lemma == "against" and any(c.lemma_ == "will" for c in t.children)):
            continue  # "moved off it against their will" opposes nothing
        if t.dep_ == "compound" or (t.pos_ == "PROPN" and t.ent_type_) or _name_like(t) or (
                lemma in PREDICATED_ONLY and (t.pos_ != "ADJ" or (
                t.dep_ == "amod" and t.head.lemma_.lower() in NEUTRAL_HEADS))):
            continue  # "the lie detector", "fair weather", "the county fair", "the Ironclads": no judgement
        plain, neg = lex[lemma]
        if t.pos_ == "ADV" and plain is Stance.ACCUSE and t.head.pos_ == "VERB" \
                and _subject_of(t.head, ("nsubj", "nsubjpass")) is None:
            continue  # "attempts to cross illegally": no one did it ("was started deliberately" still accuses)
        st = neg if _word_negated(t) else plain
        if st is not None:
            votes[st] += 1
            first.setdefault(st, t)
            voters.append((st, t))
    depth: dict[Stance, int] = {}
    for k, t in voters:
        depth[k] = min(depth.get(k, 99), _depth(t, inside))
    st = strongest(votes, depth)
    return st, first.get(st)


def _name_like(t: Token) -> bool:
    """A capitalised word inside a sentence (not after a quotation mark): a name ("buys Ironclads
    tickets"), not an evaluative word."""
    if not t.is_title or t.i == t.sent.start:
        return False
    prev = t.doc[t.i - 1]
    return not (prev.is_quote or prev.is_punct and prev.text in (":", "—", "–", "("))


def _depth(tok: Token, inside: set[int]) -> int:
    """How deep a word sits in the content: "it was insulting that they called students a
    risk" is about the insult (depth 0) before the risk (depth 3)."""
    n = 0
    while tok.head.i != tok.i and tok.head.i in inside and n < 20:
        tok = tok.head
        n += 1
    return n


def _against(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children)


def blamed_on(t: Token) -> list[Token]:
    """Who a word of blame lays it on: "Israel bore full responsibility" -> Israel, "the
    responsibility lies with Warsaw" -> Warsaw; nobody for a duty ("Germany bears a special
    responsibility for the security of Israel")."""
    lemma = t.lemma_.lower()
    if lemma == "responsible" and t.dep_ == "acomp" and t.head.lemma_ == "be" and not negated(t.head) and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(
                p.lemma_.lower() in MISDEEDS or any(  # (or "most of the fires")
                    q.dep_ == "pobj" and q.lemma_.lower() in MISDEEDS for o in p.children if o.dep_ == "prep"
                    for q in o.children)
                for p in c.children)
            for c in t.children):
        # "smallholders were responsible for most fires" (not "who was responsible": a question)
        return [c for c in t.head.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT")]
    if lemma not in ("responsibility", "blame"):
        return []
    head = t.head
    blamed = lemma == "blame" or any(c.lower_ in ("full", "entire", "sole", "direct") for c in t.children)
    if t.dep_ == "dobj" and head.lemma_ in ("bear", "carry") and blamed:
        return [c for c in head.children if c.dep_ == "nsubj"]
    if t.dep_ == "nsubj" and head.lemma_ in ("lie", "rest"):
        return [p for c in head.children if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children if p.dep_ == "pobj"]
    return []


def _phrase_stance(t: Token, speaker_names: set[str]) -> Stance | None:
    """Stances set phrases carry: blame laid on someone else ("Israel bore full
    responsibility", "the responsibility lies with Warsaw") accuses; options kept "on the
    table" and a promise "not to hesitate" threaten; the speaker's side standing with someone
    supports them ("the United States stands with our ally", said by a US official)."""
    lemma = t.lemma_.lower()
    bearers = blamed_on(t)
    if bearers and bearers[0].lower_ not in ("i", "we") and bearers[0].text not in speaker_names:
        return Stance.ACCUSE
    if lemma == "table" and t.head.lower_ in ("on", "off") and t.head.head.i != t.head.i:
        verb = t.head.head
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and (subj[0].lemma_.lower() == "option" or (t.head.lower_ == "off" and subj[0].lower_ == "nothing")):
            return Stance.THREATEN  # "every option remains on the table", "nothing is off the table"
    if lemma == "overdue" and any(c.lower_ == "long" for c in t.children):
        return Stance.SUPPORT  # "the charges were long overdue": welcome, if late
    doer = next((c for c in t.children if c.dep_ == "nsubj"), None)
    by_own_side = doer is None or _own(doer, speaker_names, strict=True) or doer.lower_ in ("it", "we", "they")
    if lemma in DENYING and t.pos_ == "VERB" and not negated(t) and by_own_side and doer is not None and not any(
            c.dep_ in ("dative", "prep") for c in t.children) and any(
            (c.dep_ == "dobj" and c.lemma_.lower() in DISPUTABLE) or c.dep_ in ("ccomp", "xcomp")
            or (c.dep_ == "dobj" and c.tag_ == "VBG") for c in t.children):
        # (a claim or a clause denied: not "denied the asylum application", "denied entry to 40 migrants")
        return Stance.DENY  # "the company said it “categorically denies” knowingly sourcing …"
    if lemma in PROTESTING and not negated(t) and by_own_side and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("protest", "complaint", "démarche", "demarche")
            for c in t.children):
        return Stance.CRITICIZE  # "lodged a formal protest with the Turkish ambassador"
    if lemma == "summon" and not negated(t) and by_own_side and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in ENVOYS or any(
                a.lemma_.lower() in ENVOYS for a in c.subtree)) for c in t.children):
        return Stance.CRITICIZE  # "would summon China's ambassador"
    if lemma == "stand" and not negated(t) and _own(
            next((c for c in t.children if c.dep_ == "nsubj"), None), speaker_names, strict=True) and any(
            c.dep_ == "prep" and c.lower_ in ("with", "behind") and any(
                p.dep_ == "pobj" and (p.pos_ in ("PROPN", "PRON") or p.ent_type_ or p.lemma_.lower() in people_nouns()
                                      or any(a.pos_ == "PROPN" for a in p.children if a.dep_ == "appos"))
                for p in c.children)
            for c in t.children):
        return Stance.SUPPORT  # "the United States stands with our ally", "we stand behind them"
    if lemma == "hesitate" and negated(t) and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo")
                                                  for c in t.children) and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in FORCEFUL for c in t.children):
        return Stance.THREATEN  # "we will not hesitate to use every tool" (not "… to provide aid")
    return None


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
    if cue.lemma == "tell" and any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() not in AUDIENCES
                                   for c in tok.children) and any(
            c.dep_ == "xcomp" and c.lemma_.lower() not in ("expect", "anticipate", "prepare") and _to_infinitive(c) for c in tok.children):
        return Stance.DEMAND, None  # "told pharmacies to quarantine the stock": an order
    if cue.stance is None:
        st, word = content_stance(content, speaker_names)
        if cue.lemma in CHARACTERISING and st in (Stance.WARN, Stance.THREATEN):
            return Stance.CRITICIZE, word  # calling something "a threat" or "hysteria" criticises it
            # (calling it "an act of aggression" accuses)
        return st, word
    if _rejects_claim(cue, tok):
        return Stance.DENY, None
    if cue.stance is Stance.WARN:
        act = _own_future_act(content, speaker_names)
        if act is not None:
            return Stance.THREATEN, act  # "warned that the unions would harden the movement"
    return cue.stance, None


def _own_future_act(content: list[Token], speaker_names: set[str]) -> Token | None:
    """The act a warning announces when the speaker's own side is to do it: "warned that
    her party would table a motion", "warned it will not stand idly by" (said by Egypt).
    A warning of one's own action is a threat; of what others or events may do, a warning."""
    for t in content:
        if t.pos_ not in ("VERB", "AUX") or t.dep_ not in ("ROOT", "ccomp", "conj") or not any(
                c.dep_ == "aux" and c.lower_ in PROMISING for c in t.children):
            continue
        if t.lemma_.lower() in ("be", "have") or t.lemma_.lower() in HAPPENINGS \
                or (t.lemma_.lower() == "go" and any(c.dep_ in ("acomp", "prt") for c in t.children)):
            continue  # "would be a disaster", "would hurt exports", "his troops would run out of
            # ammunition", "its members would go bankrupt": what will happen, not what they will do
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        if _own(subj, speaker_names, strict=True) or (
            (subj.lemma_.lower() in OWN_BODIES or subj.lower_ in OWN_BODIES) and any(
                c.dep_ == "poss" and (c.lower_ in ("my", "our", "his", "her")
                                      or _own(c, speaker_names, strict=True)
                                      or (c.lower_ in ("its", "their") and speaks_as_body(speaker_names)))
                for c in subj.children)  # "his troops would resist", "its members would strike" (a union's)
        ) or (subj.lower_ == "it" and t.lemma_.lower() not in IMPERSONAL
              and speaks_as_body(speaker_names)):
            return t
        return None  # the first clause with a subject decides
    return None


def _rejects_claim(cue: Cue, tok: Token) -> bool:
    """A rejection of what was claimed denies it: "dismissed that characterization",
    "rejected the accusation", "disputed those figures", "an allegation the agency rejects",
    "pushed back on the whistleblower's account"."""
    return cue.stance in (Stance.OPPOSE, Stance.CRITICIZE) and (any(
        c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in CLAIM_NOUNS or (
            cue.stance is Stance.OPPOSE and _put_forward(c))) for c in tok.children
    ) or (tok.dep_ == "relcl" and tok.head.lemma_.lower() in CLAIM_NOUNS) or (
        cue.stance is Stance.OPPOSE and " " in cue.lemma and any(c.dep_ == "prep" and c.lower_ in ("on", "against", "at") and any(
            p.dep_ == "pobj" and p.lemma_.lower() in CLAIM_NOUNS for p in c.children) for c in tok.children)))


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
        if (c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.lower_ in ("back", "out", "aside", "away", "off"))) and (
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
