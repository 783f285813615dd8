"""Noun triggers: where a noun of the trigger table is an event, and with which of its rows.

A noun names an act that took place only where its sentence says so; ``NounTriggers.noun_trigger``
decides where, for each noun the trigger finder (``event_triggers.TriggerFinder``) asks about:

* a verb does the act with it: the object of a light verb ("held talks", "imposed sanctions"),
  also through the sum it is given in ("announced $20 million in aid"),
  "took part in talks", "went on strike", "at war with"; where the light verb has a row of its own
  ("signed the accord") the verb is the trigger, not the noun;
* the act happened: the subject of an aspectual verb ("negotiations would start", "fighting broke
  out"), "there were clashes", the object of a causative verb ("sparked protests"), "led to the
  arrest of", "an offensive launched by", "victims of rape";
* the clause's subject undergoes it: "received aid", "faces sanctions", "came under attack",
  "remain behind bars" (``event_coercion``);
* it has its own actor ("Blinken's plea", "two al-Shabab attacks"), is a meeting attended or a
  visit made ("speaking at a Security Council meeting", "after talks with Netanyahu"), an
  accusation that states its charge ("accusations of misconduct"), an attack named with its place,
  date or target ("the attacks in Paris"), or names its parties ("the Oskel-Pellane talks",
  ``event_named_nouns``).

And where it is none: a noun that names a kind of thing or another sense of the word
(``event_broad_nouns``: "attack helicopters", "the release of the emails"), a danger ("the terrorist
threat"), what a market demands ("energy demands"), what a noun of speech says ("the abduction
allegations"), a stance that only holds ("Washington's support is crucial"), a trade or a price war,
a fight named only by its time or place ("during last year's fighting").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_broad_nouns import broad_noun_holds, kind_judged, qualifies_a_thing
from dateline.extract.event_coercion import held_state, state_entry, went_into_force
from dateline.extract.event_named_nouns import names_doer_or_victim, names_its_parties, party_noun_type
from dateline.extract.event_parse import dated, lemma_of, objects_of, sum_of_money, verb_keys
from dateline.extract.event_trigger_table import NOT_AN_EVENT, Found, Trigger, char_span, triggers

LIGHT_VERBS = {
    "hold", "launch", "stage", "conduct", "carry", "mount", "make", "issue", "impose", "sign",
    "reach", "give", "provide", "send", "deliver", "declare", "announce", "begin", "start",
    "resume", "open", "organize", "organise", "lead", "call", "offer", "extend", "lodge", "file",
    "express", "voice", "agree", "accept", "observe", "break", "join", "host", "pay", "go", "attend", "intensify", "escalate", "step", "renew", "order", "continue", "keep", "plan", "propose",
    "conclude", "finalize", "approve", "endorse", "unleash", "wage", "perform", "undertake", "complete",
    # raising an act keeps it the subject's: "ramped up sanctions", "tightened restrictions"
    "ramp", "tighten", "toughen", "broaden", "expand",
    # saying again is saying: "repeated accusations", "reiterated its call for talks"
    "repeat", "reiterate",
}  # fmt: skip
# The acts a party suffers at another's hands, and the words that name a party as suffering them.
FORCE_TYPES = {"ASSAULT", "COERCE"}


def names_a_force_act(noun: Token) -> bool:
    """Whether a noun is one the trigger table types as a deed of force ("arrest", "raid")."""
    return any(entry.type in FORCE_TYPES for entry in triggers().get((lemma_of(noun), "NOUN"), []))


# Deeds, as against words (a second deed beside a first is an act of its own, event_governing.material_pair;
# a deed's "including" list names whom it was done to, event_arguments).
MATERIAL_ACTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "SANCTION"})
SUFFERING_PHRASES = {("victim", "of"), ("subject", "to"), ("subjected", "to")}
# "pressed ahead with its offensive", "went on with the strikes", "proceeded with the arrests":
# carrying on with an act is doing it. The verbs, and the particles that make them so.
GOING_AHEAD = {
    "press": {"ahead", "on"},
    "push": {"ahead", "on"},
    "go": {"ahead", "on"},
    "forge": {"ahead"},
    "move": {"ahead", "forward"},
    "carry": {"on"},
    "proceed": set(),
    "persist": set(),
}
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
# Accepting what is given is receiving it ("accepted aid from Dorvan", "accepted Chinese loans"),
# where accepting a deal or a proposal is the subject's own act ("accepted the ceasefire").
ACCEPTING_VERBS = {"accept", "take"}
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
# "a round of talks", "approved a new package of sanctions": the quantity is the act's phrase
QUANTITY_NOUNS = {
    "round", "series", "wave", "spate", "string", "day", "days", "week", "weeks", "hours", "package", "packages",
}  # fmt: skip
TIME_PREPS = {"after", "before", "during", "following", "since", "ahead"}
# What a sum is "in" when it is aid given ("announced $20 million in aid", "$2 billion in loans");
# "$200,000 in donations" is a campaign's money as often as not.
SUMS_OF_AID = frozenset({"aid", "assistance", "relief", "loan", "grant"})
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


# Mass nouns of fighting: said with no one fighting, only when or where ("last year's fighting",
# "after the September violence", "the Aleppo violence"), they name a time or a state of a place
# the story looks back on, not an act it tells; their parties ("fighting between the army and the
# Front"), a doer ("the militia's violence") or a verb that makes them happen ("violence broke
# out") tell one.
MASS_FIGHTING = frozenset({"fighting", "violence", "bloodshed", "unrest", "hostilities"})
# Words that name a time when they own a noun ("last year's fighting").
TIME_OWNERS = frozenset({"year", "month", "week", "day", "decade", "summer", "winter", "spring", "autumn"})


# Armed or lawless groups that name an attack's doer before its noun ("settler attacks", "gang
# ambushes", "rebel offensive"); "terrorist attacks" is left out, as it names a kind of attack.
ARMED_DOERS = frozenset(
    {"settler", "militant", "rebel", "gang", "militia", "insurgent", "jihadist", "separatist", "guerrilla"}
)

# "Israeli strikes", "a Marovian strike on the port": a strike a nation carries out is its forces'
# attack; a labour strike is named by its workers, its sector or its reach ("a general strike").
MILITARY_STRIKE = Trigger("strike", "NOUN", None, "ASSAULT", None)

# "the expulsion of two diplomats" cuts relations with their state (SANCTION), as "expel" with a
# diplomat for object does; the expulsion of migrants or residents is coercion.
ENVOYS = frozenset({"diplomat", "ambassador", "envoy", "attache", "consul"})
ENVOYS_EXPELLED = Trigger("expulsion", "NOUN", None, "SANCTION", "diplomatic")


# A truce that was made between sides, named by the participle that made it ("a ceasefire brokered
# by Qatar"): the sides' agreement.
TRUCE_MAKING = frozenset({"broker", "mediate", "negotiate", "agree", "reach", "sign", "arrange", "secure"})
TRUCE_AGREED = Trigger("ceasefire", "NOUN", None, "AGREE", "ceasefire")

# Verbs that end charges: "prosecutors dropped the charges" withdraws an accusation.
CHARGES_DROPPED = frozenset({"drop", "withdraw"})


# "went on (a) strike", "went on the offensive": idioms whose noun alone is ambiguous.
GO_ON_IDIOMS = {
    "strike": Trigger("strike", "NOUN", None, "PROTEST", "strike"),
    "offensive": Trigger("offensive", "NOUN", None, "ASSAULT", None),
    "alert": Trigger("alert", "NOUN", None, "MOBILIZE", "troops"),
}


class NounTriggers:
    """The noun triggers of one parsed text. The trigger finder (``event_triggers``) builds it with
    its table and entity analysis, and lends it who can act (``is_party``), whether a word names an
    act (``names_an_act``) and its verb triggers (``verb_trigger``: a light verb with a row of its own
    is the trigger in the noun's place)."""

    def __init__(
        self,
        table: dict[tuple[str, str], list[Trigger]],
        analysis: EntityAnalysis,
        is_party: Callable[[Token], bool],
        names_an_act: Callable[[Token], bool],
        verb_trigger: Callable[[Token], Found | None],
    ) -> None:
        self.table = table
        self.analysis = analysis
        self.is_party = is_party
        self.names_an_act = names_an_act
        self.verb_trigger = verb_trigger

    def noun_trigger(self, noun: Token) -> Found | None:
        entries = self.table.get((_hyphened_lemma(noun), "NOUN")) or self.table.get((lemma_of(noun), "NOUN"))
        if noun.dep_ == "pobj" and noun.head.lower_ == "on" and lemma_of(noun.head.head) in {"go", "be"}:
            idiom = GO_ON_IDIOMS.get(lemma_of(noun))  # "went on strike": the bare noun is ambiguous
            entries = [idiom] if idiom else entries
        if lemma_of(noun) == "strike" and _struck_by_a_nation(noun):
            entries = [MILITARY_STRIKE]
        elif lemma_of(noun) == "strike" and _labour_strike(noun, entries or []):
            entries = [GO_ON_IDIOMS["strike"]]  # "staged strikes", "a strike by bus drivers"
        if lemma_of(noun) == "charge" and (
            noun.tag_ != "NNS" or (noun.dep_ == "dobj" and lemma_of(noun.head) in CHARGES_DROPPED)
        ):
            return None  # "in charge of", "free of charge": only "charges" accuse; "dropped" ones end
        if lemma_of(noun) == "expulsion" and any(lemma_of(t) in ENVOYS for t in objects_of(noun, {"of"})):
            entries = [ENVOYS_EXPELLED]
        entries = state_entry(noun, entries)  # "remain behind bars", "under sanctions" (event_coercion)
        if entries and _truce_agreed(noun, entries):
            entries = [TRUCE_AGREED]  # "a truce brokered by Qatar": the sides agreed to it
        # "the war between Oskel and Pellane": an act only with its parties named (event_named_nouns)
        party_type = party_noun_type(noun)
        party_only = Trigger(lemma_of(noun), "NOUN", None, party_type, None) if party_type else None
        if party_only is not None:
            entries = [*(entries or []), party_only]
        if not entries:
            return None
        if noun.text == "March" and noun.ent_type_ == "DATE":
            return None  # "the March agreement", "signed in March": the month (not "the Women's March")
        if qualifies_a_thing(noun):
            return None  # "attack helicopters", "protest songs": the kind of a thing, no act
        if kind_judged(noun):
            return None  # "every truce is a pause": a kind of act judged, none done
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
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "in"
            and lemma_of(noun) in SUMS_OF_AID
            and sum_of_money(noun.head.head)
        ):
            phrase = noun.head.head  # "announced $20 million in aid": the sum is the aid given
        head = phrase.head
        # "accepted aid from Dorvan": accepting a gift is receiving it; accepting a deal is one's act
        accepted_gift = (
            phrase.dep_ == "dobj"
            and lemma_of(head) in ACCEPTING_VERBS
            and any(e.type == "AID" for e in entries)
        )
        # "remain behind bars", "is under house arrest": the subject is the one held
        held = held_state(noun) is not None
        # "pressed ahead with a crackdown", "went on with the strikes": the subject's own act, named
        # by the noun alone (the verb only says it goes on)
        carried_on = phrase.dep_ == "pobj" and head.lower_ == "with" and _going_ahead(head.head)
        if carried_on or held:
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
                and not accepted_gift
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
            or _happened_in_relative(phrase)
            or _suffered_by(phrase, entries)
        )
        # "received aid from the WFP", "faces new sanctions", "came under attack": the subject is
        # the one the act is done to.
        received = (
            held
            or (phrase.dep_ == "dobj" and lemma_of(head) in RECEIVING_VERBS)
            or accepted_gift
            or (phrase.dep_ == "pobj" and head.lower_ == "under" and lemma_of(head.head) == "come")
        )
        if received and head.lower_ == "under":
            head = head.head
        # "Blinken's plea", but not "revoked its agreement": there the verb is the act.
        own_actor = phrase.dep_ != "dobj" and (
            any(c.dep_ == "poss" for c in phrase.children) or self._done_by_one_named(phrase, entries)
        )
        # "after talks with Netanyahu": a meeting named with its other party, as a circumstance;
        # "massed outside the consulate in protest": the clause's act is a protest.
        with_party = (
            _in_protest(phrase)
            or (phrase.dep_ == "pobj" and head.lower_ in TIME_PREPS and bool(objects_of(phrase, {"with"})))
            or _attended(phrase)
        )
        # "amid accusations of misconduct", "the probe into her emails": made by whom its own phrase says
        charged = (
            _states_its_charge(phrase, entries)
            or self._accused_by_one_named(phrase, entries)
            or _dated_or_placed_attack(phrase, entries)
            or _crackdown_on(phrase, entries)
            or _dated_or_massed_protest(noun, entries)
        )
        # "discussions with the Fund are progressing", "follow the Marovia-Dorvan talks": a noun
        # that names who took part states their act, wherever it stands.
        with_parties = {e.type for e in entries if names_its_parties(noun, e.type, self.is_party)}
        named = bool(with_parties) or any(names_doer_or_victim(noun, e.type, self.is_party) for e in entries)
        # "their crackdown on critics": a repression noun with its own doer was an act before its
        # victim made it one, and is no mere second telling (see event_named_nouns.restated)
        repression_only = own_actor and not with_parties
        if not (
            light_object or carried_on or happened or own_actor or with_party or received or charged or named
        ):
            return None
        if (
            lemma_of(noun) in MASS_FIGHTING
            and phrase is noun  # "five days of fighting" measures an act that took place
            and not (light_object or happened or with_party or received or with_parties)
            and _only_when_or_where(phrase)
        ):
            return None  # "during last year's fighting", "the September violence": a time, no act told
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
            # "announced a further £15 million in aid", "a $90 million grant": a sum's own words
            # come before its head, and the verb is as close as the sum's first word
            near = phrase.left_edge.i if _names_a_sum(phrase) else phrase.i
            close = light_object and 0 < near - head.i <= 4
            # "carried out a series of airstrikes": the trigger takes in the act's own noun ("approved
            # a package" already names the measure approved)
            counted = 0 < noun.i - phrase.i <= 2 and phrase.lower_ not in {"package", "packages"}
            last = noun if counted else phrase
            span = char_span(head, last) if close else char_span(min(noun, phrase), max(noun, phrase))
            if _hyphened_lemma(noun) != lemma_of(noun):  # "cease-fire", not "fire": the word read whole
                span = (min(span[0], noun.doc[noun.i - 2].idx), span[1])
            clause = head.head if with_party else head
            verbal = clause.pos_ in {"VERB", "AUX"}
            return Found(
                phrase,
                entry,
                span,
                clause if verbal else phrase,
                # "started the conflict between Oskel and Pellane": its parties are named, not the subject
                through_verb=verbal
                and (light_object or carried_on or with_party)
                and not objects_of(phrase, {"between", "among"}),
                received=verbal and received,
                # its own doer ("her talks with the Fund") may name a repeated act too
                by_parties=named
                and not (
                    light_object
                    or carried_on
                    or happened
                    or with_party
                    or received
                    or charged
                    or repression_only
                ),
            )
        return None

    def _content_of_speech_noun(self, noun: Token) -> bool:
        """A noun that qualifies a noun of speech ('the abduction allegations', 'sanctions
        threats', 'a ceasefire demand') names what is alleged, threatened or asked: the act is the
        head's, and the qualifier's act is no more than its content."""
        if noun.dep_ != "compound" or noun.head.pos_ != "NOUN":
            return False
        heads = self.table.get((lemma_of(noun.head), "NOUN"), [])
        return any(entry.type in SPEECH_ACTS for entry in heads)

    def _done_by_one_named(self, phrase: Token, entries: list[Trigger]) -> bool:
        """Whether the noun names who did its act before it, so that the act happened: an attack
        ("two al-Shabab attacks"), a power's measure ("U.S. sanctions", "Western sanctions on
        Dorvan", wherever it stands: "lost value under U.S. sanctions"), a go-between's mediation
        ("through Omani mediation", CAMEO 043). A named "talks" or "pact" is often only a name
        ("the Doha pact")."""
        before = [c for c in phrase.children if c.i < phrase.i]
        if any(e.type == "ASSAULT" for e in entries) and any(self._named_doer(c) for c in phrase.children):
            return True
        if lemma_of(phrase) in POWER_MEASURES and any(e.type == "SANCTION" for e in entries):
            return any(self._named_doer(c) or lemma_of(c) == "western" for c in before)
        return lemma_of(phrase) == "mediation" and any(self._named_doer(c) for c in before)

    def _accused_by_one_named(self, phrase: Token, entries: list[Trigger]) -> bool:
        """'Dismissed criticism from Western governments', 'despite accusations from the opposition':
        an accusation that names a party it came from was made by that party, wherever the noun
        stands, as one that states its charge was; 'criticism from abroad' names no one."""
        if not any(entry.type == "ACCUSE" for entry in entries):
            return False
        return any(
            self.is_party(t) or any(c.ent_type_ in {"GPE", "NORP", "ORG"} for c in t.children)
            for t in objects_of(phrase, {"from"})
        )

    def _named_doer(self, modifier: Token) -> bool:
        """'two al-Shabab attacks', 'the Taliban offensive': a party named before the act noun."""
        if modifier.dep_ == "amod" and modifier.ent_type_ in {"NORP", "GPE"}:
            return True  # "the Soviet invasion", "Marovian airstrikes": a nation's forces
        if modifier.dep_ == "compound" and modifier.pos_ == "NOUN":
            return lemma_of(modifier) in ARMED_DOERS  # "settler attacks", "gang ambushes"
        return modifier.dep_ == "compound" and modifier.pos_ == "PROPN" and self.is_party(modifier)


