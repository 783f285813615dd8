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
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline.actors import code_from_name
from dateline.extract import lexicon
from dateline.extract.attributions import AGENT_NOUNS, DOCUMENT_NOUNS
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_filter import rate_events
from dateline.model import DateMention, Entity, Event, EventDate, Place, Quote, Span

TRIGGERS_ENV = "DATELINE_EVENT_TRIGGERS"
WHERE_PREPS = {"in", "at", "near", "inside", "outside", "across"}
NEGATIONS = {"not", "n't", "never", "no"}
NEGATING_VERBS = {"fail", "refuse", "decline"}  # "failed to agree": no agreement happened
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must", "can", "ought"}
# Verbs whose complement is an intention, a plan or a wish, not something that happened.
INTENT_VERBS = {
    "plan", "intend", "expect", "hope", "want", "aim", "seek", "prepare", "set", "schedule",
    "wish", "vow", "decide", "threaten", "propose", "consider", "ready",
}  # fmt: skip
FUTURE_INTENT = {"plan", "intend", "expect", "schedule", "set", "prepare", "decide", "due"}
LIGHT_VERBS = {
    "hold", "launch", "stage", "conduct", "carry", "mount", "make", "issue", "impose", "sign",
    "reach", "give", "provide", "send", "deliver", "declare", "announce", "begin", "start",
    "resume", "open", "organize", "organise", "lead", "call", "offer", "extend", "lodge", "file",
    "express", "voice", "agree", "accept", "observe", "break", "join", "host", "pay", "go", "attend", "intensify", "escalate", "step", "renew", "order", "continue", "keep", "plan", "propose",
    "conclude", "finalize", "approve", "endorse", "unleash", "wage", "perform", "undertake",
}  # fmt: skip
# "took part in talks", "participated in the protest": the noun is what the subject does.
PARTICIPATION_VERBS = {"participate", "take", "join", "engage", "involve"}
ASPECTUAL_VERBS = {
    "start",
    "begin",
    "resume",
    "continue",
    "open",
    "end",
    "take",
    "get",
    "be",
    "break",
    "collapse",
    "erupt",
    "flare",
    "escalate",
    "intensify",
    "spread",
    "rage",
}
# "Zambia received aid", "Cuba faces sanctions": their subject undergoes the act their object names.
RECEIVING_VERBS = {"receive", "get", "win", "face", "suffer", "endure"}
# "The arrest sparked protests": the object of these happened, and the subject did not do it.
CAUSATIVE_VERBS = {"spark", "trigger", "prompt", "provoke", "draw", "cause", "fuel", "ignite", "touch"}
RECIPIENT_PREPS = {
    "with", "to", "against", "on", "upon", "at", "toward", "towards", "into", "from", "for", "of", "over",
}  # fmt: skip
SUBJECTS = {"nsubj", "csubj"}
# Where the word a table row asks for may stand: "call for", "open fire", "impose sanctions", "set free".
DEPENDENT_DEPS = {
    "prt", "prep", "dobj", "nsubjpass", "dative", "advmod", "npadvmod", "oprd", "acomp",
}  # fmt: skip
LOCATION_PREPS = {"in", "at", "near", "inside", "outside", "around", "throughout", "across"}
QUANTITY_NOUNS = {"round", "series", "wave", "spate", "string", "day", "days", "week", "weeks", "hours"}
TIME_PREPS = {"after", "before", "during", "following", "since", "ahead"}
# Cooperative actions whose announced intention PLOVER codes as AGREE (CAMEO 03 -> AGREE).
PROMISABLE = {"AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT", "SUPPORT"}
# Refusing these is a REJECT ("did not agree to", "would not release"; CAMEO 12 -> REJECT).
REFUSABLE = {"AGREE", "CONCEDE", "RETREAT", "COOPERATE"}
# A promise to do these is a threat ("vowed to retaliate"; CAMEO 13 -> THREATEN).
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "REJECT"}
PROMISE_LEMMAS = {"vow", "pledge", "promise", "swear"}
# Hostile acts whose announcement by their own side is a threat (CAMEO 13 -> THREATEN).
THREATENED = {"ASSAULT", "COERCE", "SANCTION", "PROTEST"}
READINESS = {"ready", "prepared", "poised", "determined"}
OFFERING_ADJECTIVES = {"willing", "ready", "prepared"}  # "ready to resume talks": an offer (AGREE)
CIVILIAN_SECTORS = {"CVL", "OPP", "LAB", "EDU", "AGR", "HLH", "REF"}
RIOT_VERBS = {
    "storm", "clash", "riot", "ransack", "loot", "torch", "burn", "stone", "vandalize", "vandalise",
    "set",  # "set fire to government buildings"
}  # fmt: skip
# Destroying people's property is COERCE (mode destroy, CAMEO 1712) in the mapping the PLOVER
# gold-standard records were built with: these verbs with one of these objects, and no weapon named.
PROPERTY_DAMAGE_VERBS = {
    "destroy", "burn", "torch", "level", "flatten", "ransack", "vandalize", "vandalise", "damage",
}  # fmt: skip
PROPERTY_NOUNS = {
    "home", "house", "building", "property", "crop", "field", "farm", "farmland", "shop",
    "store", "market", "mosque", "church", "temple", "synagogue", "school", "orchard", "grove", "tree",
    "hut", "dwelling", "car", "vehicle", "business", "office", "headquarters", "livestock", "harvest",
}  # fmt: skip
WEAPON_MODES = {"aerial", "artillery", "explosives", "heavy-weapons"}
# Broad verbs and what their bare rows need to be a political act (see _broad_verb_holds).
CAPTIVE_NOUNS = {
    "prisoner", "hostage", "detainee", "captive", "inmate", "dissident", "activist", "journalist",
    "reporter", "soldier", "sailor", "fisherman", "worker", "national", "citizen", "person", "people",
    "man", "woman", "child", "student", "leader", "official", "crew", "passenger", "tourist", "suspect",
    "businessman", "diplomat", "missionary", "pilot", "officer", "policeman", "priest", "nun", "monk",
    "employee", "staff", "member", "hiker", "athlete", "refugee", "migrant", "civilian", "fighter",
    "wounded", "injured", "resident", "villager", "family",
}  # fmt: skip
# "the detained businessmen", "kidnapped engineers": whoever is held is a captive, whatever the noun.
CAPTIVITY_PARTICIPLES = {
    "detain",
    "kidnap",
    "jail",
    "abduct",
    "capture",
    "imprison",
    "arrest",
    "hold",
    "seize",
}
BROAD_VERB_OBJECTS = {
    "release": CAPTIVE_NOUNS,
    "lift": {"ban", "restriction", "limit", "control", "measure", "curb", "freeze", "moratorium", "emergency", "order"},
    "capture": {"town", "city", "village", "territory", "area", "base", "airport", "port", "ship", "vessel",
                "tanker", "boat", "weapon", "arm", "cargo", "hill", "bridge", "crossing", "post", "checkpoint",
                "district", "region", "province", "capital", "stronghold", "fighter", "rebel", "militant"},
    "grab": {"land", "territory", "town", "city", "village", "property", "asset"},
    "crush": {"protest", "uprising", "revolt", "rebellion", "dissent", "opposition", "demonstration",
              "unrest", "insurgency", "rebel", "protester", "strike", "coup", "mutiny"},
}  # fmt: skip
# What else is suspended, which is no political act ("suspended his campaign").
NOT_SANCTIONED = {
    "campaign", "account", "season", "game", "match", "player", "show", "sentence", "license", "licence",
}  # fmt: skip
PEOPLE_TAKING_VERBS = {"release", "capture", "grab"}  # people or places, not "a statement"
DANGER_NOUNS = {"threat"}  # also a danger ("the terrorist threat"), not only an act
GIVING_VERBS = {"help", "provide", "donate"}
AID_GOODS = {
    "aid", "assistance", "help", "food", "grain", "wheat", "rice", "medicine", "supply", "relief", "weapon",
    "arm", "ammunition", "equipment", "missile", "tank", "jet", "system", "money", "fund", "cash", "loan",
    "grant", "credit", "dollar", "million", "billion", "shelter", "tent", "blanket", "water", "fuel",
    "vaccine", "dose", "protection", "training", "troop", "expertise", "ration", "medication", "cargo",
    "material", "package", "consignment", "planeload", "shipment", "kit", "goods", "item", "drug",
    "generator", "donation", "contribution", "humanitarian", "tonne", "ton",
}  # fmt: skip
NON_GIFTS = {
    "speech", "address", "message", "note", "letter", "warning", "ultimatum", "verdict", "ruling", "blow",
    "victory", "win", "result", "remark", "statement", "lecture", "sermon", "eulogy", "keynote", "vote",
    "promise", "rebuke", "update", "clarity", "detail", "answer", "explanation", "testimony",
}  # fmt: skip
SHELTERED = {"refugee", "migrant", "asylum-seeker", "seeker", "displaced", "evacuee"}
AID_RECEIVERS = {"victim", "survivor", "refugee", "civilian", "family", "resident", "population", "villager"}
ADMITTED_FAILINGS = {"defeat", "mistake", "error", "wrongdoing", "guilt", "responsibility", "failure"}
# Bare rows that need a political actor as subject ("open primaries allow independents to vote");
# a report or a poll speaks (see attributions) but does not act.
ACTOR_NOUNS = frozenset(AGENT_NOUNS - DOCUMENT_NOUNS)
ACTOR_ONLY_VERBS = {"allow", "permit", "threaten", "fight"}
# "warned of dire consequences": a warning with no act in it threatens only with these.
CONSEQUENCE_NOUNS = {"consequence", "retaliation", "response", "reprisal", "action", "measure", "force"}
# An act stopped is another act: what it becomes (see _stopped_by).
STOPPING_VERBS = {"stop", "halt", "cease", "end", "suspend", "discontinue", "quit"}
STOPPED_AS = {
    "AID": ("SANCTION", "discontinue"),
    "COOPERATE": ("SANCTION", "discontinue"),
    "CONSULT": ("SANCTION", "withdraw"),
    "SUPPORT": ("SANCTION", None),
    "ASSAULT": ("RETREAT", "ceasefire"),
    "PROTEST": ("CONCEDE", None),
}
# Calling off or suspending one's own protest eases dissent: CONCEDE (CAMEO 082), not SANCTION.
PROTEST_NOUNS = {"strike", "protest", "demonstration", "boycott", "sit-in", "rally", "march", "walkout"}
# "Egypt said Israel must withdraw": a speaker's must/should about another party's act is a demand.
SAYING_VERBS = {"say", "tell", "insist", "stress", "declare", "state", "add", "argue", "write", "reiterate"}
DEONTIC_AUX = {"must", "should", "ought"}
DEONTIC_VERBS = {"have", "need"}  # "has to withdraw", "needs to release"
# "Kenya wants Somalia to withdraw": wanting another party's act is asking for it.
WANTING = {"want", "wish"}
HOPING = {"hope", "desire"}  # hoping that another party acts is an appeal (CAMEO 020)
# Verbs that take a mandative that-clause ("insisted that the minister resign").
MANDATIVE = {
    "demand", "insist", "propose", "recommend", "ask", "urge", "order", "require", "suggest", "request",
    "stipulate", "decree", "move", "command", "direct",
}  # fmt: skip
# "urged Israel to allow": the object of these verbs is the subject of their complement.
OBJECT_CONTROL = {
    "urge", "ask", "order", "tell", "force", "persuade", "call", "press", "invite", "allow", "help",
    "encourage", "compel", "instruct", "request", "want", "expect", "pressure", "push", "appeal", "direct",
}  # fmt: skip
OBJECTS = {"dobj", "dative", "attr", "oprd"}
COMPLEMENTS = {"xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "conj"}


# A table row of this type says that the word with that dependent is no event at all.
NOT_AN_EVENT = "NONE"


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    with_: str | None
    type: str
    mode: str | None


# "went on (a) strike", "went on the offensive": idioms whose noun alone is ambiguous.
GO_ON_IDIOMS = {
    "strike": Trigger("strike", "NOUN", None, "PROTEST", "strike"),
    "offensive": Trigger("offensive", "NOUN", None, "ASSAULT", None),
    "alert": Trigger("alert", "NOUN", None, "MOBILIZE", "troops"),
}


def read_triggers(text: str) -> list[Trigger]:
    """Rows of a trigger table (``lemma, pos, with, type, mode``; '#' lines are comments)."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 5)[:5]
        lemma, pos, with_, type_, mode = (c.strip() for c in cells)
        rows.append(Trigger(lemma, pos, with_ or None, type_, mode or None))
    return rows


def extra_trigger_files() -> list[Path]:
    """Trigger tables added by the user: ``$DATELINE_EVENT_TRIGGERS``, paths separated by os.pathsep."""
    value = os.environ.get(TRIGGERS_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """(lemma, pos) -> entries, the ones that ask for a dependent first.

    The shipped table comes first; tables named in ``$DATELINE_EVENT_TRIGGERS`` add to it, and
    where both have a row for the same word and dependent, the shipped row wins.
    """
    text = resources.files("dateline.data").joinpath("event_triggers.tsv").read_text(encoding="utf-8")
    rows = read_triggers(text)
    for path in extra_trigger_files():
        rows += read_triggers(path.read_text(encoding="utf-8"))
    table: dict[tuple[str, str], list[Trigger]] = {}
    seen: set[tuple[str, str, str | None]] = set()
    for entry in rows:
        if (entry.lemma, entry.pos, entry.with_) in seen:
            continue
        seen.add((entry.lemma, entry.pos, entry.with_))
        table.setdefault((entry.lemma, entry.pos), []).append(entry)
    for entries in table.values():
        entries.sort(key=lambda e: e.with_ is None)
    return table


def find_events(
    doc: Doc,
    analysis: EntityAnalysis,
    quotes: list[Quote],
    places: list[Place],
    dates: list[DateMention],
) -> tuple[list[Event], list[Entity]]:
    """Every PLOVER event ``doc`` states, with its arguments, place, date, modality and confidence
    (see ``event_filter``).

    Also returns the GROUP entities the event stage adds for arguments no entity covered: a
    nation met only as a qualifier ("Pakistani positions") or a phrase that says who it is ("a
    newspaper based in Beirut").
    """
    coder = _Coder(doc, analysis, quotes, places, dates)
    events = coder.run()
    implicit = list(coder.implicit.values())
    rate_events(events, [*analysis.entities, *implicit], coder.text)
    return events, implicit


@dataclass
class _Found:
    token: Token  # the trigger's head word
    entry: Trigger
    span: tuple[int, int]  # character offsets of the trigger words
    clause: Token  # the verb whose clause the event belongs to
    dependent: Token | None = None  # the word an entry asked for ("troops" in "ordered troops")
    through_verb: bool = False  # a noun done by its clause's subject ("held talks", "after talks with")
    received: bool = False  # a noun its clause's subject undergoes ("received aid from", "faces sanctions")


class _Coder:
    def __init__(
        self,
        doc: Doc,
        analysis: EntityAnalysis,
        quotes: list[Quote],
        places: list[Place],
        dates: list[DateMention],
    ) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy joins every token on each Doc.text: read it once
        self.analysis = analysis
        self.quotes = quotes
        self.place_at = _token_index(doc, [(m.start, m.end, p.id) for p in places for m in p.mentions])
        self.date_at = _token_index(doc, [(d.start, d.end, d) for d in dates])
        self.table = triggers()
        self.implicit: dict[str, Entity] = {}  # argument entities this stage adds (see find_events)

    def run(self) -> list[Event]:
        found = self._triggers()
        trigger_tokens = {f.token.i for f in found}
        events = []
        for number, item in enumerate(found, start=1):
            actors = self._actors(item)
            recipients = [r for r in self._recipients(item) if r not in actors]
            start, end = item.span
            quote = self._quote_at(start)
            modality = self._modality(item, trigger_tokens)
            event_type, mode, modality = self._recoded(item, modality, actors, found)
            if modality in {"future", "hypothetical"} and self._threatens(
                item, event_type, actors, quote, modality
            ):
                event_type, mode, modality = "THREATEN", event_type.lower(), "asserted"
            if self._civilians(actors):
                event_type, mode = _as_protest(item, event_type, mode)
            if modality == "asserted" and quote is not None:
                modality = "reported"
            events.append(
                Event(
                    id=f"V{number}",
                    type=event_type,
                    mode=mode,
                    modality=modality,
                    actors=actors,
                    recipients=recipients,
                    trigger=Span(start, end, self.text[start:end]),
                    place=self._place(item),
                    date=self._date(item),
                    quote=quote,
                )
            )
        by_token = {item.token.i: event for item, event in zip(found, events, strict=True)}
        _inherit_recipients(found, by_token)
        _link_governing(found, by_token)
        return events + self._accusations(len(events), {e.trigger.start for e in events})

    def _recoded(
        self, item: _Found, modality: str, actors: list[str], found: list[_Found]
    ) -> tuple[str, str | None, str]:
        """Type, mode and modality after PLOVER's rules for promises, refusals and vows."""
        event_type, mode = item.entry.type, item.entry.mode or _mode_from_object(item)
        asked_for = any(f.entry.type == "REQUEST" and f.token in item.token.ancestors for f in found)
        if (
            modality == "future"
            and event_type in PROMISABLE
            and actors
            and item.token == item.clause
            and not asked_for
        ):
            # An actor's stated intention to cooperate is AGREE ("will provide aid"); the mode
            # keeps what was promised. What another party hopes or demands it will do is no promise.
            return "AGREE", event_type.lower(), modality
        if modality == "negated" and event_type in REFUSABLE and _negated_here(item):
            return "REJECT", event_type.lower(), "asserted"  # "did not agree to the plan"
        if _lemma(item.token) in PROMISE_LEMMAS and self._promises_hostility(item, found):
            return "THREATEN", mode, modality  # "vowed to retaliate"
        stopped = _stopped_by(item.clause)
        if stopped is not None and stopped.i not in {f.token.i for f in found} and event_type in STOPPED_AS:
            # "stopped providing aid", "ceased cooperating": relations reduced (CAMEO 16x); "stopped
            # shelling the town" de-escalates (087); "stopped protesting" eases dissent (082).
            return *STOPPED_AS[event_type], modality
        if event_type in {"RETREAT", "CONCEDE"} and self._lets_in_refugees(item):
            return "AID", "asylum", modality  # "opened its border to Syrian refugees" (CAMEO 075)
        if _lemma(item.token) == "evacuate" and self._evacuates_others(item.token):
            return "AID", "humanitarian", modality  # "evacuated wounded Palestinians", not "its staff"
        if event_type == "MOBILIZE" and _serves_peacekeeping(item.clause):
            return "AID", "peacekeeping", modality  # "sent soldiers to reinforce the peacekeeping force"
        if event_type == "SANCTION" and _object_in(item.token, PROTEST_NOUNS):
            return "CONCEDE", None, modality  # "the union called off the strike"
        if event_type == "ASSAULT" and _destroys_property(item.token, mode):
            return "COERCE", "destroy", modality  # "bulldozed homes", "burned crops"
        return event_type, mode, modality

    def _accusations(self, numbered: int, taken: set[int]) -> list[Event]:
        """'Netanyahu's comments are political bravado, Abu Zuhri said': blame spoken about an
        actor is the speaker's ACCUSE against it (one per quote, at its first word of blame)."""
        words = disapproval_words()
        events: list[Event] = []
        for quote in self.quotes:
            speaker = quote.speaker.entity if quote.speaker else None
            if speaker is None:
                continue
            for part in quote.content:
                blame = self._blame_in(part.start, part.end, words, taken)
                if blame is None:
                    continue
                target = self._target_near(blame, part.start, part.end, speaker)
                if target is None:
                    continue
                start, end = blame.idx, blame.idx + len(blame.text)
                events.append(
                    Event(
                        id=f"V{numbered + len(events) + 1}", type="ACCUSE", mode="disapprove", modality="asserted",
                        actors=[speaker], recipients=[target], trigger=Span(start, end, blame.text),
                        place=None, date=None, quote=quote.id,
                    )
                )  # fmt: skip
                break
        return events

    def _blame_in(self, start: int, end: int, words: frozenset[str], taken: set[int]) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="contract")
        for token in span or []:
            if _lemma(token) in words and token.idx not in taken and not _negated_word(token):
                return token
        return None

    def _target_near(self, blame: Token, start: int, end: int, speaker: str) -> str | None:
        """The actor the blame is about: in the same sentence of the quote, nearest first."""
        sentence = blame.sent
        candidates = sorted(
            (t for t in sentence if start <= t.idx < end and t.i in self.analysis.token_mentions),
            key=lambda t: abs(t.i - blame.i),
        )
        for token in candidates:
            found = self.analysis.mention_at(token.i)
            if found is not None and found[1].id != speaker:
                return found[1].id
        return None

    def _threatens(
        self, item: _Found, event_type: str, actors: list[str], quote: str | None, modality: str
    ) -> bool:
        """A hostile act its own side announces, or makes conditional, is a threat (PLOVER THREATEN).

        'Moscow said it would expel the ambassador', 'the union will strike unless ...', 'the EU is
        ready to impose sanctions'. An outsider's forecast ('analysts said Israel would attack') and
        an unconditional, unattributed future ('troops will attack at dawn') stay what they are.
        """
        if event_type not in THREATENED or not actors:
            return False
        governor = _governor(item.clause)
        conditional = _in_condition(item.clause, own=True) or (
            governor is not None and _lemma(governor) in READINESS
        )
        speaker = self._speaker_of(quote)
        if speaker is None:
            return conditional
        actor_codes = {self._entity(a).code for a in actors} - {None}
        announced = modality == "future" or _has_modal(item.clause)  # not 'sought to destroy'
        own_side = speaker.id in actors or speaker.code in actor_codes or _speakers_own(item.clause)
        if announced and own_side:
            return True
        return conditional and (speaker.code is None or not actor_codes)

    def _civilians(self, actors: list[str]) -> bool:
        """Actors who are all civilians, opposition, workers, students, farmers, health workers,
        refugees or NGOs (see _as_protest)."""
        entities = [self._entity(a) for a in actors]
        # An NGO acting by itself ("Greenpeace occupied an oil platform") is civil society too.
        return bool(entities) and all(e.sector in CIVILIAN_SECTORS or e.code == "NGO" for e in entities)

    def _speaker_of(self, quote_id: str | None) -> Entity | None:
        quote = next((q for q in self.quotes if q.id == quote_id), None)
        if quote is None or quote.speaker is None or quote.speaker.entity is None:
            return None
        return self._entity(quote.speaker.entity)

    def _entity(self, entity_id: str) -> Entity:
        """An argument's entity, whether the entity stage found it or this stage added it."""
        added = next((e for e in self.implicit.values() if e.id == entity_id), None)
        return added or self.analysis.by_id(entity_id)

    def _promises_hostility(self, item: _Found, found: list[_Found]) -> bool:
        complements = {c.i for c in item.token.children if c.dep_ in {"xcomp", "ccomp"}}
        return any(f.token.i in complements and f.entry.type in HOSTILE for f in found)

    # -- triggers ------------------------------------------------------------------------------

    def _triggers(self) -> list[_Found]:
        found: list[_Found] = []
        taken: set[int] = set()
        for token in self.doc:
            if token.i in taken:
                continue
            item = self._verb_trigger(token) if token.pos_ in {"VERB", "AUX"} else None
            if item is None and token.pos_ in {"NOUN", "PROPN"}:
                item = self._noun_trigger(token)
            if item is None and token.pos_ == "ADJ" and token.lower_ in OFFERING_ADJECTIVES:
                item = self._willing(token)
            if item is not None:
                found.append(item)
                taken.update(range(item.token.i, item.token.i + 1))
                taken.update(t.i for t in item.token.children if t.dep_ == "dobj")
        return found

    def _verb_trigger(self, verb: Token) -> _Found | None:
        if (
            verb.tag_ == "VBN"
            and verb.dep_ in {"amod", "acl"}
            and not any(c.dep_ == "agent" for c in verb.children)
        ):
            return None  # "the disputed channel", "the alleged violations": a modifier, not an act
        entries = self._verb_entries(verb)
        if entries:
            for entry in entries:
                dependent = self._dependent(verb, entry.with_) if entry.with_ else None
                if entry.with_ and dependent is None:
                    continue
                if entry.with_ is None and (
                    _is_idiomatic_other(verb)
                    or _seeks_to_act(verb, entry)
                    or _asks_a_question(verb)
                    or not self._broad_verb_holds(verb, entry)
                ):
                    continue
                if entry.type == NOT_AN_EVENT:
                    return None  # "offered condolences" is no offer
                span_end = dependent if dependent is not None and dependent.dep_ in {"prt", "dobj"} else verb
                return _Found(verb, entry, _char_span(verb, span_end), verb, dependent)
        if _demands_an_act(verb, lambda clause: bool(self._verb_entries(clause))):
            entry = Trigger(_lemma(verb), "VERB", None, "REQUEST", None)
            return _Found(verb, entry, _char_span(verb, verb), verb)
        return None

    def _broad_verb_holds(self, verb: Token, entry: Trigger) -> bool:
        """Whether a broad verb's bare row names a political act here.

        Real news uses these verbs for everything: "released a statement", "the polls provided
        little clarity", "delivered a speech", "lifted a sign", "captured the nomination",
        "suspended his campaign", "technology threatens to change the industry". Each needs the
        object or the subject its political sense has (see BROAD_VERB_OBJECTS)."""
        lemma = _lemma(verb)
        things = _things_done_to(verb)
        if lemma == "suspend" and entry.type == "SANCTION":
            return bool(things) and not any(_lemma(t) in NOT_SANCTIONED for t in things)  # "his campaign"
        if lemma == "deliver" and entry.type == "AID":
            on_promise = any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)  # "delivered on"
            return bool(things) and not on_promise and not any(_lemma(t) in NON_GIFTS for t in things)
        if lemma in BROAD_VERB_OBJECTS and entry.type in {"RETREAT", "COERCE", "SANCTION", "CONCEDE"}:
            wanted = BROAD_VERB_OBJECTS[lemma]
            taking = lemma in PEOPLE_TAKING_VERBS
            # "captured the town", "released the opposition leader": people or places, not "a statement".
            places = {"GPE", "LOC", "FAC"} if taking else set()
            return any(
                _lemma(t) in wanted or (taking and self._is_people(t)) or t.ent_type_ in places
                for t in things
            )
        if lemma in GIVING_VERBS and entry.type == "AID":
            return self._gives_aid(verb, lemma, things)
        if lemma == "scramble":
            return not any(c.dep_ == "xcomp" for c in verb.children)  # "candidates scrambled to respond"
        if lemma == "admit" and entry.type == "CONCEDE":
            return not any(c.dep_ == "ccomp" for c in verb.children) and any(
                _lemma(t) in ADMITTED_FAILINGS for t in things
            )
        if lemma in ACTOR_ONLY_VERBS:
            subject = _subject(verb)
            if subject is not None and subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                subject = verb.head  # "Iraq, which threatened to ...": the noun the clause is about
            return subject is not None and self._is_actor(subject, people=entry.type != "ASSAULT")
        if lemma == "warn" and entry.type == "THREATEN":
            return self._warns_of_something(verb)
        return True

    def _gives_aid(self, verb: Token, lemma: str, things: list[Token]) -> bool:
        """'provided Ukraine with weapons', 'donated food to the victims', 'helped Syria', not 'the
        polls provided little clarity' nor 'helped Clinton': aid goods, or a receiver abroad."""
        if any(_lemma(t) in NON_GIFTS for t in things):
            return False
        receivers = [*things, *_objects_of(verb, {"to", "for"}), *_complement_subjects(verb)]
        receivers += [c for c in verb.children if c.dep_ == "dative"]
        given = things + [g for t in things for g in _objects_of(t, {"of"})]  # "2,000 tonnes of wheat"
        # Help to a country or its people is aid; "helped the campaign" is politics at home.
        kinds = {"GPE"} if lemma == "help" else {"GPE", "ORG", "NORP"}
        return any(_lemma(t) in AID_GOODS for t in given) or any(
            t.ent_type_ in kinds
            or _lemma(t) in AID_RECEIVERS
            or (self._is_people(t) and not self._is_person(t))
            for t in receivers
        )

    def _warns_of_something(self, verb: Token) -> bool:
        """'warned that it would close the strait', 'warned Sweden that its bid would fail' threaten;
        'officials warned that the money would not reach the states' forecasts."""
        said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if said is None or any(self._names_an_act(t) for t in said.subtree):
            return True
        if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
            return True  # an addressee
        subject = _subject(said)
        return subject is not None and (subject.lower_ == "it" or self._is_actor(subject))

    def _names_an_act(self, token: Token) -> bool:
        if token.pos_ in {"VERB", "AUX"}:
            return self._verb_trigger(token) is not None
        return token.pos_ == "NOUN" and (
            (_lemma(token), "NOUN") in self.table or _lemma(token) in CONSEQUENCE_NOUNS
        )

    def _is_people(self, token: Token) -> bool:
        """A person or group: a name, a role word ('the opposition leader'), a personal pronoun."""
        if token.lower_ in {"him", "her", "them", "he", "she", "they"}:
            return True
        found = self.analysis.mention_at(token.i)
        if found is not None:
            return found[1].type in {"PERSON", "GROUP", "NORP"}
        held = any(c.dep_ in {"amod", "acl"} and _lemma(c) in CAPTIVITY_PARTICIPLES for c in token.children)
        return held or _lemma(token) in CAPTIVE_NOUNS or lexicon.roles().get(token.lower_) is not None

    def _lets_in_refugees(self, item: _Found) -> bool:
        """'opened its border to refugees', 'allowed the refugees to enter': shelter, not access."""
        let_in = [*_things_done_to(item.token), *_objects_of(item.token, {"to", "for"})]
        let_in += _complement_subjects(item.token)  # "allowed the refugees to enter"
        return item.entry.mode in {"access", None} and any(_lemma(t) in SHELTERED for t in let_in)

    def _evacuates_others(self, verb: Token) -> bool:
        things = _things_done_to(verb)
        return any(self._is_people(t) for t in things) and not any(_own_thing(t) for t in things)

    def _is_person(self, token: Token) -> bool:
        """One named person ("helped Clinton" is campaigning, not aid)."""
        found = self.analysis.mention_at(token.i)
        return token.ent_type_ == "PERSON" or (found is not None and found[1].type == "PERSON")

    def _is_actor(self, token: Token, people: bool = True) -> bool:
        """Someone who can act politically; with ``people`` False not a single person
        (politicians 'fight' figuratively)."""
        if token.lower_ != "it" and not self.analysis.is_agent(token, ACTOR_NOUNS):
            return False  # "it threatened to cut aid": in political news mostly a country or a body
        return people or not (token.lower_ in {"he", "she", "i"} or self._is_person(token))

    def _verb_entries(self, verb: Token) -> list[Trigger] | None:
        """The table's rows for the first of the verb's forms it has ('staged', then 'stag')."""
        return next((self.table[k] for k in _verb_keys(verb) if k in self.table), None)

    def _dependent(self, verb: Token, lemma: str) -> Token | None:
        for child in verb.children:
            if child.dep_ in DEPENDENT_DEPS or (
                child.dep_ == "ccomp" and child.pos_ == "ADJ"
            ):  # "found X guilty"
                if _lemma(child) == lemma and not _setting_phrase(child):
                    return child  # "called on Syria", not "called off the strike on Thursday", "gave a speech in Ohio"
                if child.dep_ in {"dobj", "nsubjpass"} and any(_lemma(c) == lemma for c in child.conjuncts):
                    return child  # "an air and arms embargo was imposed"
                if child.dep_ == "prep" and any(_lemma(g) == lemma for g in child.children):
                    return child
                if child.dep_ == "prep" and any(  # "withdrew from the mediation effort"
                    _lemma(m) == lemma for g in child.children for m in g.children if m.dep_ == "compound"
                ):
                    return child
            # "peacekeeping troops", "set free twelve hostages"; but "released the aid worker"
            # releases a person, not aid.
            person = _lemma(child) in CAPTIVE_NOUNS
            if child.dep_ == "dobj" and any(
                _lemma(g) == lemma
                for g in child.children
                if g.dep_ == "amod" or (g.dep_ == "compound" and not person)
            ):
                return child
            if child.dep_ == "dobj" and lemma in {_lemma(g) for g in _objects_of(child, {"of", "in"})}:
                return child  # "sent planeloads of food", "deployed thousands of troops", "$5m in aid"
        return None

    def _noun_trigger(self, noun: Token) -> _Found | None:
        entries = self.table.get((_lemma(noun), "NOUN"))
        if noun.dep_ == "pobj" and noun.head.lower_ == "on" and _lemma(noun.head.head) in {"go", "be"}:
            idiom = GO_ON_IDIOMS.get(_lemma(noun))  # "went on strike": the bare noun is ambiguous
            entries = [idiom] if idiom else entries
        if not entries:
            return None
        if (
            _lemma(noun) in DANGER_NOUNS
            and not _threat_complement(noun)
            and _lemma(noun.head) not in LIGHT_VERBS
        ):
            return None  # "the terrorist threat" is a danger; "a threat to cut aid", "made threats" are acts
        # "launched a mediation effort", "peace talks began": the phrase the noun qualifies acts.
        phrase = noun
        if noun.dep_ == "compound" and noun.head.dep_ in {"dobj", "nsubjpass", "nsubj"}:
            phrase = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in QUANTITY_NOUNS:
            phrase = noun.head.head  # "a new round of negotiations would start"
        head = phrase.head
        if phrase.dep_ == "pobj" and head.lower_ == "on" and _lemma(head.head) in {"go", "be"}:
            head = head.head  # "went on strike", "have been on strike for three weeks"
            light_object = True
        elif (
            phrase.dep_ == "pobj"
            and head.lower_ == "in"
            and _lemma(head.head) in PARTICIPATION_VERBS | {"be"}
        ):
            head = head.head  # "took part in talks", "was in talks with Egypt": the subject takes part
            light_object = True
        else:
            light_object = phrase.dep_ in {"dobj", "nsubjpass"} and bool(
                {key for key, _ in _verb_keys(head)} & LIGHT_VERBS
            )
        # "Fighting broke out", "there were clashes", "sparked protests": the act happened, and only
        # its own phrase says who did it.
        happened = (
            (phrase.dep_ == "nsubj" and _lemma(head) in ASPECTUAL_VERBS)
            or (
                phrase.dep_ == "attr"
                and _lemma(head) == "be"
                and any(c.dep_ == "expl" for c in head.children)
            )
            or (phrase.dep_ == "dobj" and _lemma(head) in CAUSATIVE_VERBS)
        )
        # "received aid from the WFP", "faces new sanctions", "came under attack": the subject is
        # the one the act is done to.
        received = (phrase.dep_ == "dobj" and _lemma(head) in RECEIVING_VERBS) or (
            phrase.dep_ == "pobj" and head.lower_ == "under" and _lemma(head.head) == "come"
        )
        if received and head.lower_ == "under":
            head = head.head
        # "Blinken's plea", but not "revoked its agreement": there the verb is the act.
        own_actor = phrase.dep_ != "dobj" and any(c.dep_ == "poss" for c in phrase.children)
        # "after talks with Netanyahu": a meeting named with its other party, as a circumstance.
        with_party = (
            phrase.dep_ == "pobj" and head.lower_ in TIME_PREPS and bool(_objects_of(phrase, {"with"}))
        )
        if not (light_object or happened or own_actor or with_party or received):
            return None
        if light_object and self._verb_trigger(head) is not None:
            return None  # the verb itself is the trigger ("signed the accord")
        for entry in entries:
            if entry.with_ and not any(_lemma(c) == entry.with_ for c in noun.children):
                continue
            if entry.type == NOT_AN_EVENT:
                return None
            close = light_object and 0 < phrase.i - head.i <= 4
            span = _char_span(head, phrase) if close else _char_span(min(noun, phrase), max(noun, phrase))
            clause = head.head if with_party else head
            verbal = clause.pos_ in {"VERB", "AUX"}
            return _Found(
                phrase,
                entry,
                span,
                clause if verbal else phrase,
                through_verb=verbal and (light_object or with_party),
                received=verbal and received,
            )
        return None

    def _willing(self, adjective: Token) -> _Found | None:
        """'is willing to withdraw' / 'ready to talk': an offer, which PLOVER codes as AGREE."""
        complement = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
        if complement is None:
            return None
        offered = self._verb_trigger(complement) or next(
            (f for c in complement.children if c.dep_ == "dobj" and (f := self._noun_trigger(c))), None
        )  # "ready to resume negotiations": the act is the noun
        if offered is None or offered.entry.type in HOSTILE:
            # "ready to impose sanctions" threatens (see _threatens); "prepared to deal with all
            # options" offers no act.
            return None
        agree = self.table.get(("agree", "VERB"))
        if not agree:
            return None
        return _Found(adjective, agree[-1], _char_span(adjective, adjective), adjective.head)

    # -- arguments -----------------------------------------------------------------------------

    def _actors(self, item: _Found) -> list[str]:
        token = item.token
        if token.pos_ in {"NOUN", "PROPN"} and not item.through_verb:
            # A noun trigger's own actor: "Blinken's plea", "talks between Israel and Hamas".
            own = [c for c in token.children if c.dep_ == "poss"]
            ids = self._entities_for(own + _objects_of(token, {"between", "by", "from", "among"}))
            if not ids and item.received:  # "received aid from the WFP": the giver hangs on the verb
                ids = self._entities_for(_objects_of(item.clause, {"from", "by"}))
            ids = ids or self._entities_for(_modifiers(token))
            nation = None if ids else self._nationality_of(token)  # "new American sanctions"
            return [nation] if nation else ids
        clause = item.clause
        agent = _passive_agent(clause)
        if agent is not None:
            return self._entities_for([agent], agents=True)
        subject = _subject(clause)
        if subject is None:
            return []
        ids = self._entities_for([subject], agents=True)
        if not ids and subject.pos_ == "PRON":
            # "Syria says it is willing to withdraw": an unresolved "it" or "we" in what an actor
            # says is that actor.
            speaker = _speech_subject(clause)
            ids = self._entities_for([speaker], agents=True) if speaker is not None else []
        return ids

    def _recipients(self, item: _Found) -> list[str]:
        clause = item.clause
        if item.received:
            subject = _subject(clause)
            return self._entities_for([subject]) if subject is not None else []
        candidates: list[Token] = []
        if _passive_agent(clause) is not None:
            candidates += [c for c in clause.children if c.dep_ == "nsubjpass"]
        # The trigger, its clause and the object an entry asked for ("sanctions on Syria").
        holders = list(dict.fromkeys(h for h in (item.token, clause, item.dependent) if h is not None))
        # "deployed troops", "withdrew its troops": the actor's own forces, not a target.
        own_forces = item.entry.type == "MOBILIZE" or (item.entry.type, item.entry.mode) == (
            "RETREAT",
            "withdraw",
        )
        objects = [
            child
            for holder in holders
            for child in holder.children
            if child.dep_ in OBJECTS and child.i != item.token.i and not own_forces and not _own_thing(child)
        ]
        phrases = [
            g
            for holder in holders
            for child in holder.children
            if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS | {"between"}
            for g in child.children
            if g.dep_ == "pobj" and not (g.i in self.place_at and _in_location_phrase(g))
        ]
        # What is given is the object; who receives it the to-phrase ("delivered a system to Ukraine").
        candidates += phrases + objects if item.entry.type == "AID" else objects + phrases
        # "demanded that Greece withdraw": the one asked, warned or accused is the clause's subject.
        candidates += [
            s for c in clause.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECTS
        ]
        for candidate in candidates:
            ids = self._entities_for([candidate])
            if ids:
                return ids
            for noun in _object_owners(candidate):
                ids = self._entities_for([noun])
                if ids:
                    return ids
        return []

    def _entities_for(self, heads: list[Token], agents: bool = False) -> list[str]:
        """Entity ids for noun phrases headed by ``heads`` and their conjuncts.

        With ``agents`` (subjects, passive agents) a phrase no entity covers may become one of its
        own; an object no entity covers is usually a thing ("rejected proposals for a cease-fire
        in Gaza"), not an actor.
        """
        ids: list[str] = []
        for head in heads:
            for token in [head, *_conjuncts(head)]:
                found = self._coordinated_nations(token)
                if not found:
                    phrase_entity = self._entity_of_phrase(token, agents)
                    found = [phrase_entity] if phrase_entity else []
                ids += [entity for entity in found if entity not in ids]
        return ids

    def _coordinated_nations(self, head: Token) -> list[str]:
        """'Egyptian and Saudi naval forces', 'Turkish and Russian troops': one phrase, two actors.

        Each nation becomes a GROUP entity with the sector of the phrase's role word."""
        qualifiers = [c for c in head.children if c.dep_ in {"amod", "compound"}]
        nations = [t for q in qualifiers for t in [q, *_conjuncts(q)] if t.ent_type_ in {"NORP", "GPE"}]
        codes = list(dict.fromkeys(c for t in nations if (c := lexicon.demonyms().get(t.lower_))))
        if len(codes) < 2:
            return []
        role = lexicon.roles().get(head.lower_) or lexicon.roles().get(_lemma(head))
        sector = role.sector if role else None
        words = {code: next(t for t in nations if lexicon.demonyms().get(t.lower_) == code) for code in codes}
        return [self._nation_entity(words[code], code, sector) for code in codes]

    def _nation_entity(self, word: Token, code: str, sector: str | None = None) -> str:
        """The GROUP entity this stage keeps for a nation (and sector) named by a qualifying word,
        with ``word`` among its mentions."""
        key = code if sector is None else f"{code}:{sector}"
        known = self.implicit.get(key)
        if known is None:
            known = Entity(self._next_id(), word.text, "GROUP", code, sector, coded_by="phrase")
            self.implicit[key] = known
        mention = Span(word.idx, word.idx + len(word.text), word.text)
        if mention not in known.mentions:
            known.mentions.append(mention)
        return known.id

    def _entity_of_phrase(self, head: Token, agent: bool = False) -> str | None:
        found = self.analysis.mention_at(head.i)
        if found is not None:
            return found[1].id
        nationality = self._nationality_of(head)
        if nationality is not None:
            return nationality
        # The head is not a mention ("officials of the two countries", "doctors from an aid
        # group"): its owner ("Colombia's peace accord with the rebels"), else the closest mention
        # inside its own phrase, not in a nested clause.
        owners = [c for c in head.children if c.dep_ == "poss"]
        for token in [*owners, *_phrase_tokens(head)]:
            found = self.analysis.mention_at(token.i)
            if found is not None:
                return found[1].id
        return self._phrase_entity(head, agent)

    def _phrase_entity(self, head: Token, agent: bool) -> str | None:
        """'A newspaper based in east Beirut', 'flood victims in Libya': an argument no name or
        role description covers becomes a GROUP entity of its own when its phrase says who it is
        (a role word, or a country or city in it). For an object only a place one preposition
        away counts: "proposals for a cease-fire in Gaza" are nobody of Gaza."""
        if head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ in {
            "DATE",
            "TIME",
            "MONEY",
            "CARDINAL",
            "PERCENT",
        }:
            return None
        named = _name_tokens(head, max_preps=None if agent else 1)
        tokens = [head, *[t for t in named if t.dep_ not in {"det", "predet"}]]
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        name = self.text[start:end]
        role = lexicon.roles().get(head.lower_) or lexicon.roles().get(_lemma(head))
        code = code_from_name(name)
        if role is None and code is None:
            return None
        mention = Span(start, end, name)
        for entity in self.implicit.values():
            if mention in entity.mentions:
                return entity.id
        # A phrase with no role word ("a meeting of donors in Dakar") is where, not who: kept as
        # the event's argument, never counted as an actor.
        entity = Entity(
            self._next_id(),
            name,
            "GROUP",
            code,
            role.sector if role else None,
            mentions=[mention],
            coded_by="name" if code else None,
            generic=role is None,
        )
        self.implicit[f"phrase:{start}"] = entity
        return entity.id

    def _next_id(self) -> str:
        return f"E{len(self.analysis.entities) + len(self.implicit) + 1}"

    def _nationality_of(self, head: Token) -> str | None:
        """'Pakistani positions', 'Israeli airstrikes': the nation the qualifying word names.

        The entity stage leaves such qualifiers alone (they are not actors by themselves); as an
        event's argument the nation is the actor or target, so it becomes a GROUP entity here.
        """
        for child in head.children:
            if child.dep_ not in {"amod", "compound"} or child.i in self.analysis.token_mentions:
                continue
            code = lexicon.demonyms().get(child.lower_) if child.ent_type_ in {"NORP", "GPE"} else None
            if code is not None:
                return self._nation_entity(child, code)
        return None

    # -- place, date, modality -----------------------------------------------------------------

    def _place(self, item: _Found) -> str | None:
        # The event's own clause first; then a destination in its complement ("ordered troops
        # to head to Rafah").
        heads = [item.clause, *[c for c in item.clause.children if c.dep_ == "xcomp"]]
        for head in heads:
            for token in _clause_tokens(head):
                place = self.place_at.get(token.i)
                if place is not None and _is_location_phrase(token):
                    return str(place)
        return None

    def _date(self, item: _Found) -> EventDate | None:
        """A date attached to the event's verb ('met on Friday'), not one inside an argument
        ('Blinken, on his tour since the Oct. 7 attack, made a plea')."""
        for token in _clause_tokens(item.clause):
            mention = self.date_at.get(token.i)
            if isinstance(mention, DateMention) and _attached_to(token, item.clause):
                return EventDate(mention.text, mention.value, mention.precision)
        return None

    def _quote_at(self, position: int) -> str | None:
        for quote in self.quotes:
            if any(c.start <= position < c.end for c in quote.content):
                return quote.id
        return None

    def _modality(self, item: _Found, trigger_tokens: set[int]) -> str:
        clause = item.clause
        while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
            if any(c.dep_ in SUBJECTS for c in clause.children):
                break  # a clause of its own ("Peru attacked and Chile retreated")
            clause = clause.head  # "urged Uganda to reopen the border and release the traders"
        words = [clause, clause.head] if clause.dep_ == "xcomp" else [clause]
        if any(c.lower_ in NEGATIONS and c.dep_ == "neg" for w in (clause, item.token) for c in w.children):
            return "negated"
        if _no_object(item):
            return "negated"
        governor = _governor(clause)
        if governor is not None and _lemma(governor) in NEGATING_VERBS:
            return "negated"
        auxiliaries = {c.lower_ for w in words for c in w.children if c.dep_ in {"aux", "auxpass"}}
        if auxiliaries & HYPOTHETICAL_AUX or _in_condition(clause):
            return "hypothetical"
        if auxiliaries & FUTURE_AUX or _going_to(clause):
            return "future"
        if "would" in auxiliaries:
            return "future" if _reported_clause(clause) else "hypothetical"
        if clause.dep_ == "acl" and clause.head.i in trigger_tokens:
            return "hypothetical"  # "expressed readiness to resume talks"
        if governor is not None:
            lemma = _lemma(governor)
            if lemma in FUTURE_INTENT:
                return "future"
            if lemma in INTENT_VERBS or governor.i in trigger_tokens:
                return "hypothetical"
        return "asserted"


