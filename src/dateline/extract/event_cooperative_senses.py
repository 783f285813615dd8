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
from dateline.extract.event_non_political import private_talk
from dateline.extract.event_parse import (
    LOCATION_PREPS,
    is_person,
    lemma_of,
    objects_of,
    own_thing,
    subject_of,
    things_done_to,
)
from dateline.extract.event_trigger_table import NOT_AN_EVENT, triggers
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

# What an offer of one's own side is an offer of when it offers something cooperative (CAMEO 03):
# help, money, refuge, a truce, talks, a deal, a concession ("offered a ceasefire", "offered
# Pellane $2 billion", "offered refuge"). Everything else offered in political news is words or
# goods: "offered a retort", "offered the crowd an account", "offered his endorsement", "the
# company offers paid leave", "the state offers rich resources" (see _offers_cooperation).
OFFERED_COOPERATION = lexicon.AID_GOODS | {
    "refuge", "asylum", "sanctuary", "haven", "ceasefire", "cease-fire", "truce", "armistice",
    "talk", "negotiation", "dialogue", "mediation", "deal", "agreement", "accord", "pact", "treaty",
    "settlement", "peace", "concession", "compromise", "amnesty", "pardon", "guarantee",
    "cooperation", "partnership", "alliance", "exchange", "swap", "release", "withdrawal",
    "compensation", "reparation", "incentive", "proposal", "plan", "initiative", "olive",
    "condition", "term", "framework", "road", "roadmap", "resettlement", "evacuation", "passage",
    "corridor", "peacekeeper", "soldier", "force", "backing", "support", "security", "access",
}  # fmt: skip
# Bodies that offer for a state or an alliance ("the ministry offered two rescue teams").
OFFERING_BODIES = frozenset({
    "government", "ministry", "administration", "state", "country", "council", "union", "alliance",
    "army", "military", "authority", "cabinet", "embassy", "agency", "commission", "bloc",
    "coalition", "kingdom", "republic", "nation", "un", "nato",
})  # fmt: skip
# Who agrees with a view in a poll: a share of those asked ("48 percent agreed", "most would agree").
POLLED_SHARES = frozenset({
    "percent", "percentage", "%", "third", "half", "quarter", "majority", "minority", "most", "many",
    "few", "respondent", "voter", "people", "american", "everybody", "everyone",
})  # fmt: skip

# What one accepts that is no agreement with a party: money ("accepted Kessarian funding", see
# lexicon.AID_GOODS too), or an honour or a post one is given ("I accept your nomination").
ACCEPTED_NOT_AGREED = frozenset({
    "funding", "financing", "investment", "nomination", "award", "prize", "honor", "honour", "job",
    "post", "position", "role", "appointment", "medal", "degree",
})  # fmt: skip

# What one accepts from another party in an agreement (CAMEO 03): a proposal, its terms, a result
# or a ruling, a demand, a resignation. Accepting anything else is putting up with it or taking it
# ("the town accepts the windmills", "accepted interviews", "accepting congratulations", "to
# accept criticism"), which agrees with no one; accepting people (refugees, envoys) is left alone.
ACCEPTED_TERMS = frozenset({
    "proposal", "plan", "offer", "deal", "agreement", "accord", "pact", "treaty", "term", "condition",
    "ceasefire", "cease-fire", "truce", "armistice", "resignation", "invitation", "result", "outcome",
    "ruling", "verdict", "decision", "judgment", "judgement", "demand", "request", "apology",
    "compromise", "mediation", "settlement", "peace", "resolution", "framework", "principle",
    "responsibility", "surrender", "recommendation", "mandate", "jurisdiction", "authority",
    "arrangement", "solution", "roadmap", "road", "map", "formula", "package", "bid", "call", "appeal",
    "ultimatum", "election", "vote", "referendum", "legitimacy", "sovereignty", "border", "boundary",
    "line", "credential", "nominee", "candidate", "membership", "application", "exchange", "swap",
    "handover", "transfer", "withdrawal", "return", "release", "asylum", "protection", "assurance",
    "guarantee", "guaranty", "commitment", "pledge", "promise", "draft", "text", "version",
    "amendment", "bill", "law", "rule", "regulation", "reform", "measure", "step", "idea",
    "suggestion", "initiative", "option", "dialogue", "talk", "negotiation", "process",
})  # fmt: skip
# Where a topic is discussed with someone: a meeting or a call ("discussed Syria in a phone call").
MEETING_SETTINGS = frozenset({
    "call", "phone", "telephone", "meeting", "talk", "summit", "conversation", "visit", "session",
    "dinner", "lunch", "conference", "videoconference", "negotiation",
})  # fmt: skip

