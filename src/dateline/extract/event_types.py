"""Type rules: what a trigger's event is in PLOVER once its modality and actors are known.

Decided here:

* ``recoded``: a promise to cooperate is AGREE ("will provide aid"); a refusal REJECT ("did not
  agree to the plan"); a vow of hostility THREATEN ("vowed to retaliate"); an act stopped is
  another act ("stopped providing aid" SANCTION, "stopped shelling" RETREAT, "stopped protesting"
  CONCEDE); letting refugees in and evacuating others AID; forces sent for peacekeeping AID;
  calling off one's own protest CONCEDE; destroying property with no weapon named COERCE;
  expelling a member from a party SANCTION; withholding leave to go somewhere COERCE; military or
  financial support given AID; a missile launched at no target MOBILIZE; an attack in words ("hit
  her with ads", "his Twitter attacks", one named person attacking another) ACCUSE; an act
  already under way ("will continue working with") no promise; drills held by two or more states
  together COOPERATE; fighting alongside someone COOPERATE; not ruling out force THREATEN;
  pleading not guilty REJECT; a force authorized or supported AID; backing made of things supplied
  AID ("backed the army with weapons"); a state's forces expelled SANCTION; a mission sent to watch
  a vote COOPERATE; posts that are positions no words attacked; and the mode read from the object
  ("airstrikes": aerial);
* ``abducts`` / ``raids_settlements`` / ``complaint_of_state`` (asked once the actors' entities
  are known): people seized by an armed band ASSAULT (abduct), villages an armed band raids
  ASSAULT, a state's government protesting ACCUSE;
* ``threatens``: a future or hypothetical hostile act its own side announces, or makes
  conditional, is a THREATEN; not a protest called for a date (a scheduled PROTEST);
* ``civilians`` / ``as_protest``: civilians' blockades, occupations and street violence are PROTEST;
* ``private_act``: an agreement or backing by firms, academics or (agreeing) private people, or a
  backing or a cooperation with no party at all, is no political event;

The accusations spoken in quotes are ``event_quote_blame``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_broad_verbs import is_a_body
from dateline.extract.event_coercion import bans_a_party, forbids_hostility, restricts_commerce
from dateline.extract.event_expulsions import orders_foreign_forces_out
from dateline.extract.event_modality import conditioned_future, has_modal, in_condition, negated_here
from dateline.extract.event_naming import regrets_another_act
from dateline.extract.event_noun_triggers import FORCE_TYPES
from dateline.extract.event_parse import (
    complement_subjects,
    governor_of,
    is_people,
    lemma_of,
    objects_of,
    own_thing,
    subject_of,
    things_done_to,
)
from dateline.extract.event_speech_acts import refuses_to_be_told
from dateline.extract.event_trigger_table import Found
from dateline.extract.event_triggers import HOSTILE
from dateline.model import Entity, Event

# Cooperative actions whose announced intention PLOVER codes as AGREE (CAMEO 03 -> AGREE).
PROMISABLE = {"AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT", "SUPPORT"}
# Refusing these is a REJECT ("did not agree to", "would not release"; CAMEO 12 -> REJECT).
REFUSABLE = {"AGREE", "CONCEDE", "RETREAT", "COOPERATE"}
# Help, backing or talks a party says it will not give are refused too ("said it would not provide
# aid", "will not take part in the talks"; CAMEO 121x, 124x), but only as an announced refusal: a
# past "did not provide aid" reports no decision.
REFUSED_WHEN_ANNOUNCED = {"AID", "SUPPORT", "CONSULT"}
WILL_AUX = frozenset({"will", "would", "wo", "'ll"})
PROMISE_LEMMAS = {"vow", "pledge", "promise", "swear"}
# Hostile acts whose announcement by their own side is a threat (CAMEO 13 -> THREATEN).
THREATENED = {"ASSAULT", "COERCE", "SANCTION", "PROTEST"}
# "will continue working with": the act is already under way (see _carries_on).
CARRYING_ON = frozenset({"continue", "keep"})
# "is scheduled to meet", "is due to meet", "were expected to discuss", "his travels will include
# meeting": a timetable or an itinerary (see _scheduled).
SCHEDULING = frozenset({"schedule", "due", "slate", "expect", "include"})
READINESS = {"ready", "prepared", "poised", "determined"}
CIVILIAN_SECTORS = {"CVL", "OPP", "LAB", "EDU", "AGR", "HLH", "REF"}
RIOT_VERBS = {
    "storm", "clash", "riot", "ransack", "loot", "torch", "burn", "stone", "vandalize", "vandalise",
    "set",  # "set fire to government buildings"
}  # fmt: skip
# Destroying people's property is COERCE (mode destroy, CAMEO 1712) in the mapping the PLOVER
# gold-standard records were built with: these verbs with one of lexicon.PROPERTY_NOUNS as object, and
# no weapon named.
PROPERTY_DAMAGE_VERBS = {
    "destroy", "burn", "torch", "level", "flatten", "ransack", "vandalize", "vandalise", "damage",
}  # fmt: skip
WEAPON_MODES = {"aerial", "artillery", "explosives", "heavy-weapons"}
SHELTERED = {"refugee", "migrant", "asylum-seeker", "seeker", "displaced", "evacuee"}
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
# Agreeing and backing are everyday acts: political events only when a political actor does them
# (see private_act). Meetings and talks are left out: a sector test on them also dropped true
# meetings, whose political party the entity stage had given a private sector or none.
NEEDS_POLITICAL_ACTOR = {"AGREE", "SUPPORT"}
# Relations that are one between parties: with neither side named, a backing or a cooperation is
# an opinion or a generic statement ("efforts to support legitimacy", "to collaborate with a
# terrorist makes you one").
NEEDS_A_PARTY = frozenset({"SUPPORT", "COOPERATE"})
# Sectors that are never political actors: business and academia.
PRIVATE_SECTORS = {"BUS", "EDU"}
# Private people: political when they protest or rally, not when they agree or pledge.
PRIVATE_PEOPLE = {"CVL"}
# What a trade war hits back with ("retaliated with tariffs"): a sanction, not an assault.
ECONOMIC_WEAPONS = {"tariff", "sanction", "duty", "levy", "embargo", "countermeasure", "quota"}
# Support of these kinds is aid given, not a stance (see _material_support).
MATERIAL_KINDS = frozenset(
    {"military", "financial", "economic", "humanitarian", "logistical", "logistic", "material"}
)
# Verbs of taking that, said of people taken by an armed band, are a kidnapping (see abducts).
TAKING_VERBS = frozenset({"seize", "capture", "grab", "snatch"})
# Armed bands whose taking of people is a kidnapping, beside armed groups (sector REB).
OUTLAWS = frozenset(
    {"bandit", "kidnapper", "gunmen", "gunman", "pirate", "abductor", "assailant", "jihadist"}
)
# Where people live: an armed band raiding them attacks (see raids_settlements).
SETTLEMENTS = frozenset({"village", "town", "settlement", "community", "hamlet", "market"})
# A ship or a plane taken with those aboard is seized, not its crew kidnapped (see abducts).
VESSELS = frozenset({"ship", "vessel", "carrier", "tanker", "freighter", "boat", "aircraft", "plane", "jet"})
# Fighters taken in battle are captured, not kidnapped (see abducts).
COMBATANTS = frozenset(
    {"soldier", "troop", "fighter", "militant", "officer", "policeman", "suspect", "rebel"}
)
# Things a backer supplies ("supported the police with training"), with the mode of the aid.
SUPPLIED_THINGS = {
    "training": "military", "equipment": "military", "weapon": "military", "arm": "military",
    "ammunition": "military", "intelligence": "military", "fund": "economic", "funding": "economic",
    "money": "economic", "cash": "economic", "loan": "economic", "grant": "economic",
    "aid": "humanitarian", "food": "humanitarian", "supply": "humanitarian", "medicine": "humanitarian",
}  # fmt: skip
# "armed itself": no weapons given to anyone
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})
# Forces sent to do these for another party are aid ("sent troops to help Russia fight").
HELPING_VERBS = frozenset({"help", "assist", "support", "aid", "back", "bolster"})
# Launching a missile at no target is a test (see _launch_at_no_one).
LAUNCHING_VERBS = frozenset({"launch", "fire", "test-fire"})
MISSILES = frozenset({"missile", "icbm"})
TARGET_PREPS = {"at", "on", "against", "into", "toward", "towards", "over"}
# A sentence that tells of harm tells of a strike, not a test ("fired missiles, killing five").
HARM_WORDS = frozenset({
    "kill", "wound", "injure", "die", "dead", "death", "casualty", "damage", "destroy", "hit", "strike",
    "target", "victim", "attack",
})  # fmt: skip
# Why one is attacked in words ("attacked her for her remarks").
STANCE_WORDS = {
    "remark", "comment", "statement", "stance", "position", "policy", "decision", "handling", "view",
}  # fmt: skip
# Verbs and nouns of attack that political news also uses for words (see _attacks_in_words),
# what the words come in, and the media an attack in words is named by.
VERBAL_ATTACKS = frozenset({"attack", "hit", "fire", "hammer", "blast"})
WORDS_USED = frozenset({
    "ad", "advertisement", "commercial", "tweet", "word", "question", "insult", "speech", "letter",
    "op-ed", "editorial", "post", "message", "rhetoric", "jab", "barb", "broadside", "advert",
    "mailer", "criticism", "accusation", "allegation", "jibe", "gibe", "remark", "comment",
    "statement", "lawsuit", "complaint", "rebuke",
})  # fmt: skip
# Who keeps a post that is a position ("border posts", "an army post"), not something written.
GUARDED_POSTS = frozenset({
    "border", "frontier", "military", "army", "police", "security", "observation", "guard", "command",
    "checkpoint", "outpost",
})  # fmt: skip
WORD_MEDIA = frozenset({
    "twitter", "verbal", "rhetorical", "personal", "political", "partisan", "ad", "media", "tweet",
    "campaign", "written",
})  # fmt: skip
# Words of force or harm: with one in the sentence an attack between people is violence.
FORCE_WORDS = HARM_WORDS - {"attack", "hit", "strike", "target"} | {
    "gun", "knife", "shoot", "stab", "bomb", "punch", "beat", "weapon", "fire", "police", "arrest",
    "hospital", "injury", "assault", "gunman", "rifle", "pistol", "blade", "machete", "knock",
}  # fmt: skip
# Calling off or suspending one's own protest eases dissent: CONCEDE (CAMEO 082), not SANCTION.
PROTEST_NOUNS = {"strike", "protest", "demonstration", "boycott", "sit-in", "rally", "march", "walkout"}
# A foreign state's forces on one's soil: expelling them cuts a relation (SANCTION).
EXPELLED_FORCES = frozenset({"troop", "soldier", "force", "contingent", "garrison"})
# Bodies one is a member of: expelling someone from one ends a relation (SANCTION, like expelling an
# agency), where expelling from a country or territory is a deportation (COERCE).
MEMBERSHIP_BODIES = frozenset({
    "party", "organization", "organisation", "group", "alliance", "bloc", "union", "coalition",
    "movement", "league", "parliament", "assembly", "council", "committee", "federation", "body",
})  # fmt: skip
# Military drills: one state's, near a rival, are a show of force (MOBILIZE, CAMEO 150); held by
# two or more states together, military cooperation (CAMEO 062, COOPERATE; see _joint_drill).
DRILL_NOUNS = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "wargame", "war-game"})
# Who a drill is held with: states, allies and their forces, not what it uses ("with live fire").
DRILL_PARTNERS = frozenset({
    "country", "state", "nation", "ally", "partner", "neighbor", "neighbour", "navy", "army",
    "force", "military", "troop", "member",
})  # fmt: skip
# "NATO allies plan to hold their annual exercise": a subject that is several states by itself.
ALLIANCE_NOUNS = frozenset({"ally", "partner", "member"})
# Fighting beside someone is fighting with them (CAMEO 062), not against them (see _fights_beside).
FIGHTING_VERBS = frozenset({"fight", "battle"})
BESIDE_PREPS = frozenset({"alongside", "beside"})
OPPOSING_SIDES = frozenset({"other", "opposite", "opposing", "both", "enemy", "wrong"})
# Forces a council authorizes or a state supports: a mission sent to keep the peace or a force
# kept going, aid (CAMEO 074), not a concession or a stance (see _aids_a_force).
MISSION_NOUNS = frozenset({"force", "mission", "deployment", "peacekeeper", "contingent"})
# Who watches a vote or a truce for a body: deploying them is cooperation with the host, not forces.
OBSERVERS = frozenset({"observer", "monitor"})
OBSERVING = OBSERVERS | {"observation", "monitoring"}
# Acts whose not being ruled out is a threat of them (CAMEO 13): force and penalties.
FORCEFUL = FORCE_TYPES | {"SANCTION"}


class TriggerTokens:
    """Every trigger of a text, by token: what ``recoded`` asks of each event, looked up instead of
    read off the list of triggers for every event (which made long texts cost their square)."""

    def __init__(self, found: list[Found]) -> None:
        self.all = {f.token.i for f in found}
        self.requests = {f.token.i for f in found if f.entry.type == "REQUEST"}
        self.hostile = {f.token.i for f in found if f.entry.type in HOSTILE}
        self.forceful = {f.token.i for f in found if f.entry.type in FORCEFUL}


def recoded(
    item: Found, modality: str, actors: list[str], found: TriggerTokens, analysis: EntityAnalysis
) -> tuple[str, str | None, str]:
    """Type, mode and modality after PLOVER's rules for promises, refusals and vows.

    ``found``: every trigger of the text (a promise another trigger asks for is none; a vow is
    hostile by the trigger in its complement)."""
    event_type, mode = item.entry.type, item.entry.mode or _mode_from_object(item)
    asked_for = any(a.i in found.requests for a in item.token.ancestors)
    if event_type == "MOBILIZE" and _sends_observers(item.token):
        # "will deploy 80 observers", "an observer mission began deploying teams": the body watches
        # a vote or a truce with its host's consent, no show of force (and no promise: its plan)
        return "COOPERATE", None, modality
    if event_type == "MOBILIZE" and _joint_drill(item):
        return "COOPERATE", "military", modality  # "Dorvan and Marovia held joint naval drills"
    if event_type == "ASSAULT" and _fights_beside(item.token):
        return "COOPERATE", "military", modality  # "fought alongside government troops"
    if _rules_out_no_force(item, modality, found):
        return "THREATEN", None, "asserted"  # "has not ruled out using force": force held over someone
    if event_type == "REJECT" and modality == "negated" and refuses_to_be_told(item.token):
        return "REJECT", None, "asserted"  # "will not take lessons from anyone": the refusal stated
    if lemma_of(item.token) == "plead" and _pleads_innocent(item.token):
        return "REJECT", None, modality  # "pleaded not guilty": the charge rejected
    if event_type in {"CONCEDE", "SUPPORT"} and _aids_a_force(item.token):
        # "the Council authorized a larger force for Pellane", "would continue to support the new
        # force": a mission sent or kept going (CAMEO 074), not a concession or a stance
        return "AID", "peacekeeping", modality
    if (
        modality == "future"
        and event_type in PROMISABLE
        and actors
        and item.token == item.clause
        and not asked_for
        and not _carries_on(item.clause)
        and not (event_type == "CONSULT" and _scheduled(item.clause))
    ):
        # An actor's stated intention to cooperate is AGREE ("will provide aid"); the mode
        # keeps what was promised. What another party hopes or demands it will do is no promise.
        return "AGREE", event_type.lower(), modality
    if modality == "negated" and _will_not(item.clause) and forbids_hostility(item.token, found.hostile):
        return "THREATEN", None, "asserted"  # "we will not allow vandalism or attacks"
    if modality == "negated" and _keeps_out(item) and negated_here(item):
        return "COERCE", "restrict", "asserted"  # "does not allow aid agencies to go there"
    if modality == "negated" and event_type in REFUSABLE and negated_here(item):
        return "REJECT", event_type.lower(), "asserted"  # "did not agree to the plan"
    if (
        modality == "negated"
        and event_type in REFUSED_WHEN_ANNOUNCED
        and actors
        and negated_here(item)
        and _will_not(item.clause)
    ):
        return "REJECT", event_type.lower(), "asserted"  # "said it would not provide aid"
    if lemma_of(item.token) in PROMISE_LEMMAS and _promises_hostility(item, found):
        return "THREATEN", mode, modality  # "vowed to retaliate"
    stopped = _stopped_by(item.clause)
    if stopped is not None and stopped.i not in found.all and event_type in STOPPED_AS:
        # "stopped providing aid", "ceased cooperating": relations reduced (CAMEO 16x); "stopped
        # shelling the town" de-escalates (087); "stopped protesting" eases dissent (082).
        return *STOPPED_AS[event_type], modality
    if event_type in {"RETREAT", "CONCEDE"} and _lets_in_refugees(item):
        return "AID", "asylum", modality  # "opened its border to Syrian refugees" (CAMEO 075)
    if lemma_of(item.token) == "evacuate" and _evacuates_others(item.token, analysis):
        return "AID", "humanitarian", modality  # "evacuated wounded Palestinians", not "its staff"
    if event_type == "MOBILIZE" and _serves_peacekeeping(item.clause):
        return "AID", "peacekeeping", modality  # "sent soldiers to reinforce the peacekeeping force"
    if event_type == "MOBILIZE" and (_arms_others(item.token) or _sent_to_help(item.clause)):
        return "AID", "military", modality  # "armed clan militias", "sent troops to help Russia fight"
    if event_type == "RETREAT" and _leaves_a_body(item.token, analysis):
        # "withdrew from the WHO": relations cut (CAMEO 16x), no troops pulled back
        return "SANCTION", "withdraw", modality
    if event_type == "COERCE" and _expels_from_body(item.token):
        return "SANCTION", "expel", modality  # "the ruling party expelled him from the party"
    if (event_type == "COERCE" and _expels_foreign_forces(item.token)) or orders_foreign_forces_out(
        item.token
    ):
        return "SANCTION", "expel", modality  # "the junta expelled French troops", "ordered US troops out"
    if event_type == "SANCTION" and bans_a_party(
        item.dependent, lambda t: analysis.is_agent(t, lexicon.ACTOR_NOUNS)
    ):
        return "COERCE", "ban", modality  # "imposed a ban on the Oskel Herald": a party silenced
    if event_type == "COERCE" and mode == "restrict" and restricts_commerce(item.token, item.dependent):
        return "SANCTION", "economic", modality  # "imposed visa restrictions on 40 officials"
    if event_type == "SANCTION" and _object_in(item.token, PROTEST_NOUNS):
        return "CONCEDE", None, modality  # "the union called off the strike"
    if event_type == "ASSAULT" and _destroys_property(item.token, mode):
        return "COERCE", "destroy", modality  # "bulldozed homes", "burned crops"
    if event_type == "ASSAULT" and any(
        lemma_of(w) in ECONOMIC_WEAPONS for w in objects_of(item.token, {"with"})
    ):
        return "SANCTION", "economic", modality  # "retaliated with its own tariffs": a trade war, no violence
    kind = _material_support(item) if event_type == "SUPPORT" else None
    if kind is not None:
        return "AID", lemma_of(kind), modality  # "gives military support to its allies"
    supplied = _supported_with(item.token) if event_type == "SUPPORT" else None
    if supplied is not None:
        return "AID", supplied, modality  # "supports the police with training and equipment"
    if event_type == "ASSAULT" and _launch_at_no_one(item.token):
        return "MOBILIZE", "weapons", modality  # "preparing to launch a long-range missile": a show of force
    if event_type == "CONCEDE" and lemma_of(item.token) == "regret" and regrets_another_act(item.token):
        return "ACCUSE", "disapprove", modality  # "regretted the Dorvan decision": disapproval
    if event_type == "ASSAULT" and lemma_of(item.token) == "attack" and _blames_for(item.token):
        return "ACCUSE", None, modality  # "attacked the newspaper for refusing to back him": criticism
    if event_type == "ASSAULT" and _attacks_in_words(item, actors, analysis):
        return "ACCUSE", None, modality  # "hit her rival with ads", "attacking Ann Vale": words
    return event_type, mode, modality


def _joint_drill(item: Found) -> bool:
    """'Dorvan and Marovia hold their annual naval exercise', 'allies plan to hold drills', 'held
    the Oskel Joint Exercise with Marovia': a drill two or more states hold together is military
    cooperation; 'Dorvan held drills near the strait', one state's alone, stays a show of force."""
    drill = item.token
    if lemma_of(drill) not in DRILL_NOUNS:
        return False
    if any(c.lower_ == "joint" for c in drill.children):
        return True  # "joint" also inside a drill's name ("the Malabar Joint Exercise")
    partners = [*objects_of(drill, {"with"}), *objects_of(item.clause, {"with"})]
    if any(p.pos_ == "PROPN" or lemma_of(p) in DRILL_PARTNERS for p in partners):
        return True
    subject = subject_of(item.clause) if item.clause != drill else None
    if subject is None:
        return False
    if subject.tag_ in {"NNS", "NNPS"} and lemma_of(subject) in ALLIANCE_NOUNS:
        return True  # "NATO allies plan to hold their annual exercise"
    return subject.pos_ == "PROPN" and any(c.pos_ == "PROPN" for c in subject.conjuncts)


