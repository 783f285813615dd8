"""Violence words that are no political act: what nature, accidents, sport and crime do.

"Floods killed 40 people", "an earthquake destroyed 2,000 homes", "a bus plunged into a ravine,
killing 23", "Marovia beat Pellane 2-1 in a friendly", "robbers shot a shopkeeper", "a man stabbed
his neighbour": the words of an assault, but no political actor attacked anyone. An analyst of
political violence counts none of them (a reading of real disaster snippets found a third coded
ASSAULT or PROTEST). Decided here: whether a trigger's doer is a natural force, a disease, an
accident or a vehicle, whether its clause is a sporting contest, whether it is a common crime, and
whether its doer is a measure or a bare "this" ("the plan will destroy the industry");
and, of words of blame and thanks, whether they are laid on no party at all ("blamed high waves",
"thanked the drivers"); and whether talk is only chatter or a household's ("has everyone talking").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dateline.extract import lexicon
from dateline.extract.event_parse import by_agent, lemma_of, passive_voice, subject_of, things_done_to
from dateline.extract.event_trigger_table import triggers

# Natural forces, diseases and accidents that kill and destroy. "Fire", "blast" and "explosion"
# are left out: "Marovian fire killed two", "a blast hit the convoy" are attacks as often as not.
HAZARD_NOUNS = frozenset(
    {
        "flood", "floodwater", "flooding", "rain", "rainfall", "downpour", "deluge", "storm", "rainstorm",
        "hurricane", "typhoon", "cyclone", "tornado", "earthquake", "quake", "tremor", "aftershock",
        "tsunami", "landslide", "mudslide", "avalanche", "wildfire", "bushfire", "drought", "heatwave",
        "snowstorm", "blizzard", "lightning", "eruption", "volcano", "wind", "water", "disease",
        "outbreak", "epidemic", "pandemic", "cholera", "virus", "famine", "accident", "crash",
        "collision", "derailment", "stampede", "collapse", "cold", "heat",
        # snow and mud close roads and sweep bridges away ("heavy snowfall closed mountain roads")
        "snow", "snowfall", "mudflow", "sandstorm", "hailstorm", "frost",
    }
)  # fmt: skip
# A fire or an explosion is an accident where work or storage goes on: "a fire at a textile factory",
# "an explosion at a fuel depot" (at a market, a checkpoint or a mosque it may well be an attack).
BLAZE_NOUNS = frozenset({"fire", "blaze", "explosion", "blast", "leak"})
ACCIDENT_SITES = frozenset(
    {"factory", "plant", "depot", "warehouse", "mine", "refinery", "pipeline", "workshop", "mill",
     "storage", "facility", "garage", "kitchen", "house", "home", "apartment", "building", "tower",
     "hotel", "nightclub", "club", "hospital", "port", "dock", "station"}
)  # fmt: skip
# Structures that fall on people: "a building collapsed, killing nine".
STRUCTURES = frozenset({"building", "bridge", "house", "roof", "wall", "dam", "tower", "stadium", "block"})
# Labels of a party in a phrase: "Marovian coast guard vessels" are a state's.
PARTY_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON"})
HARM_VERBS = frozenset({"kill", "injure", "hurt", "wound", "crush"})
# Common criminals, and the people close to someone whom a quarrel hurts ("stabbed his neighbour").
CRIMINAL_NOUNS = frozenset(
    {"robber", "thief", "burglar", "mugger", "pickpocket", "shoplifter", "carjacker", "fraudster",
     "poacher", "drunk", "looter"}
)  # fmt: skip
CLOSE_PEOPLE = frozenset(
    {"neighbour", "neighbor", "wife", "husband", "partner", "girlfriend", "boyfriend", "brother",
     "sister", "son", "daughter", "father", "mother", "cousin", "uncle", "aunt", "relative",
     "colleague", "classmate", "landlord", "tenant", "friend", "stepfather", "stepmother"}
)  # fmt: skip
# Contests whose winners "beat", "crush" or "defeat" their rivals: what was played ("in the
# final", "won the derby"), or a team of a sport that acts ("the national football team crushed").
SPORT_NOUNS = frozenset(
    {
        "match", "game", "final", "semifinal", "semi-final", "quarterfinal", "quarter-final",
        "tournament", "championship", "friendly", "fixture", "derby", "qualifier", "league", "cup",
        "olympics", "bout",
    }
)  # fmt: skip
TEAM_NOUNS = frozenset({"team", "squad", "side", "eleven"})
SPORTS = frozenset(
    {"football", "soccer", "basketball", "cricket", "rugby", "tennis", "volleyball", "hockey", "national"}
)
SCORE = re.compile(r"\d{1,3}[-\u2013]\d{1,3}")  # "2-1", "3–0"
DASHES = frozenset({"-", "\u2013"})
RESULT_NOUNS = frozenset({"win", "victory", "defeat", "loss", "draw", "rout", "scoreline"})
# The types whose words nature or a game can take: attacks, and destroying or forcing.
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# "Three died in the landslide", "homes destroyed during the storm", "killed by floods".
HAZARD_PREPOSITIONS = frozenset({"in", "during", "by", "from", "after"})
# "The pass was closed because of heavy snow", "due to flooding": the cause, with no one acting.
CAUSE_WORDS = frozenset({"because", "due", "owing"})
# What vehicles do when they crash: "killed when a minibus collided with a truck".
CRASH_VERBS = frozenset(
    {"collide", "crash", "overturn", "plunge", "capsize", "derail", "skid", "flip", "sink"}
)


def no_political_violence(verb: Token, event_type: str) -> bool:
    """Whether a violent trigger is the work of nature, an accident or a common crime, a sporting
    result, or a measure's harm told as force."""
    if event_type not in VIOLENT_TYPES:
        return False
    return (
        done_by_a_hazard(verb)
        or sporting_contest(verb)
        or common_crime(verb)
        or economic_blow(verb)
        or done_by_a_measure(verb)
    )


