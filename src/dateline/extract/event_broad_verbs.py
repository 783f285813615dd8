"""Whether a broad verb's bare trigger row names a political act here.

Real news uses "release", "provide", "deliver", "help", "lift", "capture", "suspend", "allow",
"threaten", "warn" for everything: "released a statement", "the polls provided little clarity",
"delivered a speech", "lifted a sign", "captured the nomination", "suspended his campaign",
"technology threatens to change the industry". Decided here: which object or subject each needs for
its political sense (``broad_verb_holds``), with the word lists that say so, and the tests of who a
word stands for that it uses (a political actor, an intergovernmental body; a person or group is
``event_parse.is_people``).
Agreeing, backing and talking verbs need someone, not a text or a scheme, to act ("the Constitution
guarantees"); whether they have their political sense, not the everyday one, is
``event_cooperative_senses``'s question. Whether a verb of force or harm (strike, hit, beat, kill,
burn, mass, clash, reinforce, execute, defend a site) is an act of force is
``event_force_senses``'s. Nor is "captured the state by 74,000 votes" a capture or "conceded the
plan had failed" a concession.
A state leaves a body or a compact ("left the bloc", "quit the treaty"), not a country or a meeting;
a party cuts back its operations or its forces ("scaled back operations"), not its ambitions.
Nor is a warning of a danger a threat ("warned of a possible resurgence"), nor one of what a thing
may bring about ("warned that quota cuts could force layoffs", ``event_forecasts``), or
demonstrating one's strength a protest; nor rallying one's supporters a protest. Nor is charging a
fee or a phone, or charging down a field, an accusation, nor blame laid on the weather.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.attributions import DOCUMENT_NOUNS
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_cooperative_senses import (
    HOSTED_SHOWS,
    SIGNED_ORDERS,
    SIGNED_STATEMENTS,
    cooperative_sense,
)
from dateline.extract.event_demands import STATE_NOUNS
from dateline.extract.event_force_senses import (
    ARMED_NOUNS,
    CAPTURED_THINGS,
    DISPUTED_POSSESSIONS,
    animals_only,
    beats_a_thing,
    burns_with_no_attacker,
    crowd_gathers,
    dispute_over_a_topic,
    executes_people,
    fights_in_general,
    figurative_strike,
    guards_a_site,
    reinforces_forces,
    wins_a_contest,
)
from dateline.extract.event_forecasts import forecasts_a_thing
from dateline.extract.event_parse import (
    CAPTIVE_NOUNS,
    NOUN_SUBJECTS,
    by_agent,
    complement_subjects,
    is_people,
    is_person,
    lemma_of,
    objects_of,
    passive_clause,
    subject_of,
    things_done_to,
    verb_keys,
    who_acts,
)
from dateline.extract.event_trigger_table import triggers
from dateline.extract.lexicon import ACTOR_NOUNS, AID_GOODS, NON_GIFTS

# Broad verbs and what their bare rows need to be a political act (see broad_verb_holds).
BROAD_VERB_OBJECTS = {
    "release": CAPTIVE_NOUNS,
    "lift": {"ban", "restriction", "limit", "control", "measure", "curb", "freeze", "moratorium", "emergency", "order"},
    "capture": CAPTURED_THINGS,
    "grab": {"land", "territory", "town", "city", "village", "property", "asset"},
    "crush": {"protest", "uprising", "revolt", "rebellion", "dissent", "opposition", "demonstration",
              "unrest", "insurgency", "rebel", "protester", "strike", "coup", "mutiny"},
    # "eased restrictions" concedes; "as tension eased", "prices eased" is no one's act
    "ease": {"restriction", "rule", "curb", "control", "limit", "ban", "requirement", "regulation",
             "measure", "lockdown", "condition", "demand", "stance", "position", "tariff", "quota", "policy"},
}  # fmt: skip
# Taking a place back is taken as taking it ("recaptured the town", "regained several towns"); not
# "regained the lead" or "retook the Senate".
BROAD_VERB_OBJECTS |= {lemma: BROAD_VERB_OBJECTS["capture"] for lemma in ("recapture", "retake", "regain")}
# What else is suspended, which is no political act ("suspended his campaign").
NOT_SANCTIONED = {
    "campaign", "account", "season", "game", "match", "player", "show", "sentence", "license", "licence",
    "competition", "league", "tournament", "championship",  # "the rugby competition was suspended"
}  # fmt: skip
# Services and works that stop for the weather, for safety or for lack of money ("ferry services
# were suspended", "road projects were suspended", "deliveries had been suspended pending a
# review"): said in the passive with no one named as stopping them, they tell a halt, and no party
# punishes another. "Marovia suspended flights to Dorvan" names the party and stays a sanction.
ROUTINE_SERVICES = frozenset(
    {"service", "ferry", "flight", "project", "delivery", "class", "school", "production", "traffic",
     "train", "construction", "shipping"}
)  # fmt: skip
# "Pressed ahead with the canal", "pressing on with reforms": carrying on with one's own plan.
GOING_ON = frozenset({"ahead", "on", "forward"})
# What a champion defends: a contest's prize, no party backed ("will defend its title").
PRIZES = frozenset({"title", "crown", "championship", "belt", "trophy", "medal"})
# A warning is a threat only of what will or may come ("warned that it would close the strait");
# "warned that it was running out of money" tells a state of things.
TO_COME = frozenset({"will", "would", "could", "might", "may", "shall", "'ll", "wo", "can", "'d"})
# people or places, not "a statement"
PEOPLE_TAKING_VERBS = {"release", "capture", "grab", "recapture", "retake", "regain"}
GIVING_VERBS = {"help", "provide", "donate"}
AID_RECEIVERS = {"victim", "survivor", "refugee", "civilian", "family", "resident", "population", "villager"}
ADMITTED_FAILINGS = {"defeat", "mistake", "error", "wrongdoing", "guilt", "responsibility", "failure"}
# "a coast guard law that authorizes firing", "an update legalizing interception": a text permits,
# but only a government or a body grants anything.
ACTOR_ONLY_VERBS = {"allow", "permit", "threaten", "fight", "authorize", "authorise", "legalize", "legalise"}
# Forces overrun a base or a town ("militants overran it"); costs overrun, and no one is coerced.
ACTOR_ONLY_VERBS |= {"overrun"}
# Verbs of fighting that take an abstraction as well as a foe ("fight corruption", "attack the problem").
FIGHT_VERBS = frozenset({"fight", "battle", "combat", "attack", "tackle"})
CONDITION_MARKS = {"because", "since", "if", "when", "as", "once"}
# Verbs of allotting and lending, which give aid only when what is given is money or goods: a state
# party "awards its delegates", a candidate "lent his support", a fact is "taken for granted".
MONEY_AWARDING = frozenset({"grant", "award", "allocate", "earmark", "lend", "loan"})
LENDING_VERBS = frozenset({"lend", "loan"})
# What is awarded, granted or lent in politics that is no aid: delegates and votes in a primary,
# a rating, one's backing, one's name or a hearing, a legal standing, an honour.
NOT_AID_AWARDED = frozenset({
    "delegate", "vote", "seat", "point", "pinocchio", "support", "ear", "voice", "platform",
    "credibility", "credence", "weight", "name", "say", "hearing", "immunity", "prize", "medal",
    "honor", "honour", "title", "degree", "contract", "advice",
})  # fmt: skip
# What is handed over when one shares knowledge, which helps no one materially ("provided the
# committee with copies of the emails", "provided access at no cost").
INFORMATION_GIVEN = frozenset({
    "report", "copy", "document", "record", "email", "e-mail", "file", "evidence", "access",
    "advice", "insight", "detail",
})  # fmt: skip
# What one helps someone do when the help is a hand in an outcome, not material aid: founding a
# group, electing a candidate, drafting a text, shaping a race, making someone something, seeing a
# fact ("who helped found the group", "voters who helped elect him", "helped draft a report",
# "helped officials realize"). Helping a party pay, rebuild or fight is aid.
OUTCOMES_HELPED = frozenset({
    "found", "establish", "create", "launch", "start", "elect", "reelect", "re-elect", "nominate",
    "draft", "write", "author", "shape", "make", "bring", "legitimize", "legitimise", "popularize",
    "realize", "realise", "understand", "see", "learn", "undo", "generate", "engineer",
    "orchestrate", "formulate", "overcome", "blanket", "win", "explain", "mold", "sell", "spread",
})  # fmt: skip
# A standing one is granted, not aid given ("was granted permanent residency").
STATUS_NOUNS = {
    "status", "residency", "residence", "citizenship", "nationality", "visa", "permit", "license", "licence",
    "bail", "parole", "exemption", "waiver", "passport",
}  # fmt: skip
# "warned of dire consequences": a warning with no act in it threatens only with these.
CONSEQUENCE_NOUNS = {"consequence", "retaliation", "response", "reprisal", "action", "measure", "force"}
# Where one rushes when one "charges" ("charged down the field", "charged into the crowd").
RUSHED_TO = {"down", "up", "into", "toward", "towards", "across", "through", "forward", "ahead", "onto", "at"}
# Onlookers who comment on politics and act in none of it (see _warns_of_something).
COMMENTATORS = frozenset(
    {"analyst", "economist", "expert", "observer", "commentator", "critic", "speaker", "scholar",
     "researcher", "scientist", "pundit", "forecaster", "strategist"}
)  # fmt: skip
WARNED_OF = {"of", "against", "about"}  # "warned of consequences", "warned against an attack"


# Types whose act needs someone to do it: a law, a plan or a deal agrees, supports or talks with
# no one ("the Constitution guarantees the right", "an agreement supporting refugees' return").
DONE_BY_SOMEONE = frozenset({"AGREE", "SUPPORT", "CONSULT"})
# Texts, schemes and media, which never act themselves: they are what someone agreed, wrote or
# filmed ("the Constitution guarantees", "a deal supporting returns", "video clips praising China").
INSTRUMENT_NOUNS = frozenset(
    {
        "constitution", "law", "charter", "treaty", "accord", "agreement", "deal", "pact", "plan",
        "bill", "act", "resolution", "proposal", "policy", "rule", "programme", "program", "initiative",
        "update", "video", "clip", "film", "footage", "series", "book", "song", "article", "show",
    }
    | DOCUMENT_NOUNS
)  # fmt: skip


# What an election is won by ("by 74,000 votes", "by ten points").
ELECTION_MARGINS = frozenset({"vote", "point", "margin", "percent", "delegate", "seat"})


# Lists that name whom a state punishes: putting a party on one sanctions it ("added 20 firms to its
# entity list", "placed 500 vessels on its sanctions list"); not "added her name to the list of
# speakers". A list counts when it is a blacklist, when a word before it says what kind
# ("sanctions list", "unreliable entity list", "terrorist list"), or when it says what it does to
# those on it ("a list that bars them from buying chips").
LISTING_VERBS = frozenset({"add", "place", "put"})
BLACKLISTS = frozenset({"blacklist", "watchlist", "watch-list"})
SANCTION_LIST_KINDS = frozenset({
    "sanction", "sanctions", "entity", "terror", "terrorist", "terrorism", "black", "watch",
    "unreliable", "export", "denial",
})  # fmt: skip
LIST_EFFECTS = frozenset({"bar", "ban", "restrict", "prohibit", "block", "forbid", "sanction"})
# A designation that sanctions: as a terrorist group or a state sponsor of terrorism ("designated
# the gang a foreign terrorist organization"); not "designated a successor", "a designated area".
TERROR_WORDS = frozenset({"terrorist", "terror", "terrorism"})
# Other labels a state designates a group or a state with to punish it: "designated Meta an
# extremist organization", "an undesirable organization", "a country of particular concern"
# (the last only with "particular": see _designation_sanctions).
DESIGNATION_WORDS = TERROR_WORDS | {"extremist", "extremism", "undesirable"}
# Whom an army "neutralizes" or "eliminates": fighters, not a threat, a tariff or a rival's
# argument ("neutralized a dozen assailants", "dozens of terrorists were eliminated").
NEUTRALIZED = frozenset({
    "assailant", "attacker", "terrorist", "militant", "gunman", "insurgent", "jihadist", "rebel",
    "fighter", "bandit", "kidnapper", "extremist", "combatant", "infiltrator",
})  # fmt: skip
NEUTRALIZING_VERBS = frozenset({"neutralize", "neutralise", "eliminate"})  # not "eliminated tariffs"
# Removing a leader from office ends their tenure against their will (SANCTION, as an
# impeachment does): "Congress removed the president", "his predecessor was removed", "removed
# from office"; not "removed the bullets", "remove obstacles to aid", "removed most of them".
OFFICES = frozenset({"office", "power", "post", "presidency", "premiership"})
OFFICE_HOLDERS = frozenset({
    "president", "predecessor", "leader", "minister", "premier", "governor", "mayor", "chancellor",
    "speaker", "prosecutor", "chairman", "chairwoman", "chair",
})  # fmt: skip
# Bodies and compacts one leaves ("withdrew from the alliance", "quit the treaty"): leaving one
# reduces relations (SANCTION, CAMEO 16x), where "quit the race" or "quit his job" is no political
# act. A named body counts when the actor lexicon knows it as intergovernmental ("quit ECOWAS").
LEFT_BODIES = frozenset({
    "alliance", "bloc", "organization", "organisation", "treaty", "accord", "agreement", "pact",
    "convention", "coalition",
})  # fmt: skip
LEAVING_VERBS = frozenset({"quit", "leave"})
# What one quits or exits as a state: a named intergovernmental body or a treaty. Not "quit the
# coalition" or "exit the deal", which politicians at home do too. One "leaves the convention"
# of one's party, where one quits a convention only as a treaty.
COMPACTS = frozenset({"treaty", "convention", "pact", "alliance"})
LEFT_COMPACTS = {"quit": COMPACTS, "leave": COMPACTS - {"convention"}}
# Who leaves a body as a state: a country or its government ("Marovia left the bloc", "the junta
# quit the organization"); a person "left the organization" for another job.
STATE_WORDS = frozenset({"country", "nation", "state", "government", "junta", "regime", "administration"})
# What "leave" has when it leaves a thing in a state, not a place or a body: "leaving the
# agreement unable to open", "left the convention open", "left the pact in tatters".
LEFT_IN_A_STATE = frozenset({"oprd", "ccomp", "xcomp", "acomp", "advcl"})


# Verbs whose rows are all senses judged here or need their object ("left the bloc", "scaled back
# operations", "terminated the accord"): a demand that someone "leave the race", "draw together"
# or "be terminated" asks for no act of theirs unless the sense holds (see event_triggers: the
# clause a demand names).
SENSE_ONLY_VERBS = frozenset({"leave", "scale", "wind", "draw", "curtail", "terminate"})
# Verbs that cut what a party has somewhere, with the particle they need for it ("scaled back",
# "wound down", "drew down"; "curtailed" needs none); see reduces_a_presence. "Reduce" is left
# out: measured, a reduced presence cost a counted event on held-out wire copy.
REDUCING_VERBS: dict[str, frozenset[str]] = {
    "scale": frozenset({"back", "down"}),
    "wind": frozenset({"down"}),
    "draw": frozenset({"down"}),
    "curtail": frozenset(),
}
# The forces, missions and operations a party keeps somewhere, whose cutting gives ground.
PRESENCE_NOUNS = frozenset({
    "operation", "presence", "mission", "deployment", "troop", "force", "contingent", "garrison",
    "footprint", "peacekeeper", "soldier", "patrol",
})  # fmt: skip
# "drew down the number of troops", "scaled back the size of its force": the count is of what is cut.
COUNT_NOUNS = frozenset({"number", "size", "strength", "level"})


# What a source declines to give when it declines to comment: no refusal of a political act.
UNSAID = frozenset({
    "comment", "elaborate", "respond", "reply", "say", "specify", "discuss", "answer", "speculate",
    "disclose", "reveal", "confirm", "detail", "explain", "identify", "name", "predict", "estimate",
})  # fmt: skip


# Those one rallies to one's cause, which campaigns ("rallied supporters", "rally young voters",
# "rallied its base"): a crowd that rallies, or one rallied against something, protests.
RALLIED_CROWDS = frozenset({"thousand", "hundred", "dozen", "million", "crowd", "ten"})


def _designation_sanctions(verb: Token) -> bool:
    """'Designated the gang a foreign terrorist organization', 'which Dorvan has designated an
    extremist organization', 'designated Marovia a country of particular concern': a label that
    punishes; 'designated a successor' is none."""
    return any(
        lemma_of(t) in DESIGNATION_WORDS
        or (lemma_of(t) == "concern" and any(c.lower_ == "particular" for c in t.children))
        for t in verb.subtree
    )


def broad_verb_holds(
    verb: Token, event_type: str, analysis: EntityAnalysis, names_an_act: Callable[[Token], bool]
) -> bool:
    """Whether a broad verb's bare row of type ``event_type`` names a political act here.

    Real news uses these verbs for everything: "released a statement", "the polls provided
    little clarity", "delivered a speech", "lifted a sign", "captured the nomination",
    "suspended his campaign", "technology threatens to change the industry". Each needs the
    object or the subject its political sense has (see BROAD_VERB_OBJECTS). ``names_an_act``
    says whether a word is an act (the trigger finder's answer), for what a warning warns of."""
    lemma = lemma_of(verb)
    if verb.pos_ == "AUX":  # "who helped found the group": an auxiliary keeps its inflected form
        lemma = next((k for k, pos in verb_keys(verb) if (k, pos) in triggers()), lemma)
    things = things_done_to(verb)
    if lemma == "flee" and event_type == "RETREAT":
        subject = subject_of(verb)  # "the militants fled": forces give ground; "residents fled" is flight
        return subject is not None and lemma_of(subject) in ARMED_NOUNS
    if lemma in LISTING_VERBS and event_type == "SANCTION":
        # "added X to its list"; the parser often hangs "on its list" on the object ("placed X on")
        lists = [g for t in [verb, *things] for g in objects_of(t, {"to", "on", "onto"})]
        return any(_sanctions_list(t) for t in lists)
    if lemma == "designate" and event_type == "SANCTION":
        return _designation_sanctions(verb)
    if lemma in NEUTRALIZING_VERBS and event_type == "ASSAULT":
        fighters = things + [g for t in things for g in objects_of(t, {"of"})]  # "dozens of terrorists"
        return any(lemma_of(t) in NEUTRALIZED or lemma_of(t) in ARMED_NOUNS for t in fighters)
    if lemma == "remove" and event_type == "SANCTION":
        from_office = any(lemma_of(t) in OFFICES for t in objects_of(verb, {"from"}))
        return from_office or any(lemma_of(t) in OFFICE_HOLDERS for t in things)
    if lemma in LEAVING_VERBS and event_type == "SANCTION":
        return _leaves_a_body(verb, lemma, things, analysis)
    if lemma in REDUCING_VERBS and event_type == "RETREAT":
        return reduces_a_presence(verb, lemma, things)
    if lemma == "freeze" and event_type == "SANCTION":
        return not _freezing_weather(verb)
    if lemma == "suspend" and event_type == "SANCTION":
        if (
            passive_clause(verb)
            and by_agent(verb) is None
            and any(lemma_of(t) in ROUTINE_SERVICES for t in things)
        ):
            return False  # "ferry services were suspended", "deliveries had been suspended": a halt
        return bool(things) and not any(lemma_of(t) in NOT_SANCTIONED for t in things)  # "his campaign"
    if lemma == "deliver" and event_type == "AID":
        on_promise = any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)  # "delivered on"
        if not things or on_promise or any(lemma_of(t) in NON_GIFTS for t in things):
            return False
        return _delivers_goods(verb, things, analysis)
    if lemma in PEOPLE_TAKING_VERBS and _won_by_a_margin(verb):
        return False  # "captured Florida by 74,000 votes": an election won
    if lemma in BROAD_VERB_OBJECTS and event_type in {"RETREAT", "COERCE", "SANCTION", "CONCEDE"}:
        wanted = BROAD_VERB_OBJECTS[lemma]
        taking = lemma in PEOPLE_TAKING_VERBS
        if taking:  # "captured El Fasher, the army's last stronghold": what the place is, beside it
            things = things + [c for t in things for c in t.children if c.dep_ == "appos"]
        # "captured the town", "released the opposition leader": people or places, not "a statement".
        places = {"GPE", "LOC", "FAC"} if taking else set()
        return any(
            lemma_of(t) in wanted or (taking and is_people(t, analysis)) or t.ent_type_ in places
            for t in things
        )
    if lemma in GIVING_VERBS and event_type == "AID":
        # "the new law will help Beijing tighten control": a text gives no aid
        return not _done_by_a_thing(verb, names=False) and _gives_aid(verb, lemma, things, analysis)
    if (
        lemma in {"grant", "supply"}
        and event_type == "AID"
        and any(lemma_of(t) in STATUS_NOUNS | NON_GIFTS for t in things)
    ):
        return False  # "granted residency": a status; "the interviews she granted", "supplied reasons": words
    if lemma in MONEY_AWARDING and event_type == "AID":
        # "granted Pellane $2 billion", "allocated 50 million euros", "lent Dorvan two frigates";
        # not "awards its delegates proportionally", "lent his support", "taken for granted"
        if not things:
            return lemma in LENDING_VERBS  # "the IMF agreed to lend"; "remain to be allocated"
        return not any(lemma_of(t) in NOT_AID_AWARDED for t in things)
    if lemma == "compromise" and event_type == "CONCEDE":
        # "the infrastructure has been compromised", "would compromise national security": damaged
        # or endangered, no concession ("both sides compromised", "compromised on the border")
        return not passive_clause(verb) and not any(c.dep_ == "dobj" for c in verb.children)
    if lemma == "concede" and event_type == "CONCEDE":
        return not any(c.dep_ == "ccomp" for c in verb.children)  # "conceded the plan had failed": a fact
    if lemma == "execute" and event_type == "COERCE":
        return executes_people(verb, things, analysis)
    if lemma == "sign" and event_type == "SUPPORT":
        # "the groups that signed the letter", "signed a petition": a statement made, no accord;
        # "signed an order banning imports": the act is what the order does, no accord either
        if any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            # "signed up for the newsletter", "sign up donors": enrolling; "signed up to campaign
            # for Vale" still backs her
            return any(c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VB" for c in verb.children)
        return not any(lemma_of(t) in SIGNED_STATEMENTS | SIGNED_ORDERS for t in things)
    if lemma == "host" and event_type == "CONSULT":
        return not any(lemma_of(t) in HOSTED_SHOWS for t in things)  # "hosts a radio show"
    if lemma == "press" and event_type == "REQUEST":
        if any(c.dep_ in {"advmod", "prt"} and c.lower_ in GOING_ON for c in verb.children):
            return False  # "the Taliban are pressing ahead with the canal": no one is pressed
        # "pressing the self-destruct button" presses a thing; "pressed Dorvan" presses a party, as
        # "pressing both sides to accept a truce" presses the parties to a war
        return not any(
            c.dep_ == "dobj" and not analysis.is_agent(c, ACTOR_NOUNS) and lemma_of(c) not in STATE_NOUNS
            for c in verb.children
        )
    if lemma in {"kill", "slaughter"} and event_type == "ASSAULT":
        return not animals_only(things)
    if lemma == "dispute" and event_type == "ACCUSE":
        return not any(
            lemma_of(t) in DISPUTED_POSSESSIONS or t.ent_type_ in {"GPE", "LOC", "FAC"} for t in things
        )
    if lemma == "charge" and event_type == "ACCUSE":
        # not "charged a fee", "charged her phone", "charged down the field"
        return _charges_wrongdoing(verb, analysis)
    if lemma == "blame" and event_type == "ACCUSE":
        return _blames_someone(verb, analysis)  # not "blamed the harvest on the weather"
    if lemma == "scramble":
        return not any(c.dep_ == "xcomp" for c in verb.children)  # "candidates scrambled to respond"
    if lemma == "admit" and event_type == "CONCEDE":
        return not any(c.dep_ == "ccomp" for c in verb.children) and any(
            lemma_of(t) in ADMITTED_FAILINGS for t in things
        )
    if lemma in FIGHT_VERBS and event_type in {"ASSAULT", "THREATEN"} and _fights_an_abstraction(verb):
        return False  # "fought corruption", "we are going to attack this problem", "fighting fires"
    if lemma == "fight" and event_type == "ASSAULT" and fights_in_general(verb):
        return False  # "politicians fight, and we pay": what people do as a rule
    if lemma == "fight" and event_type == "ASSAULT" and _fighting_between(verb, analysis):
        return True  # "fighting between troops and Fano militias kept voters away": no subject needed
    if lemma in ACTOR_ONLY_VERBS:
        subject = who_acts(verb)  # "is threatened by the high consumption": the agent, a thing
        if lemma in {"allow", "permit"} and subject is not None and _it_of_a_situation(verb, subject):
            return False  # "because the forces are weak, it allows them to make inroads"
        if lemma in {"allow", "permit"} and event_type == "CONCEDE" and _made_possible_by_a_thing(verb):
            return False  # "a truce to allow the evacuation", "a decree allowing the army to"
        return subject is not None and _is_actor(subject, analysis, people=event_type != "ASSAULT")
    if lemma == "warn" and event_type == "THREATEN":
        return _warns_of_something(verb, analysis, names_an_act)
    if lemma == "beat" and event_type == "ASSAULT":
        return not wins_a_contest(verb) and not beats_a_thing(verb, analysis)
    if lemma in {"strike", "hit"} and event_type == "ASSAULT":
        return not figurative_strike(verb, things)
    if lemma == "mass" and event_type == "MOBILIZE":
        return not crowd_gathers(verb, things)
    if lemma == "demonstrate" and event_type == "PROTEST":
        return not any(c.dep_ in {"dobj", "ccomp"} for c in verb.children)  # "demonstrated its resolve"
    if lemma in {"decline", "refuse"} and event_type == "REJECT":
        return _declines_something(verb, lemma)
    if lemma == "clash":
        return not dispute_over_a_topic(verb)  # "clashed over how to release the files"
    if lemma == "rally" and event_type == "PROTEST":
        return not _rallies_followers(verb, things)  # "rallied supporters": campaigning
    if lemma == "reinforce" and event_type == "MOBILIZE":
        return reinforces_forces(verb, things)  # not "reinforced the perception"
    if lemma == "burn" and event_type == "ASSAULT":
        return not burns_with_no_attacker(verb, things, analysis)  # "letters burning in a stove"
    if lemma == "defend" and event_type == "SUPPORT" and guards_a_site(verb, things):
        return False  # "defended the compound", "defend against aggression": no backing of anyone
    if lemma == "defend" and event_type == "SUPPORT" and any(lemma_of(t) in PRIZES for t in things):
        return False  # "Dorvan will defend its title in June": a contest
    if event_type in DONE_BY_SOMEONE:
        return not _done_by_a_thing(verb) and cooperative_sense(verb, lemma, analysis)
    return True


def _leaves_a_body(verb: Token, lemma: str, things: list[Token], analysis: EntityAnalysis) -> bool:
    """'Quit the treaty', 'left ECOWAS', 'Marovia left the regional bloc', 'Argentina has left
    the organization': a compact or an intergovernmental body left, or any body a state leaves.
    Not 'left the country', 'left the meeting' or a person who 'left the organization', nor
    'leaving the agreement unable to open' (a state it is left in)."""
    # "left the bloc ECOWAS": the parser may take the body's name (an acronym) for a complement
    named = [
        c
        for c in verb.children
        if c.dep_ in LEFT_IN_A_STATE and (is_a_body(c, analysis) or (c.text.isupper() and len(c.text) > 1))
    ]
    # "left the bloc to form an alliance of their own": an infinitive of purpose, no state
    purpose = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and _to_infinitive(c)]
    if lemma == "leave" and (
        any(c.dep_ in LEFT_IN_A_STATE and c not in named + purpose for c in verb.children)
        or any(c.dep_ == "amod" and c.i > t.i for t in things for c in t.children)  # "the pact unable to"
    ):
        return False
    left = things + named + [c for t in things for c in t.children if c.dep_ == "appos"]
    subject = who_acts(verb)
    if lemma == "leave" and subject is not None and not _is_actor(subject, analysis):
        return False  # "the deal left the alliance to decide": a thing leaves nothing behind
    if any(is_a_body(t, analysis, LEFT_COMPACTS[lemma]) for t in left):
        return True
    return subject is not None and _a_state(subject, analysis) and any(is_a_body(t, analysis) for t in left)