def _sends_observers(verb: Token) -> bool:
    """'Deploy about 80 observers', 'monitors were sent', 'the observer mission began deploying
    teams', 'deployed an election observation mission': who is sent are observers, or the sender
    is an observers' mission."""
    subject = subject_of(verb)
    sent = list(things_done_to(verb))
    senders = [subject, *[c for c in subject.children if c.dep_ in {"compound", "amod"}]] if subject else []
    # "deployed an election observation mission", "sent a monitoring mission": observers, by name
    missions = [
        c for t in sent if lemma_of(t) in MISSION_NOUNS for c in t.children if c.dep_ in {"compound", "amod"}
    ]
    if any(lemma_of(c) in OBSERVING for c in missions):
        return True
    return any(lemma_of(t) in OBSERVERS for t in sent) or (
        subject is not None
        and lemma_of(subject) in MISSION_NOUNS
        and any(lemma_of(t) in OBSERVERS for t in senders)
    )


def _fights_beside(verb: Token) -> bool:
    """'Fano fought alongside federal troops', 'whose troops fought on the federal side': the
    fighters are with that side (CAMEO 062), not against it; 'on the other side' says no ally."""
    if lemma_of(verb) not in FIGHTING_VERBS or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if objects_of(verb, set(BESIDE_PREPS)):
        return True
    sides = [s for s in objects_of(verb, {"on"}) if lemma_of(s) == "side"]
    return any(not any(lemma_of(c) in OPPOSING_SIDES for c in s.children) for s in sides)


