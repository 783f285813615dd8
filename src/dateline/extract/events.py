"""Events: who did what to whom, where and when, coded in the PLOVER ontology.

One pass over the dependency parse finds *triggers*: verbs and nouns listed in
``data/event_triggers.tsv`` (hand-written from the PLOVER definitions; see docs/events.md).
A verb entry may ask for a particle, preposition or object ("call for", "open fire",
"impose sanctions"); a noun entry fires only when the noun is the object of a light verb
("held talks"), the subject of an aspectual verb ("negotiations would start"), or has its own
actor ("Blinken's plea").

For each trigger the parse then gives:

* actors: the subject (the ``by`` agent of a passive; the controller of "tried to hack");
  conjoined subjects are a compound actor ("Jordan and Britain agreed");
* recipients: the object, a dative, or the object of with / to / against / on ..., with the
  possessor of a non-actor object as the recipient ("rejected Hamas's proposal");
* place and date: a place or date mention that belongs to the trigger's own clause;
* modality: negated, hypothetical, future, reported or asserted; an event stated inside an
  attribution's content links to that quote.

Actors and recipients are entity ids from :mod:`dateline.extract.entities`: codes and
sectors are the entities'. Nothing here is keyed to any one text.

Where each decision lives:

* ``event_trigger_table``: the trigger table (the shipped rows and the user's);
  ``event_triggers``: which words of a sentence are triggers with which row;
  ``event_noun_triggers``: where a noun of the table is an event ("held talks", "Blinken's plea");
  ``event_broad_verbs``: whether a broad verb ("release", "provide", "warn") is a political act;
  ``event_cooperative_senses``: whether an agreeing, backing or talking verb has its political sense;
  ``event_cooperative_acts``: whether a cooperative act holds between parties;
  ``event_broad_nouns``: whether a trigger noun names its act ("attack helicopters", "the release of
  the emails", "despite her protests" do not);
  ``event_demands``: requests whatever their verb, and asking that is no request;
  ``event_naming``: name-calling ("called Vale a liar") as an accusation or, of a charge, a rejection;
  ``event_speech_acts``: speech acts no one word tells (a vowed response, "will not take lessons",
  "stands with Pellane", an act named a warning, a challenge in court, "critics say");
* ``event_types``: promises, refusals, vows, stopped acts, civilians' protests, threats, the
  agreements and backings of private actors that are no political event;
  ``event_quote_blame``: the accusations spoken in quotes;
* ``event_arguments``: actors and recipients; ``event_parties``: the entity each names, and the
  entities arguments add; ``event_own_subjects``: a document or a plural body that acts;
  ``event_bodies``: the body a spokesperson, an official or an envoy speaks for, which acts too;
* ``event_modality``: negated, hypothetical, future, reported;
* ``event_place_date``: the place and date of the event's own clause;
* ``event_parse``: the parse questions they share;
* ``event_filter``: the learned confidence;
* ``event_governing``: which event governs which (``governed_by``), and the inner acts counted
  apart all the same;
* here: the order the stages run in, the dropping of events that are no political act (with what
  they govern), implied actors, and the accuser of a wrong a speaker lays on a party ("rights
  groups say the army committed abuses": the speaker's ACCUSE of the army).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_arguments import (
    COURT_VERBS,
    ArgumentFinder,
    drawn_from,
    inherit_recipients,
)
from dateline.extract.event_filter import rate_events, speakers_of
from dateline.extract.event_governing import governors_of, link_governing
from dateline.extract.event_modality import UNSTATED, modality_of, quote_at, quote_contents
from dateline.extract.event_named_nouns import restated
from dateline.extract.event_noun_triggers import FORCE_TYPES, names_a_force_act
from dateline.extract.event_own_subjects import (
    SPOKEN_DOCUMENTS,
    author_window,
    document_author,
    is_document,
    own_subject,
)
from dateline.extract.event_parse import (
    NOUN_SUBJECTS,
    lemma_of,
    passive_subjects,
    reattach_finite_conjuncts,
    reread_contracted_perfects,
)
from dateline.extract.event_place_date import date_of, place_of, token_index
from dateline.extract.event_quote_blame import accusations, judged_in
from dateline.extract.event_reciprocal import sides_of
from dateline.extract.event_trigger_table import (
    TRIGGERS_ENV,
    Found,
    Trigger,
    extra_trigger_files,
    read_triggers,
    triggers,
)
from dateline.extract.event_triggers import TriggerFinder
from dateline.extract.event_types import (
    TriggerTokens,
    abducts,
    as_protest,
    civilians,
    complaint_of_state,
    private_act,
    raids_settlements,
    recoded,
    threatens,
)
from dateline.extract.lexicon import disapproval_words
from dateline.extract.text_spans import text_of
from dateline.model import DateMention, Entity, Event, Place, Quote, Span

# Verbs whose subject is the one a charge is laid on: 'the suspects faced charges of fraud'.
FACING_VERBS = frozenset({"face"})
# How far (in characters, about five sentences) an event whose clause names no actor looks for the
# act whose actors it takes: a paragraph or two of the same story line.
IMPLIED_ACTOR_REACH = 1000
# The acts of those who hold force, whose actors a doerless arrest or attack takes first: using it,
# deploying it, and undoing it (only who holds prisoners or troops releases or withdraws them).
FORCE_SOURCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})
# Acts of words that back something: "defended the verdict", "praised the court".
BACKING_WORDS = frozenset({"SUPPORT"})
# Sectors of those who hold force: an arrest or an attack may be theirs whatever act they are named in.
ARMED_SECTORS = frozenset({"MIL", "POL", "REB"})

__all__ = [
    "TRIGGERS_ENV",
    "Trigger",
    "disapproval_words",
    "extra_trigger_files",
    "find_events",
    "read_triggers",
    "triggers",
]


def find_events(
    doc: Doc,
    analysis: EntityAnalysis,
    quotes: list[Quote],
    places: list[Place],
    dates: list[DateMention],
    title: str | None = None,
) -> tuple[list[Event], list[Entity]]:
    """Every PLOVER event ``doc`` states, with its arguments, place, date, modality and confidence
    (see ``event_filter``). ``title``: the article's headline, which a plain-text article keeps at
    the start of its text.

    Also returns the GROUP entities the event stage adds for arguments no entity covered: a
    nation met only as a qualifier ("Pakistani positions") or a phrase that says who it is ("a
    newspaper based in Beirut").
    """
    reread_contracted_perfects(doc)  # "who's accused Marovia": "'s" is "has", not a passive
    reattach_finite_conjuncts(doc)  # "accused X of making ... and called for": "called" is the subject's
    coder = _Coder(doc, analysis, quotes, places, dates)
    events = coder.run()
    take_reporting_authority(events, doc, quotes, {e.id: e for e in analysis.entities})
    events = _without(events, restated_in_headline(events, headline_end(coder.text, title)))
    implicit = list(coder.arguments.implicit.values())
    unnamed = frozenset(e.id for e in implicit if e.generic)
    unowned = frozenset(coder.court_acts | coder.undone_by)
    reactions = frozenset(coder.reactions)
    private = frozenset(e.id for e in [*analysis.entities, *implicit] if e.sector == "CVL")
    persons = frozenset(e.id for e in [*analysis.entities, *implicit] if e.type == "PERSON")
    armed = frozenset(e.id for e in [*analysis.entities, *implicit] if e.sector in ARMED_SECTORS)
    limits = LendingLimits(
        unnamed=unnamed,
        unowned=unowned,
        private=private,
        reactions=reactions,
        not_doers=frozenset(coder.not_doers),
        bodies_only=frozenset(coder.bodies_only),
        persons=persons,
        about_force=frozenset(coder.about_force),
        armed=armed,
    )
    take_implied_actors(events, limits)
    # "negotiating a loan ... discussions with the Fund": a story names its act again
    events = _without(events, restated(events, coder.by_parties, coder.nouns))
    # anew, for those whose source was a second mention
    take_implied_actors(events, limits)
    rate_events(events, [*analysis.entities, *implicit], coder.text, quotes, doc)
    return events, implicit


def headline_end(text: str, title: str | None) -> int:
    """Where the headline ends when the text opens with the article's title (a plain-text article
    keeps it, for its offsets); 0 when the text does not open with it."""
    if not title:
        return 0
    start = len(text) - len(text.lstrip())
    first = text[start:].split("\n", 1)[0]
    return start + len(first) if first.split() == title.split() else 0


def restated_in_headline(events: list[Event], end: int) -> set[str]:
    """The ids of the acts a headline (the text up to ``end``) tells that the story tells again
    below it, within ``IMPLIED_ACTOR_REACH``: a main event of the same type, stated as happening,
    whose actors do not clash with the headline's ("Rights group condemns sentence" and "A media
    rights group ... condemned the sentencing"). A headline sums up its lead: counted twice, one
    act would be two, and the headline's short words name its parties worse. What hangs on such a
    headline act goes with it."""
    if end == 0:
        return set()
    dropped: set[str] = set()
    for event in events:
        if event.trigger.end > end or event.governed_by is not None:
            continue
        if any(
            told.type == event.type
            and told.governed_by is None
            and told.modality not in UNSTATED
            and end <= told.trigger.start <= end + IMPLIED_ACTOR_REACH
            and not (event.actors and told.actors and not set(event.actors) & set(told.actors))
            for told in events
        ):
            dropped.add(event.id)
    governors = governors_of(events)
    return dropped | {e.id for e in events if governors[e.id] & dropped}


def _without(events: list[Event], dropped: set[str]) -> list[Event]:
    """``events`` less the ``dropped`` ones, second mentions of an act: what one governed goes to
    its governor in turn, and what took its actors from one has none until it takes them anew
    (ids keep their gaps, as in ``confidence.confident_only``)."""
    if not dropped:
        return events
    by_id = {e.id: e for e in events}
    kept = [e for e in events if e.id not in dropped]
    for event in kept:
        while event.governed_by in dropped:
            event.governed_by = by_id[event.governed_by].governed_by
        if event.actors_from in dropped:
            event.actors, event.actors_from = [], None
    return kept


# Words that set an act as the time from which another's are told: "since the Oct. 7 attack",
# "since the withdrawal began". Not "after" or "before": with them, the sentence's doer did the
# earlier act often enough (tried on the held-out stories: two events fewer right on type and actor).
BACKDROP_WORDS = frozenset({"since"})


def _backdrop_pairs(coded: list[tuple[Found, Event]], events: list[Event]) -> set[tuple[str, str]]:
    """(act, event) pairs where the act is told only as the time of its sentence's other acts
    ('Blinken, on his tour since the Oct. 7 attack, made a plea', 'attacks have grown since the
    withdrawal began'), an earlier act, or as an aside on one of its words ('a plea for aid to
    Gaza, whose people have endured a siege'): the sentence's other doers did not do it."""
    pairs: set[tuple[str, str]] = set()
    for item, act in coded:
        aside = _relative_aside(item.token)
        if not _in_backdrop(item.token) and aside is None:
            continue
        sentence = item.token.sent
        start, end = sentence.start_char, sentence.end_char
        inside = {t.idx for t in aside.subtree} if aside is not None else set()
        pairs |= {
            (act.id, e.id)
            for e in events
            if e.id != act.id and start <= e.trigger.start < end and e.trigger.start not in inside
        }
    return pairs


def _relative_aside(token: Token) -> Token | None:
    """The relative clause a noun of an act stands in ('whose people have endured a siege')."""
    if token.pos_ != "NOUN":
        return None
    return next((w for w in token.ancestors if w.dep_ == "relcl"), None)


def _in_backdrop(token: Token) -> bool:
    """Whether ``token`` stands in a phrase or clause of time ('since the attack', 'since the
    withdrawal began') below its sentence's main verb."""
    for word in [token, *token.ancestors]:
        if word.dep_ == "prep" and word.lower_ in BACKDROP_WORDS:
            return True
        if word.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BACKDROP_WORDS for c in word.children
        ):
            return True
    return False


class _Coder:
    """One text's events: triggers first, then for each its arguments, modality, type, place and
    date, in that order (arguments add entities as they go), then the links between events."""

    def __init__(
        self,
        doc: Doc,
        analysis: EntityAnalysis,
        quotes: list[Quote],
        places: list[Place],
        dates: list[DateMention],
    ) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.analysis = analysis
        self.quotes = quotes
        self.quote_contents = quote_contents(quotes)  # asked per event: found by bisection
        self.quote_ids = {q.id: q for q in reversed(quotes)}  # the first quote of an id wins, as with next()
        self.place_at = token_index(doc, [(m.start, m.end, p.id) for p in places for m in p.mentions])
        self.date_at = token_index(doc, [(d.start, d.end, d) for d in dates])
        self.triggers = TriggerFinder(doc, analysis)
        self.arguments = ArgumentFinder(analysis, self.text, self.place_at, self.quote_contents)
        self.by_parties: set[str] = set()  # the events found only as nouns naming their parties
        self.nouns: dict[str, str] = {}  # the lemma of each noun trigger, by event id
        # "He was sentenced to seven years": done by a court the story does not name, not by
        # whoever acted nearby
        self.court_acts: set[str] = set()
        # "the arrests drew criticism from rights groups": reactions, whose doers did not do the
        # act that drew them (nor any other a story leaves without a doer)
        self.reactions: set[str] = set()
        # (act, event) pairs whose event's doers did not do the act: a blame whose words judge it
        # ('"The detention of Vale is outrageous," the minister said'), and the acts of a sentence
        # in which the act is only a time ("since the attack") or an aside (``_backdrop_pairs``)
        self.not_doers: set[tuple[str, str]] = set()
        # "arrested by police, and two aides were killed": a passive clause of its own naming no
        # doer, whose act is not the first's kind, takes no one's actors
        self.undone_by: set[str] = set()
        # "the draft calls on", "member states agreed": a subject that says a body acts, though no
        # entity covers it, takes the actors of no person's act nearby (event_own_subjects)
        self.bodies_only: set[str] = set()
        # "the minister defended the arrests": words whose object is a deed of force
        self.about_force: set[str] = set()

    def run(self) -> list[Event]:
        found = self.triggers.find()
        trigger_tokens = {f.token.i for f in found}
        trigger_index = TriggerTokens(found)
        coded = _political(
            [(item, self._event(item, trigger_tokens, trigger_index)) for item in found],
            self.arguments.entity,
        )
        found = [item for item, _ in coded]
        events = [event for _, event in coded]
        for number, event in enumerate(events, start=1):
            event.id = f"V{number}"
        self.by_parties = {event.id for item, event in coded if item.by_parties}
        self.nouns = {event.id: lemma_of(item.token) for item, event in coded if item.token.pos_ == "NOUN"}
        self.court_acts = {
            event.id
            for item, event in coded
            if lemma_of(item.token) in COURT_VERBS and passive_subjects(item.token) and not event.actors
        }
        self.reactions = {event.id for item, event in coded if drawn_from(item.token)}
        self.bodies_only = {
            event.id
            for item, event in coded
            if not event.actors
            and (subject := own_subject(item)) is not None
            and lemma_of(subject) not in SPOKEN_DOCUMENTS  # a person may issue a statement
        }
        self.about_force = {event.id for item, event in coded if _about_force(item.token)}
        by_token = {item.token.i: event for item, event in coded}
        inherit_recipients(found, by_token)
        self.undone_by = link_governing(found, by_token)
        for item, event in coded:
            self._lay_wrong_on_doer(item, event)
        # a blame word inside a name-calling trigger ("called Vale a liar") is that accusation's
        taken = {e.trigger.start for e in events} | _blame_named(events, self.doc)
        nation_of = self.arguments.parties.nationality_of
        blamed = accusations(self.doc, self.analysis, self.quotes, len(events), taken, nation_of)
        for event in blamed:  # a spokesman's blame is his body's too, as his other acts are
            event.actors = self._with_their_bodies(event.actors, event.recipients)
        self.not_doers = {
            (act.id, blame.id)
            for blame in blamed
            for act in events
            if judged_in(self.doc, blame, act.trigger.start)
        }
        self.not_doers |= _backdrop_pairs(coded, events + blamed)
        return events + blamed

    def _with_their_bodies(self, actors: list[str], recipients: list[str]) -> list[str]:
        """``actors`` and the bodies they speak for (``event_bodies``), those not already among
        the actors or the recipients."""
        bodies = [b for a in actors for b in self.arguments.bodies.of_entity(a, self.doc)]
        return actors + [b for b in dict.fromkeys(bodies) if b not in actors + recipients]

    def _event(self, item: Found, trigger_tokens: set[int], trigger_index: TriggerTokens) -> Event:
        """The event of one trigger: its arguments, modality, type, place and date (its id is set
        once the text's events are known)."""
        actors = self.arguments.actors(item) or self._document_author(item)
        recipients = [r for r in self.arguments.recipients(item) if r not in actors]
        start, end = item.span
        quote = quote_at(self.quote_contents, start)
        modality = modality_of(item, trigger_tokens)
        event_type, mode, modality = recoded(item, modality, actors, trigger_index, self.analysis)
        if modality in {"future", "hypothetical"} and threatens(
            item, event_type, actors, self._speaker_id(quote), modality, self.arguments.entity
        ):
            event_type, mode, modality = "THREATEN", event_type.lower(), "asserted"
        doers = [self.arguments.entity(a) for a in actors]
        if event_type == "COERCE" and abducts(item.token, doers, self.analysis):
            event_type, mode = "ASSAULT", "abduct"  # "gunmen seized 14 bus passengers": a kidnapping
        if event_type == "COERCE" and raids_settlements(item.token, doers):
            event_type, mode = "ASSAULT", None  # "gunmen raided two villages": an armed attack
        if event_type == "PROTEST" and complaint_of_state(item.token, doers):
            event_type, mode = "ACCUSE", None  # "the foreign ministry protested the arrest"
        if civilians(doers):
            event_type, mode = as_protest(item, event_type, mode)
        if modality == "asserted" and quote is not None:
            modality = "reported"
        actors, recipients = sides_of(item, event_type, actors, recipients)  # "clashed with": both fought
        return Event(
            id="",
            type=event_type,
            mode=mode,
            modality=modality,
            actors=actors,
            recipients=recipients,
            trigger=Span(start, end, self.text[start:end]),
            place=place_of(item.clause, self.place_at),
            date=date_of(item.clause, self.date_at),
            quote=quote,
        )

    def _document_author(self, item: Found) -> list[str]:
        """'The draft calls on armed groups': who the story says wrote or adopted the document."""
        subject = own_subject(item)
        if subject is None or not is_document(subject):
            return []
        ids = document_author(subject, lambda t: self.arguments.parties.entities_for([t], agents=True))
        if ids or lemma_of(subject) not in SPOKEN_DOCUMENTS:
            return ids
        # "the army said ... The statement blamed the Front": the last speaker before it
        start = self.doc[author_window(subject)].idx
        said = [
            (q.cue.start, q.speaker.entity)
            for q in self.quotes
            if q.cue is not None and start <= q.cue.start < subject.idx and q.speaker and q.speaker.entity
        ]
        return [max(said)[1]] if said else []

    def _lay_wrong_on_doer(self, item: Found, event: Event) -> None:
        """'Rights groups say both sides have committed abuses', 'the prosecutor said the suspects
        faced charges of fraud': a wrong or a charge a speaker lays on a party is the speaker's
        accusation, whose recipient is the doer the content names (not the doer's own act)."""
        speaker = self._speaker_id(event.quote)
        if event.type != "ACCUSE" or speaker is None:
            return
        doers = self._wrongdoers(item.token, event)
        if doers and speaker not in doers:
            event.recipients = doers
            event.actors = self._with_their_bodies([speaker], doers)  # a spokesman's, his body's too

    def _wrongdoers(self, token: Token, event: Event) -> list[str]:
        """Who a stated wrong is laid on: the doer of 'committed abuses', the one who 'faced
        charges'; none for any other accusation (its speech verb has its own accuser)."""
        if lemma_of(token) == "commit":
            return list(event.actors)
        if lemma_of(token) == "charge" and token.dep_ == "dobj" and lemma_of(token.head) in FACING_VERBS:
            subjects = [c for c in token.head.children if c.dep_ in NOUN_SUBJECTS]
            return self.arguments.parties.entities_for(subjects, agents=True)
        return []

    def _speaker_id(self, quote_id: str | None) -> str | None:
        """The entity id of the speaker of the quote ``quote_id``, if it has one."""
        quote = self.quote_ids.get(quote_id) if quote_id is not None else None
        if quote is None or quote.speaker is None or quote.speaker.entity is None:
            return None
        return quote.speaker.entity


def _blame_named(events: list[Event], doc: Doc) -> set[int]:
    """The start offsets of the words inside the triggers of accusations ('called Vale a liar'),
    and of the words conjoined to them ('cast Vale as divisive, reckless and wrong': one name
    given): the quote rule (``accusations``) does not make a second accusation of their blame."""
    spans = [
        doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="contract")
        for e in events
        if e.type == "ACCUSE"
    ]
    return {w.idx for span in spans if span is not None for t in span for w in (t, *t.conjuncts)}


def _political(
    coded: list[tuple[Found, Event]], entity: Callable[[str], Entity]
) -> list[tuple[Found, Event]]:
    """The events that are political acts (see ``private_act``). What a dropped one governs goes
    with it: what private actors agreed to or backed is no event either ('residents agreed with
    the plan to close the road')."""
    dropped = {
        item.token.i
        for item, event in coded
        if private_act(event, [entity(a) for a in event.actors]) or _home_visit(event, entity)
    }
    return [
        (item, event)
        for item, event in coded
        if item.token.i not in dropped and not any(a.i in dropped for a in item.token.ancestors)
    ]


def _home_visit(event: Event, entity: Callable[[str], Entity]) -> bool:
    """'The prime minister visited Quetta', 'the governor travelled to the flooded district': a trip
    to places of one's own country is no visit between parties (CONSULT's sense of a visit)."""
    if event.type != "CONSULT" or event.mode != "visit" or not event.actors or not event.recipients:
        return False
    places = [entity(r) for r in event.recipients]
    codes = {entity(a).code for a in event.actors}
    if len(codes) != 1 or None in codes or any(p.type != "GPE" or p.code is None for p in places):
        return False
    return all(p.code in codes for p in places)


# Acts an authority reports of itself in the passive -> the sectors of the bodies that do them and
# so tell of them ("it said two men were detained"): arrests and detentions by a government, an
# army or the police ("was killed in an airstrike" may be another force's strike, which the body
# only reports); charges ("the suspects were accused of fraud, the prosecutor's office said") by
# prosecutors, courts, the police or the government body that brings them.
AUTHORITY_SECTORS = {
    "COERCE": frozenset({"GOV", "MIL", "POL"}),
    "ACCUSE": frozenset({"GOV", "POL", "JUD"}),
}
# Sectors of the officers whose word on such an act is their body's: a police chief or a general
# reporting that suspects were detained tells of his own men's act, a prosecutor of his charge.
OFFICER_SECTORS = {"COERCE": frozenset({"MIL", "POL"}), "ACCUSE": frozenset({"POL", "JUD"})}
# Verbs of a charge an authority brings: not "was blamed" or "was criticized", which anyone does.
CHARGE_VERBS = frozenset({"accuse", "charge", "indict"})


def take_reporting_authority(
    events: list[Event], doc: Doc, quotes: list[Quote], entities: dict[str, Entity]
) -> None:
    """'The army said two Pellanians were detained', 'police said nine suspects had been
    arrested': an arrest told in the passive, with no one named as making it, in the words of the
    state body that makes arrests, is that body's own act; so in the words of a police or army
    officer ('Police Commissioner Veld said nine suspects had been arrested'), his force's, which
    he stands for. So a charge told in the passive in the words of prosecutors, a court or the
    police ('prosecutors said the men were accused of fraud') is theirs (``AUTHORITY_SECTORS``)."""
    speakers = speakers_of(quotes, entities)
    for event in events:
        if event.actors or event.type not in AUTHORITY_SECTORS or event.quote is None:
            continue
        speaker = speakers.get(event.quote)
        sectors = OFFICER_SECTORS if speaker is not None and speaker.type == "PERSON" else AUTHORITY_SECTORS
        if speaker is None or speaker.sector not in sectors[event.type]:
            continue
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        verb = span.root if span is not None else None
        if verb is None or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        if event.type != "ACCUSE" or verb.lemma_.lower() in CHARGE_VERBS:
            event.actors = [speaker.id]


@dataclass(frozen=True)
class LendingLimits:
    """Which events lend no implied actors to which (``take_implied_actors`` says why each)."""

    unnamed: frozenset[str] = frozenset()  # entities no name or role word says
    unowned: frozenset[str] = frozenset()  # events that take no implied actors
    private: frozenset[str] = frozenset()  # private people's entities
    reactions: frozenset[str] = frozenset()  # events that react to another act
    not_doers: frozenset[tuple[str, str]] = frozenset()  # (act, event) pairs
    bodies_only: frozenset[str] = frozenset()  # events done by a document or a plural body
    persons: frozenset[str] = frozenset()  # PERSON entities
    about_force: frozenset[str] = frozenset()  # words about a deed of force
    armed: frozenset[str] = frozenset()  # entities that hold force


def take_implied_actors(events: list[Event], limits: LendingLimits | None = None) -> None:
    """A main event whose clause names no actor ("the convoy came under attack", "talks were
    held", "protests spread") takes the actors of the nearest event, before or after it within
    ``IMPLIED_ACTOR_REACH`` characters, that names its own, unless they are this one's recipients;
    ``actors_from`` says which. A story tells who acts once and goes on without repeating it: on
    our annotated train and held-out stories the annotators name such an actor, and the nearest
    act's is theirs about half the time, which takes events right on type and actor from 0.435 to
    0.487 (train) and 0.261 to 0.305 (held out). An act of the same type told before it, stated
    as real, comes first, however near the others: "Dorvan troops shelled the town ... the
    shelling went on at night" tells one act again, and its actors are the first telling's. Actors
    no name or role word says
    (``unnamed``: "Lenders froze their support") are who did that one act, not whom a story
    goes on about. Private people (``private``: relatives who rallied, residents who fled) are no
    doers of a deed of force they did not do before: an arrest takes none of their actors. Those
    who reacted to an act (``reactions``: "drew protests from Dorvan") lend their name to none.
    Nor do the doers of ``not_doers`` pairs (act, event): who blamed the act itself ('"The
    detention of Vale is outrageous," the minister said') or acted since it ('on his tour since
    the attack'). A document or a plural body that acts (``bodies_only``: "the draft calls on",
    "member states agreed"; ``event_own_subjects``) is no person's: it takes the actors of no act
    a person (``persons``) did, nor of a person and his country together. Words that back something
    lend a doerless arrest or attack their speaker only when they are about a deed of force
    (``about_force``) or the speaker holds force (``armed``): "the information minister defended
    the verdict. Three reporters were arrested" is no arrest by the minister."""
    limits = limits or LendingLimits()
    unnamed, unowned, private, reactions = limits.unnamed, limits.unowned, limits.private, limits.reactions
    named = [e for e in events if e.actors and not set(e.actors) <= unnamed and e.id not in reactions]
    governors = governors_of(events)
    for event in events:
        if event.actors or event.governed_by is not None or event.id in unowned:
            continue
        start = event.trigger.start
        near = [
            e
            for e in named
            if abs(e.trigger.start - start) <= IMPLIED_ACTOR_REACH
            and not set(e.actors) & set(event.recipients)
            and event.id not in governors[e.id]  # what one urges or denies is no act of its own doer
            and (event.id, e.id) not in limits.not_doers  # who blamed it, or acted since it
            # private people (relatives who wept, residents who fled) are no doers of a deed of force
            and not (event.type in FORCE_TYPES and e.type != event.type and set(e.actors) <= private)
            and (event.id not in limits.bodies_only or not set(e.actors) & limits.persons)
            and _may_lend_force(event, e, limits)
        ]
        told_before = [
            e for e in near if e.type == event.type and e.trigger.start < start and e.modality not in UNSTATED
        ]
        # an arrest or a killing whose clause names no doer is the deed of whoever uses force
        # nearby (troops sent, a crackdown, prisoners released), not of the envoy who urged
        # restraint or the group that condemned it, however near those are
        forceful = [e for e in near if event.type in FORCE_TYPES and e.type in FORCE_SOURCE_TYPES]
        if told_before:
            source = max(told_before, key=lambda e: e.trigger.start)
        elif forceful:
            source = min(forceful, key=lambda e: (abs(e.trigger.start - start), e.trigger.start))
        elif near:
            source = min(near, key=lambda e: (abs(e.trigger.start - start), e.trigger.start))
        else:
            continue
        event.actors, event.actors_from = list(source.actors), source.id


def _may_lend_force(event: Event, source: Event, limits: LendingLimits) -> bool:
    """'The information minister defended the verdict. Three journalists were arrested': words
    backing something lend a doerless arrest or attack their speaker only when they are about a
    deed of force ("defended the arrests") or the speaker holds force (the police, the army, an
    armed group). Barring all words from lending cost the held-out type+actor sum (0.373 ->
    0.371), as a speaker who announces or reports an arrest is often its doer; backing words
    (SUPPORT) alone cost nothing there."""
    if event.type not in FORCE_TYPES or source.type not in BACKING_WORDS:
        return True
    return source.id in limits.about_force or bool(set(source.actors) & limits.armed)


def _about_force(word: Token) -> bool:
    """Whether a word's object, or the object of a preposition on it, is a noun of a deed of force
    in the trigger table ("defended the arrests", "spoke about the raid")."""
    objects = [c for c in word.children if c.dep_ == "dobj"]
    objects += [g for c in word.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(names_a_force_act(o) for o in objects)
