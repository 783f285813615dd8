"""Triggers: which words of a sentence are events of which type.

The rows they fire with are the trigger table's (``event_trigger_table``: ``data/event_triggers.tsv``
and the tables named in ``$DATELINE_EVENT_TRIGGERS``). Decided here (``TriggerFinder``): which
verbs, nouns and adjectives fire, and with which row.

* A verb row may ask for a particle, preposition or object ("call for", "open fire", "impose
  sanctions"; "called for the army to withdraw" has its "for" in a for-to clause); rows that ask for
  one are tried first; a ``NONE`` row says the word with that dependent is no event. Modifying
  participles ("the disputed islands") are no acts; broad verbs need their political sense
  (``event_broad_verbs``); a verb with no row of its own may still demand an act
  (``event_demands``). A present participle used as an adjective ("the negotiating table",
  "friendly and accepting") is no act either.
* A noun row fires only when the noun is the object of a light verb ("held talks"), the subject of
  an aspectual verb ("negotiations would start"), the object of a causative or receiving verb
  ("sparked protests", "received aid"), or has its own actor ("Blinken's plea"); "support" only
  when given or received ("Washington's support is crucial" is a relation, not an act).
* A noun needs its political sense too (``event_broad_nouns``): "attack helicopters", "the
  release of the emails", "despite her protests", "the threat of terrorism" are none.
* "ready", "willing", "prepared" to do a cooperative act is an offer (AGREE).

Each trigger found is a ``Found``: the item the type rules, arguments, modality and place modules
read.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_broad_nouns import broad_noun_holds, qualifies_a_thing
from dateline.extract.event_broad_verbs import CAPTIVE_NOUNS, CONSEQUENCE_NOUNS, broad_verb_holds
from dateline.extract.event_coercion import (
    held_state,
    holds_a_captive,
    restrains_a_party,
    state_entry,
    went_into_force,
)
from dateline.extract.event_cooperative_senses import (
    COOPERATIVE_TYPES,
    cooperative_act_holds,
    vehicle_travels,
)
from dateline.extract.event_demands import asks_a_question, asks_to_stay_unnamed, demands_an_act
from dateline.extract.event_named_nouns import names_doer_or_victim, names_its_parties, party_noun_type
from dateline.extract.event_naming import names_with_blame
from dateline.extract.event_non_political import no_political_violence
from dateline.extract.event_parse import (
    INTENT_VERBS,
    LOCATION_PREPS,
    OBJECTS,
    lemma_of,
    objects_of,
    verb_keys,
)
from dateline.extract.event_request_senses import request_sense_holds
from dateline.extract.event_trigger_table import Trigger, triggers

LIGHT_VERBS = {
    "hold", "launch", "stage", "conduct", "carry", "mount", "make", "issue", "impose", "sign",
    "reach", "give", "provide", "send", "deliver", "declare", "announce", "begin", "start",
    "resume", "open", "organize", "organise", "lead", "call", "offer", "extend", "lodge", "file",
    "express", "voice", "agree", "accept", "observe", "break", "join", "host", "pay", "go", "attend", "intensify", "escalate", "step", "renew", "order", "continue", "keep", "plan", "propose",
    "conclude", "finalize", "approve", "endorse", "unleash", "wage", "perform", "undertake", "complete",
    # raising an act keeps it the subject's: "ramped up sanctions", "tightened restrictions"
    "ramp", "tighten", "toughen", "broaden", "expand",
}  # fmt: skip
# Adverbs that sit between 'have' and its participle ("have since banned", "has already jailed").
PERFECT_ADVERBS = {"since", "already", "now", "also", "recently", "just", "long", "previously"}
# The acts a party suffers at another's hands, and the words that name a party as suffering them.
FORCE_TYPES = {"ASSAULT", "COERCE"}
SUFFERING_PHRASES = {("victim", "of"), ("subject", "to"), ("subjected", "to")}
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
# A gathering named after "at" took place: "speaking at a Security Council meeting".
GATHERINGS = {"meeting", "summit"}
# "told a meeting of the Security Council", "addressed the summit": the speaker was there.
ADDRESSING_VERBS = {"tell", "address", "brief"}
# "during a visit to Quetta": a visit that took place (not "ahead of a visit", which is to come).
PAST_PREPS = {"during", "after", "following"}
# "led to the arrest of five", "resulted in clashes": the noun after these happened.
RESULT_VERBS = {("lead", "to"), ("result", "in")}
# Where the word a table row asks for may stand: "call for", "open fire", "impose sanctions", "set free".
# ("agent": the parser's reading of "spoke by telephone" as a passive's "by".)
DEPENDENT_DEPS = {
    "prt", "prep", "agent", "dobj", "nsubjpass", "dative", "advmod", "npadvmod", "oprd", "acomp",
}  # fmt: skip
# "a round of talks", "approved a new package of sanctions": the quantity is the act's phrase
QUANTITY_NOUNS = {
    "round", "series", "wave", "spate", "string", "day", "days", "week", "weeks", "hours", "package", "packages",
}  # fmt: skip
TIME_PREPS = {"after", "before", "during", "following", "since", "ahead"}
# A promise to do these is a threat ("vowed to retaliate"; CAMEO 13 -> THREATEN), and being ready
# to do them no offer.
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "REJECT"}
# Vows that may be of one's own goal, not to anyone (see TriggerFinder._vows_a_goal).
GOAL_VOWS = {"vow", "swear"}
OFFERING_ADJECTIVES = {"willing", "ready", "prepared"}  # "ready to resume talks": an offer (AGREE)
DANGER_NOUNS = {"threat"}  # also a danger ("the terrorist threat"), not only an act
THREATS_RECEIVED = {"receive", "get"}  # "received death threats": threats made to the subject
# Also a standing relation ("Washington's support is crucial"), not only an act: one only when
# someone gives, voices or receives it ("pledged its support", "received support from").
STANCE_NOUNS = {"support"}
# What a market demands ("energy demands", "rising demand"): no request to anyone.
MARKET_GOODS = {
    "energy", "power", "electricity", "oil", "gas", "fuel", "consumer", "market", "water", "food", "housing",
    "labor", "labour", "export", "import",
}  # fmt: skip
MARKET_MOVES = {"growing", "rising", "falling", "soaring", "strong", "weak", "global", "domestic"}
# What an accusation or an inquiry is about: "accusations of misconduct", "the probe into her emails".
CHARGE_PREPS = {"of", "against", "about", "into", "over"}
# Acts of speech: a noun qualifying one of their nouns is what is said ("the abduction allegations").
SPEECH_ACTS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN"}
# Where and when an attack took place, as entity types: "the attacks in Paris", "the Nov. 13 attacks".
SCENES = {"GPE", "LOC", "FAC"}


# A war named with its other side ("the government's war with Fano militias", "at war with the
# army") is its parties' fighting; a trade or a price war is none.
WAR_NOUNS = frozenset({"war"})
NOT_FIGHTING = frozenset(
    {"trade", "tariff", "price", "currency", "culture", "word", "legal", "cold", "propaganda"}
)


# A denial the parser reads as a plural noun ("a charge Kinshasa rejects"): its verb (the charges
# denied are lexicon.CHARGE_NOUNS).
DENIAL_FORMS = {"rejects": "reject", "denies": "deny", "disputes": "dispute"}


# A table row of this type says that the word with that dependent is no event at all.
NOT_AN_EVENT = "NONE"


# "went on (a) strike", "went on the offensive": idioms whose noun alone is ambiguous.
GO_ON_IDIOMS = {
    "strike": Trigger("strike", "NOUN", None, "PROTEST", "strike"),
    "offensive": Trigger("offensive", "NOUN", None, "ASSAULT", None),
    "alert": Trigger("alert", "NOUN", None, "MOBILIZE", "troops"),
}


@dataclass
class Found:
    token: Token  # the trigger's head word
    entry: Trigger
    span: tuple[int, int]  # character offsets of the trigger words
    clause: Token  # the verb whose clause the event belongs to
    dependent: Token | None = None  # the word an entry asked for ("troops" in "ordered troops")
    through_verb: bool = False  # a noun done by its clause's subject ("held talks", "after talks with")
    received: bool = False  # a noun its clause's subject undergoes ("received aid from", "faces sanctions")
    # a noun that names its parties ("the Oskel-Pellane talks", "her talks with the Fund") and no verb
    # does: often a second mention of an act the story states elsewhere (event_named_nouns.restated)
    by_parties: bool = False


class TriggerFinder:
    """The triggers of one parsed text, read with the entity analysis (for who a word stands for)."""

    def __init__(self, doc: Doc, analysis: EntityAnalysis) -> None:
        self.doc = doc
        self.analysis = analysis
        self.table = triggers()

    def find(self) -> list[Found]:
        """Every trigger in the text, in text order; a verb's object is not a trigger of its own."""
        found: list[Found] = []
        taken: set[int] = set()
        for token in self.doc:
            object_act = token.i in taken
            if object_act and not self._object_names_parties(token):
                continue
            if _in_a_title(token):
                continue  # "said on 'Meet the Press'": a title, no act
            item = self.verb_trigger(token) if token.pos_ in {"VERB", "AUX"} else None
            if item is None and token.pos_ in {"NOUN", "PROPN"}:
                item = self.noun_trigger(token) or self._denial_misread(token)
            if item is None and token.pos_ == "ADJ" and token.lower_ in OFFERING_ADJECTIVES:
                item = self._willing(token)
            if item is not None:
                item.by_parties = item.by_parties or object_act
                found.append(item)
                taken.update(range(item.token.i, item.token.i + 1))
                taken.update(t.i for t in item.token.children if t.dep_ == "dobj")
        return found

    def verb_trigger(self, verb: Token) -> Found | None:
        if (
            verb.tag_ == "VBN"
            and verb.dep_ in {"amod", "acl"}
            and not any(c.dep_ == "agent" for c in verb.children)
            and not self._person_held(verb)
            and not _perfect_misread(verb)
        ):
            return None  # "the disputed channel", "the alleged violations": a modifier, not an act
        if _adjectival_participle(verb):
            return None  # "the negotiating table", "friendly and accepting": a quality, not an act
        if asks_to_stay_unnamed(verb):
            return None  # "a diplomat who asked not to be named": why a source is unnamed
        if _generic_activity(verb):
            return None  # "bargaining with militias is a crime": an activity judged, done by no one
        if verb.tag_ == "VBG" and qualifies_a_thing(verb):
            return None  # "they have kidnapping insurance": a noun of an act naming a kind of thing
        if holds_a_captive(verb, self.is_party):  # "held for a year without trial" (event_coercion)
            entry = Trigger(lemma_of(verb), "VERB", None, "COERCE", "arrest")
            return Found(verb, entry, _char_span(verb, verb), verb)
        entries = self._verb_entries(verb)
        if entries:
            for entry in entries:
                dependent = self._dependent(verb, entry.with_) if entry.with_ else None
                if entry.with_ and dependent is None:
                    continue
                if no_political_violence(verb, entry.type):
                    continue  # "floods killed 40", "beat Pellane 2-1": nature or a game
                if entry.with_ == "from" and not restrains_a_party(verb, self.is_party):
                    continue  # "stopped the fire from spreading": no one kept from acting
                if entry.type == "CONSULT" and vehicle_travels(verb):
                    return None  # "the train was traveling to Quetta": no visit
                if entry.type in COOPERATIVE_TYPES and not cooperative_act_holds(
                    verb, entry.type, self.analysis
                ):
                    continue  # "until he resigned", "camps shelter refugees": no act toward a party
                if entry.type == "REQUEST" and not request_sense_holds(verb, self.is_party):
                    continue  # "seeking independence", "public interest demands": asks no party
                if entry.with_ is None and (
                    _is_idiomatic_other(verb)
                    or _seeks_to_act(verb, entry)
                    or self._vows_a_goal(verb, entry)
                    or asks_a_question(verb, self.is_journalist)
                    or not broad_verb_holds(verb, entry.type, self.analysis, self.names_an_act)
                ):
                    continue
                if (
                    entry.type == NOT_AN_EVENT
                    and dependent is not None
                    and _idiom_misread(verb, entry, dependent)
                ):
                    continue  # "seized the tanker on suspicion": a prepositional idiom needs no object
                if entry.type == NOT_AN_EVENT:
                    return None  # "offered condolences" is no offer
                span_end = dependent if dependent is not None and dependent.dep_ in {"prt", "dobj"} else verb
                return Found(verb, entry, _char_span(verb, span_end), verb, dependent)
        if demands_an_act(verb, lambda clause: bool(self._verb_entries(clause)), self.is_party):
            entry = Trigger(lemma_of(verb), "VERB", None, "REQUEST", None)
            return Found(verb, entry, _char_span(verb, verb), verb)
        naming = names_with_blame(verb)  # "called Vale a liar": name-calling (event_naming)
        if naming is not None:
            blame, kind = naming
            entry = Trigger(lemma_of(verb), "VERB", None, kind, "disapprove" if kind == "ACCUSE" else None)
            return Found(verb, entry, _char_span(verb, blame), verb)
        return None

    def _object_names_parties(self, noun: Token) -> bool:
        """'Praised the withdrawal of Marovian troops', 'welcomed talks between Oskel and Pellane':
        the object of a verb of its own names, with its parties, an act of theirs besides the
        verb's; the object of a light verb ('held talks with') is the verb's act itself."""
        if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or {k for k, _ in verb_keys(noun.head)} & LIGHT_VERBS:
            return False
        entries = self.table.get((lemma_of(noun), "NOUN"), [])
        types = [e.type for e in entries if e.with_ is None] + [t for t in [party_noun_type(noun)] if t]
        named = [t for t in types if self._names_parties(noun, t)]
        verb = self.verb_trigger(noun.head) if named and noun.head.pos_ in {"VERB", "AUX"} else None
        # "mobilized protests against Vale": the verb states that same act, once
        return bool(named) and not (verb is not None and verb.entry.type in named)

    def _names_parties(self, noun: Token, event_type: str) -> bool:
        """Whether a noun's phrase names the parties of its act ('talks between Oskel and Pellane') or
        the doer or the victim of its repression ('the arrest of Ann Vale'): see event_named_nouns."""
        return names_its_parties(noun, event_type, self.is_party) or names_doer_or_victim(
            noun, event_type, self.is_party
        )

    def _person_held(self, verb: Token) -> bool:
        """'A reporter arrested over his interviews', 'activists detained last week': a participle
        after a party, with a phrase of its own saying why, where or when, is a passive clause
        cut short, and the coercion it names was done to that party; 'the detained activists',
        'the jailed leader' only describe them."""
        if verb.dep_ != "acl" or verb.head.i > verb.i or not self.is_party(verb.head):
            return False
        entries = self._verb_entries(verb) or []
        if not any(e.type == "COERCE" and e.with_ is None for e in entries):
            return False
        return any(c.dep_ in {"prep", "npadvmod"} and c.lower_ != "as" for c in verb.children)

    def is_party(self, token: Token) -> bool:
        """Someone who can act: a person, group, body or country, or a pronoun for one."""
        return self.analysis.is_agent(token, lexicon.ACTOR_NOUNS)

    def is_journalist(self, token: Token) -> bool:
        """A journalist: a media role word for a person ("ABC's host") or a person of the media. A
        news outlet is left out: what a paper asks of a party in an editorial may be a demand."""
        found = self.analysis.mention_at(token.i)
        if found is not None:
            return found[1].type == "PERSON" and found[1].sector == "MED"
        role = lexicon.roles().get(token.lower_) or lexicon.roles().get(lemma_of(token))
        return role is not None and role.sector == "MED"

    def names_an_act(self, token: Token) -> bool:
        if token.pos_ in {"VERB", "AUX"}:
            return self.verb_trigger(token) is not None
        return token.pos_ == "NOUN" and (
            (lemma_of(token), "NOUN") in self.table or lemma_of(token) in CONSEQUENCE_NOUNS
        )

    def _vows_a_goal(self, verb: Token, entry: Trigger) -> bool:
        """'Vowed to make the region climate neutral', 'vowed to enforce law and order': a vow of
        a goal of one's own, to no one and of no act toward anyone, is resolve, not a commitment to
        another party (AGREE); 'vowed to withdraw its troops' or 'vowed Kessaria its help' is one."""
        if entry.type != "AGREE" or lemma_of(verb) not in GOAL_VOWS:
            return False
        if any(c.dep_ in {"dative", "dobj"} for c in verb.children) or objects_of(verb, {"to"}):
            return False
        goals = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}]
        return bool(goals) and not any(self.names_an_act(g) for g in goals)

    def _verb_entries(self, verb: Token) -> list[Trigger] | None:
        """The table's rows for the first of the verb's forms it has ('staged', then 'stag')."""
        return next((self.table[k] for k in verb_keys(verb) if k in self.table), None)

    def _dependent(self, verb: Token, lemma: str) -> Token | None:
        for child in verb.children:
            if child.dep_ in DEPENDENT_DEPS or (
                child.dep_ == "ccomp" and child.pos_ == "ADJ"
            ):  # "found X guilty"
                if lemma_of(child) == lemma and not _setting_phrase(child):
                    return child  # "called on Syria", not "called off the strike on Thursday", "gave a speech in Ohio"
                if child.dep_ in {"dobj", "nsubjpass"} and any(lemma_of(c) == lemma for c in child.conjuncts):
                    return child  # "an air and arms embargo was imposed"
                if child.dep_ in {"prep", "agent"} and any(lemma_of(g) == lemma for g in child.children):
                    return child
                if child.dep_ == "prep" and any(  # "withdrew from the mediation effort"
                    lemma_of(m) == lemma for g in child.children for m in g.children if m.dep_ == "compound"
                ):
                    return child
                if child.dep_ == "prep" and any(  # "pulled out of the talks": a two-word preposition
                    lemma_of(g) == lemma
                    for inner in child.children
                    if inner.dep_ == "prep"
                    for g in inner.children
                    if g.dep_ == "pobj"
                ):
                    return child
            # "peacekeeping troops", "set free twelve hostages"; but "released the aid worker"
            # releases a person, not aid.
            person = lemma_of(child) in CAPTIVE_NOUNS
            if child.dep_ == "dobj" and any(
                lemma_of(g) == lemma
                for g in child.children
                if g.dep_ == "amod" or (g.dep_ == "compound" and not person)
            ):
                return child
            if child.dep_ == "dobj" and lemma == "from" and objects_of(child, {"from"}):
                return child  # "barring its employees from offices": the parser hangs "from" on the object
            if child.dep_ == "dobj" and lemma in {lemma_of(g) for g in objects_of(child, {"of", "in"})}:
                return child  # "sent planeloads of food", "deployed thousands of troops", "$5m in aid"
            if child.dep_ in {"advcl", "ccomp"} and any(
                m.dep_ == "mark" and m.lower_ == lemma for m in child.children
            ):
                return child  # "called for the Velmar Front to end the blockade": a for-to clause
        return None

    def noun_trigger(self, noun: Token) -> Found | None:
        entries = self.table.get((lemma_of(noun), "NOUN"))
        if noun.dep_ == "pobj" and noun.head.lower_ == "on" and lemma_of(noun.head.head) in {"go", "be"}:
            idiom = GO_ON_IDIOMS.get(lemma_of(noun))  # "went on strike": the bare noun is ambiguous
            entries = [idiom] if idiom else entries
        entries = state_entry(noun, entries)  # "remain behind bars", "under sanctions" (event_coercion)
        # "the war between Oskel and Pellane": an act only with its parties named (event_named_nouns)
        party_type = party_noun_type(noun)
        party_only = Trigger(lemma_of(noun), "NOUN", None, party_type, None) if party_type else None
        if party_only is not None:
            entries = [*(entries or []), party_only]
        if not entries:
            return None
        if qualifies_a_thing(noun):
            return None  # "attack helicopters", "protest songs": the kind of a thing, no act
        if (
            lemma_of(noun) in DANGER_NOUNS
            and not _threat_complement(noun)
            and lemma_of(noun.head) not in LIGHT_VERBS
            and not (noun.dep_ == "dobj" and lemma_of(noun.head) in THREATS_RECEIVED)
        ):
            return None  # "the terrorist threat" is a danger; "a threat to cut aid", "made threats" are acts
        if lemma_of(noun) == "demand" and _market_demand(noun):
            return None  # "growing energy demands": what a market buys, asked of no one
        if self._content_of_speech_noun(noun):
            return None  # "the abduction allegations", "a ceasefire demand": the act is what is said
        # "launched a mediation effort", "peace talks began": the phrase the noun qualifies acts.
        phrase = noun
        if noun.dep_ == "compound" and noun.head.dep_ in {"dobj", "nsubjpass", "nsubj"}:
            phrase = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in QUANTITY_NOUNS:
            phrase = noun.head.head  # "a new round of negotiations would start"
        head = phrase.head
        # "remain behind bars", "is under house arrest": the subject is the one held
        held = held_state(noun) is not None
        if held:
            head = head.head
            light_object = False
        elif phrase.dep_ == "pobj" and head.lower_ == "on" and lemma_of(head.head) in {"go", "be"}:
            head = head.head  # "went on strike", "have been on strike for three weeks"
            light_object = True
        elif (
            phrase.dep_ == "pobj"
            and head.lower_ == "in"
            and lemma_of(head.head) in PARTICIPATION_VERBS | {"be"}
        ):
            head = head.head  # "took part in talks", "was in talks with Egypt": the subject takes part
            light_object = True
        elif (
            phrase.dep_ == "pobj"
            and head.lower_ == "at"
            and lemma_of(head.head) == "be"
            and lemma_of(phrase) == "war"
        ):
            head = head.head  # "has been at war with the army since April": the subject wages it
            light_object = True
        else:
            light_object = (
                phrase.dep_ in {"dobj", "nsubjpass"}
                and bool({key for key, _ in verb_keys(head)} & LIGHT_VERBS)
            ) or _had_with(phrase, entries)
        # "Fighting broke out", "there were clashes", "sparked protests": the act happened, and only
        # its own phrase says who did it.
        happened = (
            (phrase.dep_ == "nsubj" and lemma_of(head) in ASPECTUAL_VERBS)
            or went_into_force(phrase)
            or (
                phrase.dep_ == "attr"
                and lemma_of(head) == "be"
                and any(c.dep_ == "expl" for c in head.children)
            )
            or (phrase.dep_ == "dobj" and lemma_of(head) in CAUSATIVE_VERBS)
            or _led_to(phrase)
            or _carried_out(phrase)
            or _suffered_by(phrase, entries)
        )
        # "received aid from the WFP", "faces new sanctions", "came under attack": the subject is
        # the one the act is done to.
        received = (
            held
            or (phrase.dep_ == "dobj" and lemma_of(head) in RECEIVING_VERBS)
            or (phrase.dep_ == "pobj" and head.lower_ == "under" and lemma_of(head.head) == "come")
        )
        if received and head.lower_ == "under":
            head = head.head
        # "Blinken's plea", but not "revoked its agreement": there the verb is the act.
        # An attack named with its doer ("two al-Shabab attacks") happened; a named "talks" or
        # "pact" is often only a name ("the Doha pact").
        named_attack = any(e.type == "ASSAULT" for e in entries) and any(
            self._named_doer(c) for c in phrase.children
        )
        own_actor = phrase.dep_ != "dobj" and (any(c.dep_ == "poss" for c in phrase.children) or named_attack)
        # "after talks with Netanyahu": a meeting named with its other party, as a circumstance;
        # "massed outside the consulate in protest": the clause's act is a protest.
        with_party = (
            _in_protest(phrase)
            or (phrase.dep_ == "pobj" and head.lower_ in TIME_PREPS and bool(objects_of(phrase, {"with"})))
            or _attended(phrase)
        )
        # "amid accusations of misconduct", "the probe into her emails": made by whom its own phrase says
        charged = _states_its_charge(phrase, entries) or _dated_or_placed_attack(phrase, entries)
        # "discussions with the Fund are progressing", "follow the Marovia-Dorvan talks": a noun
        # that names who took part states their act, wherever it stands.
        with_parties = {e.type for e in entries if names_its_parties(noun, e.type, self.is_party)}
        named = bool(with_parties) or any(names_doer_or_victim(noun, e.type, self.is_party) for e in entries)
        # "their crackdown on critics": a repression noun with its own doer was an act before its
        # victim made it one, and is no mere second telling (see event_named_nouns.restated)
        repression_only = own_actor and not with_parties
        if not (light_object or happened or own_actor or with_party or received or charged or named):
            return None
        if lemma_of(noun) in STANCE_NOUNS and not (light_object or received):
            return None  # "Washington's support is crucial": a relation that holds, no act
        if light_object and self.verb_trigger(head) is not None:
            return None  # the verb itself is the trigger ("signed the accord")
        for entry in entries:
            if entry.with_ and not any(lemma_of(c) == entry.with_ for c in noun.children):
                continue
            if entry.type == NOT_AN_EVENT:
                return None
            if entry is party_only and entry.type not in with_parties:
                return None  # "the war in Ukraine", "a proposal to cut taxes": no parties named
            if not broad_noun_holds(noun, entry.type, self.analysis, self.names_an_act):
                return None  # "the release of the emails", "despite her protests": another sense
            if lemma_of(noun) in WAR_NOUNS and _no_fighting(noun):
                return None  # "a trade war with China": no violence
            close = light_object and 0 < phrase.i - head.i <= 4
            # "carried out a series of airstrikes": the trigger takes in the act's own noun ("approved
            # a package" already names the measure approved)
            counted = 0 < noun.i - phrase.i <= 2 and phrase.lower_ not in {"package", "packages"}
            last = noun if counted else phrase
            span = _char_span(head, last) if close else _char_span(min(noun, phrase), max(noun, phrase))
            clause = head.head if with_party else head
            verbal = clause.pos_ in {"VERB", "AUX"}
            return Found(
                phrase,
                entry,
                span,
                clause if verbal else phrase,
                # "started the conflict between Oskel and Pellane": its parties are named, not the subject
                through_verb=verbal
                and (light_object or with_party)
                and not objects_of(phrase, {"between", "among"}),
                received=verbal and received,
                # its own doer ("her talks with the Fund") may name a repeated act too
                by_parties=named
                and not (light_object or happened or with_party or received or charged or repression_only),
            )
        return None

    def _denial_misread(self, token: Token) -> Found | None:
        """'..., a charge Kinshasa rejects.': the parser reads the verb that ends the phrase as a
        plural noun ('rejects', 'denies'); after a charge and a party it is the party's denial."""
        if token.lower_ not in DENIAL_FORMS or token.i < 2:
            return None
        doer, charge = token.doc[token.i - 1], token.doc[token.i - 2]
        if (
            not (self.is_party(doer) or doer.pos_ == "PROPN")
            or charge.lower_.rstrip("s") not in lexicon.CHARGE_NOUNS
        ):
            return None
        entries = self.table.get((DENIAL_FORMS[token.lower_], "VERB"))
        entry = next((e for e in entries or [] if e.with_ is None and e.type == "REJECT"), None)
        return Found(token, entry, _char_span(token, token), token) if entry else None

    def _content_of_speech_noun(self, noun: Token) -> bool:
        """A noun that qualifies a noun of speech ('the abduction allegations', 'sanctions
        threats', 'a ceasefire demand') names what is alleged, threatened or asked: the act is the
        head's, and the qualifier's act is no more than its content."""
        if noun.dep_ != "compound" or noun.head.pos_ != "NOUN":
            return False
        heads = self.table.get((lemma_of(noun.head), "NOUN"), [])
        return any(entry.type in SPEECH_ACTS for entry in heads)

    def _named_doer(self, modifier: Token) -> bool:
        """'two al-Shabab attacks', 'the Taliban offensive': a party named before the act noun."""
        if modifier.dep_ == "amod" and modifier.ent_type_ in {"NORP", "GPE"}:
            return True  # "the Soviet invasion", "Marovian airstrikes": a nation's forces
        return modifier.dep_ == "compound" and modifier.pos_ == "PROPN" and self.is_party(modifier)

    def _willing(self, adjective: Token) -> Found | None:
        """'is willing to withdraw' / 'ready to talk': an offer, which PLOVER codes as AGREE."""
        complement = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
        if complement is None:
            return None
        offered = self.verb_trigger(complement) or next(
            (f for c in complement.children if c.dep_ == "dobj" and (f := self.noun_trigger(c))), None
        )  # "ready to resume negotiations": the act is the noun
        if offered is None or offered.entry.type in HOSTILE:
            # "ready to impose sanctions" threatens (see event_types.threatens); "prepared to deal
            # with all options" offers no act.
            return None
        agree = self.table.get(("agree", "VERB"))
        if not agree:
            return None
        return Found(adjective, agree[-1], _char_span(adjective, adjective), adjective.head)