def _rules_out_no_force(item: Found, modality: str, found: TriggerTokens) -> bool:
    """'Has not ruled out using force to take the island', 'did not rule out sanctions': force or
    a penalty kept open against someone is a threat of it (CAMEO 138, 1312); 'has not ruled out
    talks' offers no harm."""
    verb = item.token
    if lemma_of(verb) != "rule" or item.entry.with_ != "out" or modality != "negated":
        return False
    if not negated_here(item):
        return False
    return any(t.i in found.forceful for t in verb.subtree if t.i != verb.i)


def _pleads_innocent(verb: Token) -> bool:
    """'Pleaded not guilty', 'pleaded innocent': the prosecutors' charge rejected (CAMEO 12); a
    plea for help is a request, and 'pleaded guilty' rejects nothing."""
    pleas = [c for c in verb.children if lemma_of(c) in {"guilty", "innocent"}]
    if any(lemma_of(p) == "innocent" for p in pleas):
        return True
    return bool(pleas) and any(c.dep_ == "neg" for p in (verb, *pleas) for c in p.children)


def _aids_a_force(verb: Token) -> bool:
    """'Authorized a larger force for Pellane', 'will support the new mission', 'authorized the
    Gang Suppression Force' (a mission by its name): a force or a mission a body sends or keeps
    going (CAMEO 074); 'authorized force against the rebels', a use of force, and 'supports our
    forces' or 'the Armed Forces', a stance on one's own, aid no one."""
    if lemma_of(verb) not in {"authorize", "authorise", "support"} or verb.pos_ not in {"VERB", "AUX"}:
        return False
    missions = [t for t in things_done_to(verb) if lemma_of(t) in MISSION_NOUNS and t.tag_ in {"NN", "NNP"}]
    return any(not own_thing(t) and not objects_of(t, {"against"}) for t in missions)