def _only_when_or_where(phrase: Token) -> bool:
    """'Last year's fighting', 'the September violence', 'the Aleppo violence', 'highland
    fighting': the words before the noun say only when or where, and no phrase after it names a
    side ('between', 'by', 'against', 'from')."""
    if objects_of(phrase, {"between", "among", "by", "against", "from", "on", "with"}):
        return False
    for child in phrase.children:
        if child.dep_ == "poss" and not (
            child.ent_type_ in {"DATE", "TIME"} or lemma_of(child) in TIME_OWNERS | lexicon.TIME_WORDS
        ):
            return False  # "the army's violence": a doer
        if child.dep_ in {"compound", "amod", "nmod"} and (
            child.ent_type_ in {"NORP", "ORG", "PERSON"} or lemma_of(child) in ARMED_DOERS
        ):
            return False  # "Marovian violence", "militia fighting": a doer
    return True


def _hyphened_lemma(noun: Token) -> str:
    """'cease-fire', 'build-up': the tokenizer may split a hyphened noun in three ('cease', '-',
    'fire'), leaving its last part, a word of another sense, the head; the table has the whole."""
    doc = noun.doc
    joined = noun.i >= 2 and doc[noun.i - 1].text == "-"
    if joined and not doc[noun.i - 1].whitespace_ and not doc[noun.i - 2].whitespace_:
        return f"{doc[noun.i - 2].lower_}-{lemma_of(noun)}"
    return lemma_of(noun)