# What a party decides or says, not a party: "this is going to destroy the country", "the plan will
# kill jobs", "the deal would cripple Marovia". Said of a measure, a word of force is a figure of
# speech for its harm, which a speaker forecasts; it has no doer who uses force. (Not "it" or
# "which": they often stand for a state or a group.)
MEASURE_NOUNS = frozenset({
    "plan", "policy", "deal", "decision", "law", "bill", "proposal", "measure", "rule", "order",
    "idea", "rhetoric", "comment", "remark", "statement", "regulation", "reform", "agreement",
    "program", "programme", "scheme", "strategy", "approach", "budget", "ruling", "move",
})  # fmt: skip
DEMONSTRATIVES = frozenset({"this", "that"})


def done_by_a_measure(verb: Token) -> bool:
    """'This is going to destroy Pellane', 'the plan will kill the fishing industry': the one said to
    use force is a demonstrative or a measure, not a party."""
    if passive_voice(verb):
        return False
    doer = subject_of(verb)
    if doer is None or doer.ent_type_:
        return False
    if doer.lower_ in DEMONSTRATIVES and doer.dep_ in {"nsubj", "nsubjpass"} and doer.pos_ in {"PRON", "DET"}:
        return True
    return doer.pos_ == "NOUN" and lemma_of(doer) in MEASURE_NOUNS


# "Outages have hit industry", "the uncertainty has hit fuel makers", "bourbon and jeans will be
# hit": a blow to trade or income, told with the words of force.
BLOW_VERBS = frozenset({"hit", "batter", "hammer"})
ECONOMIC_NOUNS = frozenset({
    "industry", "company", "firm", "household", "economy", "sector", "export", "import", "good",
    "product", "business", "investor", "consumer", "budget", "revenue", "income", "trade",
    "output", "producer", "maker", "exporter", "importer", "manufacturer", "supply", "earnings",
    "profit", "sale", "motorcycle", "jean", "crop",
})  # fmt: skip
ECONOMIC_CAUSES = frozenset({
    "outage", "blackout", "shortage", "inflation", "cost", "price", "uncertainty", "slowdown",
    "downturn", "recession", "crisis", "cut", "tariff",
})  # fmt: skip