def _char_span(first: Token, last: Token) -> tuple[int, int]:
    if last.i < first.i:
        first, last = last, first
    return first.idx, last.idx + len(last.text)


def _idiom_misread(verb: Token, entry: Trigger, dependent: Token) -> bool:
    """'Seized on the remark' is an idiom of a verb and its preposition ('seize on', 'fight for');
    with an object between them ('seized the tanker on suspicion', 'fought the rebels for hours')
    the preposition is a phrase of its own, and the verb keeps its own sense. A row that asks for
    a noun after the preposition ('asked the minister for comment') is no such idiom."""
    return (
        dependent.dep_ == "prep"
        and lemma_of(dependent) == entry.with_
        and any(c.dep_ == "dobj" and c.i < dependent.i for c in verb.children)
    )


def _no_fighting(war: Token) -> bool:
    """'A trade war with China', 'the cold war with Moscow': a war in name only."""
    return any(c.dep_ in {"compound", "amod"} and lemma_of(c) in NOT_FIGHTING for c in war.children)


def _in_a_title(token: Token) -> bool:
    """A word inside the title of a show, a book or a film ("said on 'Meet the Press'", "the film
    'Talking to Strangers'"): it names the work, and no one does what it says."""
    return token.ent_type_ == "WORK_OF_ART"