def _attacks_in_words(item: Found, actors: list[str], analysis: EntityAnalysis) -> bool:
    """'Hit her rival with attack ads', 'fired back at his remarks', 'his Twitter attacks', 'Ann
    Vale began attacking Tomas Brell': words against someone, which political news calls attacks.
    A named person attacking another named person, with no weapon or harm in the sentence, is a
    politician's criticism: violence between two people is told with its weapon or its wound
    ('stabbed', 'shot', 'was wounded'), and a state or an armed group attacks with force."""
    token = item.token
    lemma = lemma_of(token)
    if lemma not in VERBAL_ATTACKS:
        return False
    aimed = objects_of(token, {"with", "at", "over", "on"})
    if any(lemma_of(t) in STANCE_WORDS | WORDS_USED and not _manned_post(t) for t in aimed):
        return True  # "hit him with ads", "fired back at her comments"
    if token.pos_ == "NOUN" and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in WORD_MEDIA for c in token.children
    ):
        return True  # "Twitter attacks", "personal attacks"
    if not actors:
        return False
    if lemma == "attack" and token.pos_ in {"VERB", "AUX"}:
        targets = things_done_to(token)
    elif lemma == "attack":  # "Vale's attacks on Veld"
        targets = [t for t in objects_of(token, {"on"}) if t.ent_type_ not in {"DATE", "TIME"}]
    elif any(c.lower_ == "back" and c.dep_ in {"advmod", "prt"} for c in token.children):
        targets = objects_of(token, {"at"})  # "Veld fired back at Vale": answering blow for blow
    else:
        return False
    if not targets or not all(t.lower_ in {"him", "her"} or _named_person(t, analysis) for t in targets):
        return False
    # an actor the arguments added ("Somali agents") is a group, never one named person
    persons = {e.id for e in analysis.entities if e.type == "PERSON"}
    return all(a in persons for a in actors) and not any(
        lemma_of(t) in FORCE_WORDS for t in token.sent if t.i != token.i
    )


