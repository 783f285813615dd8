"""Whether a verb of asking has its political sense: a party asking another party for something.

Wire copy uses the REQUEST verbs for other things too: seeking what one wants to win ("parties
seeking independence", "candidates seeking the nomination", "the right to seek and receive
information"), and an abstract thing or a time that "demands" or "calls for" something ("public
interest demands that", "proper deference requires", "desperate times call for desperate
measures"), which is a judgement of the writer's or the speaker's, asked of no one. The trigger
finder (``event_triggers``) asks ``request_sense_holds`` of a verb's REQUEST row.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.event_parse import by_agent, lemma_of, passive_voice, subject_of, things_done_to

# Seeking these is striving for a goal of one's own, won from no one in particular (an office, a
# nomination, a status): no request to a party. Seeking help, talks, a ceasefire, refuge, asylum
# or someone's extradition is one.
GOALS_SOUGHT = frozenset({
    "independence", "autonomy", "secession", "statehood", "sovereignty",
    "nomination", "office", "seat", "reelection", "re-election", "presidency", "candidacy",
    "term", "election", "power", "majority",
})  # fmt: skip
SEEKING_VERBS = frozenset({"seek"})
# Verbs of asking that take an abstract thing as subject in a judgement ("the situation demands").
JUDGING_ASK_VERBS = frozenset({"demand", "require", "call", "ask", "urge"})
# Abstract things and times a writer or a speaker says demand or call for something ("public
# interest demands", "desperate times call for", "the situation requires"): a judgement. Any other
# common noun may well be a party the entity stage did not know ("the mission calling on").
ABSTRACT_ASKERS = frozenset({
    "interest", "time", "situation", "circumstance", "moment", "occasion", "justice", "fairness",
    "logic", "reason", "sense", "duty", "conscience", "deference", "decency", "morality",
    "principle", "reality", "urgency", "gravity", "seriousness",
})  # fmt: skip


# Verbs of asking that, with a thing for object, bring it about: "it will only invite another
# massacre", "the remarks invited criticism", "invites comparison".
BRINGING_ABOUT_VERBS = frozenset({"invite"})
# Verbs that make or repeat an appeal ("issued an appeal", "renewed her appeal").
ISSUED_APPEALS = frozenset({"issue", "make", "launch", "renew", "repeat", "reiterate", "send", "voice"})


def request_sense_holds(verb: Token, is_party: Callable[[Token], bool]) -> bool:
    """Whether a verb of a REQUEST row asks a party for something here.

    Not so: seeking a goal of one's own ('separatists seeking independence', 'candidates seeking
    the nomination', 'the freedom to seek information'); an appeal that attracts people ('appeals
    to young voters'); an abstract thing or a time that demands or calls for something ('public
    interest demands that the post be filled', 'desperate times call for desperate measures'), a
    judgement asked of no one; an invitation of a thing, not of a party ('will only invite
    another massacre', 'the remarks invited criticism'), which brings the thing about."""
    lemma = lemma_of(verb)
    if lemma == "appeal" and not appeal_asks(verb):
        return False
    if lemma in BRINGING_ABOUT_VERBS and _invites_a_thing(verb, is_party):
        return False
    if lemma in SEEKING_VERBS and _seeks_a_goal(verb):
        return False
    return not (lemma in JUDGING_ASK_VERBS and _asked_by_a_thing(verb, is_party))


def _seeks_a_goal(verb: Token) -> bool:
    """'Forces seeking independence', 'was seeking the nomination': what is sought is a goal."""
    sought = [t for t in things_done_to(verb) if t.pos_ in {"NOUN", "PROPN"}]
    return bool(sought) and all(lemma_of(t) in GOALS_SOUGHT for t in sought)


def _invites_a_thing(verb: Token, is_party: Callable[[Token], bool]) -> bool:
    """'Invite another massacre', 'invited criticism': every object is a common noun that names
    no party, nor people ('invited journalists', 'invited the delegation' ask them to come)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    people = lexicon.who_nouns()
    return bool(objects) and all(
        o.pos_ == "NOUN" and not o.ent_type_ and not is_party(o) and lemma_of(o) not in people
        for o in objects
    )


def _asked_by_a_thing(verb: Token, is_party: Callable[[Token], bool]) -> bool:
    """'Public interest demands', 'deference requires', 'times call for': the one asking is an
    abstract thing or a time, no party."""
    doer = by_agent(verb) if verb.tag_ == "VBN" and passive_voice(verb) else subject_of(verb)
    if doer is None or doer.pos_ != "NOUN" or doer.ent_type_:
        return False
    if doer.dep_ not in {"nsubj", "pobj"}:
        return False  # a subject borrowed from another clause: leave it to the arguments
    return lemma_of(doer) in ABSTRACT_ASKERS and not is_party(doer)


def appeal_asks(token: Token) -> bool:
    """'Appealed for calm', 'appealed to the donors to give', 'an appeal for the inquiry', 'I
    appeal to them not to vote': an appeal asks for something. 'Appeals to young voters', 'his
    appeal among independents': it attracts them, and asks no one (about 40 of the 47 appeals
    coded on the PolNeAR train articles). An appeal of a ruling ('appealed the verdict') stays."""
    if any(c.dep_ in {"xcomp", "ccomp", "dobj"} for c in token.children):
        return True
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and lemma_of(token.head) in ISSUED_APPEALS:
        return True  # "issued his appeal on Friday": the appeal made, its content told nearby
    for prep in (c for c in token.children if c.dep_ == "prep"):
        if prep.lower_ in {"for", "against"}:
            return True
        # "appealed to donors for fuel", "appealed to the donors to give": what is asked for
        # hangs on the one appealed to
        if prep.lower_ == "to" and any(
            (t.dep_ == "prep" and t.lower_ == "for") or (t.dep_ in {"acl", "xcomp"} and t.tag_ == "VB")
            for t in prep.subtree
        ):
            return True
    return False