def _to_infinitive(clause: Token) -> bool:
    """'(left the bloc) to form an alliance': an infinitive with its 'to'."""
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _a_state(token: Token, analysis: EntityAnalysis) -> bool:
    """A country, or a word for its government ('the junta', 'the government')."""
    if token.ent_type_ == "GPE" or lemma_of(token) in STATE_WORDS:
        return True
    found = analysis.mention_at(token.i)
    return found is not None and found[1].type == "GPE"


def reduces_a_presence(verb: Token, lemma: str, things: list[Token]) -> bool:
    """'Scaled back operations in the north', 'curtailed its military presence', 'wound down the
    mission', 'drew down its troops': a party cuts the force or the operation it has somewhere,
    which gives ground (PLOVER RETREAT). Not 'scaled back its ambitions' or 'scaled up
    operations', nor 'curtailed spending'."""
    particles = {lemma_of(c) for c in verb.children if c.dep_ in {"prt", "advmod"}}
    if REDUCING_VERBS[lemma] and not particles & REDUCING_VERBS[lemma]:
        return False  # "scaled up", "drew a crowd": only back or down reduces
    reduced = things + [g for t in things if lemma_of(t) in COUNT_NOUNS for g in objects_of(t, {"of"})]
    return any(lemma_of(t) in PRESENCE_NOUNS for t in reduced)


