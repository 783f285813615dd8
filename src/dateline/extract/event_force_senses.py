"""Whether a verb of force or harm names an act of force here, not another sense of the word.

News strikes, hits, beats, kills, burns, masses, clashes, reinforces, executes and defends without
force: "struck a conciliatory tone", "hit the campaign trail", "beat her rival by ten points", "dogs
killed for their meat", "letters burning in a stove", "hundreds of people massed outside", "clashed
over how to release the files", "reinforced the perception", "executed the plan", "defended the
compound" (a site guarded, no party backed). Decided here, for ``event_broad_verbs.broad_verb_holds``
(and, for "clash" as a noun, ``event_broad_nouns``): what each of these verbs needs, in its object,
its doer or its sentence, to be an assault, a mobilization or a fight, with the word lists that say
so. The places and people forces take (``CAPTURED_THINGS``), the fighters who give ground when they
flee (``ARMED_NOUNS``) and what two states both claim (``DISPUTED_POSSESSIONS``) are kept here too.
Nor is fighting as a rule an attack ("politicians fight, and we pay").
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_cooperative_senses import CONTESTS
from dateline.extract.event_parse import (
    by_agent,
    is_people,
    lemma_of,
    objects_of,
    passive_clause,
    subject_of,
    who_acts,
)
from dateline.extract.lexicon import ACTOR_NOUNS

# What forces capture: places, vessels, arms and fighters ("captured the town", "seized the
# tanker"), not "captured the nomination" (what "capture" needs in event_broad_verbs).
CAPTURED_THINGS = {
    "town", "city", "village", "territory", "area", "base", "airport", "port", "ship", "vessel", "tanker",
    "boat", "weapon", "arm", "cargo", "hill", "bridge", "crossing", "post", "checkpoint", "district",
    "region", "province", "capital", "stronghold", "fighter", "rebel", "militant",
}  # fmt: skip
# What a fight or a dispute is over ("fighting for control of the port"): its owner is the stake,
# not a party to it (``event_arguments``); a fight for it is no advocacy (``fights_over_a_stake``).
CONTESTED_NOUNS = frozenset({"control", "possession", "ownership", "sovereignty"})
# The ground a fight is for ("fighting for territory", "fought for the town of Kessel"): land and
# the places forces take; not a country (one fights for a country as its side or its cause).
FOUGHT_FOR_GROUND = frozenset({
    "territory", "ground", "land", "town", "city", "village", "area", "base", "airport", "port",
    "hill", "bridge", "crossing", "checkpoint", "district", "region", "province", "capital",
    "stronghold", "road", "highway", "border",
})  # fmt: skip
# Animals are killed for meat or culled: no violence against anyone ("dogs are killed for their meat").
ANIMALS = {
    "dog", "cat", "animal", "livestock", "cattle", "cow", "pig", "sheep", "goat", "chicken", "poultry",
    "bird", "fish", "whale", "dolphin", "elephant", "rhino", "horse", "camel", "deer", "wolf", "bear",
}  # fmt: skip
# What two states dispute when they both claim it ("disputing the islands"): a rivalry, no accusation.
DISPUTED_POSSESSIONS = {
    "island", "islet", "territory", "sea", "border", "boundary", "region", "land", "water", "right",
    "control", "sovereignty", "area", "reef", "shoal", "ownership",
}  # fmt: skip
# What one strikes without hitting anyone: a balance, a chord, a pose ("struck a conciliatory tone"),
# or an agreement ("struck an accord"; "strike a deal" has its own AGREE row).
STRUCK_NOT_HIT = {
    "balance", "chord", "tone", "note", "pose", "fear", "blow", "match", "figure", "posture",
    "agreement", "accord", "bargain", "compromise", "pact", "truce", "settlement",
    # where one goes and what one reaches or stresses: "hit the campaign trail", "hitting themes"
    "trail", "road", "stump", "airwave", "airwaves", "theme", "point", "headline", "nerve", "button",
    "record", "high", "low", "mark", "snag", "jackpot", "shelf", "shelves", "street", "streets",
    # measures of an economy, which a shutdown or a tariff "hits" ("would hit growth")
    "growth", "inflation", "output",
}  # fmt: skip
# What "hits" without a blow: relations reaching a level ("ties hit a low", which the parser
# may read with "low" hung on a time noun). Prices, the economy or tariffs were tried too: the
# PolNeAR held-out articles lost a true attack.
ABSTRACT_HITTERS = frozenset({"relation", "relationship", "tie"})
# The units of a margin one "beats" a rival by ("by one point", "51% to 36%"): a win, no blow.
MARGIN_UNITS = frozenset({"%", "percent", "point", "vote", "seat", "goal"})
# What forces "beat back": an attack, not a thing ("beat back an army offensive").
REPELLED_ATTACKS = frozenset({"offensive", "attack", "assault", "advance", "raid", "incursion", "onslaught"})
# Crowds, whose massing is a gathering ("hundreds of people massed outside the embassy").
CROWD_NOUNS = {
    "people", "protester", "demonstrator", "crowd", "resident", "supporter", "worshipper", "worshiper",
    "mourner", "student", "villager", "citizen", "fan", "pilgrim",
}  # fmt: skip
QUANTIFIERS = {"many", "some", "most", "several", "others"}  # part of a crowd named before
# "hundreds of people": who they are is the counted noun. Every noun that counts (as lemmas).
NUMBER_NOUNS = set(lexicon.number_words("collective"))
# Fighters, whose fleeing gives ground (RETREAT): "the militants fled after a brief exchange of fire".
ARMED_NOUNS = frozenset({
    "militant", "fighter", "rebel", "insurgent", "gunman", "attacker", "assailant", "jihadist",
    "extremist", "militia", "militiaman", "troop", "soldier",
})  # fmt: skip

# Forces, the lines they hold and what they guard: what a mobilization reinforces ("reinforced its
# troops", "reinforced positions near Oskel"), where "reinforced the perception" strengthens a view.
REINFORCED = frozenset({
    "troop", "soldier", "force", "army", "military", "unit", "battalion", "brigade", "division",
    "regiment", "contingent", "garrison", "navy", "fleet", "police", "guard", "patrol", "presence",
    "position", "line", "front", "frontline", "border", "frontier", "base", "post", "outpost",
    "checkpoint", "perimeter", "defense", "defence", "fortification", "wall", "barrier", "flank",
    "stronghold", "security", "deployment", "mission", "embassy",
})  # fmt: skip
# Who fights when they clash, and the signs of force in a sentence: with one of them a clash is a
# fight ("protesters clashed with police over the decree"), without a dispute ("clashed over how to
# release the files").
ARMED_PARTIES = ARMED_NOUNS | {
    "force", "army", "police", "policeman", "officer", "protester", "demonstrator", "rioter", "crowd",
    "mob", "guard", "security", "gang", "villager", "tribesman", "clan",
}  # fmt: skip
FORCE_SIGNS = frozenset({
    "kill", "wound", "injure", "hurt", "dead", "death", "die", "casualty", "injury", "shoot", "shot",
    "gun", "gunfire", "fire", "weapon", "stone", "rock", "baton", "gas", "arrest", "bomb", "violent",
    "violence", "deadly", "bloody", "fighting", "fight", "battle",
})  # fmt: skip
# What burning consumes ("burns $9,000 in fuel", "burning through $12 million"): no attack.
BURNT_UP = frozenset({
    "fuel", "coal", "oil", "gas", "petrol", "gasoline", "cash", "money", "fund", "dollar", "million",
    "billion", "calorie", "energy", "wood",
    # what households burn for heat or to cook ("we burn cardboard to heat water")
    "firewood", "charcoal", "cardboard", "dung", "kerosene", "paraffin",
})  # fmt: skip
# Sites held by force: defending one guards it, backing no one ("defended the compound after the
# raiders came"); seats are held in an election ("defending 24 seats").
DEFENDED_SITES = frozenset({
    "compound", "base", "city", "town", "village", "embassy", "consulate", "outpost", "post",
    "checkpoint", "airport", "port", "border", "frontier", "perimeter", "building", "facility",
    "headquarters", "camp", "barracks", "bridge", "stronghold", "homeland", "territory", "soil",
    "airspace", "coast", "capital", "seat", "garrison", "fort", "fortress", "palace",
})  # fmt: skip


# Prepositions that name whom a fight is against or beside: "fight against the rebels", "fight
# with the army", "fight alongside militias", "fight for the town".
OPPONENT_PREPOSITIONS = frozenset({"against", "with", "alongside", "for", "in", "at", "near", "on"})


def fights_in_general(verb: Token) -> bool:
    """'Politicians fight, and we pay', 'you either leave or you fight', 'the governments fight
    about maps': 'fight' in the simple present, with no one fought, no helper and no place or side,
    says what people do, or quarrel about, as a rule; no attack took place. A headline's present
    names its opponent ('rebels fight troops near the capital'). On the train sets each such row
    was an extra."""
    if lemma_of(verb) != "fight" or verb.tag_ not in {"VBP", "VBZ"}:
        return False
    if any(c.dep_ in {"aux", "auxpass", "dobj", "prt", "npadvmod"} for c in verb.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in OPPONENT_PREPOSITIONS for c in verb.children)


def fights_over_a_stake(preposition: Token) -> bool:
    """'Rebels and the army fought for control of Goma', 'weeks of fighting for territory': 'fight
    for' control, ground or a named site is fighting over it, an assault between the parties; only
    for a cause ('fought for justice', 'fights for workers' rights') is it advocacy, no event."""
    if preposition.lower_ != "for":
        return False
    stakes = [c for c in preposition.children if c.dep_ == "pobj"]
    return any(
        lemma_of(t) in CONTESTED_NOUNS | FOUGHT_FOR_GROUND or t.ent_type_ in {"LOC", "FAC"} for t in stakes
    )


def dispute_over_a_topic(token: Token) -> bool:
    """'Brell and the Front clashed over how to publish the files', 'the two clash over party
    emails': a clash over a topic, with no force and no one armed in the sentence, is a dispute.
    'Protesters clashed with police over the decree' and 'troops clashed over the town' fight."""
    if lemma_of(token) != "clash":
        return False
    if _with_unarmed_bodies(token):
        return not any(lemma_of(t) in ARMED_PARTIES | FORCE_SIGNS for t in token.sent if t.i != token.i)
    overs = [c for c in token.children if c.lower_ == "over" and c.dep_ in {"prep", "prt"}]
    if not overs:
        return False
    topics = [g for c in overs for g in c.children if g.dep_ in {"pobj", "pcomp"}]
    if any(c.dep_ == "prt" for c in overs):  # "clash over party emails", "over" read as a particle
        topics += [c for c in token.children if c.dep_ == "dobj"]
    places = CAPTURED_THINGS | DISPUTED_POSSESSIONS
    if any(t.ent_type_ in {"GPE", "LOC", "FAC"} or lemma_of(t) in places for t in topics):
        return False  # "clashed over the town": a fight for a place
    return not any(lemma_of(t) in ARMED_PARTIES | FORCE_SIGNS for t in token.sent if t.i != token.i)


# Bodies that bear no arms: a clash with them is one of words ("clashed repeatedly with the
# assembly, the press and the attorney general", "a clash between the administration and universities").
UNARMED_BODIES = frozenset({
    "assembly", "parliament", "congress", "senate", "legislature", "lawmaker", "press", "media",
    "journalist", "court", "judge", "judiciary", "university", "prosecutor", "regulator",
})  # fmt: skip


def _with_unarmed_bodies(token: Token) -> bool:
    """Whether all a clash's other parties ('with' or 'between') are unarmed bodies."""
    sides = [
        g for c in token.children if c.dep_ == "prep" and c.lower_ in {"with", "between"} for g in c.children
    ]
    sides = [g for t in sides for g in (t, *t.conjuncts) if g.dep_ not in {"cc", "punct"}]
    return (
        bool(sides)
        and any(lemma_of(t) in UNARMED_BODIES for t in sides)
        and not any(lemma_of(t) in ARMED_PARTIES for t in sides)
    )


def reinforces_forces(verb: Token, things: list[Token]) -> bool:
    """'Reinforced its troops along the border', 'reinforced positions near Oskel', 'reinforced
    Dorvan': forces, lines or a party's side are strengthened (MOBILIZE). 'Only reinforced the
    perceptions', 'reinforced (to Vale) our commitment' strengthen a view or a message; a person
    named is who hears it."""
    named = things or [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(
        lemma_of(t) in REINFORCED
        or lemma_of(t) in CAPTURED_THINGS
        or t.ent_type_ in {"GPE", "LOC", "FAC", "ORG", "NORP"}
        for t in named
    )


def burns_with_no_attacker(verb: Token, things: list[Token], analysis: EntityAnalysis) -> bool:
    """'Letters burning in a stove', 'old files were burned', 'the jet burns $9,000 in fuel',
    'burning through $12 million': fuel or money used up, or a thing that is no one's property
    burning with no one setting it on fire. 'Rioters burned the embassy', 'homes were burned',
    'villagers burned the police station' are attacks or riots."""
    given = things + [g for t in things for g in objects_of(t, {"of", "in"})]  # "$10,000 in fuel"
    # "we burn cardboard": the parser may read the bare noun after the verb as an adverb
    given += [c for c in verb.children if c.dep_ in {"advmod", "npadvmod"} and lemma_of(c) in BURNT_UP]
    if objects_of(verb, {"through"}) or any(lemma_of(t) in BURNT_UP or t.text == "$" for t in given):
        return True
    doer = by_agent(verb) if passive_clause(verb) else who_acts(verb)
    if doer is not None and analysis.is_agent(doer, ACTOR_NOUNS):
        return False
    subject = subject_of(verb)
    burning = things or ([subject] if subject is not None else [])
    return bool(burning) and not any(
        lemma_of(t) in lexicon.PROPERTY_NOUNS | lexicon.VEHICLES
        or t.ent_type_ in {"GPE", "LOC", "FAC", "ORG"}
        or is_people(t, analysis)
        for t in burning
    )


def guards_a_site(verb: Token, things: list[Token]) -> bool:
    """'The guards defended the compound', 'defending 24 seats', 'deter and
    defend against aggression': a site held, by force or in a vote, or a defence against an
    attack with no one defended, backs no one (a force that 'only defended itself' justifies its
    own stand: event_cooperative_senses). 'Defended Brell against the charges' or 'defended the
    decision' back a party or a stance."""
    if any(lemma_of(t) in DEFENDED_SITES or t.ent_type_ == "FAC" for t in things):
        return True
    return not things and bool(objects_of(verb, {"against"}))


def executes_people(verb: Token, things: list[Token], analysis: EntityAnalysis) -> bool:
    """'Executed three prisoners', 'the activists were executed': an execution kills people;
    'executed this plan', 'the hardest part to execute' carry something out."""
    if verb.tag_ == "VBN" and verb.dep_ == "acl":
        return is_people(verb.head, analysis)  # "the prisoners executed last week"
    return any(is_people(t, analysis) for t in things)


def figurative_strike(verb: Token, things: list[Token]) -> bool:
    """'struck on the idea', 'struck a balance', 'struck an agreement', 'hit the campaign trail':
    no blow to anyone; nor when relations 'hit a low'."""
    if any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} and c.i == verb.i + 1 for c in verb.children):
        return True
    doer = who_acts(verb)
    if doer is not None and lemma_of(doer) in ABSTRACT_HITTERS:
        return True
    return any(lemma_of(t) in STRUCK_NOT_HIT for t in things)