def _perfect_misread(verb: Token) -> bool:
    """'Authorities have since banned civilians from travelling': a perfect with an adverb between
    'have' and its participle, which the parser reads as 'have' + a phrase 'since banned
    civilians'. A participle right after 'have since' is the perfect's, and states the act."""
    if verb.i < 2:
        return False
    adverb, auxiliary = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return adverb.lower_ in PERFECT_ADVERBS and auxiliary.lower_ in {"have", "has", "had"}


def _adjectival_participle(verb: Token) -> bool:
    """A present participle used as an adjective: before the noun it describes ('the negotiating
    table', 'the ruling party') or coordinated with an adjective ('friendly and accepting',
    'welcoming and supportive'). With an object of its own it is a verb ('accepting the offer')."""
    if verb.tag_ != "VBG" or any(c.dep_ in OBJECTS for c in verb.children):
        return False
    if verb.dep_ in {"amod", "compound"} and verb.head.i > verb.i:
        return True
    coordinated = [*verb.conjuncts, verb.head] if verb.dep_ == "conj" else list(verb.conjuncts)
    return any(t.pos_ == "ADJ" for t in coordinated)


def _generic_activity(verb: Token) -> bool:
    """A gerund that is the subject of its clause, with no doer of its own: 'bargaining with
    militias is deemed unlawful', 'talking to voters is hard'. It names a kind of act to judge,
    not one that took place ('their meeting the envoy angered Dorvan' has its doer)."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in {"csubj", "csubjpass"}
        and not any(c.dep_ in {"nsubj", "poss"} for c in verb.children)
    )


def _is_idiomatic_other(verb: Token) -> bool:
    """'strike' with a deal, 'back' with down: these carry another entry, not the bare one."""
    lemma = lemma_of(verb)
    if lemma == "call" and not any(c.dep_ == "dobj" for c in verb.children):
        return True
    return lemma == "back" and any(lemma_of(c) == "down" for c in verb.children)


def _seeks_to_act(verb: Token, entry: Trigger) -> bool:
    """'sought to destroy the tunnels' is an aim, not a request ('sought India's help' is one)."""
    children = list(verb.children)
    return (
        entry.type == "REQUEST"
        and entry.with_ is None
        and lemma_of(verb) in INTENT_VERBS
        and any(c.dep_ == "xcomp" for c in children)
        and not any(c.dep_ in OBJECTS for c in children)
    )


def _threat_complement(noun: Token) -> bool:
    """'threat to cut aid', 'threats of sanctions', 'a threat against Israel'."""
    return any(
        (c.dep_ in {"acl", "xcomp"} and any(a.lower_ == "to" for a in c.children))
        or (c.dep_ == "prep" and c.lower_ in {"of", "against", "by", "from"})
        for c in noun.children
    )


def _market_demand(noun: Token) -> bool:
    """'Energy demands', 'rising consumer demand': demand for goods; 'demands for his resignation',
    'the rebels' demand that troops leave' ask for an act."""
    if objects_of(noun, {"for"}) or any(c.dep_ in {"acl", "ccomp", "relcl"} for c in noun.children):
        return False
    return any(
        (c.dep_ == "compound" and lemma_of(c) in MARKET_GOODS)
        or (c.dep_ == "amod" and lemma_of(c) in MARKET_MOVES)
        for c in noun.children
    )


def _setting_phrase(preposition: Token) -> bool:
    """'on Thursday', 'in West Virginia': a preposition whose object is a date, a time or a place."""
    kinds = {"DATE", "TIME"} | ({"GPE", "LOC", "FAC"} if preposition.lower_ in LOCATION_PREPS else set())
    return preposition.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in kinds for g in preposition.children
    )


