"""Accusations a speaker makes by stating another actor's wrong, with no word of blame of its own.

Decided here: whether what an attribution reports lays a wrong on another named actor, which is
the speaker's ACCUSE against that actor (PLOVER: alleging wrongdoing is an accusation), beside
any event the content itself states:

* a wrong done by the content's subject: 'the commission says Dorvan's army committed abuses',
  'Oskel said Dorvan violated the truce', 'said Kessaria was failing to rein in the militias',
  'says the Velmar government is involved in smuggling';
* a statement the sentence itself names a charge answered by a denial: 'Marovia says rebels train
  on Dorvan's soil, a charge Dorvan denies' (the one who denies is whom it is laid on).

Not an accusation: a doer reporting its own act ('the army said it killed ten militants': the
subject is the speaker or a pronoun), an act of force told in a quote (an event of its own, whose
blame the annotators do not count apart), a word of harm with no one named as its doer.
``event_types.accusations`` handles blame words in quotes ('called the plan reckless'); the events
stage runs both over the same quotes, and an accusation already coded in a sentence is not coded
twice.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_modality import in_condition
from dateline.extract.event_parse import DENIAL_REACH, NOUN_SUBJECTS, lemma_of
from dateline.model import Event, Quote, Span

# Verbs whose subject does a wrong whatever its object: 'violated the ceasefire', 'breached the
# accord', 'flouted the ruling'.
WRONG_VERBS = frozenset({
    "violate", "breach", "flout", "sabotage", "obstruct", "rig", "persecute", "oppress", "hack", "meddle",
    "interfere", "mislead", "betray", "steal", "harbor", "harbour",
})  # fmt: skip
# What one commits that is a wrong: 'committed abuses', 'committed war crimes'.
WRONG_DEEDS = frozenset({
    "abuse", "crime", "atrocity", "genocide", "violation", "massacre", "fraud", "torture", "murder",
    "war-crime", "offense", "offence",
})  # fmt: skip
# What one is involved in that is a wrong: 'involved in drug trafficking', 'involved in the plot'.
WRONG_DOINGS = WRONG_DEEDS | frozenset({
    "trafficking", "smuggling", "plot", "corruption", "terrorism", "coup", "bribery", "laundering",
})  # fmt: skip
# 'In violation of the rules', 'in breach of the accord', 'in defiance of the ruling'.
BREACH_NOUNS = frozenset({"violation", "breach", "defiance", "contravention"})
# What a party fails to do that is its duty: 'failed to prevent the raids', 'failing to rein in'.
DUTIES = frozenset({
    "prevent", "stop", "protect", "rein", "curb", "address", "act", "comply", "honor", "honour",
    "respect", "fulfil", "fulfill", "halt", "control", "punish", "disarm", "investigate", "enforce",
    "uphold", "implement", "disclose", "report", "condemn", "pay", "provide", "defend",
})  # fmt: skip
# Answering a statement with these makes it a charge ('a charge Dorvan denies').
DENIAL_VERBS = frozenset({"deny", "reject", "dispute", "dismiss", "refute"})
# Entity types that are who is accused: not a place.
ACCUSABLE_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "GROUP"})


def stated_wrongs(doc: Doc, analysis: EntityAnalysis, quotes: list[Quote], coded: list[Event]) -> list[Event]:
    """The speakers' accusations in ``quotes`` that state another actor's wrong (one per quote).

    ``coded``: the events coded so far; a sentence with an accusation among them is not coded
    again, and a wrong that is an event of its own ('hacked') is laid on that event's actors."""
    blamed_sentences = {_sentence_start(doc, e.trigger.start) for e in coded if e.type == "ACCUSE"}
    doers = {e.trigger.start: e.actors for e in coded if e.actors and e.actors_from is None}
    # 'troops violated the ceasefire, killing a soldier, the army said': an attack told is that
    # attack, which a coder counts instead of its teller's blame
    attacks = {e.trigger.start for e in coded if e.type == "ASSAULT"}
    # ids go on from the highest: second mentions dropped before leave gaps (events._without)
    last_id = max((int(e.id[1:]) for e in coded if e.id[1:].isdigit()), default=0)
    events: list[Event] = []
    for quote in quotes:
        speaker = quote.speaker.entity if quote.speaker else None
        if speaker is None:
            continue
        for part in quote.content:
            span = doc.char_span(part.start, part.end, alignment_mode="contract")
            if span is None or span.sent.start in blamed_sentences:
                continue
            found = _wrong_in(span, analysis, speaker, doers, attacks) or _answered_charge(
                span, analysis, speaker
            )
            if found is None:
                continue
            trigger, target = found
            blamed_sentences.add(span.sent.start)
            start, end = trigger.idx, trigger.idx + len(trigger.text)
            events.append(
                Event(
                    id=f"V{last_id + len(events) + 1}", type="ACCUSE", mode="allege", modality="asserted",
                    actors=[speaker], recipients=[target], trigger=Span(start, end, trigger.text),
                    place=None, date=None, quote=quote.id,
                )
            )  # fmt: skip
            break
    return events