def _rallies_followers(verb: Token, things: list[Token]) -> bool:
    """'Rallied supporters by warning of defeat', 'rally young voters', 'rallied its base': one
    rallies people to one's cause, which is campaigning. People who rally ('thousands rallied in
    Oskel'), a crowd rallied ('rallied thousands outside parliament') or a rally against something
    protest."""
    objects = [t for t in things if t.dep_ == "dobj"]
    if not objects or objects_of(verb, {"against"}):
        return False
    return not any(t.pos_ == "NUM" or lemma_of(t) in RALLIED_CROWDS for t in objects)


def _won_by_a_margin(verb: Token) -> bool:
    """'Captured Florida by about 74,000 votes', 'took the state by ten points': a vote won."""
    margins = objects_of(verb, {"by"})
    margins += [g for m in margins for g in objects_of(m, {"of"})]
    return any(lemma_of(m) in ELECTION_MARGINS for m in margins)


def _done_by_a_thing(verb: Token, names: bool = True) -> bool:
    """'The Constitution guarantees', 'the plan supports', 'video clips praising life in China': the
    one the verb says acts is a thing. A verb with no doer named ('negotiating with armed groups',
    'backed by' no one) is left to the arguments. With ``names`` False a name is never a thing
    (the World Food Programme gives aid)."""
    passive = verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.dep_ == "nsubjpass" for c in verb.children))
    # "soldiers backed by African Union troops": the troops
    doer = by_agent(verb) if passive else who_acts(verb)
    if doer is None or (not names and (doer.pos_ == "PROPN" or doer.ent_type_)):
        return False
    return lemma_of(doer) in INSTRUMENT_NOUNS