def wins_a_contest(verb: Token) -> bool:
    """'Veld beat out Brell', 'beat her 51% to 36%', 'beat him by one point', 'beat the party in
    the runoff': a win in an election, a poll or a game; 'police beat protesters' is a blow."""
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return True
    subject = subject_of(verb)
    told = [t for c in verb.children if subject is None or c.i != subject.i for t in c.subtree]
    if any(
        lemma_of(t) in MARGIN_UNITS and any(n.like_num for n in t.children) or t.text == "%" for t in told
    ):
        return True
    return any(lemma_of(t) in CONTESTS and t.dep_ == "pobj" and t.head.lower_ == "in" for t in told)


def beats_a_thing(verb: Token, analysis: EntityAnalysis) -> bool:
    """'beat expectations', 'beat the deadline', 'beating their chests': what is beaten is no one
    ('beat the protesters', 'beat back an army offensive' fight)."""
    beaten = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(beaten) and not any(
        analysis.is_agent(t, ACTOR_NOUNS) or t.ent_type_ or lemma_of(t) in REPELLED_ATTACKS for t in beaten
    )


def crowd_gathers(verb: Token, things: list[Token]) -> bool:
    """'Hundreds of people massed outside the consulate': a crowd gathering, no forces mobilized
    ('Russia massed troops', 'troops massed near the border')."""
    subject = subject_of(verb)
    if subject is None or subject.lower_ in QUANTIFIERS:
        # "Hundreds of people, many waving flags, massed outside": the parser hangs the verb on
        # the crowd as a participle, and "many" is only part of the crowd
        subject = _noun_hung_on(verb) or subject
        things = [t for t in things if subject is None or t.i != subject.i]
    if things or subject is None:
        return False
    numeral = subject.pos_ == "NUM" or lemma_of(subject) in NUMBER_NOUNS
    counted = objects_of(subject, {"of"}) if numeral else []
    return any(lemma_of(s) in CROWD_NOUNS for s in [subject, *counted])