def economic_blow(verb: Token) -> bool:
    """'Frequent outages have hit industry and households', 'uncertainty has hit companies',
    'motorcycles will also be hit': what is hit is trade or income, or a condition hits it; no
    party uses force ('the strike hit the depot', 'militants hit a convoy')."""
    if lemma_of(verb) not in BLOW_VERBS:
        return False
    hit = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    hit = [g for t in hit for g in (t, *t.conjuncts) if g.dep_ != "cc"]
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is not None and any(e.type == "ASSAULT" for e in triggers().get((lemma_of(doer), "NOUN"), [])):
        return False  # "the strike hit the livestock market": a place struck by force
    if hit and all(lemma_of(t) in ECONOMIC_NOUNS and not t.ent_type_ for t in hit):
        return True
    return doer is not None and lemma_of(doer) in ECONOMIC_CAUSES and not doer.ent_type_


# Blaming or complaining of what no party does: the weather, the sea, prices ("port officials blamed
# high waves", "residents complain of soaring costs", "blamed the fog of war"). An accusation lays
# blame on a party; these lay it on a condition.
BLAMING_VERBS = frozenset({"blame", "complain"})
CONDITIONS = frozenset({
    "wave", "weather", "sea", "tide", "fog", "mist", "ice", "cost", "price", "inflation", "rent",
    "fare", "wage", "traffic", "congestion", "luck", "glitch", "error", "fault", "queue", "shortage",
    "outage", "blackout",
})  # fmt: skip


def blames_a_condition(verb: Token, event_type: str) -> bool:
    """'Port officials blamed high waves rather than the drills', 'residents complain of soaring
    costs', 'the navy blamed the fog of war': everything blamed is a natural force or a
    condition (CONDITIONS, HAZARD_NOUNS), not a party or its act. 'Blamed the army for the
    shortages', 'complained of harassment by the police' blame someone."""
    if event_type != "ACCUSE" or lemma_of(verb) not in BLAMING_VERBS:
        return False
    blamed = [c for c in verb.children if c.dep_ == "dobj"]
    blamed += [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"of", "about", "on"} for g in c.children
    ]
    blamed = [g for t in blamed for g in (t, *t.conjuncts) if g.dep_ != "cc"]
    return bool(blamed) and all(_a_condition(t) for t in blamed)


def _a_condition(noun: Token) -> bool:
    """A hazard or a condition, as a common noun ("the fog of war" is a condition, with its of-phrase)."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    return _hazard_word(noun) or lemma_of(noun) in CONDITIONS


def done_by_a_hazard(verb: Token) -> bool:
    """'Floods killed 40', 'homes were destroyed by the earthquake', 'were killed in a landslide',
    'a bus plunged into a ravine, killing 23'."""
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and lemma_of(verb) in HARM_VERBS and _passive(verb.head):
        return done_by_a_hazard(verb.head)  # "were killed and 11 injured": the count read as its subject
    doer = by_agent(verb) or (None if _passive(verb) else subject_of(verb) or _participle_of(verb))
    if doer is not None:
        return _is_hazard(doer) or _vehicle_crash(verb, doer) or _accident_at_a_site(doer)
    if not _passive(verb):
        return False
    causes = [
        g
        for c in verb.children
        if c.dep_ == "prep" and (c.lower_ in HAZARD_PREPOSITIONS or c.lower_ in CAUSE_WORDS)
        for g in c.subtree
        if g.dep_ == "pobj" and (c.lower_ not in CAUSE_WORDS or g.head.head == c or g.head == c)
    ]
    return any(_is_hazard(g) for g in causes) or _killed_in_a_crash(verb)


def _killed_in_a_crash(verb: Token) -> bool:
    """'Nine people were injured when a minibus collided with a truck', 'three workers were killed
    when a pickup truck carrying them overturned': a passive harm whose time clause is a crash of a
    vehicle no party owns (the parser hangs the clause on the verb or on the date before it)."""
    harm = verb.head if verb.dep_ == "conj" and _passive(verb.head) else verb  # "killed and 11 injured"
    if lemma_of(verb) not in HARM_VERBS and lemma_of(harm) not in HARM_VERBS:
        return False
    for crash in verb.sent:
        if lemma_of(crash) not in CRASH_VERBS or not any(c.lower_ == "when" for c in crash.children):
            continue
        vehicle = subject_of(crash)
        if vehicle is not None and _vehicle_crash(harm, vehicle):
            return True
    return False


def common_crime(verb: Token) -> bool:
    """'Robbers shot a shopkeeper', 'thieves attacked a security van', 'a man stabbed his
    neighbour': a criminal acts, or someone hurts a person close to them."""
    doer = None if _passive(verb) else subject_of(verb)
    if doer is not None and lemma_of(doer) in CRIMINAL_NOUNS:
        return True
    return any(
        c.dep_ == "dobj"
        and lemma_of(c) in CLOSE_PEOPLE
        and any(p.dep_ == "poss" and p.tag_ == "PRP$" for p in c.children)
        for c in verb.children
    )