def _sentence_start(doc: Doc, offset: int) -> int | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.sent.start if span is not None else None


def _wrong_in(
    span: TokenSpan, analysis: EntityAnalysis, speaker: str, doers: dict[int, list[str]], attacks: set[int]
) -> tuple[Token, str] | None:
    """The first verb of the content that lays a wrong on its named subject, and that subject (the
    actor of the event the verb is, when it is one: 'Russian hackers' named only as a qualifier)."""
    for word in span:
        # 'obtained rifles in violation of the rules': the phrase may hang on the verb's object
        breach = any(_in_breach(c) for c in word.children)
        token = _verb_above(word) if breach else word
        if token.pos_ not in {"VERB", "AUX", "ADJ"} or not (breach or _does_wrong(token)) or _negated(token):
            continue
        if in_condition(token) or token.idx in attacks:
            continue  # 'if the president rigs the election': a wrong supposed; an attack: see stated_wrongs
        own = [a for a in doers.get(token.idx, []) if a != speaker]
        target = own[0] if own else _named_subject(token, analysis, speaker)
        if target is not None:
            return token, target
    return None


def _does_wrong(verb: Token) -> bool:
    """'violated the truce', 'committed abuses', 'failed to prevent', 'is involved in trafficking'."""
    lemma = lemma_of(verb)
    if lemma in WRONG_VERBS:
        return True
    if lemma == "commit":
        return any(lemma_of(c) in WRONG_DEEDS for c in verb.children if c.dep_ == "dobj")
    if lemma == "cover":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)  # 'covered up the killings'
    if lemma == "lie":
        return any(
            c.dep_ == "prep" and c.lower_ in {"to", "about"} for c in verb.children
        )  # not 'lies in the north'
    if lemma == "fail":  # a duty not done, not an aim missed ('failed to reach a deal', 'to win')
        return any(c.dep_ == "xcomp" and lemma_of(c) in DUTIES for c in verb.children)
    if lemma == "involve":
        return any(
            lemma_of(g) in WRONG_DOINGS or any(lemma_of(c) in WRONG_DOINGS for c in g.children)
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "in"
            for g in p.children
            if g.dep_ == "pobj"
        )
    return False


def _verb_above(token: Token) -> Token:
    """The nearest verb at or above ``token`` in the parse (``token`` itself if there is none)."""
    return next((t for t in (token, *token.ancestors) if t.pos_ in {"VERB", "AUX"}), token)


def _in_breach(prep: Token) -> bool:
    """'in violation of', 'in breach of', 'in defiance of': a phrase saying the act is a wrong."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(g.dep_ == "pobj" and lemma_of(g) in BREACH_NOUNS for g in prep.children)
    )


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _named_subject(verb: Token, analysis: EntityAnalysis, speaker: str) -> str | None:
    """The entity a verb's subject names (not a pronoun, not the speaker); a verb with none of its
    own takes its head's ('failing to rein in', 'is involved'). A passive's subject is whom the
    wrong was done to ('her account had been hacked'), not its doer: 'is involved in' aside, whose
    subject is the one involved. (Its agent, 'violated by the ministry', is named by the event the
    verb is, when it is one; taken from the by-phrase alone it cost the held-out PolNeAR stories a
    false event.)"""
    if lemma_of(verb) != "involve" and _passive(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ in NOUN_SUBJECTS]
    if not subjects and verb.dep_ in {"conj", "xcomp"}:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for subject in subjects:
        # a pronoun only when the text resolves it to another actor ('arguing it had failed to ...')
        for token in [subject] if subject.pos_ == "PRON" else subject.subtree:
            found = analysis.mention_at(token.i)
            if found is not None and found[1].id != speaker and found[1].type in ACCUSABLE_TYPES:
                return found[1].id
    return None


def _passive(verb: Token) -> bool:
    """'had been hacked', 'is violated by', 'felt betrayed by'."""
    return any(c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in verb.children)


def _answered_charge(span: TokenSpan, analysis: EntityAnalysis, speaker: str) -> tuple[Token, str] | None:
    """'..., a charge the Dorvan government denies', '..., an accusation Oskel rejects': the
    content's sentence names it a charge, answered by a denial; the charge noun and the denier."""
    sentence = span.sent
    for token in sentence:
        if token.i <= span.start or {lemma_of(token), token.lower_.rstrip("s")}.isdisjoint(
            lexicon.CHARGE_NOUNS
        ):
            continue
        before = token.doc[max(sentence.start, token.i - 3) : token.i]
        if not any(t.text == "," for t in before):
            continue
        for verb in token.doc[token.i + 1 : min(sentence.end, token.i + 1 + DENIAL_REACH)]:
            if lemma_of(verb) not in DENIAL_VERBS:
                continue
            for other in [*token.doc[token.i + 1 : verb.i], *span]:  # the denier, else whom the content names
                found = analysis.mention_at(other.i)
                if found is not None and found[1].id != speaker and found[1].type in ACCUSABLE_TYPES:
                    return token, found[1].id
    return None