def _made_possible_by_a_thing(verb: Token) -> bool:
    """'Arranged a truce to allow the evacuation', 'a decree allowing the army to support police',
    'a payout, allowing the state to fund repairs', 'to draft a law ... and to allow the seizure':
    a participle or an infinitive of allowing with no subject of its own, hanging on a clause or a
    noun, says what the thing just named makes possible, not what a party gives up (on the train
    sets seven such rows were extras and none was counted). 'Agreed to allow' (a complement) and
    'the army allowed' (its own subject) are left alone."""
    clause = verb
    while clause.dep_ == "conj" and not any(c.dep_ in NOUN_SUBJECTS for c in clause.children):
        clause = clause.head  # "to toughen bail rules and to allow": the first infinitive's place
    if any(c.dep_ in NOUN_SUBJECTS for c in clause.children):
        return False
    return clause.dep_ in {"advcl", "acl"} and (clause.tag_ == "VBG" or _to_infinitive(clause))


def _it_of_a_situation(verb: Token, subject: Token) -> bool:
    """'Because the army is weak, (then) it allows them to advance': the 'it' is the situation the
    because-, if- or when-clause states, not a state ('Egypt said it allowed the wounded to cross')."""
    if subject.lower_ != "it":
        return False
    return any(
        (c.dep_ == "advmod" and c.lower_ == "then")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children))
        for c in verb.children
    )