# -- parse helpers ----------------------------------------------------------------------------


def _inherit_recipients(found: list[_Found], by_token: dict[int, Event]) -> None:
    """'vowed to retaliate against Israel', 'urged calm in Gaza': the target named in the complement.

    ``by_token``: the event of each trigger's head token."""
    for item in found:
        event = by_token[item.token.i]
        if event.recipients:
            continue
        for child in item.token.children:
            inner = by_token.get(child.i) if child.dep_ in {"xcomp", "ccomp"} else None
            if inner is not None:
                event.recipients = [r for r in inner.recipients if r not in event.actors]
                break


def _link_governing(found: list[_Found], by_token: dict[int, Event]) -> None:
    """Set ``governed_by``: the nearest event whose trigger is above this one's in the parse.

    'accused Israel of attacking the camp', 'rejected the proposal to hold talks', 'met Abbas and
    agreed to ...': the inner or second act belongs to the outer one's sentence, which states one
    main event. The links go up the parse, so they never form a cycle.
    """
    for item in found:
        governor = next((by_token[a.i] for a in item.token.ancestors if a.i in by_token), None)
        if governor is not None:
            by_token[item.token.i].governed_by = governor.id


@lru_cache(maxsize=1)
def disapproval_words() -> frozenset[str]:
    text = resources.files("dateline.data").joinpath("disapproval_words.tsv").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _negated_word(token: Token) -> bool:
    """'not illegal', 'no provocation'."""
    return any(c.dep_ == "neg" or c.lower_ == "no" for c in (*token.children, *token.head.children))