def _struck_by_a_nation(strike: Token) -> bool:
    """'Israeli strikes in Gaza', 'a Marovian strike on the depot': a nation's adjective before
    'strike' with no other qualifier names its forces' attack ('French rail strikes' are labour's)."""
    modifiers = [c for c in strike.children if c.dep_ in {"amod", "compound"}]
    nation = [c for c in modifiers if c.dep_ == "amod" and c.ent_type_ in {"NORP", "GPE"}]
    return bool(nation) and len(nation) == len(modifiers)


def _names_a_sum(phrase: Token) -> bool:
    """'$20 million (in aid)', 'a $90 million grant': the phrase is a sum or counts one."""
    return sum_of_money(phrase) or any(c.dep_ == "nummod" and sum_of_money(c) for c in phrase.children)


def _no_fighting(war: Token) -> bool:
    """'A trade war with China', 'the cold war with Moscow': a war in name only."""
    return any(c.dep_ in {"compound", "amod"} and lemma_of(c) in NOT_FIGHTING for c in war.children)


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


# Verbs that tell an act took place when its noun is their relative subject: "the protests that
# erupted", "the clashes that broke out", "the fighting that followed".
RELATIVE_HAPPENING = frozenset(
    ASPECTUAL_VERBS - {"be", "get", "take", "open"} | {"follow", "occur", "happen"}
)
# A relative clause of what may happen, or is denied, tells no act: "talks that could begin".
UNREAL_AUX = frozenset(
    {"will", "would", "could", "might", "may", "should", "must", "can", "not", "n't", "never"}
)