def _led_to(phrase: Token) -> bool:
    """'The raid led to the arrest of five people': an act the sentence says happened, as with a
    causative verb, whose own phrase says who did it."""
    preposition = phrase.head
    return phrase.dep_ == "pobj" and (lemma_of(preposition.head), preposition.lower_) in RESULT_VERBS


def _suffered_by(phrase: Token, entries: list[Trigger]) -> bool:
    """'Women are victims of rape', 'villagers were subjected to attacks and abductions': a party
    named as the one who suffers an act of force says the act took place, done to that party."""
    if not any(e.type in FORCE_TYPES for e in entries):
        return False
    while phrase.dep_ == "conj":
        phrase = phrase.head  # "attacks, abductions and abuse": each suffered alike
    preposition = phrase.head
    if phrase.dep_ != "pobj":
        return False
    return (lemma_of(preposition.head), preposition.lower_) in SUFFERING_PHRASES


def _carried_out(phrase: Token) -> bool:
    """'An offensive launched by Puntland forces', 'the talks held in Doha': a light verb's
    participle on the noun says the act was carried out."""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and lemma_of(c) in LIGHT_VERBS for c in phrase.children)


def _states_its_charge(phrase: Token, entries: list[Trigger]) -> bool:
    """'Allegations that hackers entered the network', 'accusations of misconduct', 'the probe into
    her emails', 'criticism of the plan': an accusation or an inquiry that says whom or what it is
    about was made by someone, wherever the noun stands ('amid accusations of misconduct'); a bare
    'the allegations' or 'criticism' may be a topic only."""
    if not any(entry.type == "ACCUSE" for entry in entries):
        return False
    if objects_of(phrase, CHARGE_PREPS):
        return True
    return any(
        c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in phrase.children
    )