def _negated_here(item: _Found) -> bool:
    """Negated by its own 'not' or 'never', by 'no' on what it reached ('reached no agreement') or by
    a governing 'failed to'; not by a governing 'refused to' (a trigger itself)."""
    governor = _governor(item.clause)
    return (
        any(c.dep_ == "neg" for w in (item.clause, item.token) for c in w.children)
        or _no_object(item)
        or (governor is not None and _lemma(governor) == "fail")
    )


def _no_object(item: _Found) -> bool:
    """'reached no agreement', 'no talks were held': the act's own noun says none happened."""
    nouns = [item.token] if item.token.pos_ == "NOUN" else []
    nouns += [item.dependent] if item.dependent is not None and item.dependent.pos_ == "NOUN" else []
    return any(c.dep_ == "det" and c.lower_ == "no" for n in nouns for c in n.children)


def _verb_keys(verb: Token) -> list[tuple[str, str]]:
    """Table keys for a verb: its lemma, then the forms the small model's lemmatizer sometimes
    misses ('staged' -> 'stag' instead of 'stage')."""
    word, lemma = verb.lower_, verb.lemma_.lower()
    forms = [lemma]
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and not doc[verb.i - 1].whitespace_:
        # 'test-fired' is three tokens: the hyphenated verb comes first, then the bare one
        forms.insert(0, f"{doc[verb.i - 2].lower_}-{lemma}")
    if verb.tag_ in {"VBD", "VBN"} and word.endswith("ed") or verb.tag_ == "VBZ" and word.endswith("s"):
        forms += [word[:-1], word[:-2]]
    elif verb.tag_ == "VBG" and word.endswith("ing"):
        forms += [word[:-3] + "e", word[:-3]]
    return [(form, "VERB") for form in dict.fromkeys(forms)]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _char_span(first: Token, last: Token) -> tuple[int, int]:
    if last.i < first.i:
        first, last = last, first
    return first.idx, last.idx + len(last.text)