# Where rivals are decided between, a vote or a game: they "meet in a runoff" (no meeting) and one
# "beat" the other "in the final" (no blow; event_force_senses).
CONTESTS = frozenset({
    "election", "primary", "poll", "race", "vote", "ballot", "contest", "caucus", "runoff", "run-off",
    "round", "final", "semifinal", "semi-final", "match", "game", "tournament", "playoff", "play-off",
    "derby", "matchup", "match-up",
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
# A debate, a town hall or a breakfast a broadcaster or a group hosts is the stage of a candidate's
# speech ("a debate hosted by the Pellane Herald"): no one meets its host.
HOSTED_SHOWS = frozenset({
    "show", "program", "programme", "podcast", "event", "tournament", "game", "match", "concert",
    "festival", "olympics", "cup", "championship", "fundraiser", "party", "gala", "race", "series",
    "debate", "hall", "breakfast", "barbecue", "cookout", "picnic", "telethon",
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
# The sector of news outlets (``actor_codes``): one speaks to them as to an audience.
MEDIA_SECTOR = "MED"
GUESTS_DO = frozenset({"visit", "come", "stay", "attend", "tour", "return", "travel", "settle"})
# Whom one talks to when one speaks to an audience, not with a party ("talked to reporters",
# "talks to the press", "talking to voters about health care").
AUDIENCES = frozenset({
    "reporter", "journalist", "press", "media", "public", "nation", "audience", "crowd", "voter",
    "supporter", "base", "student", "viewer", "listener", "reader", "fan",
})  # fmt: skip


def cooperative_sense(verb: Token, lemma: str, analysis: EntityAnalysis) -> bool:
    """Whether an agreeing, backing or talking verb has its political sense, not its everyday one.

    'talk about the crisis' speaks of it and 'talked them into it' persuades (no meeting); 'agreed
    with the remark' shares an opinion (no agreement); 'the officer recognized her' knows her face
    and 'recognized the danger' sees a truth (no recognition of a state); a crowd that cheers or
    applauds no one backs no one; 'talked to reporters' speaks to an audience; 'defended herself',
    'defended his record' justify one's own stand, backing no one; 'asking for anonymity to discuss
    the raid' and 'not authorized to discuss it' are a source's routine, like declining to comment."""
    if lemma in VISITING_VERBS:
        return _visits_someone(verb, analysis)
    if lemma in {"talk", "discuss"} and _sources_routine(verb):
        return False
    if lemma == "talk":
        if private_talk(verb):
            return False
        return not _talks_of_something(verb) and not talks_to_an_audience(verb, analysis)
    if lemma == "agree":
        return not _shares_a_view(verb) and not _agrees_a_view(verb)
    if lemma == "discuss":
        return not _speaks_of_something(verb, analysis)
    if lemma in {"recognize", "recognise"}:
        return not _recognizes_a_person(verb, analysis) and not _recognizes_a_fact(verb)
    if lemma in {"cheer", "applaud"}:  # "the crowd applauded": no one is backed
        return any(
            c.dep_ in {"dobj", "nsubjpass", "agent"} or c.lower_ in {"for", "on"} for c in verb.children
        )
    if lemma == "defend" and _defends_own_stand(verb, analysis):
        return False
    if lemma == "accept" and _accepts_a_thing(verb, analysis):
        return False
    return _own_sense(verb, lemma)


def _accepts_a_thing(verb: Token, analysis: EntityAnalysis) -> bool:
    """'The whole town accepts the windmills', 'she accepted interviews with ABC', 'accepting
    congratulations': what is accepted is a thing, neither a party's proposal, terms or ruling
    (ACCEPTED_TERMS) nor a party or people ('accepted the refugees', 'accepted the envoys')."""
    accepted = [t for t in things_done_to(verb) if t.dep_ == "dobj" and t.pos_ == "NOUN"]
    if not accepted:
        return False
    for thing in accepted:
        words = [thing, *(c for c in thing.children if c.dep_ == "compound")]
        if any(lemma_of(w) in ACCEPTED_TERMS for w in words) or thing.ent_type_:
            return False
        if analysis.is_agent(thing, ACTOR_NOUNS) or analysis.mention_at(thing.i) is not None:
            return False
        if any(analysis.is_agent(g, ACTOR_NOUNS) for g in objects_of(thing, {"of"})):
            return False  # "a share of the refugees", "the return of the hostages"
    return True


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


def _agrees_a_view(verb: Token) -> bool:
    """'Agrees that Vale is an opportunist', 'agreed with the president that the deal was fair',
    '48 percent agreed', 'what most would agree was poor judgment': one shares a judgement, and no
    one is bound to anything. Parties agree to do something ('agreed to reopen the border'), on
    something ('agreed on a list'), or that something will be done ('agreed that talks would
    resume'); an agreement with a view is left to the others' stance."""
    if any(c.dep_ == "xcomp" for c in verb.children) or objects_of(verb, {"to", "on", "upon"}):
        return False
    subject = subject_of(verb)
    if subject is not None and (lemma_of(subject) in POLLED_SHARES or subject.lower_ in POLLED_SHARES):
        return True  # a share of those asked in a poll
    # what one party agrees is a judgement when it says what is, not what a party will do; what
    # several agree ("the leaders agreed that the dispute was over") may settle it between them
    if (
        subject is None
        or subject.tag_ in {"NNS", "NNPS"}
        or subject.conjuncts
        or subject.lower_ in {"we", "they"}
    ):
        return False
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    return any(not _states_a_commitment(c) for c in said)


def _states_a_commitment(clause: Token) -> bool:
    """'That talks would resume', 'that Dorvan will pull back', 'that the truce should hold' say
    what a party is to do; 'that Vale is an opportunist', 'that the economy was weak' judge."""
    modals = {"will", "would", "shall", "must", "should", "'ll"}
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in modals for c in clause.children)


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
        return not any(lemma_of(t) in AID_GOODS | ACCEPTED_NOT_AGREED or t.text == "$" for t in given)
    if lemma == "offer":
        return not any(lemma_of(t) in OPINION_NOUNS for t in things) and _offers_cooperation(verb, given)
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
    if lemma == "meet":
        # "the top two will meet in a runoff": rivals in a vote or a game, no talks
        return not any(lemma_of(t) in CONTESTS for t in objects_of(verb, {"in"})) and not _meets_a_bar(verb)
    return True


# Besides the table's: promises and conditions, which are met when kept ("if the conditions are met").
MET_BARS = frozenset({"commitment", "condition", "pledge", "promise", "request", "challenge", "term"})
# Acts that meet another as its answer ("were met with a crackdown"): hostile ones, no meeting.
MET_RESPONSES = frozenset({"ASSAULT", "COERCE", "ACCUSE", "REJECT", "PROTEST", "THREATEN", "SANCTION"})


def _meets_a_bar(verb: Token) -> bool:
    """'A threshold met only by two candidates', 'if all the commitments are met', 'we have met
    every deadline and will meet this one too': what is met is a requirement or a response (the
    table's NONE rows for 'meet', which read only an object), told as a passive subject, as the
    noun a participle describes, or as a pronoun standing for one met in a coordinate clause."""
    bars = MET_BARS | {e.with_ for e in triggers().get(("meet", "VERB"), []) if e.type == NOT_AN_EVENT}
    things = things_done_to(verb) + ([verb.head] if verb.dep_ == "acl" else [])  # "met" read as VBD
    if any(lemma_of(t) in bars for t in things):
        return True
    if any(c.dep_ == "auxpass" for c in verb.children) and any(
        e.type in MET_RESPONSES
        for t in objects_of(verb, {"with"})
        for e in triggers().get((lemma_of(t), "NOUN"), [])
    ):
        return True  # "protests were met with a crackdown", "was met with protests": a response, no talks
    if not any(t.lower_ in {"one", "it", "that", "them", "those"} for t in things):
        return False
    others = [c for c in [verb.head, *verb.children] if c.dep_ == "conj" or verb.dep_ == "conj"]
    return any(lemma_of(o) == "meet" and any(lemma_of(t) in bars for t in things_done_to(o)) for o in others)


def _offers_cooperation(verb: Token, given: list[Token]) -> bool:
    """'Offered to mediate', 'offered a ceasefire', 'offered Pellane $2 billion', 'offered refuge to
    those fleeing': an offer to do or give something cooperative (CAMEO 03). 'Offered the crowd an
    emotional account', 'offered a sharp retort', 'offered his endorsement', 'the company offers
    paid leave', 'the region offers rich resources' give words, goods or a quality, and bind no one
    to another party. With nothing offered ('Dorvan offered, and Pellane accepted') it stays."""
    if any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
        return True  # "offered to host talks"
    offered = [t for t in given if t.pos_ in {"NOUN", "PROPN", "NUM", "SYM"}]
    offered += [c for t in offered for c in t.children if c.dep_ == "compound"]  # "peace talks"
    if any(lemma_of(t) in OFFERED_COOPERATION or t.text == "$" for t in offered):
        return True
    if not offered and not [t for t in given if t.pos_ == "PRON"]:
        return True  # nothing named ("Dorvan offered, and Pellane accepted"); not "offered himself up"
    # what a state or a body offers another is its side's offer ("offered Peru two rescue teams");
    # what a person, a firm or a place offers is words, goods or a quality
    doer = subject_of(verb)
    return doer is not None and (doer.ent_type_ in {"GPE", "NORP"} or lemma_of(doer) in OFFERING_BODIES)


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
    speaker = subject is None or subject.lower_ in {"we", "you", "i"} or _one_side(subject)
    partner = objects_of(verb, {"with", "to"}) or any(c.dep_ in {"dobj", "dative"} for c in verb.children)
    return speaker and not partner and _has_a_topic(verb)


def _has_a_topic(verb: Token) -> bool:
    """'About the crisis', 'about going home': an "about" or "of" phrase with a noun or a clause."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"about", "of"}
        and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)
        for c in verb.children
    )


def _one_side(subject: Token) -> bool:
    """'Brell talked about the truce', 'he is talking about trade': one person or body, with no
    one named to talk with, speaks of a topic; 'the two leaders talked about trade' are talks."""
    if any(c.dep_ == "conj" for c in subject.children):
        return False
    return subject.lower_ in {"he", "she"} or subject.tag_ in {"NN", "NNP"}


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


# What one "recognizes" that is a truth seen, not a state or a claim recognized.
SEEN_TRUTHS = frozenset({
    "importance", "need", "fact", "reality", "problem", "danger", "threat", "risk", "value",
    "significance", "difficulty", "challenge", "mistake", "error", "limit", "gravity", "urgency",
    "seriousness", "truth", "sign", "signal", "potential", "complexity",
})  # fmt: skip


def _recognizes_a_fact(verb: Token) -> bool:
    """'Came to recognize the importance of the vote', 'recognized the danger': a truth seen, not a
    recognition of a state, a government or a claim."""
    return any(lemma_of(t) in SEEN_TRUTHS for t in things_done_to(verb))


def talks_to_an_audience(verb: Token, analysis: EntityAnalysis) -> bool:
    """'Talked to reporters in Oskel', 'she talks to the press a lot', 'talking to voters about
    health care', 'speaking to AFP by telephone': one speaks to an audience or to a news outlet
    (an entity of the media sector), which holds no talks with a party ('talked to the Dorvan
    envoy', 'talked with Ruto')."""
    heard = objects_of(verb, {"to", "with"})
    if not heard or any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False
    return all(lemma_of(t) in AUDIENCES or _news_outlet(t, analysis) for t in heard)


def _news_outlet(token: Token, analysis: EntityAnalysis) -> bool:
    """Whether ``token`` names a news agency, paper or broadcaster ('AFP', 'the BBC')."""
    found = analysis.mention_at(token.i)
    return found is not None and found[1].sector == MEDIA_SECTOR


REFLEXIVE_OBJECTS = frozenset(
    {"himself", "herself", "themselves", "itself", "ourselves", "myself", "yourself"}
)
# One's own acts, words and stands, which one defends to justify oneself ("defended his record");
# a person of one's own ("defended his campaign manager") is backed, and so is the one whom one's
# own praise or endorsement backs ("defended his praise of Veld" backs Veld again).
OWN_STANDS = frozenset({
    "record", "remark", "comment", "statement", "word", "position", "stance", "view", "decision",
    "vote", "choice", "commitment", "criticism", "role",
    "strategy", "plan", "policy", "proposal", "approach", "action", "conduct", "handling",
    "behavior", "behaviour", "tenure", "response", "tweet", "claim", "answer", "reputation",
    "integrity", "life", "shakeup", "shake-up", "performance", "judgment", "judgement",
})  # fmt: skip


# What one argues for, whoever first put it: "defended the notion that a video caused the riot".
PROPOSITIONS = frozenset(
    {"notion", "idea", "belief", "assumption", "contention", "premise", "thesis", "theory"}
)


def _defends_own_stand(verb: Token, analysis: EntityAnalysis) -> bool:
    """'Defended herself against the charges', 'defended his record as governor', 'defend their
    strategy': one justifies oneself or one's own acts and words, which backs no other party; nor
    does arguing for a notion ('defended the idea that the riot was planned'). 'Defended Vale',
    'defended his campaign manager', 'defended the decision' back another."""
    things = [t for t in things_done_to(verb) if t.dep_ != "nsubjpass"]
    if not things:
        return False
    return all(
        t.lower_ in REFLEXIVE_OBJECTS
        or lemma_of(t) in PROPOSITIONS
        or (own_thing(t) and lemma_of(t) in OWN_STANDS and not analysis.is_agent(t, ACTOR_NOUNS))
        for t in things
    )