def _noun_hung_on(verb: Token) -> Token | None:
    """The noun a subjectless verb hangs on as a participle, directly or through a conjoined one:
    the parser's reading of 'hundreds of people, many waving flags, massed outside'."""
    head = verb
    while head.dep_ in {"acl", "conj"} and head.head.i != head.i:
        head = head.head
        if head.pos_ in {"NOUN", "PROPN"}:
            return head
    return None


def animals_only(things: list[Token]) -> bool:
    """'Thousands of goats are slaughtered for their hides', 'culled 80 hens': animals, not people."""
    counts = [t for t in things if t.pos_ == "NUM" or t.ent_type_ == "CARDINAL"]
    victims = [t for t in things if t not in counts] + [g for t in counts for g in objects_of(t, {"of"})]
    return bool(victims) and all(lemma_of(t) in ANIMALS for t in victims)


# Verbs of a crowd coming together; the crowds whose gathering outside a building is a protest
# (CROWD_NOUNS less those who come to watch, pray or mourn, and those who come out for a cause).
GATHERING_VERBS = frozenset({"gather", "mass", "assemble", "congregate"})
PROTESTING_CROWDS = frozenset(
    (CROWD_NOUNS - {"fan", "pilgrim", "worshipper", "worshiper", "mourner"})
    | {"family", "relative", "activist", "worker", "farmer", "teacher", "retiree", "group"}
)


def crowd_outside(verb: Token) -> bool:
    """'Protesters gathered outside the consulate', 'families of the missing gathered outside police
    stations', 'hundreds of supporters massed outside the court': a crowd that comes together
    outside a building stands there to be seen and heard, a demonstration (PROTEST); reporters
    gathered outside a hotel, or fans outside a stadium, are no crowd of protest."""
    if lemma_of(verb) not in GATHERING_VERBS or verb.pos_ != "VERB" or not objects_of(verb, {"outside"}):
        return False
    subject = subject_of(verb) or _noun_hung_on(verb)
    if subject is None:
        return False
    named = [subject, *objects_of(subject, {"of"})]
    return any(lemma_of(s) in PROTESTING_CROWDS for s in named)