def _declines_something(verb: Token, lemma: str) -> bool:
    """'declined the invitation', 'declined to attend': a refusal; 'the number of refugees declined
    to 230,000', 'the population continues to decline': a fall, with nothing declined. Declining
    to comment (or to elaborate, to say) is a source's routine, not a political refusal."""
    declined = [
        c
        for c in verb.children
        if c.dep_ in {"dobj", "xcomp", "ccomp"} and c.pos_ in {"NOUN", "PROPN", "PRON", "VERB", "AUX"}
    ]
    if any(lemma_of(c) in UNSAID for c in declined):
        return False
    return lemma != "decline" or bool(declined)


def _gives_aid(verb: Token, lemma: str, things: list[Token], analysis: EntityAnalysis) -> bool:
    """'provided Ukraine with weapons', 'donated food to the victims', 'helped Syria', not 'the
    polls provided little clarity' nor 'helped Clinton': aid goods, or a receiver abroad."""
    if any(lemma_of(t) in NON_GIFTS for t in things):
        return False
    # "provided the committee with copies": what is given follows "with", the object receives it
    supplied = objects_of(verb, {"with"}) + [g for t in things for g in objects_of(t, {"with"})]
    supplied += [c for t in supplied for c in t.conjuncts]  # "provided the North with oil, cash and arms"
    given = supplied or things + [g for t in things for g in objects_of(t, {"of"})]
    given += [g for t in given for g in objects_of(t, {"to"})]  # "access to clean water" is aid
    nouns = [t for t in given if t.pos_ == "NOUN"]
    if nouns and all(lemma_of(t) in INFORMATION_GIVEN for t in nouns):
        return False  # "provided copies of the emails", "provided access": knowledge shared
    helped_to = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}]
    if verb.dep_ == "aux" and verb.head.pos_ == "VERB":
        helped_to.append(verb.head)  # "who helped found the group", read as an auxiliary
    if lemma == "help" and any(lemma_of(c) in OUTCOMES_HELPED for c in helped_to):
        return False  # "helped found the group", "helped elect him": a hand in an outcome
    receivers = [*things, *objects_of(verb, {"to", "for"}), *complement_subjects(verb)]
    receivers += [c for c in verb.children if c.dep_ == "dative"]
    given = things + [g for t in things for g in objects_of(t, {"of"})]  # "2,000 tonnes of wheat"
    if not any(is_person(t, analysis) for t in things):
        given += supplied  # "provided the North with cash"; "provided Ann Vale with material" for a speech
    # Help to a country or its people is aid; "helped the campaign" is politics at home.
    kinds = {"GPE"} if lemma == "help" else {"GPE", "ORG", "NORP"}
    return any(lemma_of(t) in AID_GOODS for t in given) or any(
        t.ent_type_ in kinds
        or lemma_of(t) in AID_RECEIVERS
        or (is_people(t, analysis) and not is_person(t, analysis))
        for t in receivers
    )


