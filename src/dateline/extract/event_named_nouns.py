"""Events stated by a noun that names its parties: 'talks between Marovia and Dorvan', 'the
Marovia-Dorvan war', 'a Pellanese and Kessarian proposal', 'the withdrawal of Marovian troops'.

A noun of the trigger table fires where a verb does something with it ("held talks") or where it
has its own actor ("Blinken's plea", see ``event_noun_triggers``). A news analyst counts an act named by
its noun too, wherever the noun stands ("discussions with the Fund are progressing", "follow the
Marovia-Dorvan talks", "the conflict between Oskel and Pellane"), when the noun phrase says who
took part: two parties joined by a hyphen or by "and" before it, or a phrase with a party after it
("between", "among", "with", "against", "by", "of"). A noun with no party named ("talks are
important", "the nuclear deal is a bad deal"), or whose phrase names something other than a party
("the war on drugs", "a conflict of interest", "a great deal of money"), names a topic or a thing,
and no act; so does a noun that only qualifies another ("war movies", "a meeting room").

A noun found only so is often the story's second mention of an act it states elsewhere ("Marovia is
negotiating a loan ... discussions with the Fund are progressing"), or the name a speaker gives a
thing ("can be described as a meeting of democracies"): see ``restated`` and ``names_its_parties``.

Some nouns are events only in this way: a "war", a "conflict" or a "proposal" with no party named
is a state of affairs or a plan, with one ("the war between Oskel and Pellane") the parties' act.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dateline.extract.event_modality import UNSTATED
from dateline.extract.event_parse import dated, lemma_of, objects_of
from dateline.extract.gazetteer import lookup

if TYPE_CHECKING:
    from dateline.model import Event

# Nouns that are an act only when their parties are named (see the module docstring), and its type.
PARTY_NOUNS = {
    "war": "ASSAULT",
    "conflict": "ASSAULT",
    "hostility": "ASSAULT",
    "discussion": "CONSULT",
    "proposal": "REQUEST",
}
# What a party after each preposition may be a party to. "between" and "among" name the parties
# of any act; "with" the other side of a meeting, a joint act or a fight ("a deal with Dorvan" is
# often one that stands, not one made); "against" the target of a fight or a protest; "by" the
# doer; "of" who meets ("a meeting of ministers"), whose troops withdraw, or whom a protest is
# against.
PARTY_PREPS: dict[str, set[str] | None] = {
    "between": None,
    "among": None,
    "with": {"CONSULT", "COOPERATE", "ASSAULT"},
    "against": {"ASSAULT", "PROTEST"},
    "by": {"CONSULT", "AGREE", "COOPERATE", "ASSAULT", "PROTEST", "REQUEST", "REJECT", "RETREAT"},
    "of": {"CONSULT", "PROTEST", "RETREAT"},
}
# Nouns of a withdrawal, whose of-phrase names who withdraws ("the pullout of Marovian troops"); of
# another retreat it names who is let go ("the release of all prisoners"), a recipient, no party.
WITHDRAWAL_NOUNS = frozenset({"withdrawal", "pullout", "pull-out"})
# Acts this rule leaves to their own rules: words of speech and of force short of fighting are
# often a topic ("the sanctions against Dorvan", "the accusations by Vale"), decided elsewhere.
OTHER_RULES = {"ACCUSE", "THREATEN", "COERCE", "SANCTION", "MOBILIZE", "AID", "CONCEDE", "SUPPORT"}
# Acts named as ones that may come: "future talks with Dorvan", "a possible war with Oskel".
UNREAL = {"future", "possible", "potential", "eventual", "planned", "proposed", "hypothetical", "prospective"}
# "U.S.-Ukraine" is one token: at least two country names joined ("cross-border" joins none).
HYPHEN_PARTS_MIN = 2


def party_noun_type(noun: Token) -> str | None:
    """The type of a noun that is an act only with its parties named, if it is one."""
    return PARTY_NOUNS.get(lemma_of(noun))


def names_its_parties(noun: Token, event_type: str, is_party: Callable[[Token], bool]) -> bool:
    """Whether the noun phrase of an act names who took part in it (see the module docstring)."""
    if event_type in OTHER_RULES:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return False  # "can be described as a meeting of democracies": what a thing is called, no act
    if noun.dep_ in {"compound", "nmod"} or (noun.dep_ == "amod" and noun.head.i > noun.i):
        return False  # "war movies", "a meeting room": it qualifies another noun
    if any(c.dep_ == "amod" and lemma_of(c) in UNREAL for c in noun.children):
        return False  # "future negotiations with Dorvan": not held
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "ADJ":
        return False  # "supportive of cooperation with Oskel": a stance on a kind of act
    if lemma_of(noun) in PARTY_NOUNS and any(not _a_party(t, is_party) for t in objects_of(noun, {"of"})):
        return False  # "a war of words", "a conflict of interest": a figure of speech
    if _joined_names(noun, is_party):
        return True
    for preposition, types in PARTY_PREPS.items():
        if types is not None and event_type not in types:
            continue
        if preposition == "of" and event_type == "RETREAT" and lemma_of(noun) not in WITHDRAWAL_NOUNS:
            continue  # "the release of all prisoners": those let go, not who lets them go
        if any(_a_party(t, is_party) for t in objects_of(noun, {preposition})):
            return True
    return False


def _a_party(head: Token, is_party: Callable[[Token], bool]) -> bool:
    """A party named after a preposition: 'with the Fund', 'of Marovian troops', 'among Kenya,
    Somalia and the agency' (a party's troops or officials stand for it)."""
    if head.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}:
        return False
    if is_party(head):
        return True
    return any(
        c.dep_ in {"compound", "amod", "poss"} and c.ent_type_ in {"GPE", "NORP", "ORG"}
        for c in head.children
    )


def _joined_names(noun: Token, is_party: Callable[[Token], bool]) -> bool:
    """'The Marovia-Dorvan talks', 'the U.S.-Ukraine talks', 'a Pellanese and Kessarian proposal':
    two parties before the noun, joined by a hyphen or by 'and', are its two sides."""
    before = [w for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod"} for w in t.subtree]
    if noun.i > 0 and noun.doc[noun.i - 1] not in before:
        before.append(noun.doc[noun.i - 1])  # "follow U.S.-Ukraine talks": a misparsed name
    doc = noun.doc
    for word in before:
        if "-" in word.text and _hyphened_countries(word.text):
            return True  # "U.S.-Ukraine": the tokenizer keeps it one word
        if _named(word, is_party) and any(_named(c, is_party) for c in word.conjuncts):
            return True  # "a Chinese and Russian proposal"
        if (
            word.i + 2 < noun.i
            and doc[word.i + 1].text == "-"
            and not word.whitespace_
            and not doc[word.i + 1].whitespace_
            and _named(word, is_party)
            and _named(doc[word.i + 2], is_party)
            and doc[word.i + 2].ent_iob_ != "I"
        ):
            return True  # "the Marovia-Dorvan war": three words, two names ("al-Shabab" is one)
    return False


def _named(word: Token, is_party: Callable[[Token], bool]) -> bool:
    return word.ent_type_ in {"GPE", "NORP", "ORG"} or (word.pos_ == "PROPN" and is_party(word))


def _hyphened_countries(text: str) -> bool:
    parts = [p for p in text.split("-") if p]
    return len(parts) >= HYPHEN_PARTS_MIN and all(
        p[:1].isupper() and any(e.feature == "country" for e in lookup(p)) for p in parts
    )


def restated(events: list[Event], by_parties: set[str], nouns: dict[str, str]) -> set[str]:
    """The ids of the acts a noun naming its parties states where no verb does (``by_parties``, see
    ``Found.by_parties``) that a main event of the story, stated as happening, already tells: one of
    the same type that shares a party with it ("Marovia is negotiating a loan ... discussions with
    the Fund are progressing", the talks taking Marovia as their actor) or is named by the same
    noun (``nouns``: the lemma of each noun trigger; "the withdrawal began in May ... the withdrawal
    of Marovian troops"). A story names its act again as it goes on; the second mention is no new
    act. Of two such nouns the first stands. An act only hung on another ("the meeting where they
    agreed"), or denied or supposed, tells no act of its own that a noun could repeat."""
    dropped: set[str] = set()
    for k, event in enumerate(events):
        if event.id not in by_parties:
            continue
        parties = set(event.actors) | set(event.recipients)
        for j, told in enumerate(events):
            if j == k or told.type != event.type or told.governed_by is not None:
                continue
            if told.modality in UNSTATED:
                continue
            if told.id in by_parties and (j > k or told.id in dropped):
                continue
            # "the skirmish left two soldiers wounded": the wounding took its actors from the skirmish
            own = set(told.recipients) | (set(told.actors) if told.actors_from != event.id else set())
            same_noun = nouns.get(told.id) is not None and nouns.get(told.id) == nouns.get(event.id)
            if same_noun or parties & own:
                dropped.add(event.id)
                break
    return dropped


# Nouns of coercion that name an act of holding, restricting or silencing people ("the arrest of
# Ann Vale", "Velmar Front custody", "the crackdown on reporters"). "Sanctions on Dorvan" and "a ban
# on imports" are left out: a measure against a state is more often the topic of a story than an act
# it tells (see OTHER_RULES), and a ban's of-phrase is what it bans, no one coerced.
REPRESSION_NOUNS = frozenset({
    "arrest", "detention", "incarceration", "imprisonment", "custody", "crackdown", "curb", "curfew",
    "blockade", "siege", "repression", "persecution", "raid", "coup",
})  # fmt: skip
# Where a repression noun names who undergoes it: "the arrest of Ann Vale", "the crackdown on
# reporters", "curbs on women", "a blockade against Oskel".
VICTIM_PREPS = {"of", "on", "against"}


def names_doer_or_victim(noun: Token, event_type: str, is_party: Callable[[Token], bool]) -> bool:
    """'The arrest of Ann Vale', 'the crackdown on reporters', 'died in Velmar Front custody', 'the
    Dorvan blockade of Oskel', 'detention by the police': a noun of repression whose own phrase names
    who did it (a name or a people's adjective before it, a party after 'by') or whom it was done
    to (a party after 'of', 'on' or 'against') tells the act, wherever it stands. With none named
    ('a curfew may help', 'arrest rates') it names a kind of measure, and no act; a school's curfew
    or a coach's ban is no one's repression (the doer's phrase must be a party, and a possessor is
    judged where the noun has its own actor)."""
    if event_type == "ASSAULT" and lemma_of(noun) in KILLING_NOUNS:
        return _victim_named(noun, is_party)
    if event_type != "COERCE" or lemma_of(noun) not in REPRESSION_NOUNS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return False  # "described as a crackdown": what a thing is called
    if noun.dep_ in {"compound", "nmod"} or (noun.dep_ == "amod" and noun.head.i > noun.i):
        return False  # "arrest warrants", "curfew hours": it qualifies another noun
    if any(c.dep_ == "amod" and lemma_of(c) in UNREAL for c in noun.children):
        return False  # "a possible crackdown on reporters": none made
    if lemma_of(noun) == "coup" and _coup_that_took_place(noun):
        return True
    if any(
        c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i and _named(c, is_party) for c in noun.children
    ):
        return True  # "Velmar Front custody", "an Israeli blockade": the doer named before the noun
    if any(is_party(t) for t in objects_of(noun, {"by"})):
        return True
    return any(_a_party(t, is_party) for t in objects_of(noun, VICTIM_PREPS))


# Nouns of an attack on a person: named with whom it struck ("the assassination of a militia
# leader", "the killing of two journalists", "the abduction of 20 students") they tell the act,
# wherever they stand, as "the arrest of Ann Vale" does; with none named ("killings are rising",
# "a kidnapping ring") they name a kind of crime.
KILLING_NOUNS = frozenset({"assassination", "killing", "abduction", "kidnapping", "massacre"})


def _victim_named(noun: Token, is_party: Callable[[Token], bool]) -> bool:
    """Whether a noun of an attack on a person names its victim in its of-phrase."""
    if noun.dep_ in {"compound", "nmod"} or (noun.dep_ == "pobj" and noun.head.lower_ == "as"):
        return False  # "killing fields", "described as a massacre"
    if any(c.dep_ == "amod" and lemma_of(c) in UNREAL for c in noun.children):
        return False  # "a possible abduction of the envoy": none made
    return any(t.ent_type_ in {"PERSON", "NORP"} or _a_party(t, is_party) for t in objects_of(noun, {"of"}))


# Prepositions that set a clause in time against an act: "since the coup", "after the coup".
TIME_PREPS = frozenset({"after", "before", "since", "following", "until"})


def _coup_that_took_place(coup: Token) -> bool:
    """'The 2021 coup', 'the coup in Niger', 'since the coup', 'before the coup': a coup named
    with its date or its country, or as the time of another act, took place (its doer is the
    army, whether the sentence names it or not); 'a coup is unlikely' names none."""
    if dated(coup, {"in", "of"}):
        return True
    if any(t.ent_type_ == "GPE" for t in objects_of(coup, {"in"})):
        return True
    return coup.dep_ == "pobj" and coup.head.lower_ in TIME_PREPS