def _happened_in_relative(phrase: Token) -> bool:
    """'The protests that erupted last spring', 'the clashes which broke out on Monday', 'the
    fighting that followed': a relative clause whose subject is the noun and whose verb says it
    began, went on or followed tells the act took place, as 'protests erupted' does; 'talks that
    could begin' and 'protests that did not spread' tell none."""
    for clause in phrase.children:
        if clause.dep_ != "relcl" or lemma_of(clause) not in RELATIVE_HAPPENING:
            continue
        relative = any(c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in clause.children)
        unreal = any(c.dep_ in {"aux", "neg"} and c.lower_ in UNREAL_AUX for c in clause.children)
        if relative and not unreal:
            return True
    return False


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
    if dated(phrase, {"of", "on"}):
        return True
    return any(t.ent_type_ not in {"PERSON", "DATE"} for t in objects_of(phrase, {"on", "against"}))


# Measures a power imposes on another, named by who imposed them ("U.S. sanctions").
POWER_MEASURES = frozenset({"sanction", "embargo"})


# Nouns of a crowd's protest; "rally" is left out, as a candidate's rally is campaigning.
CROWD_PROTESTS = frozenset({"protest", "demonstration"})
# Words that tell a crowd's protest by its reach ("mass protests", "the largest street protests").
PROTEST_SCALES = frozenset({
    "mass", "massive", "street", "nationwide", "widespread", "large", "big", "huge", "violent", "deadly",
})  # fmt: skip