def _manned_post(noun: Token) -> bool:
    """'Attacks on border posts', 'an attack on a police post': a post held by guards, not one
    written online."""
    return lemma_of(noun) == "post" and any(
        c.dep_ in {"compound", "amod"} and lemma_of(c) in GUARDED_POSTS for c in noun.children
    )


def _named_person(token: Token, analysis: EntityAnalysis) -> bool:
    found = analysis.mention_at(token.i)
    return found is not None and found[1].type == "PERSON"


def _keeps_out(item: Found) -> bool:
    """'The army does not allow aid agencies to go to these areas', 'did not permit reporters to
    enter': withholding a permission from someone to go or act restricts them (COERCE), where
    'will not allow violent disturbances' refuses a thing (REJECT)."""
    verb = item.token
    return (
        lemma_of(verb) in {"allow", "permit"}
        and verb.pos_ in {"VERB", "AUX"}
        and bool(complement_subjects(verb) or [c for c in verb.children if c.dep_ == "dobj"])
        and any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)
    )


def _carries_on(clause: Token) -> bool:
    """'will continue working with the police', 'will keep providing aid': an act already under
    way goes on; no new commitment is announced, so it keeps its own type."""
    governor = governor_of(clause)
    return governor is not None and lemma_of(governor) in CARRYING_ON