def _participle_of(verb: Token) -> Token | None:
    """'A ferry overturned ..., killing 30' read as a participle of the noun: the noun acts."""
    return verb.head if verb.dep_ == "acl" and verb.tag_ == "VBG" else None


def _passive(verb: Token) -> bool:
    return passive_voice(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def sporting_contest(verb: Token) -> bool:
    """'Marovia beat Pellane 2-1 in a friendly', 'the national team crushed its rivals in the
    final': the clause names a score, the contest played (as an object or after a preposition),
    or a sports team acts. "Attacked a team of aid workers" or "a football stadium" plays no game."""
    tokens = [t for t in verb.subtree if t.sent == verb.sent]
    played = [
        t for t in tokens if t.dep_ in {"pobj", "dobj"} and t.head.i in {verb.i, *_prepositions_of(verb)}
    ]
    doer = subject_of(verb)
    return (
        any(_a_score_ends(t) for t in tokens)
        or any(_names_a_contest(t) for t in played)
        or (doer is not None and _sports_team(doer))
    )


def _prepositions_of(verb: Token) -> set[int]:
    return {c.i for c in verb.children if c.dep_ == "prep"}


def _sports_team(noun: Token) -> bool:
    """'The national team', 'the Dorvan football squad'."""
    return lemma_of(noun) in TEAM_NOUNS and any(lemma_of(c) in SPORTS for c in noun.children)


def _a_score_ends(token: Token) -> bool:
    """Whether a score ends at ``token``: "2-1" (one token or three) not followed by a noun, which
    makes it a range ("killed 10-15 people"), unless the noun is a result ("a 3-0 win")."""
    doc = token.doc
    start = token.i - 2 if token.i >= 2 and doc[token.i - 1].text in DASHES else token.i
    if not SCORE.fullmatch(doc[start : token.i + 1].text.replace(" ", "")):
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.pos_ != "NOUN" or lemma_of(after) in RESULT_NOUNS


def _names_a_contest(token: Token) -> bool:
    """A contest word used as a noun: "the final", "a friendly" (not "a final assault")."""
    nominal = token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ in {"pobj", "dobj"})
    return nominal and lemma_of(token) in SPORT_NOUNS


def _vehicle_crash(verb: Token, doer: Token) -> bool:
    """'A bus plunged into a ravine, killing 23', 'a building collapsed, killing nine': a vehicle
    or a structure of no one named kills or injures. Whose vessels block or ram ("Marovian coast
    guard vessels blocked the convoy") is a party's act."""
    if lemma_of(verb) not in HARM_VERBS or lemma_of(doer) not in lexicon.VEHICLES | STRUCTURES:
        return False
    owners = [c for c in doer.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    owners += [g for c in doer.children if c.dep_ == "prep" and c.lower_ in {"of", "from"} for g in c.subtree]
    return not any(
        t.ent_type_ in PARTY_LABELS or (t.pos_ == "PROPN" and not t.ent_type_) or t.dep_ == "poss"
        for t in owners
    )


def _accident_at_a_site(noun: Token) -> bool:
    """'A fire at a textile factory', 'an explosion at a fuel depot'."""
    if lemma_of(noun) not in BLAZE_NOUNS:
        return False
    sites = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"at", "in"} for g in c.children]
    return any(g.dep_ == "pobj" and lemma_of(g) in ACCIDENT_SITES for g in sites)