# Verbs that hold a labour strike ("staged strikes", "organize a strike", "began an indefinite
# strike"); forces "launch", "carry out" or "conduct" strikes, and "called the strikes executions"
# names them.
STRIKE_CALLS = frozenset({"stage", "organize", "organise", "hold", "begin", "start", "join"})
# Who strikes for work ("a strike by bus and taxi drivers"), and the words of a strike's reach.
STRIKERS = frozenset({
    "worker", "driver", "teacher", "doctor", "nurse", "union", "employee", "miner", "docker", "staff",
    "trucker", "farmer", "student", "retiree", "pilot",
})  # fmt: skip
STRIKE_REACH = frozenset({"indefinite", "nationwide", "general", "national", "open-ended", "week-long"})


def _labour_strike(strike: Token, entries: list[Trigger]) -> bool:
    """'Workers staged strikes', 'helped organize a strike', 'an indefinite strike', 'a strike by
    bus and taxi drivers', 'weeks of strikes over pension reform': a strike called or held, set by
    its reach, its strikers or its cause, is labour's protest; one a row already reads by its
    qualifier ('air strikes', 'a hunger strike') keeps that row."""
    if any(e.with_ and any(lemma_of(c) == e.with_ for c in strike.children) for e in entries):
        return False
    if strike.dep_ == "dobj" and {key for key, _ in verb_keys(strike.head)} & STRIKE_CALLS:
        return not any(c.dep_ == "prt" and c.lower_ == "off" for c in strike.head.children)
    if any(c.dep_ == "amod" and lemma_of(c) in STRIKE_REACH for c in strike.children):
        return True
    if any(lemma_of(t) in STRIKERS for t in objects_of(strike, {"by"})):
        return True
    return bool(objects_of(strike, {"over"})) and strike.tag_ == "NNS"