def _delivers_goods(verb: Token, things: list[Token], analysis: EntityAnalysis) -> bool:
    """'Delivered 300 tonnes of wheat', 'delivered vaccines to Dorvan', 'delivered them to the
    refugees': goods, or something handed to a state, a body or people in need. 'Delivered a fiery
    defense', 'delivered a critique of his rival', 'delivered ratings', 'delivered change' speak
    or achieve, and give no one anything."""
    given = things + [g for t in things for g in objects_of(t, {"of"})]
    if any(lemma_of(t) in AID_GOODS or (t.pos_ == "PROPN" and t.ent_type_ == "PRODUCT") for t in given):
        return True  # goods, or a named kind ("the first batch of F-16s")
    if any(c.dep_ == "nummod" for t in things for c in t.children):
        return True  # "delivered 300 tonnes", "delivered 12 howitzers": a counted consignment
    receivers = objects_of(verb, {"to"}) + [c for c in verb.children if c.dep_ == "dative"]
    return any(
        t.ent_type_ in {"GPE", "NORP"} or lemma_of(t) in AID_RECEIVERS or is_a_body(t, analysis)
        for t in receivers
    )


def _warns_of_something(verb: Token, analysis: EntityAnalysis, names_an_act: Callable[[Token], bool]) -> bool:
    """'warned that it would close the strait', 'warned Sweden that its bid would fail' threaten;
    'officials warned that the money would not reach the states' forecasts."""
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return True  # an addressee
    if said is not None and not _to_come(said):
        return False  # "warned that it was running out of money", "that the roads face floods": a state
    if said is None:
        # "warned of dire consequences", "warned against any attack"; "warned of a possible
        # resurgence" foresees a danger, with no act in it.
        dangers = _warned_of(verb)
        return not dangers or any(names_an_act(t) for t in dangers)
    warner = subject_of(verb)
    if warner is not None and lemma_of(warner) in COMMENTATORS and subject_of(said) is not None:
        # "analysts warn that a new conflict could draw in Dorvan", "speakers warned that a
        # victory would drag Oskel into war": onlookers foresee what others may do; they can
        # carry out nothing they warn of
        return False
    if forecasts_a_thing(said, lambda t: _is_actor(t, analysis)):
        return False  # "warned that further quota cuts could force layoffs": a consequence foreseen
    if any(names_an_act(t) for t in said.subtree):
        return True
    if lemma_of(said) == "be":
        return False  # "it is important to stress that the situation could worsen": a judgement
    subject = subject_of(said)
    return subject is not None and (subject.lower_ == "it" or _is_actor(subject, analysis))