def _scheduled(clause: Token) -> bool:
    """'The council is scheduled to meet Thursday', 'the leaders were expected to discuss trade',
    'his travels will include meeting Ruto': a meeting set down in a timetable or an itinerary, or
    one others expect, is no one's stated intention to meet (AGREE, CAMEO 036); it stays a future
    meeting."""
    governor = governor_of(clause)
    return governor is not None and lemma_of(governor) in SCHEDULING


def _material_support(item: Found) -> Token | None:
    """The word that makes a support noun material aid: 'gives military support to its allies',
    'provided financial backing' (CAMEO 07, provide aid), not a stance ('political support',
    'voiced support')."""
    nouns = [
        t for t in (item.token, item.dependent) if t is not None and lemma_of(t) in {"support", "backing"}
    ]
    kinds = (c for n in nouns if n.pos_ == "NOUN" for c in n.children if c.dep_ in {"amod", "compound"})
    return next((c for c in kinds if lemma_of(c) in MATERIAL_KINDS), None)


def _supported_with(verb: Token) -> str | None:
    """'Will continue to support the police with training and equipment', 'backed the army with
    weapons': what the backing is made of is handed over, aid given (CAMEO 07); the mode of the
    first such thing. 'Supported the bill with her vote' gives nothing."""
    if verb.pos_ != "VERB":
        return None
    things = [t for head in objects_of(verb, {"with"}) for t in (head, *head.conjuncts)]
    return next((SUPPLIED_THINGS[lemma_of(t)] for t in things if lemma_of(t) in SUPPLIED_THINGS), None)


def abducts(verb: Token, actors: list[Entity], analysis: EntityAnalysis) -> bool:
    """'Gunmen seized 14 bus passengers', 'the hostages were seized by kidnappers': people taken
    by an armed group or by outlaws are abducted (PLOVER ASSAULT, abduct); the same verb of a
    state's police or army ('police seized two suspects') is an arrest (COERCE), and fighters or
    soldiers taken in battle, or a ship with its crew, are captured, not kidnapped."""
    if lemma_of(verb) not in TAKING_VERBS or not _armed_band(actors):
        return False
    taken = things_done_to(verb)
    return bool(taken) and all(
        is_people(t, analysis)
        and lemma_of(t) not in COMBATANTS
        and not any(lemma_of(w) in VESSELS for w in t.subtree)  # "the car carrier Galaxy Leader"
        for t in taken
    )


def raids_settlements(verb: Token, actors: list[Entity]) -> bool:
    """'Gunmen raided two villages', 'the militia raided the town': an armed band falling on
    where people live is an armed attack (PLOVER ASSAULT); a state's raid ('police raided the
    offices'), or a band's on offices or a compound, is a search or a seizure (COERCE)."""
    if lemma_of(verb) != "raid" or verb.pos_ != "VERB" or not _armed_band(actors):
        return False
    return any(lemma_of(t) in SETTLEMENTS for t in things_done_to(verb))


def complaint_of_state(token: Token, actors: list[Entity]) -> bool:
    """'Marovia's foreign ministry protested the arrest', 'Dorvan protested the detention of its
    sailors': a state protesting through its government lodges a complaint against another party
    (ACCUSE, CAMEO 11), it does not take to the streets (PROTEST is dissent by the governed)."""
    return (
        lemma_of(token) == "protest"
        and token.pos_ == "VERB"  # "the city erupted in protests": its people took to the streets
        and bool(actors)
        and all(a.type == "GPE" or a.sector == "GOV" for a in actors)
    )


def _armed_band(actors: list[Entity]) -> bool:
    """Every actor an armed group (sector REB) or outlaws named by their trade ('gunmen')."""
    return bool(actors) and all(
        a.sector == "REB" or a.name.lower().split()[-1].rstrip("s") in OUTLAWS for a in actors
    )