def _token_index(doc: Doc, spans: list[tuple[int, int, object]]) -> dict[int, object]:
    index: dict[int, object] = {}
    for start, end, value in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        for token in span or []:
            index.setdefault(token.i, value)
    return index


def _is_idiomatic_other(verb: Token) -> bool:
    """'strike' with a deal, 'back' with down: these carry another entry, not the bare one."""
    lemma = _lemma(verb)
    if lemma == "call" and not any(c.dep_ == "dobj" for c in verb.children):
        return True
    return lemma == "back" and any(_lemma(c) == "down" for c in verb.children)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
                return verb.head  # "militants who attacked a hotel", "an NGO that worked with them"
            return child
    # "X urged Y to allow": Y. "X has tried to hack", "X agreed to withdraw": X.
    if verb.dep_ == "xcomp" and _lemma(verb.head) in OBJECT_CONTROL:
        for child in verb.head.children:
            if child.dep_ == "dobj":
                return child
            if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
                return next((g for g in child.children if g.dep_ == "pobj"), None) or _subject(verb.head)
    if verb.dep_ in {"xcomp", "conj", "acomp"} and verb.head != verb:
        return _subject(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return _subject(verb.head)  # "Trump wrote to the company, threatening a lawsuit"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head.head)  # "Suga will visit India after meeting with Biden"
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return verb.head
    return None


def _name_tokens(head: Token, max_preps: int | None = None) -> list[Token]:
    """The phrase that names a group: 'newspaper based in Beirut', without relative clauses.

    ``max_preps`` limits how many prepositions deep it goes: 'flood victims in Libya' names
    people of Libya, but 'proposals for a cease-fire in Gaza' does not name anyone of Gaza.
    """
    return _descendants(
        head,
        lambda child, preps: (
            child.dep_ in {"relcl", "appos", "conj", "cc", "punct", "advcl"}
            or (max_preps is not None and preps > max_preps)
        ),
    )


def _speech_subject(clause: Token) -> Token | None:
    """The subject of the verb whose that-clause ``clause`` is ('Syria' in 'Syria says it is')."""
    while clause.dep_ in {"xcomp", "conj", "acomp"} and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    return next((c for c in clause.head.children if c.dep_ in SUBJECTS), None)


def _passive_agent(verb: Token) -> Token | None:
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            for noun in child.children:
                if noun.dep_ == "pobj":
                    return noun
    return None


def _conjuncts(token: Token) -> list[Token]:
    return [c for c in token.conjuncts if c.i > token.i]


def _objects_of(noun: Token, prepositions: set[str]) -> list[Token]:
    return [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in prepositions
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _modifiers(noun: Token) -> list[Token]:
    """'Israeli airstrikes': the nationality or name qualifying a noun trigger."""
    return [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_]


def _threat_complement(noun: Token) -> bool:
    """'threat to cut aid', 'threats of sanctions', 'a threat against Israel'."""
    return any(
        (c.dep_ in {"acl", "xcomp"} and any(a.lower_ == "to" for a in c.children))
        or (c.dep_ == "prep" and c.lower_ in {"of", "against", "by", "from"})
        for c in noun.children
    )


def _complement_subjects(verb: Token) -> list[Token]:
    """Who does what the verb's complement says: 'helped Syria retake', 'allowed the refugees to enter'."""
    return [
        s for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for s in c.children if s.dep_ in SUBJECTS
    ]


def _things_done_to(verb: Token) -> list[Token]:
    """The verb's objects, its passive subject, the noun a passive participle describes ("East
    Jerusalem, captured by Israel"), their conjuncts and what they count ("three of his co-defendants")."""
    things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        things.append(verb.head)
    things += [c for t in things for c in t.conjuncts]
    return things + [g for t in things if t.pos_ in {"NUM", "PRON", "ADJ"} for g in _objects_of(t, {"of"})]


def _serves_peacekeeping(clause: Token) -> bool:
    """Forces sent for peacekeeping are aid (CAMEO 074), not a show of force."""
    return any(_lemma(t) in {"peacekeeping", "peacekeeper", "peacekeep"} for t in clause.subtree)


def _setting_phrase(preposition: Token) -> bool:
    """'on Thursday', 'in West Virginia': a preposition whose object is a date, a time or a place."""
    kinds = {"DATE", "TIME"} | ({"GPE", "LOC", "FAC"} if preposition.lower_ in LOCATION_PREPS else set())
    return preposition.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in kinds for g in preposition.children
    )


def _in_location_phrase(token: Token) -> bool:
    """The object of 'in', 'at', 'near', ... ('a curfew in Port Moresby', 'a post at Busia')."""
    while token.dep_ in {"compound", "amod"} and token.head != token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS


def _speakers_own(clause: Token) -> bool:
    """'said his army would launch an offensive', 'we will strike back': the speaker's own side."""
    subject = _subject(clause)
    if subject is None:
        return False
    return subject.lower_ in {"we", "i"} or _own_thing(subject)


def _own_thing(noun: Token) -> bool:
    """'recalled its ambassador', 'withdrew their observers': the actor's own, not a target."""
    return any(c.dep_ == "poss" and c.lower_ in {"its", "their", "his", "her", "our"} for c in noun.children)


def _object_owners(noun: Token) -> list[Token]:
    """Who owns the object: 'Hamas's proposal', 'the removal of President X', 'computers of officers'."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += _objects_of(noun, {"of", "by", "from"})
    return owners


def _attached_to(token: Token, verb: Token) -> bool:
    """Whether ``token``'s phrase modifies ``verb`` directly, or through one preposition."""
    while (
        token.dep_ in {"compound", "amod", "nummod", "det", "quantmod", "npadvmod", "nmod"}
        and token.head != token
    ):
        if token.head == verb:
            return True
        token = token.head
    if token.head == verb:
        return True
    return token.dep_ == "pobj" and token.head.head == verb


def _phrase_tokens(head: Token) -> list[Token]:
    """The tokens of ``head``'s noun phrase, nearest first, leaving out clauses inside it.

    A place says whose people a group is ("refugees in Liberia"), but not whose a thing is
    ("proposals for a cease-fire in Gaza"), so where-phrases count under people only.
    """
    people = head.lower_ in lexicon.roles() or _lemma(head) in lexicon.roles()
    tokens = _descendants(
        head,
        lambda child, _: (
            child.dep_ in {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl"}
            or (not people and child.dep_ == "prep" and child.lower_ in WHERE_PREPS)
        ),
    )
    return sorted(tokens, key=lambda t: abs(t.i - head.i))


def _clause_tokens(verb: Token) -> list[Token]:
    """Tokens of ``verb``'s own clause: embedded and coordinated clauses belong to their own
    events; coordinated nouns stay ('talks with Netanyahu and members of his cabinet in Jerusalem')."""
    embedded = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "parataxis"}
    return _descendants(verb, lambda child, _: child.dep_ in embedded and not _noun_conjunct(child))


def _noun_conjunct(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}


def _descendants(head: Token, leave_out: Callable[[Token, int], bool]) -> list[Token]:
    """``head``'s descendants, depth first, without the subtrees ``leave_out(child, preps)``
    rejects; ``preps`` counts the prepositions between ``head`` and the child, itself included."""
    tokens: list[Token] = []
    stack = [(head, 0)]
    while stack:
        token, depth = stack.pop()
        for child in token.children:
            preps = depth + (child.dep_ == "prep")
            if leave_out(child, preps):
                continue
            tokens.append(child)
            stack.append((child, preps))
    return tokens


def _is_location_phrase(token: Token) -> bool:
    head = token
    while head.dep_ in {"compound", "amod", "det", "poss", "case"} and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "to",
    }