def _dated_or_placed_attack(phrase: Token, entries: list[Trigger]) -> bool:
    """'The attacks in Paris', 'a deadly January attack', 'the attack on the barracks', 'the
    shootings in San Bernardino': an attack named with its place, its date or its target took
    place, wherever the noun stands ('since the attacks in Paris'). An attack on a person named
    ('his attack on Vale') may be words, and a bare 'attacks' may be a kind of act only."""
    if not any(entry.type == "ASSAULT" for entry in entries):
        return False
    # "the attacks in Paris"; "the invasion of Iraq", "the bombing of the embassy": a place struck
    if any(t.ent_type_ in SCENES for t in objects_of(phrase, {"in", "at", "near", "of"})):
        return True
    if any(t.ent_type_ == "DATE" for t in [*phrase.children, *objects_of(phrase, {"of", "on"})]):
        return True
    return any(t.ent_type_ not in {"PERSON", "DATE"} for t in objects_of(phrase, {"on", "against"}))


def _in_protest(phrase: Token) -> bool:
    """'Hundreds massed outside the consulate in protest of the raids', 'workers marched in
    protest': the verb's act was done as a protest, by its subject."""
    preposition = phrase.head
    return (
        lemma_of(phrase) == "protest"
        and phrase.dep_ == "pobj"
        and preposition.lower_ == "in"
        and preposition.head.pos_ in {"VERB", "AUX"}
    )