def _launch_at_no_one(verb: Token) -> bool:
    """'Pyongyang is preparing to launch a long-range missile', 'launching an ICBM': a missile
    launched at no target is a test or a show of force (PLOVER MOBILIZE, weapons), as a launch
    into the sea is; 'launched missiles at Kyiv', 'on the port' or 'overnight, killing five'
    strikes someone. Rockets are
    left alone: in news, a rocket launched is mostly fired at someone."""
    if lemma_of(verb) not in LAUNCHING_VERBS or verb.pos_ not in {"VERB", "AUX"}:
        return False
    missiles = [t for t in things_done_to(verb) if lemma_of(t) in MISSILES]
    targets = objects_of(verb, TARGET_PREPS) + [g for m in missiles for g in objects_of(m, TARGET_PREPS)]
    if any(t.ent_type_ not in {"DATE", "TIME"} for t in targets):  # "on Tuesday" is no target
        return False
    return bool(missiles) and not any(lemma_of(t) in HARM_WORDS for t in verb.sent)


def _expels_from_body(verb: Token) -> bool:
    """'expelled the veteran from the party', 'was expelled from the alliance': a member cast out."""
    return lemma_of(verb) == "expel" and any(
        lemma_of(t) in MEMBERSHIP_BODIES for t in objects_of(verb, {"from"})
    )


def _expels_foreign_forces(verb: Token) -> bool:
    """'The junta expelled French troops', 'ordered the soldiers expelled from the country': a
    state sends another's garrison home, a relation cut like expelling peacekeepers (CAMEO 1663).
    Forces driven 'from the town' or 'from their positions' are beaten in a fight, no relation
    cut."""
    if lemma_of(verb) != "expel" or not any(lemma_of(t) in EXPELLED_FORCES for t in things_done_to(verb)):
        return False
    return all(lemma_of(t) in {"country", "territory", "soil"} for t in objects_of(verb, {"from"}))


def _leaves_a_body(token: Token, analysis: EntityAnalysis) -> bool:
    """'Withdrew from the WHO', 'completed its withdrawal from the alliance': leaving an
    intergovernmental body or a treaty (event_broad_verbs.is_a_body)."""
    return lemma_of(token) in {"withdraw", "withdrawal"} and any(
        is_a_body(t, analysis) for t in objects_of(token, {"from"})
    )


def _blames_for(verb: Token) -> bool:
    """'attacked the paper for refusing', 'attacked the senator for her remarks': words against
    someone, given a reason; 'attacked the convoy for hours' is violence."""
    reasons = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
    return any((g.dep_ == "pcomp" and g.tag_ == "VBG") or lemma_of(g) in STANCE_WORDS for g in reasons)


def threatens(
    item: Found,
    event_type: str,
    actors: list[str],
    speaker_id: str | None,
    modality: str,
    entity: Callable[[str], Entity],
) -> bool:
    """A hostile act its own side announces, or makes conditional, is a threat (PLOVER THREATEN).

    'Moscow said it would expel the ambassador', 'the union will strike unless ...', 'the EU is
    ready to impose sanctions'. An outsider's forecast ('analysts said Israel would attack') and
    an unconditional, unattributed future ('troops will attack at dawn') stay what they are.
    ``speaker_id``: the entity of the quote the trigger lies in; ``entity``: id -> entity.
    """
    if event_type not in THREATENED or not actors:
        return False
    governor = governor_of(item.clause)
    # "would consider boycotting the vote unless ...": a condition on the governing verb binds the act
    held = governor if governor is not None and in_condition(governor, own=True) else None
    ready = governor is not None and lemma_of(governor) in READINESS
    conditional = in_condition(item.clause, own=True) or held is not None or ready
    held_modal = held is not None and has_modal(held)
    speaker = entity(speaker_id) if speaker_id is not None else None
    if speaker is None:
        return conditional
    actor_codes = {entity(a).code for a in actors} - {None}
    # not 'sought to destroy'; nor 'his arrest could be unconstitutional', where the modal judges
    # an act already done
    announced = (
        modality == "future" or has_modal(item.clause) or conditioned_future(item.clause) or held_modal
    ) and not _judged_act(item)
    own_side = speaker.id in actors or speaker.code in actor_codes or _speakers_own(item.clause)
    if event_type == "PROTEST" and not conditional and _dated(item.clause):
        # a strike or a march called for a date is the protest, scheduled (future PROTEST); one
        # with no date ("would stage protests") or bound to a demand ("unless ...") threatens
        return False
    if announced and own_side:
        return True
    return conditional and (speaker.code is None or not actor_codes)


def _dated(clause: Token) -> bool:
    """'Will hold a general strike on May 3', 'will march next week': the clause names its day."""
    return any(t.ent_type_ == "DATE" for t in clause.subtree)


def _will_not(clause: Token) -> bool:
    """'will not provide', 'would not take part', 'won't back': a refusal stated for the future;
    not 'would not have helped' (a judgement of the past) nor one under a condition ('if it
    would not pay, ...')."""
    helpers = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    return bool(helpers & WILL_AUX) and "have" not in helpers and not in_condition(clause)


def _judged_act(item: Found) -> bool:
    """'the arrest could be illegal', 'the raid would be a crime': the act is the subject of a
    judgement (a copula), and the clause's modal belongs to the judgement, not to the act."""
    token = item.token
    return token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "nsubj" and lemma_of(token.head) == "be"