def _dated_or_massed_protest(noun: Token, entries: list[Trigger]) -> bool:
    """'Protests in 2018', 'the 2023 demonstrations', 'mass protests', 'the largest street
    protests', 'protests over water shortages': a crowd's protest named with its date, its reach or
    what set it off took place, wherever the noun stands ('since protests in 2018'), as a dated
    attack does; a bare 'protests' may be a kind of act only ('protests are banned'). The noun
    itself, not its phrase, is read: 'weeks of strikes over pension reform'."""
    if not any(e.type == "PROTEST" for e in entries):
        return False
    if entries == [GO_ON_IDIOMS["strike"]]:
        return True  # a labour strike, told by its reach, its strikers or its cause (_labour_strike)
    if lemma_of(noun) not in CROWD_PROTESTS:
        return False
    if any(c.dep_ == "amod" and lemma_of(c) in PROTEST_SCALES for c in noun.children):
        return True
    if any(c.dep_ == "compound" and lemma_of(c) == "street" for c in noun.children):
        return True
    if dated(noun, {"in", "of"}):
        return True
    return bool(objects_of(noun, {"over"}))


def _truce_agreed(noun: Token, entries: list[Trigger]) -> bool:
    """'A ceasefire brokered by Qatar', 'the truce negotiated in March': a truce that a participle
    says was brokered, negotiated or agreed is a deal its sides made (AGREE), where one declared
    or kept ('the truce between Oskel and Pellane held') is a pause in the fighting (RETREAT)."""
    if not any(entry.mode == "ceasefire" for entry in entries):
        return False
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and lemma_of(c) in TRUCE_MAKING for c in noun.children)


def _crackdown_on(phrase: Token, entries: list[Trigger]) -> bool:
    """'Pressed ahead with a crackdown on independent media', 'followed another crackdown on
    websites': a crackdown named with its target took place, wherever the noun stands."""
    return any(entry.mode == "crackdown" for entry in entries) and bool(objects_of(phrase, {"on", "against"}))


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


def _going_ahead(verb: Token) -> bool:
    """'pressed ahead with', 'went on with', 'proceeded with': a verb of carrying on with an act."""
    particles = GOING_AHEAD.get(lemma_of(verb))
    if particles is None or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return not particles or any(c.lower_ in particles and c.dep_ in {"advmod", "prt"} for c in verb.children)