def _to_come(said: Token) -> bool:
    """Whether a warning's content is what will or may come: a modal or 'going to' in it ('that
    it would close the strait'), a bare subjunctive ('that Dorvan not cross the line') or 'means'
    ('that any attack means war'). 'That it was running out of money' and 'that the roads face
    floods' tell a state of things, which no one threatens."""
    clauses = [said, *[c for c in said.children if c.dep_ in {"conj", "xcomp"}]]
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in TO_COME for t in clauses for c in t.children):
        return True
    if any(t.lower_ == "going" for t in said.subtree):  # "is going to retaliate"
        return True
    return said.tag_ == "VB" or lemma_of(said) == "mean"


def _charges_wrongdoing(verb: Token, analysis: EntityAnalysis) -> bool:
    """'Dorvan charged that troops burned villages', '..., the opposition charged': a charge
    stated; 'prosecutors charged a senior cleric': an indictment (one 'charged with' a crime has
    its own row). 'Charged customers a fee', 'charged her phone' take a price or a thing;
    'charged down the field' is a rush."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    if objects:
        return len(objects) == 1 and _is_someone(objects[0], analysis)
    return not any(c.dep_ in {"prep", "advmod", "prt"} and c.lower_ in RUSHED_TO for c in verb.children)


def _fighting_between(verb: Token, analysis: EntityAnalysis) -> bool:
    """'Fighting between government troops and rebels displaced thousands': the gerund names the
    fight with its sides after 'between', as the noun 'clashes between' does, and has no subject."""
    if verb.tag_ != "VBG":
        return False
    sides = [t for head in objects_of(verb, {"between"}) for t in (head, *head.conjuncts)]
    return any(_is_actor(t, analysis, people=False) for t in sides)


def _fights_an_abstraction(verb: Token) -> bool:
    """'Fought corruption for years', 'attack this problem at the root', 'fighting fires with half
    a hose': what is fought is a state, an idea or a happening (``lexicon.noun_kinds``: abstract),
    no party, place or thing one strikes. 'Attacked a convoy', 'fought the rebels', 'fought a war'
    are blows."""
    fought = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(fought) and all(
        t.pos_ == "NOUN"
        and lexicon.noun_kinds().get(lemma_of(t)) == "abstract"
        and not t.ent_type_  # "attacked The Wall Street Journal newspaper": a body, named
        and not any(c.pos_ == "PROPN" for c in t.children)
        for t in fought
    )


# What cold freezes ("the pipes froze", "the lake was frozen"), never a party's assets.
ICED_THINGS = frozenset({"pipe", "river", "lake", "pond", "road", "water", "ground", "windshield", "engine"})


def _freezing_weather(verb: Token) -> bool:
    """'Temperatures dropped below freezing', 'we will not let Serbia freeze': the weather. A freeze
    holds something back: it has an object ('froze its assets'), is a participle ('kept the funds
    frozen', 'frozen accounts') or names whom it is on ('asset freezes on several officials')."""
    if verb.dep_ == "pobj":
        return True
    # "the car got frozen into a block of ice", "the river froze solid": cold, not a sanction
    frozen = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}]
    if any(lemma_of(t) in lexicon.VEHICLES | ICED_THINGS for t in frozen) or any(
        lemma_of(t) in {"ice", "block"} for t in objects_of(verb, {"into", "in"})
    ):
        return True
    held = any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children)
    on_someone = any(c.dep_ == "prep" and c.lower_ in {"on", "of", "against"} for c in verb.children)
    return verb.tag_ != "VBN" and not held and not on_someone


