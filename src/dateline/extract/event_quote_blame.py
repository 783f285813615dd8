"""Accusations spoken in quotes: blame (``data/disapproval_words.tsv``) a speaker says about an
actor named near it is the speaker's ACCUSE ("Netanyahu's comments are political bravado, Abu
Zuhri said"; "the charges are politically motivated"; "said Dorvan was behind the bombing").
Blame predicated of a thing with no actor named ('"These are terrorist acts," the minister said',
'said the offices were illegal') accuses whoever did it, unnamed: the speaker's ACCUSE all the same.

Not blame: a word inside an actor's own mention ("these terrorists") only names it; a label
others give ("are deemed terrorists", "convicted of crimes") is theirs, not the speaker's; and
blame said of a charge ("ridiculous allegations") rejects that charge (``event_naming``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_naming import BLAMED_MOTIVES, CHARGE_NOUNS
from dateline.extract.event_noun_triggers import names_a_force_act
from dateline.extract.event_parse import lemma_of, objects_of
from dateline.extract.event_types import HARM_WORDS
from dateline.extract.lexicon import disapproval_words
from dateline.model import Event, Quote, Span

# Passive verbs of judging whose complement is a label others give ("are considered terrorists").
JUDGING_VERBS = frozenset(
    {"consider", "regard", "deem", "view", "see", "label", "brand", "classify", "designate"}
)
# Legal verbs whose of / with / for phrase names the charge ("convicted of crimes").
LEGAL_VERBS = frozenset(
    {"convict", "charge", "accuse", "suspect", "indict", "acquit", "prosecute", "jail", "sentence"}
)


def accusations(
    doc: Doc,
    analysis: EntityAnalysis,
    quotes: list[Quote],
    numbered: int,
    taken: set[int],
    nation_of: Callable[[Token], str | None] = lambda _: None,
) -> list[Event]:
    """'Netanyahu's comments are political bravado, Abu Zuhri said': blame spoken about an
    actor is the speaker's ACCUSE against it (one per quote, at its first word of blame).

    ``numbered``: how many events have ids already; ``taken``: their triggers' start offsets;
    ``nation_of``: the nation a word's qualifier names ("Russian aggression"), as an entity id."""
    words = disapproval_words()
    events: list[Event] = []
    for quote in quotes:
        speaker = quote.speaker.entity if quote.speaker else None
        if speaker is None:
            continue
        for part in quote.content:
            blame = _blame_in(doc, (part.start, part.end), words, taken, analysis)
            if blame is None:
                continue
            # "deterrence against Russian aggression": the blame's own qualifier names whom it is
            # laid on, before any party named nearer in the sentence (the victim, often)
            target = nation_of(blame) if blame.pos_ == "NOUN" else None
            target = target or _target_near(analysis, blame, part.start, part.end, speaker)
            if target is None and not _predicated(blame):
                continue
            start, end = blame.idx, blame.idx + len(blame.text)
            events.append(
                Event(
                    id=f"V{numbered + len(events) + 1}", type="ACCUSE", mode="disapprove", modality="asserted",
                    actors=[speaker], recipients=[target] if target else [],
                    trigger=Span(start, end, blame.text),
                    place=None, date=None, quote=quote.id,
                )
            )  # fmt: skip
            break
    return events


def _blame_in(
    doc: Doc, bounds: tuple[int, int], words: frozenset[str], taken: set[int], analysis: EntityAnalysis
) -> Token | None:
    """The first word of blame in the quote's part ``bounds`` that is not a group's name."""
    span = doc.char_span(*bounds, alignment_mode="contract")
    for token in span or []:
        if (
            (lemma_of(token) not in words and not _blamed_motive(token))
            or token.idx in taken
            or _negated_word(token)
        ):
            continue
        if _label_of_others(token) or _judges_a_charge(token) or _verb_of_place(token):
            continue
        if not _names_a_group(token, analysis):
            return token
    for token in span or []:
        if _culpable_for_harm(token) and token.idx not in taken and not _negated_word(token):
            return token
    return None


# Said of a party, these lay an act on it: "said Marovia was behind the cyberattack", "said
# Dorvan was responsible for the strike". Only with an act of force or harm after them: "the
# ministry is responsible for schools" blames no one.
CULPABILITY_WORDS = frozenset({"responsible", "behind", "culpable"})


def _culpable_for_harm(token: Token) -> bool:
    """'Was behind the bombing', 'is responsible for the attack': a copula's word of culpability
    with an act of force or harm (a noun the trigger table types ASSAULT or COERCE, or a harm word)."""
    if token.lower_ not in CULPABILITY_WORDS or lemma_of(token.head) != "be":
        return False
    acts = (
        objects_of(token, {"for"})
        if token.lower_ != "behind"
        else [c for c in token.children if c.dep_ == "pobj"]
    )
    return any(
        lemma_of(act) in HARM_WORDS
        or names_a_force_act(act)
        or any(lemma_of(c) in HARM_WORDS for c in act.children if c.dep_ == "compound")
        for act in acts
    )