def _is_hazard(noun: Token) -> bool:
    """A natural force, disease or accident, named as such ("floods", "Cyclone Ines"). The
    recognizer takes some for names ("Cholera" an organisation): the word decides, unless written in
    capitals, an acronym ("RAIN", a network)."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    # A named storm's kind comes before its name ("Cyclone Ines"); "water cannon" is no water.
    named = [c for c in noun.children if c.dep_ == "compound"] if noun.pos_ == "PROPN" else []
    return any(not w.text.isupper() and _hazard_word(w) for w in [noun, *named]) or _storm_named_before(noun)


STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm"})


def _storm_named_before(noun: Token) -> bool:
    """'Melissa caused damage', 'after Dorian struck in 2019': a storm the story names elsewhere
    with its kind ('Hurricane Melissa'), later by its name alone."""
    return noun.pos_ == "PROPN" and noun.text in storm_names(noun.doc)


_STORM_NAMES_KEY = "dateline.storm_names"


def storm_names(doc: Doc) -> frozenset[str]:
    """The words a storm word comes right before ('Melissa' of 'Hurricane Melissa'), read once
    per document (every proper noun asks)."""
    names = doc.user_data.get(_STORM_NAMES_KEY)
    if names is None:
        names = doc.user_data[_STORM_NAMES_KEY] = frozenset(
            t.text for t in doc if t.i > 0 and doc[t.i - 1].lower_ in STORM_WORDS
        )
    return names


def _hazard_word(word: Token) -> bool:
    lemma = lemma_of(word)
    return lemma in HAZARD_NOUNS or (lemma.endswith("s") and lemma[:-1] in HAZARD_NOUNS)


# Thanking or praising people for their work or their loyalty backs no party: "thanked the drivers
# who brought the convoy through", "praised the nurses", "thanked his supporters", "thank God".
# The people thanked are named by what they do or are to the speaker, not as a party (a minister,
# the army, a state are parties: "thanked Dorvan for its help" stays SUPPORT).
GRATITUDE_VERBS = frozenset({"thank", "praise", "commend", "salute", "hail"})
THANKED_PRIVATELY = CLOSE_PEOPLE | frozenset({
    "driver", "nurse", "doctor", "medic", "paramedic", "volunteer", "worker", "firefighter",
    "fireman", "rescuer", "teacher", "staff", "crew", "family", "parent", "sibling", "child", "kid",
    "donor", "fan", "supporter", "voter", "crowd", "audience", "diner", "guest", "host", "organizer",
    "organiser", "athlete", "player",
})  # fmt: skip
# "Thank God", "thank heaven": relief, no thanks to anyone (the recognizer may take God for a person).
PROVIDENCE = frozenset({"god", "lord", "heaven", "heavens", "goodness"})


def thanks_no_party(verb: Token) -> bool:
    """'Thanked the drivers who brought the convoy through', 'praised the nurses and volunteers',
    'thanked his supporters', 'Thank God', and the formula 'Thank you': everyone thanked is a
    common noun of private people (THANKED_PRIVATELY). 'Thanked Dorvan', 'praised the soldiers',
    'thanked the minister' back a party; a name ("Driver", a surname) is a person, who may be one."""
    if lemma_of(verb) not in GRATITUDE_VERBS:
        return False
    if _thank_you(verb):
        return True
    thanked = things_done_to(verb)
    return bool(thanked) and all(
        t.lower_ in PROVIDENCE
        or (t.pos_ in {"NOUN", "PROPN"} and not t.ent_type_ and lemma_of(t).lower() in THANKED_PRIVATELY)
        for t in thanked
    )


def _thank_you(verb: Token) -> bool:
    """'"Thank you, Pellane!"', '"Thank you, son," Veld replied': the formula, said to whoever
    is there, with no one saying 'we thank' or 'I want to thank' anyone in particular."""
    doc = verb.doc
    following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return (
        verb.lower_ == "thank"
        and following is not None
        and following.lower_ == "you"
        and not any(c.dep_ in {"nsubj", "aux"} for c in verb.children)
    )


# Everyone and no one in particular: their talk is chatter ("has everyone talking").
EVERYONE = frozenset(
    {"everyone", "everybody", "people", "anyone", "anybody", "nobody", "someone", "somebody"}
)


def private_talk(verb: Token) -> bool:
    """'Has everyone talking', 'people are talking': chatter, no one met; 'he and his wife started
    talking about moving': a household's own talk. Talks are held between parties ('the two leaders
    talked for an hour', 'Vale and Brell talked')."""
    subject = subject_of(verb)
    if subject is None:
        return False
    if subject.lower_ in EVERYONE:
        return True
    return any(lemma_of(c) in CLOSE_PEOPLE for c in subject.conjuncts)
