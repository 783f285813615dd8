"""Whether an agreeing, backing, talking, meeting, visiting or hosting verb has its political sense.

Agreeing, backing and talking verbs have an everyday sense too: "talk about", "agreed with the
remark", "recognized her", "accepted $2 billion", "settled in Okinawa", "welcomed the vaccines",
one person discussing a topic alone, "signed the letter", "hosts a radio show", "traveled to
Pellane" said of a train. Decided here, for ``event_broad_verbs.broad_verb_holds``: which sense such
a verb has (``cooperative_sense``), with the word lists that say so, and whether a journey is a
vehicle's (``vehicle_travels``, which the trigger finder asks too). That someone, not a text or a
scheme, does the act ("the Constitution guarantees") is decided in ``event_broad_verbs``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_parse import (
    LOCATION_PREPS,
    is_person,
    lemma_of,
    objects_of,
    own_thing,
    subject_of,
    things_done_to,
)
from dateline.extract.lexicon import ACTOR_NOUNS, AID_GOODS, NON_GIFTS

# Going somewhere to meet someone (see _visits_someone); vehicles travel, but visit no one.
VISITING_VERBS = frozenset({"visit", "travel", "tour"})
# A convoy or a jet travels too; what one kills is no accident, so they are not lexicon.VEHICLES.
TRAVELLING_THINGS = lexicon.VEHICLES | {"convoy", "jet"}
# What one agrees with when one shares an opinion ("agreed with the president's remark"), not a deal.
OPINION_NOUNS = NON_GIFTS | {
    "view", "assessment", "opinion", "sentiment", "argument", "criticism", "characterization",
    "notion", "idea", "conclusion", "claim", "comment", "analysis", "observation", "description",
    # what is offered when one speaks ("offered no specifics", "offer a forecast"), not a deal
    "specific", "specifics", "language", "forecast", "prediction", "insight", "glimpse", "thought",
    "word", "substance", "point", "perspective", "reason", "reasoning", "evidence", "proof",
    # a side's story of what happened ("offered a different account", "offered its own version")
    "account", "version",
}  # fmt: skip

# Where a topic is discussed with someone: a meeting or a call ("discussed Syria in a phone call").
MEETING_SETTINGS = frozenset({
    "call", "phone", "telephone", "meeting", "talk", "summit", "conversation", "visit", "session",
    "dinner", "lunch", "conference", "videoconference", "negotiation",
})  # fmt: skip

# One person by what he does in a campaign or the media, beyond the role words of data/roles.tsv:
# "the candidate discusses fun topics" speaks alone ("the leaders discussed" are several).
ONE_PERSON_NOUNS = frozenset({
    "candidate", "nominee", "contender", "hopeful", "frontrunner", "front-runner", "challenger",
    "incumbent", "host", "anchor", "presenter", "moderator", "author", "writer", "columnist",
    "commentator", "pundit", "blogger", "narrator",
})  # fmt: skip
# Time and its parts that are spent doing something ("much of his time was spent discussing").
SPENT_TIME = frozenset({
    "much", "most", "part", "bulk", "half", "time", "hour", "minute", "day", "week", "morning",
    "afternoon", "evening",
})  # fmt: skip

# What one signs to say something, or for an admirer, which is no formal agreement.
SIGNED_STATEMENTS = frozenset({
    "letter", "petition", "statement", "op-ed", "editorial", "column", "card", "autograph", "copy",
    "book", "poster", "photo", "photograph", "jersey", "ball", "guestbook",
})  # fmt: skip
# What a leader signs to act alone: its own act is what the order does ("an order banning imports").
SIGNED_ORDERS = frozenset({
    "order", "decree", "bill", "law", "legislation", "ordinance", "directive", "proclamation", "edict",
})  # fmt: skip
SETTING_PREPS = frozenset({"in", "at", "during", "on", "over", "by"})  # "in a call", "by phone"

# A flow of goods, people or money that arrives: welcoming it receives it ("welcomed the influx of
# capital"), it backs no one.
INFLOWS = {"influx", "inflow", "arrival", "shipment", "delivery", "capital", "investment"}

# What one argues for when one backs one's own ("to back its claims"), and whom one provides for
# when one supports them ("to support their families"): no backing of another party.
CLAIM_NOUNS = {"claim", "argument", "assertion", "allegation", "case", "theory", "position", "view"}
PROVIDED_FOR = {"family", "child", "household", "livelihood", "themselves", "himself", "herself", "oneself"}

# Shows, games and events one hosts for an audience, where no one meets ("hosts a radio show").
HOSTED_SHOWS = frozenset({
    "show", "program", "programme", "podcast", "event", "tournament", "game", "match", "concert",
    "festival", "olympics", "cup", "championship", "fundraiser", "party", "gala", "race", "series",
})  # fmt: skip

# A state's forces "backed by" others fight beside them (see _own_sense); no act of backing.
BACKED_FORCES = frozenset({"troop", "soldier", "force", "officer", "police", "policeman"})

# Where guests are welcomed, and what they are welcomed to do: hospitality, no backing ("welcomed
# the delegates to the palace", "welcomed Vale to visit the city").
HOSTING_PLACES = frozenset({
    "house", "home", "palace", "residence", "office", "building", "hall", "campus", "city", "town",
    "village", "country", "capital", "state", "region", "summit", "meeting", "conference", "dinner",
    "lunch", "ceremony", "event", "party", "celebration", "stage", "studio", "show",
})  # fmt: skip
GUESTS_DO = frozenset({"visit", "come", "stay", "attend", "tour", "return", "travel", "settle"})


def cooperative_sense(verb: Token, lemma: str, analysis: EntityAnalysis) -> bool:
    """Whether an agreeing, backing or talking verb has its political sense, not its everyday one.

    'talk about the crisis' speaks of it and 'talked them into it' persuades (no meeting); 'agreed
    with the remark' shares an opinion (no agreement); 'the officer recognized her' knows her face
    (no recognition of a state); 'asking for anonymity to discuss the raid' and
    'not authorized to discuss it' are a source's routine, like declining to comment."""
    if lemma in VISITING_VERBS:
        return _visits_someone(verb, analysis)
    if lemma in {"talk", "discuss"} and _sources_routine(verb):
        return False
    if lemma == "talk":
        return not _talks_of_something(verb)
    if lemma == "agree":
        return not _shares_a_view(verb)
    if lemma == "discuss":
        return not _speaks_of_something(verb, analysis)
    if lemma in {"recognize", "recognise"}:
        return not _recognizes_a_person(verb, analysis)
    return _own_sense(verb, lemma)