def _label_of_others(token: Token) -> bool:
    """A word of blame that reports someone else's label, not the speaker's own: what a passive
    verb of judging calls something ('they are considered terrorists', 'is deemed a crime',
    'regarded as criminals'), or the charge a court or a prosecutor brings ('convicted of crimes',
    'charged with corruption'), which the legal verb itself states."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        if lemma_of(head.head) in LEGAL_VERBS and head.lower_ in {"of", "with", "for"}:
            return True
        if head.lower_ == "as":
            head = head.head  # "regarded as criminals"
        else:
            return False
    elif token.dep_ not in {"oprd", "attr", "acomp"}:
        return False
    passive = any(c.dep_ == "auxpass" for c in head.children)
    return lemma_of(head) in JUDGING_VERBS and passive


# Words of blame only as nouns: the verb "lie" tells where something is ("Venezuela, which lies 11
# kilometers away", "behind the figure lies a harder question"), not a falsehood.
NOUN_ONLY_BLAME = frozenset({"lie"})


def _verb_of_place(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and lemma_of(token) in NOUN_ONLY_BLAME


def _blamed_motive(token: Token) -> bool:
    """'The charges are politically motivated', 'a politically motivated verdict': a motive that
    blames whoever brought the act."""
    return token.lower_ == "motivated" and any(c.lower_ in BLAMED_MOTIVES for c in token.children)


def judged_in(doc: Doc, blame: Event, start: int) -> bool:
    """Whether the word at offset ``start`` stands in the phrase a blame event's word judges ('the
    detention of Vale' in '"The detention of Vale is outrageous," she said')."""
    span = doc.char_span(blame.trigger.start, blame.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.idx == start for judged in _judged(span.root) for t in judged.subtree)


def _judged(token: Token) -> list[Token]:
    """What a word of blame is said of: 'unjustified duties', 'the duties are unjustified'."""
    if token.dep_ == "amod":
        return [token.head]
    if token.dep_ in {"acomp", "attr", "oprd"}:
        return [
            c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "oprd"} and c != token
        ]
    return []


def _judges_a_charge(token: Token) -> bool:
    """'Baseless allegations', 'the charges are unjustified', 'called the claims biased': a word of
    blame said of another's charge rejects that charge (``event_naming`` codes it so), it does not
    lay a wrong on anyone."""
    # the parser may read "called Marovia's claims 'baseless'" as two complements
    return any(lemma_of(t) in CHARGE_NOUNS for t in _judged(token))


# A facility or a region is where blame is laid, not whom it is laid on: "the camp is the perfect
# place to hold criminals" blames no camp.
PLACE_TYPES = frozenset({"FAC", "LOC"})


def _names_a_group(token: Token, analysis: EntityAnalysis) -> bool:
    """'33 terrorists', 'other terrorist groups': the word is inside the mention of a group that
    has no other name than it, and only names the group. 'The terrorist regime' of a named
    country is blame spoken at that country."""
    found = analysis.mention_at(token.i)
    return found is not None and token.lower_ in found[1].name.lower()


def _target_near(analysis: EntityAnalysis, blame: Token, start: int, end: int, speaker: str) -> str | None:
    """The actor the blame is about: in the same sentence of the quote, nearest first."""
    sentence = blame.sent
    candidates = sorted(
        (t for t in sentence if start <= t.idx < end and t.i in analysis.token_mentions),
        key=lambda t: abs(t.i - blame.i),
    )
    for token in candidates:
        found = analysis.mention_at(token.i)
        if found is None or found[1].id == speaker or found[1].type in PLACE_TYPES:
            continue
        if not _undergoes_an_act(token):
            return found[1].id
    return None


def _undergoes_an_act(token: Token) -> bool:
    """'The detention of Ann Vale is outrageous', 'arrests, including of journalists': one an act
    of force is done to, named in its of-phrase, suffered the wrong the blame is about; it is laid
    on whoever did the act."""
    for word in token.ancestors:
        if word.dep_ == "prep" and word.lower_ == "of":
            act = word.head.head if word.head.lower_ == "including" else word.head
            return act.pos_ == "NOUN" and names_a_force_act(act)
        if word.pos_ in {"VERB", "AUX"}:
            return False
    return False


# Verbs that predicate a name of a thing: "these are terrorist acts", "the program amounts to".
PREDICATING = frozenset({"be", "amount", "constitute", "become"})
# Speakers of themselves, whose blame is their own confession or a figure of speech.
OWN_PRONOUNS = frozenset({"i", "we", "you"})


def _predicated(blame: Token) -> bool:
    """'These are terrorist acts', 'the offices were illegal': blame is the predicate (or a word of
    it) of a clause about something other than the speaker ('we are not criminals' is a defence)."""
    node = blame.head if blame.dep_ in {"amod", "compound"} else blame
    if node.dep_ not in {"attr", "acomp"} or lemma_of(node.head) not in PREDICATING:
        return False
    subjects = [c for c in node.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].lower_ not in OWN_PRONOUNS


def _negated_word(token: Token) -> bool:
    """'not illegal', 'no provocation'."""
    return any(c.dep_ == "neg" or c.lower_ == "no" for c in (*token.children, *token.head.children))