def _is_someone(noun: Token, analysis: EntityAnalysis) -> bool:
    """A person or a party: a pronoun of people, a name or role, or a noun of people ("cleric")."""
    if noun.lower_ in {"him", "her", "them", "us", "me"}:
        return True
    return analysis.is_agent(noun, ACTOR_NOUNS) or lexicon.who_nouns().get(lemma_of(noun)) == "person"


def _blames_someone(verb: Token, analysis: EntityAnalysis) -> bool:
    """Blame laid on a party ('the blast was blamed on rebels', 'blamed the attacks on militants
    in Oskel'), not on a thing ('blamed the poor harvest on the weather', 'blamed the slump on
    weak demand'). What is blamed for something ('blamed the chaos of the season for the losses') is left
    as it is: there the blame is mostly on whoever let it happen."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    laid_on = objects_of(verb, {"on"}) + [g for o in objects for g in objects_of(o, {"on"})]
    if not laid_on:
        return True

    def blamable(token: Token) -> bool:
        owners = [c for c in token.children if c.dep_ == "poss"] + objects_of(token, {"of", "by"})
        return (
            token.pos_ in {"PRON", "PROPN"}
            or analysis.is_agent(token, ACTOR_NOUNS)
            or is_people(token, analysis)
            or any(_is_actor(o, analysis) or is_people(o, analysis) for o in owners)
        )

    return any(blamable(t) for b in laid_on for t in (b, *b.conjuncts))


def _warned_of(verb: Token) -> list[Token]:
    """What a warning is of or against, also where the parser hangs the phrase on a date before it
    ('warned in July of a possible resurgence')."""
    dates = [g for g in objects_of(verb, {"in", "on", "at"}) if g.ent_type_ in {"DATE", "TIME"}]
    return objects_of(verb, WARNED_OF) + [w for d in dates for w in objects_of(d, WARNED_OF)]


def _is_actor(token: Token, analysis: EntityAnalysis, people: bool = True) -> bool:
    """Someone who can act politically; with ``people`` False not a single person
    (politicians 'fight' figuratively)."""
    if token.lower_ != "it" and not analysis.is_agent(token, ACTOR_NOUNS):
        return False  # "it threatened to cut aid": in political news mostly a country or a body
    return people or not (token.lower_ in {"he", "she", "i"} or is_person(token, analysis))


def _sanctions_list(noun: Token) -> bool:
    """'Its unreliable entity list', 'the sanctions list', 'a blacklist', 'a list that bars them
    from buying chips' (see SANCTION_LIST_KINDS); not 'the list of speakers'."""
    lemma = lemma_of(noun)
    if lemma in BLACKLISTS:
        return True
    return lemma == "list" and any(
        (c.dep_ in {"compound", "amod"} and lemma_of(c) in SANCTION_LIST_KINDS)
        or (c.dep_ in {"relcl", "acl"} and lemma_of(c) in LIST_EFFECTS)
        for c in noun.children
    )


def is_a_body(token: Token, analysis: EntityAnalysis, nouns: frozenset[str] = LEFT_BODIES) -> bool:
    """An intergovernmental body the actor lexicon knows, or a body or a compact named by one of
    ``nouns`` (see LEFT_BODIES)."""
    if lemma_of(token) in nouns and token.pos_ == "NOUN":
        return True
    found = analysis.mention_at(token.i)
    info = lexicon.org_info(found[1].name) if found is not None else None
    return info is not None and info.code == "IGO"