def _shares_a_view(verb: Token) -> bool:
    """'Agreed with the president's remark', 'agreed with much of the argument in his speech':
    one agrees with a thing said, which shares an opinion; an agreement is made with a party
    ('agreed with Kessaria on a truce')."""
    things = objects_of(verb, {"with"})
    if not things:
        return False
    # "much of the argument", "some of his points": what the quantity is of
    things += [g for t in things if t.pos_ in {"PRON", "ADJ", "NUM", "DET"} for g in objects_of(t, {"of"})]
    nouns = [t for t in things if t.pos_ in {"NOUN", "PROPN"}]
    return bool(nouns) and all(lemma_of(t) in OPINION_NOUNS for t in nouns)


def _speaks_of_something(verb: Token, analysis: EntityAnalysis) -> bool:
    """'The candidate discussed his plan to ban imports', 'Veld went on to discuss his opposition
    to the deal': one person speaking of a topic, to an audience, meets no one. Talks need two
    parties: a partner ('discussed the crisis with Ruto'), a subject of several ('Veld and Ruto
    discussed trade', 'the leaders discussed'), or a meeting or a call where it was said."""
    if objects_of(verb, {"to"}) or any(c.dep_ == "dative" for c in verb.children):
        return False
    if any(t.dep_ == "prep" and t.lower_ == "with" for t in verb.subtree):
        return False  # the parser hangs "with Lavrov" on the topic as often as on the verb
    if any(lemma_of(t) in MEETING_SETTINGS for t in _setting_words(verb)):
        return False  # "discussed Syria in a phone call", "at their meeting"
    subject = _whose_time(subject_of(verb))
    if subject is None or subject.conjuncts:
        return False
    # "I look forward to discussing": a speaker at a meeting, often with the others there
    one_person = subject.tag_ in {"NN", "NNP"} and (
        lexicon.roles().get(subject.lower_) is not None or lemma_of(subject) in ONE_PERSON_NOUNS
    )
    return subject.lower_ in {"he", "she"} or one_person or is_person(subject, analysis)


def _setting_words(verb: Token) -> list[Token]:
    """The words that may say where a topic was discussed: all of the verb's phrase but what is
    discussed ('discussed the press conference Veld gave' speaks of a meeting, it holds none), save
    a phrase the parser hung on that ('discussed Syria in a phone call')."""
    topics = [c for c in verb.children if c.dep_ == "dobj"]
    inside = {t.i for c in topics for t in c.subtree}
    settings = [
        g
        for c in topics
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in SETTING_PREPS
        for g in p.subtree
    ]
    return [t for t in verb.subtree if t.i not in inside] + settings


def _whose_time(subject: Token | None) -> Token | None:
    """'Much of the minister's time was spent discussing', 'the day was spent discussing': who
    spent the time is who discussed, not the time."""
    for _ in range(3):
        if subject is None or lemma_of(subject) not in SPENT_TIME:
            return subject
        owners = [c for c in subject.children if c.dep_ == "poss"] or objects_of(subject, {"of"})
        subject = owners[0] if owners else None
    return subject


def _visits_someone(verb: Token, analysis: EntityAnalysis) -> bool:
    """'Visited Kessaria', 'traveled to Pellane to meet Brell' make a visit (CAMEO 042); 'barred
    from visiting parks and gyms' goes to places where no one is met, and 'the train was traveling
    to Quetta' is a journey of a vehicle, not of a party."""
    if vehicle_travels(verb):
        return False
    places = [t for t in things_done_to(verb) if t.pos_ in {"NOUN", "PROPN"}] + objects_of(verb, {"to"})
    return not places or any(_named_or_party(t, analysis) for t in places)