def _stopped_by(clause: Token) -> Token | None:
    """The verb of stopping this clause is the complement of ('halted providing aid')."""
    governor = _governor(clause)
    if governor is not None and clause.dep_ == "xcomp" and _lemma(governor) in STOPPING_VERBS:
        return governor
    return None


def _governor(clause: Token) -> Token | None:
    """The verb or adjective whose complement this clause is ('tried' in 'tried to hack')."""
    if clause.dep_ in {"xcomp", "ccomp"} and clause.head != clause:
        return clause.head
    if clause.dep_ == "pcomp" and clause.head.head != clause.head:
        return clause.head.head
    return None


def _asks_a_question(verb: Token) -> bool:
    """'asked Rubio which states he could win', 'when asked about the crisis', a quoted question:
    a question, not a request. 'asked the campaign to stop', 'asked for help', 'asked India's help' request."""
    if _lemma(verb) != "ask":
        return False
    children = list(verb.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in children):
        return False
    sentence = verb.sent
    if any(t.text == "?" for t in verb.doc[max(0, sentence.start - 3) : sentence.end]):
        return True  # '"Why are you still endorsing him?" Obama asked': the parser may split it off
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if any(_mandative(c, after_demand_verb=True) for c in clauses):
        return False  # "asked that the convoy be let through"
    things = [c for c in children if c.dep_ == "dobj" and c.ent_type_ == "" and c.pos_ == "NOUN"]
    return bool(clauses) or not any(_lemma(t) != "question" for t in things)