def _attended(phrase: Token) -> bool:
    """'Speaking at a Security Council meeting', 'during a visit to Quetta': a meeting or a visit
    named as the circumstance of a verb took place, as 'after talks with Netanyahu' does."""
    if lemma_of(phrase) in GATHERINGS and not _parties_named(phrase):
        return False  # "at the town hall meeting", "the pitch meeting": no parties that meet
    if phrase.dep_ == "dobj":  # "told a meeting of the Security Council", "addressed the summit"
        return lemma_of(phrase) in GATHERINGS and lemma_of(phrase.head) in ADDRESSING_VERBS
    if phrase.dep_ != "pobj" or phrase.head.head.pos_ not in {"VERB", "AUX"}:
        return False
    preposition = phrase.head.lower_
    if preposition == "at":
        return lemma_of(phrase) in GATHERINGS
    return preposition in PAST_PREPS and lemma_of(phrase) == "visit" and bool(objects_of(phrase, {"to"}))


def _had_with(phrase: Token, entries: list[Trigger]) -> bool:
    """'Rubio will have a meeting with Iwaya', 'had talks with the rebels': "have" is a light verb
    for a meeting with its other party, though not for what one has ("has an agreement with")."""
    return (
        phrase.dep_ == "dobj"
        and lemma_of(phrase.head) == "have"
        and all(entry.type == "CONSULT" for entry in entries)
        and bool(objects_of(phrase, {"with"}))
    )


def _parties_named(gathering: Token) -> bool:
    """Whether a meeting names who meets: a name on it ('a Security Council meeting', 'the NATO
    summit') or its of / with / between phrase ('a meeting of foreign ministers')."""
    named = any(c.dep_ in {"compound", "amod"} and c.pos_ == "PROPN" for c in gathering.children)
    return named or bool(objects_of(gathering, {"of", "with", "between"}))