def vehicle_travels(verb: Token) -> bool:
    """'The Jaffar Express was traveling to Quetta', 'the ferry visits three ports': the subject is
    a vehicle, which goes somewhere but meets no one."""
    doer = subject_of(verb)
    return lemma_of(verb) in VISITING_VERBS and doer is not None and lemma_of(doer) in TRAVELLING_THINGS


def _named_or_party(token: Token, analysis: EntityAnalysis) -> bool:
    """A named place or party, or a word for one ('the capital', 'the president'), or a place
    in one ('cities in Kessaria')."""
    inside = objects_of(token, {"in", "of"})
    return any(
        t.pos_ == "PROPN"
        or t.ent_type_ in {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"}
        or analysis.mention_at(t.i) is not None
        or analysis.is_agent(t, ACTOR_NOUNS)
        for t in [token, *inside]
    )


def _own_sense(verb: Token, lemma: str) -> bool:
    """'accepted $2 billion in funding' receives money, 'offered an impartial assessment' gives a
    view, 'undertake road trips' makes them, 'settled in Okinawa' lives there, 'to back its claims'
    argues them, 'to support their families' provides for them: none agrees or backs anyone."""
    things = things_done_to(verb)
    given = things + [g for t in things for g in objects_of(t, {"of", "in"})]  # "$2 billion in funding"
    if lemma == "accept":
        return not any(lemma_of(t) in AID_GOODS or t.text == "$" for t in given)
    if lemma == "offer":
        return not any(lemma_of(t) in OPINION_NOUNS for t in things)
    if lemma == "undertake":
        return any(c.dep_ == "xcomp" for c in verb.children)  # "undertook to withdraw": a pledge
    if lemma == "settle":
        return not any(
            (c.dep_ == "prep" and c.lower_ in LOCATION_PREPS | {"into"})
            or (c.dep_ == "prt" and c.lower_ == "down")
            for c in verb.children
        )
    if lemma == "welcome":
        if _hosts_guests(verb, things):
            return False  # "welcomed the delegates to the palace": hospitality
        return not any(lemma_of(t) in AID_GOODS | INFLOWS for t in given)  # "welcomed the vaccines"
    if lemma in {"back", "support"} and verb.dep_ == "acl" and lemma_of(verb.head) in BACKED_FORCES:
        return False  # "soldiers backed by African Union troops": who fights beside them, no act of backing
    if lemma in {"back", "support"}:
        return not any(
            lemma_of(t) in PROVIDED_FOR or (lemma_of(t) in CLAIM_NOUNS and own_thing(t)) for t in things
        )
    return True


def _hosts_guests(verb: Token, things: list[Token]) -> bool:
    """'Welcomed the delegates to the palace for a dinner', 'welcomed Vale to visit the city',
    'welcomed refugees to Pellane': guests received in a place or asked to come, which is
    hospitality. 'Welcomed Kessaria to the alliance' admits a member; 'welcomed the decision' backs it."""
    if not things:
        return False
    places = objects_of(verb, {"to"})
    hosted = any(t.ent_type_ in {"GPE", "LOC", "FAC"} or lemma_of(t) in HOSTING_PLACES for t in places)
    invited = any(c.dep_ == "xcomp" and lemma_of(c) in GUESTS_DO for c in verb.children)
    return hosted or invited


def _talks_of_something(verb: Token) -> bool:
    """'We will talk them into it' persuades; 'we are talking about a crisis', 'when you talk about
    the ritual' speak of a topic: the speaker's own words, with no one to meet. 'Talked with Kyiv
    about the truce', 'the leaders talked about trade' are talks."""
    if objects_of(verb, {"into"}):
        return True
    subject = subject_of(verb)
    speaker = subject is None or subject.lower_ in {"we", "you", "i"}
    partner = objects_of(verb, {"with", "to"}) or any(c.dep_ in {"dobj", "dative"} for c in verb.children)
    return speaker and not partner and bool(objects_of(verb, {"about"}))


def _sources_routine(verb: Token) -> bool:
    """'speaking on condition of anonymity to discuss', 'not authorized to discuss': why a source
    is unnamed, not a meeting."""
    if verb.dep_ not in {"xcomp", "advcl", "acl"}:
        return False
    if lemma_of(verb.head) in {"authorize", "permit", "allow"}:
        return True
    return any(
        lemma_of(t) == "anonymity" for a in (verb.head, verb.head.head) for t in a.subtree if t.i < verb.i
    )


def _recognizes_a_person(verb: Token, analysis: EntityAnalysis) -> bool:
    """'An officer recognized her', 'he recognized the man': knowing someone by sight. Recognizing a
    leader as one is recognition ('recognized Guaido as president'); so is a state or a body."""
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False
    things = things_done_to(verb)
    return bool(things) and all(
        t.lower_ in {"her", "him", "me", "them"} or is_person(t, analysis) for t in things
    )