def _as_protest(item: _Found, event_type: str, mode: str | None) -> tuple[str, str | None]:
    """What civilians' blockades, occupations and street violence are in PLOVER: protest.
    'Protesters closed the crossing' obstructs, 'students occupied the rectorate' too, 'protesters
    stormed parliament' riots; 'villagers killed two soldiers' stays an assault."""
    if event_type == "COERCE" and mode in {"restrict", "seize", "confiscate"}:
        return "PROTEST", "obstruct"
    if (event_type == "ASSAULT" or mode == "destroy") and _lemma(item.token) in RIOT_VERBS:
        return "PROTEST", "riot"
    return event_type, mode


def _has_modal(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in clause.children)


def _seeks_to_act(verb: Token, entry: Trigger) -> bool:
    """'sought to destroy the tunnels' is an aim, not a request ('sought India's help' is one)."""
    children = list(verb.children)
    return (
        entry.type == "REQUEST"
        and entry.with_ is None
        and _lemma(verb) in INTENT_VERBS
        and any(c.dep_ == "xcomp" for c in children)
        and not any(c.dep_ in OBJECTS for c in children)
    )


def _demands_an_act(verb: Token, names_an_act: Callable[[Token], bool]) -> bool:
    """A demand whatever its verb: a that-clause in the mandative subjunctive ('insisted that the
    minister resign', 'ordered that the journalists be freed'), or wanting another party to act
    ('Kenya wants Somalia to withdraw'; not 'Kenya wants to buy wheat'). The demanded act must be
    an event ('I want you to know' demands nothing)."""
    for clause in verb.children:
        if clause.dep_ not in {"ccomp", "xcomp"} or clause.pos_ not in {"VERB", "AUX"}:
            continue
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if (
            clause.dep_ == "ccomp"
            and _lemma(verb) in SAYING_VERBS
            and _obliges_another(verb, clause, subjects)
        ):
            obliged = _obligation_verb(clause)
            if obliged is not None and names_an_act(obliged):
                return True
        if not names_an_act(clause):
            continue
        if _lemma(verb) in WANTING and (subjects or any(c.dep_ == "dobj" for c in verb.children)):
            return True
        hoping = any(form in HOPING for form, _ in _verb_keys(verb))  # the small model says 'hop'
        if hoping and subjects and _another_party(verb, subjects[0]):
            return True  # "Japan hopes China will release the businessmen" (CAMEO 020, an appeal)
        if clause.dep_ == "ccomp" and subjects and _mandative(clause, _lemma(verb) in MANDATIVE):
            return True
    return False