def civilians(actors: list[Entity]) -> bool:
    """Actors who are all civilians, opposition, workers, students, farmers, health workers,
    refugees or NGOs (see as_protest)."""
    # An NGO acting by itself ("Greenpeace occupied an oil platform") is civil society too.
    return bool(actors) and all(e.sector in CIVILIAN_SECTORS or e.code == "NGO" for e in actors)


def private_act(event: Event, actors: list[Entity]) -> bool:
    """An agreement or a backing that is no political event: done by private actors only, or a
    backing with no party at all.

    Firms and academics are no political actors ('the company pledged to go carbon neutral', 'the
    university welcomed the grant'); private people are none when they agree, pledge or offer
    ('residents agreed with the plan'), though their public support may be one ('supporters
    rallied behind the president'). Backing or cooperating with no party named is an opinion
    ('efforts to support legitimacy', 'to collaborate is a crime'). Other events with no actor
    found are left as they are."""
    if event.type in NEEDS_A_PARTY and not event.actors and not event.recipients:
        return True
    if event.type not in NEEDS_POLITICAL_ACTOR or not actors:
        return False
    private = PRIVATE_SECTORS | (PRIVATE_PEOPLE if event.type == "AGREE" else set())
    return all(a.sector in private for a in actors)


def as_protest(item: Found, event_type: str, mode: str | None) -> tuple[str, str | None]:
    """What civilians' blockades, occupations and street violence are in PLOVER: protest.
    'Protesters closed the crossing' obstructs, 'students occupied the rectorate' too, 'protesters
    stormed parliament' riots; 'villagers killed two soldiers' stays an assault."""
    if event_type == "COERCE" and mode in {"restrict", "seize", "confiscate"}:
        return "PROTEST", "obstruct"
    if (event_type == "ASSAULT" or mode == "destroy") and lemma_of(item.token) in RIOT_VERBS:
        return "PROTEST", "riot"
    return event_type, mode


def _promises_hostility(item: Found, found: TriggerTokens) -> bool:
    complements = {c.i for c in item.token.children if c.dep_ in {"xcomp", "ccomp"}}
    return not complements.isdisjoint(found.hostile)


def _lets_in_refugees(item: Found) -> bool:
    """'opened its border to refugees', 'allowed the refugees to enter': shelter, not access."""
    let_in = [*things_done_to(item.token), *objects_of(item.token, {"to", "for"})]
    let_in += complement_subjects(item.token)  # "allowed the refugees to enter"
    return item.entry.mode in {"access", None} and any(lemma_of(t) in SHELTERED for t in let_in)


def _evacuates_others(verb: Token, analysis: EntityAnalysis) -> bool:
    things = things_done_to(verb)
    return any(is_people(t, analysis) for t in things) and not any(own_thing(t) for t in things)


def _stopped_by(clause: Token) -> Token | None:
    """The verb of stopping this clause is the complement of ('halted providing aid')."""
    governor = governor_of(clause)
    if governor is not None and clause.dep_ == "xcomp" and lemma_of(governor) in STOPPING_VERBS:
        return governor
    return None


def _arms_others(verb: Token) -> bool:
    """'The government armed clan militias', 'arming the opposition': weapons given to another
    party are military aid (CAMEO 072); a state arming itself builds up its own forces."""
    return (
        lemma_of(verb) == "arm"
        and verb.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "dobj" and c.lower_ not in REFLEXIVES and not own_thing(c) for c in verb.children)
    )


def _sent_to_help(clause: Token) -> bool:
    """'Sent thousands of troops to help Russia fight', 'deployed forces to support the
    government': forces sent to help another party are military aid, not a show of force."""
    return any(
        c.dep_ in {"xcomp", "advcl"}
        and lemma_of(c) in HELPING_VERBS
        and any(a.lower_ == "to" for a in c.children)
        and any(g.dep_ in {"dobj", "nsubj", "ccomp", "xcomp"} for g in c.children)
        for c in clause.children
    )


def _serves_peacekeeping(clause: Token) -> bool:
    """Forces sent for peacekeeping are aid (CAMEO 074), not a show of force."""
    return any(lemma_of(t) in {"peacekeeping", "peacekeeper", "peacekeep"} for t in clause.subtree)


def _destroys_property(verb: Token, mode: str | None) -> bool:
    """'bulldozed homes', 'torched crops', 'homes were burned': damage to people's property with
    no weapon named (an air strike that destroys a house stays an ASSAULT)."""
    return (
        lemma_of(verb) in PROPERTY_DAMAGE_VERBS
        and mode not in WEAPON_MODES
        and _object_in(verb, lexicon.PROPERTY_NOUNS)
    )


def _object_in(verb: Token, lemmas: Collection[str]) -> bool:
    """Whether the verb's object, or its passive subject, or one of their conjuncts, is one of these."""
    return any(lemma_of(t) in lemmas for t in things_done_to(verb))


def _speakers_own(clause: Token) -> bool:
    """'said his army would launch an offensive', 'we will strike back': the speaker's own side."""
    subject = subject_of(clause)
    if subject is None:
        return False
    return subject.lower_ in {"we", "i"} or own_thing(subject)


def _mode_from_object(item: Found) -> str | None:
    words = {lemma_of(t) for t in item.token.subtree}
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
