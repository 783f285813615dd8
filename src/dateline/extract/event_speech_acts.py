"""Speech acts the trigger table cannot list by one word: a vowed response, a refusal to be told,
a stand with a party, an act named a warning, a charge taken to a court, critics' saying.

Decided here (the trigger finder, ``event_triggers``, asks):

* ``vows_a_response``: a party that says it will respond in kind, accordingly or with force, or
  will respond to a violation, or will take the necessary measures, threatens (PLOVER THREATEN;
  CAMEO 13): "Dorvan would respond to any violation of its airspace", "will take necessary
  measures". Not "will respond to the report next week", "will take measures to curb inflation".
* ``refuses_to_be_told``: "will not take lessons from anyone", "takes instructions from no one",
  "would not take part in the relocations": a party refusing another's say or a part in a shared
  act (PLOVER REJECT).
* ``stands_with_a_party``: "stands with Pellane", "stood in solidarity with Dorvan" back a party
  (SUPPORT); "stood with his wife" backs no one.
* ``legal_challenge``: "would challenge the arrests in the High Court", "challenged the duties",
  "took the dispute to the International Court of Justice": a complaint taken to a court or laid
  against another's measure is an accusation in law (ACCUSE, mode legal), as "sued" is.
* ``critics_say``: "critics say the measures have done little", "critics have pointed to
  restrictions", "rights groups say thousands have been swept up": what critics or watchers of
  rights say of a party is their criticism of it (ACCUSE), whatever words it takes; an act they
  tell stays a fact of its own. Watchers of rights only in the present ("rights groups say"), the
  standing complaint; what they said once may be any report.
* ``warning_named``: "called the drill a firm warning to the rebels", "said the patrol was a
  stern warning": an act its own side names a warning threatens (THREATEN), whatever it is.
* ``electorate_vote``: voters voting against a candidate cast ballots; a state or a lawmaker
  voting against a motion rejects it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract.event_modality import FUTURE_AUX
from dateline.extract.event_parse import lemma_of, objects_of
from dateline.extract.event_trigger_table import triggers

# The future or modal helpers of a vow ("will respond", "would take measures", "shall answer"):
# the future's, and "would" of a vow reported.
VOW_AUX = frozenset(FUTURE_AUX | {"would"})
# Verbs of answering another's act.
RESPONSE_VERBS = frozenset({"respond", "react", "reply", "retaliate"})
# How a threatened response is done: "respond accordingly", "react firmly", "reply decisively".
RESPONSE_MANNERS = frozenset({
    "accordingly", "firmly", "decisively", "forcefully", "harshly", "strongly", "resolutely",
    "robustly", "proportionately", "swiftly", "severely", "militarily",
})  # fmt: skip
# "respond in kind", "in a reciprocal manner", "with force", "with the full force of the law".
RESPONSE_PHRASES = {
    "in": frozenset({"kind", "manner", "way", "measure"}),
    "with": frozenset({"force", "measure", "countermeasure", "strength", "firmness", "action", "step"}),
}
# What a threatened response answers: "would respond to any violation of its airspace".
PROVOCATIONS = frozenset({
    "violation", "provocation", "aggression", "attack", "incursion", "intrusion", "interference",
    "threat", "escalation", "hostility", "breach", "encroachment",
})  # fmt: skip
# Steps taken against another: "will take necessary measures", "would take countermeasures".
MEASURE_NOUNS = frozenset({"measure", "step", "action", "countermeasure"})
MEASURE_KINDS = frozenset({
    "necessary", "resolute", "firm", "decisive", "retaliatory", "reciprocal", "tough", "forceful",
    "countermeasure",
})  # fmt: skip
# Being told by others, refused: "will not take lessons", "takes instructions from no one".
TOLD_NOUNS = frozenset({"lesson", "instruction", "order", "dictation", "lecture", "dictate"})
NO_ONE = frozenset({"no", "nobody", "none"})  # "from no one", "from nobody"
# Who votes in an election, not in a body that decides a motion.
ELECTORATE = frozenset({"voter", "elector", "resident", "citizen", "people", "electorate", "constituent"})
# Words for a people, which a stand may be with ("stands with the people of Dorvan").
PEOPLE_NOUNS = frozenset({"people", "nation", "population", "country", "government", "state"})
# Pronouns a side speaks of itself with ("said it would respond", "we will respond").
SIDE_PRONOUNS = frozenset({"it", "we", "they"})


def _helpers(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def vows_a_response(verb: Token, is_party: Callable[[Token], bool]) -> bool:
    """A party's announced response to another's act, or necessary measures: a threat (see the
    module's note). Asserted and negated responses ("responded quickly", "will not react") are none."""
    if not (_helpers(verb) & VOW_AUX) or _negated(verb) or "have" in _helpers(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "was concerned ... and would respond accordingly"
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or not (
        is_party(subjects[0]) or subjects[0].lower_ in SIDE_PRONOUNS or lemma_of(subjects[0]) in PEOPLE_NOUNS
    ):
        return False  # "the state will respond", "said it would respond": a side; not "prices will react"
    lemma = lemma_of(verb)
    if lemma in RESPONSE_VERBS:
        if any(c.dep_ == "advmod" and c.lower_ in RESPONSE_MANNERS for c in verb.children):
            return True
        for preposition, nouns in RESPONSE_PHRASES.items():
            if any(lemma_of(o) in nouns for o in objects_of(verb, {preposition})):
                return True
        return any(lemma_of(o) in PROVOCATIONS for o in objects_of(verb, {"to"}))
    if lemma == "take":
        for thing in (c for c in verb.children if c.dep_ == "dobj"):
            if lemma_of(thing) == "countermeasure":
                return True
            kinds = {lemma_of(m) for m in thing.children if m.dep_ in {"amod", "compound"}}
            if lemma_of(thing) in MEASURE_NOUNS and kinds & MEASURE_KINDS:
                return True
    return False


def refuses_to_be_told(verb: Token) -> bool:
    """'Will not take lessons from anyone', 'takes instructions from no one', 'would not take part
    in relocations': a refusal (see the module's note), stated though negated."""
    lemma = lemma_of(verb)
    negated = _negated(verb)
    if lemma == "take":
        things = [c for c in verb.children if c.dep_ == "dobj"]
        if any(lemma_of(t) in TOLD_NOUNS for t in things):
            from_no_one = any(
                o.lower_ in NO_ONE or any(d.lower_ in NO_ONE for d in o.children)
                for t in [verb, *things]
                for o in objects_of(t, {"from"})
            )
            return negated or from_no_one
        parts = [t for t in things if t.lower_ == "part"]
        acts = [
            o for t in [verb, *parts] for o in objects_of(t, {"in"}) if (lemma_of(o), "NOUN") in triggers()
        ]
        # "would not take part in the talks": the act's own noun is the refused act (event_types)
        return negated and bool(_helpers(verb) & VOW_AUX) and bool(parts) and not acts
    return False


def stands_with_a_party(verb: Token, is_party: Callable[[Token], bool]) -> bool:
    """'Stands with Pellane', 'stood in full solidarity with Dorvan', 'will stand with the people
    of Dorvan': the one stood with is a party or a people (see the module's note)."""
    heads = [verb] + [o for o in objects_of(verb, {"in"}) if lemma_of(o) == "solidarity"]
    for head in heads:
        for other in objects_of(head, {"with"}):
            if is_party(other) and lemma_of(other) not in {"wife", "husband", "family"}:
                return True
            if lemma_of(other) in PEOPLE_NOUNS:
                return True
            if any(c.dep_ == "poss" and c.pos_ != "PRON" and is_party(c) for c in other.children):
                return True  # "stands with Pellane's sovereignty": with the party whose cause it is
    return False


def electorate_vote(verb: Token) -> bool:
    """'Voters voted against the mayor': an election's ballots, not a body rejecting a motion."""
    return any(c.dep_ == "nsubj" and lemma_of(c) in ELECTORATE for c in verb.children)


# Where a legal challenge is taken: "in court", "before the tribunals", "to the Court of Justice".
COURT_WORDS = frozenset({"court", "tribunal", "commission", "arbitration", "arbitrator", "judge", "panel"})
# Another's measures, which a party challenges by disputing them ("challenge the arrests").
CHALLENGED_ACTS = frozenset({
    "arrest", "detention", "dismissal", "ruling", "decision", "verdict", "law", "decree", "ban",
    "duty", "tariff", "levy", "sanction", "order", "measure", "result", "expulsion", "deportation",
    "reorganization", "increase", "closure", "conviction", "sentence", "election",
})  # fmt: skip
# What a party takes to a court: "took the dispute to the Court", "take his case to the commission".
CASE_NOUNS = frozenset({"case", "dispute", "matter", "complaint", "claim", "grievance", "issue"})


def _a_court(token: Token) -> bool:
    """A court or a tribunal, named ('the International Court of Justice') or not ('in court')."""
    words = [token, *(c for c in token.children if c.dep_ == "compound")]
    return any(lemma_of(w) in COURT_WORDS for w in words)


def legal_challenge(verb: Token) -> bool:
    """A complaint in law (see the module's note); not 'challenged the minister to explain',
    'is challenging the incumbent for the nomination' (a dare, a contest)."""
    lemma = lemma_of(verb)
    if lemma == "challenge":
        if any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
            return False  # "challenged the minister to explain the budget": a dare
        things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        in_court = any(  # "challenged parts of the plan in court": the parser may hang it on the object
            _a_court(o) for t in [verb, *things] for o in objects_of(t, {"in", "before", "at"})
        )
        disputed = any(lemma_of(t) in CHALLENGED_ACTS for t in things)
        return in_court or disputed
    if lemma == "take":
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return False  # "it is costly to take a case to the Supreme Court": anyone, no one
        things = [c for c in verb.children if c.dep_ == "dobj"]
        return any(lemma_of(t) in CASE_NOUNS for t in things) and any(
            _a_court(o) for o in objects_of(verb, {"to", "before"})
        )
    return False


# Those whose saying is criticism by name: "critics say", "opponents argue".
CRITICS = frozenset({"critic", "opponent", "detractor"})
# Groups that watch over rights, whose saying of a state is their complaint of it ("rights groups
# say thousands of people have been swept up").
WATCHDOGS = frozenset(
    {"group", "organization", "organisation", "activist", "advocate", "watchdog", "campaigner"}
)
# Their verbs of saying, and "pointed to restrictions".
CRITICS_VERBS = frozenset(
    {"say", "argue", "contend", "charge", "complain", "allege", "note", "point", "warn"}
)


def critics_say(verb: Token) -> bool:
    """'Critics say emergency measures have done little', 'critics have pointed to restrictions on
    the press': criticism (see the module's note); not 'critics were not available'."""
    if lemma_of(verb) not in CRITICS_VERBS or _negated(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or not (
        lemma_of(subjects[0]) in CRITICS or (_watchdog(subjects[0]) and verb.tag_ in {"VBP", "VBZ"})
    ):
        return False  # watchers of rights complain in the present of a standing wrong ("rights groups
        # say"); what they said once ("rights groups said the framework remained unclear") is a report
    if lemma_of(verb) == "point":
        return bool(objects_of(verb, {"to"}))
    return any(c.dep_ == "ccomp" for c in verb.children)


def _watchdog(subject: Token) -> bool:
    """'Rights groups', 'human rights organizations', 'rights activists': watchers of rights."""
    return lemma_of(subject) in WATCHDOGS and any(
        c.dep_ in {"compound", "amod"} and lemma_of(c) in {"rights", "right"} for c in subject.children
    )


# The names that make an act a threat: "a stern warning" ("a clear message" says too little).
WARNING_NOUNS = frozenset({"warning"})
# Verbs that give a name to an act ("called the drill a warning").
NAME_GIVING = frozenset({"call", "describe", "term", "label", "characterize", "characterise"})
SAYING = frozenset({"say", "state", "add", "declare", "tell"})


def warning_named(noun: Token) -> Token | None:
    """The clause whose subject names an act a warning ('the command called the exercise a stern
    warning', 'the command said the patrol was a stern warning'): that subject threatens (see the
    module's note). None when the noun is no such name."""
    if lemma_of(noun) not in WARNING_NOUNS:
        return None
    head = noun.head
    if noun.dep_ == "oprd" and lemma_of(head) in NAME_GIVING:
        return head if any(c.dep_ == "nsubj" for c in head.children) else None
    if noun.dep_ == "pobj" and head.lower_ == "as" and lemma_of(head.head) in NAME_GIVING:
        return head.head  # "described the drill as a warning"
    if (
        noun.dep_ == "attr"
        and lemma_of(head) == "be"
        and head.dep_ == "ccomp"
        and lemma_of(head.head) in SAYING
    ):
        return head.head  # "said the patrol was a stern warning"
    return None