def _obliges_another(verb: Token, clause: Token, subjects: list[Token]) -> bool:
    """'Egypt said Israel must withdraw', '"The prisoners should be freed," Abbas said': what
    another party must or should do. 'I must go', 'he said he should resign' oblige the speaker."""
    if not subjects:
        return False
    subject = subjects[0]
    if subject.pos_ == "PRON" and subject.lower_ != "you":
        return False
    if subject.lower_ == "you" and not any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False  # '"You have to ask a bear," Maddow said': anyone; 'told Obama' names who
    speakers = [c for c in verb.children if c.dep_ in SUBJECTS]
    if speakers and _lemma(speakers[0]) == _lemma(subject):
        return False
    return _obligation_verb(clause) is not None


def _another_party(verb: Token, subject: Token) -> bool:
    """'Japan hopes China will ...': not 'we hope we can ...' nor 'he hopes he will ...'."""
    speakers = [c for c in verb.children if c.dep_ in SUBJECTS]
    return subject.lower_ not in {"i", "we"} and not (speakers and _lemma(speakers[0]) == _lemma(subject))


def _obligation_verb(clause: Token) -> Token | None:
    """The verb a must/should/ought clause obliges: 'must withdraw' -> withdraw, 'has to release'
    -> release, 'ought to allow' -> allow; None when the clause states no obligation."""
    helpers = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    if "have" in helpers and clause.tag_ == "VBN":
        return None  # 'should have closed': a judgement of the past, not a demand
    if helpers & DEONTIC_AUX:
        return clause
    if _lemma(clause) in DEONTIC_VERBS | {"ought"}:
        return next(
            (c for c in clause.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)),
            None,
        )
    return None


def _destroys_property(verb: Token, mode: str | None) -> bool:
    """'bulldozed homes', 'torched crops', 'homes were burned': damage to people's property with
    no weapon named (an air strike that destroys a house stays an ASSAULT)."""
    return (
        _lemma(verb) in PROPERTY_DAMAGE_VERBS
        and mode not in WEAPON_MODES
        and _object_in(verb, PROPERTY_NOUNS)
    )


def _object_in(verb: Token, lemmas: set[str]) -> bool:
    """Whether the verb's object, or its passive subject, or one of their conjuncts, is one of these."""
    return any(_lemma(t) in lemmas for t in _things_done_to(verb))


def _mandative(clause: Token, after_demand_verb: bool) -> bool:
    """'(that) the minister resign', '(that) they be freed': a bare verb with no tense or modal.
    A plural present looks the same ('that the rebels withdraw'), so a base form the tagger calls
    a present or past counts only after a verb of demanding; after 'said' it is a plain present
    ('said that the rebels withdraw each winter')."""
    helpers = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if helpers:
        return len(helpers) == 1 and helpers[0].lower_ == "be" and helpers[0].tag_ == "VB"
    base_form = clause.tag_ in {"VBP", "VBD"} and clause.lower_ == _lemma(clause)  # tagger's guess aside
    return clause.tag_ == "VB" or (after_demand_verb and base_form)


def _in_condition(clause: Token, own: bool = False) -> bool:
    """Inside an 'if' or 'unless' clause; with ``own``, the clause has one of its own instead
    ('would strike if the shelling continued')."""
    tokens = list(clause.children) if own else [clause, *clause.ancestors]
    for token in tokens:
        if token.dep_ == "advcl" and any(c.lower_ in {"if", "unless"} for c in token.children):
            return True
    return False


def _going_to(clause: Token) -> bool:
    head = clause.head
    return (
        clause.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(c.lower_ in {"is", "are", "was", "were", "'s", "'re"} for c in head.children)
    )


def _reported_clause(clause: Token) -> bool:
    """'would' under a speech verb is the future of reported speech ('said talks would start')."""
    return clause.dep_ == "ccomp"


def _mode_from_object(item: _Found) -> str | None:
    words = {_lemma(t) for t in item.token.subtree}
    if item.entry.type == "ASSAULT":
        if words & {"airstrike", "air", "bomb", "drone", "missile", "warplane", "jet", "aircraft"}:
            return "aerial"
        if words & {"gun", "rifle", "fire", "bullet", "gunfire", "shoot"}:
            return "firearms"
        if words & {"explosive", "grenade", "mine", "car-bomb", "bombing"}:
            return "explosives"
    if item.entry.type == "MOBILIZE":
        if words & {"troop", "soldier", "force", "army", "battalion"}:
            return "troops"
        if words & {"police", "officer"}:
            return "police"
    return None
