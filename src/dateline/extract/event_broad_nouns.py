"""Whether a noun of the trigger table names a political act here, or another sense of the word.

A word of an act may qualify a thing ("attack helicopters", "kidnapping insurance", "protest songs",
"the threat level"): it says what kind of thing it is, and no one does the act. A release of
documents or data ("the release of the emails", "a news release") frees no one; one person's
protests ("despite her numerous protests", "his protests of innocence") are objections, not a
demonstration; a threat or a warning of a danger ("the threat of terrorism", "warnings of
intrusions into voting systems") alerts to it, where a threat names the threatener's own hostile
act ("threats of sanctions", "warnings of retaliation"); and a clash over a topic is a dispute.
"A great deal of uncertainty" is an amount; an accord that stands ("Dorvan's Pact on Migration",
"stick to their promises") is no agreement made; "its pandemic restrictions" coerce no one. A
candidate's rally ("Vale's rallies", "held a rally in Oskel") is campaigning, no protest, and a
candidate's appeal among voters attracts them and asks no one for anything. A kind of act judged in
a copular sentence ("every truce is a pause", "criticism of the deal has been risky") is none done.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.attribution_lexicon import DOCUMENT_NOUNS
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_cooperative_acts import EPIDEMIC_WORDS
from dateline.extract.event_force_senses import dispute_over_a_topic
from dateline.extract.event_parse import (
    LOCATION_PREPS,
    OBJECTS,
    lemma_of,
    objects_of,
    subject_of,
    sum_of_money,
)
from dateline.extract.event_request_senses import appeal_asks

# Craft, weapons and beasts an act's word names the kind of: "attack helicopters", "assault
# weapons", "an attack dog". Read only as a noun before them: "bombing ships" may bomb ships.
CRAFT = lexicon.VEHICLES | {
    "jet", "drone", "submarine", "warship", "gunship", "rifle", "weapon", "gun", "dog",
}  # fmt: skip
# Media, goods and measures an act's word names the kind of: "attack ads", "protest songs",
# "kidnapping insurance", "the threat level", "the average donation amount".
KINDS = {
    "ad", "advert", "advertisement", "commercial", "song", "music", "album", "anthem", "poster",
    "banner", "placard", "video", "film", "movie", "novel", "insurance", "level", "rate", "amount",
    "index", "rating", "scene", "map",
}  # fmt: skip
# What is released when it is made public: documents, data and media ("the release of the emails",
# "the email release", "a news release", "the finding's release"), no captives or land.
PUBLISHED = DOCUMENT_NOUNS | {
    "email", "e-mail", "information", "file", "transcript", "video", "tape", "footage", "photo",
    "image", "picture", "recording", "audio", "correspondence", "cable", "paper", "return", "text",
    "detail", "name", "list", "result", "number", "earnings", "earning", "news", "press", "book",
    "album", "song", "film", "movie", "ad", "excerpt", "page", "spreadsheet", "leak", "batch", "trove",
    "cache",
}  # fmt: skip
# One person's own protests: the words that own them.
ONE_PERSON_POSSESSIVES = {"his", "her", "my", "your"}
# "Despite her protests", "over his protests": what a protest is set against is one's objection.
OBJECTION_PREPS = {"despite", "over", "against", "notwithstanding"}
# Nouns that are a threat when they name the threatener's act, and a danger when they name none.
ALERT_NOUNS = {"threat", "warning"}
ALERTED_OF = {"of", "about"}
# What else a threat or a warning may have that makes it one: "a threat to cut aid", "threats
# against Israel", "a warning from Dorvan", "a warning to Kessaria".
THREAT_PREPS = {"against", "by", "from", "to"}
# Accords and promises, which may be acts of agreeing or the standing things agreed (see
# _accord_referred_to), and what is done with a standing one: it is kept, broken or left.
ACCORD_NOUNS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "promise", "pledge"})
KEEPING_ACCORDS = frozenset({
    "stick", "abide", "keep", "honor", "honour", "respect", "fulfil", "fulfill", "violate", "breach",
    "break", "implement", "uphold", "renege", "betray", "scrap", "abandon", "exit",
})  # fmt: skip
# Participles that tell the accord being made ("the agreement signed in Pretoria").
MAKING_ACCORDS = frozenset(
    {"sign", "reach", "strike", "broker", "agree", "conclude", "seal", "ink", "negotiate"}
)
# Words before an accord that tell when or how far it was made, not its topic ("the new deal").
FRESH_WORDS = frozenset({
    "new", "recent", "latest", "tentative", "proposed", "final", "preliminary", "interim", "first",
    "historic", "landmark", "initial", "draft", "possible", "potential", "last",
})  # fmt: skip
AMOUNT_ADJECTIVES = frozenset({"great", "good", "fair", "big"})
# Money lent or granted, an act of aid only with its sum (see _names_its_sum).
SUM_NOUNS = frozenset({"grant", "loan", "disbursement"})
# Words before a rally that make it a campaign's ("a campaign rally", "her victory rally").
CAMPAIGN_RALLIES = frozenset(
    {"campaign", "victory", "kickoff", "election", "reelection", "re-election", "stump"}
)
# Verbs by which one person holds or attends a rally ("Vale held a rally", "attended the rally").
RALLY_VERBS = frozenset({"hold", "attend", "stage", "headline", "address", "have", "plan", "open", "host"})
# What a rally is set against makes it a protest ("a rally against the decree", "an anti-Vale rally").
PROTEST_SIGNS = frozenset({"against", "protest", "outside"})


def qualifies_a_thing(word: Token) -> bool:
    """'Attack helicopters', 'kidnapping insurance', 'protest songs', 'the threat level': the
    word of an act is a noun before a thing it names the kind of (a gerund the parser took for a
    verb with the thing as its object, 'have kidnapping insurance', too). 'Bailout packages',
    'a mediation effort', 'peace talks' are acts: their head is the act or what carries it."""
    head = word.head
    if word.dep_ in {"compound", "nmod", "amod"} and head.i > word.i and head.pos_ in {"NOUN", "PROPN"}:
        return lemma_of(head) in CRAFT | KINDS
    if word.tag_ != "VBG" or word.i + 1 >= len(word.doc):
        return False
    thing = word.doc[word.i + 1]  # right after the gerund, with nothing before it: a compound
    return (
        thing.head.i == word.i and thing.dep_ == "dobj" and thing.pos_ == "NOUN" and lemma_of(thing) in KINDS
    )


# Determiners that make a noun a kind, not one act: "every truce", "an attack on a nurse".
KIND_DETERMINERS = frozenset({"every", "any", "each", "a", "an", "one"})


def kind_judged(noun: Token) -> bool:
    """'Every truce is a pause', 'one arrest is a beginning', 'an attack on a nurse is an attack on
    every patient', 'criticism of the deal has been risky', 'constructive dialogue is the answer':
    a kind of act, the subject of a copula that judges it (or what it is equated with), names no
    act that happened. Not 'the arrests were the largest', 'their release was a victory' (one act,
    already told), nor 'the shelling that began on Monday is a worry' (told as happening). On
    the train sets such rows were extras five times to once counted."""
    copula = noun.head
    if noun.dep_ == "attr" and lemma_of(copula) == "be":
        subjects = [c for c in copula.children if c.dep_ == "nsubj"]
        return bool(subjects) and lemma_of(subjects[0]) == lemma_of(noun) and kind_judged(subjects[0])
    if noun.dep_ != "nsubj" or lemma_of(copula) != "be":
        return False
    if not any(c.dep_ in {"attr", "acomp"} for c in copula.children):
        return False  # "a strike is under way", "a truce is in place": a state of affairs told
    if any(c.dep_ in {"poss", "relcl", "acl"} for c in noun.children):
        return False
    determiners = [c.lower_ for c in noun.children if c.dep_ in {"det", "nummod"}]
    if determiners:
        return all(d in KIND_DETERMINERS for d in determiners)
    return noun.tag_ == "NN"  # a bare mass noun: "criticism of the deal", "dialogue"


def broad_noun_holds(
    noun: Token, event_type: str, analysis: EntityAnalysis, names_an_act: Callable[[Token], bool]
) -> bool:
    """Whether a trigger noun of type ``event_type`` names the act of its row, not another sense
    of the word. ``names_an_act`` says whether a word is an act (the trigger finder's answer)."""
    lemma = lemma_of(noun)
    if lemma == "release" and event_type in {"RETREAT", "CONCEDE"}:
        return not _releases_things(noun)
    if lemma == "protest" and event_type == "PROTEST":
        return not _objection(noun, analysis)
    if lemma == "rally" and event_type == "PROTEST":
        return not _campaign_rally(noun, analysis)
    if lemma == "appeal" and event_type == "REQUEST":
        return appeal_asks(noun)  # "his appeal among young voters", "Vale's populist appeal"
    if lemma in ALERT_NOUNS and event_type == "THREATEN":
        return not _alert_of_a_danger(noun, names_an_act)
    if lemma == "clash":
        return not dispute_over_a_topic(noun)
    if event_type == "COERCE" and any(lemma_of(c) in EPIDEMIC_WORDS for c in noun.children):
        return False  # "its pandemic restrictions": public-health rules, no one coerced
    if lemma in ACCORD_NOUNS and event_type == "AGREE":
        return not (_quantity_idiom(noun) or _accord_referred_to(noun))
    if lemma in SUM_NOUNS and event_type == "AID":
        return _names_its_sum(noun)
    if lemma == "contact" and event_type == "CONSULT":
        return _contact_kept(noun, analysis)
    # "the first aid to enter the port": goods on their way, no giver told
    return not (event_type == "AID" and _aid_told_arriving(noun))


# What goods do on their way: "the first aid to enter the port", "food aid that reached Kessaria".
ARRIVING_VERBS = frozenset({"enter", "reach", "arrive", "cross", "land", "dock", "pass", "flow", "roll"})


def _aid_told_arriving(noun: Token) -> bool:
    """'The first aid to enter the port since March', 'the aid that reached Kessaria': the noun names
    goods by where they went, and the clause tells of their journey. Who gave them is not said,
    and a giver borrowed from another sentence (often the party that let them in) is a guess;
    'Dorvan sent aid that reached Kessaria' is read at 'sent'."""
    for clause in noun.children:
        if clause.dep_ in {"acl", "relcl"} and lemma_of(clause) in ARRIVING_VERBS:
            doer = subject_of(clause)  # none for "to enter", "that" for "that reached"
            if doer is None or doer == noun or doer.tag_ in {"WDT", "WP"}:
                return True
    return False


def _names_its_sum(noun: Token) -> bool:
    """'A grant of $90 million', 'a $2 billion loan', 'a disbursement of $1 billion': money handed
    over, which is aid when a party gives it. A bare 'grant' or 'loan' is as often a student's, a
    home buyer's or a research grant as a state's, and a campaign's 'disbursements' its spending."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and sum_of_money(noun.head.head):
        return True  # "$2 billion in loans"
    amounts = [c for c in noun.children if c.dep_ in {"nummod", "compound", "quantmod"}]
    return any(sum_of_money(t) for t in amounts + objects_of(noun, {"of", "worth"}))


# Verbs that keep or open contact with a party ("made contact with", "maintained contact with").
CONTACT_VERBS = frozenset({"make", "establish", "maintain", "keep", "have", "resume", "restore", "seek"})
# States one is in contact in ("was in contact with Dorvan", "remains in close contact").
BEING_VERBS = frozenset({"be", "remain", "stay"})
# Parties named by a common noun that one keeps contact with ("in contact with both governments").
CONTACT_PARTIES = frozenset({"government", "authority", "side", "party", "counterpart", "capital"})


def _contact_kept(noun: Token, analysis: EntityAnalysis) -> bool:
    """'Was in contact with Belgrade', 'made contact with the rebels', 'in close contact with both
    governments': a party keeps talking with another (CAMEO 04x, as "held talks" is). Not contact
    as a touch or an exposure ('came into contact with the crowd', 'everyone who had been in
    contact with the patient'), nor a contact with no party named, nor one that ends ('cut off
    contact', read at the verb)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in":
        kept = lemma_of(head.head) in BEING_VERBS
    else:
        kept = noun.dep_ == "dobj" and lemma_of(head) in CONTACT_VERBS
    if not kept:
        return False
    others = objects_of(noun, {"with"})
    return any(analysis.is_agent(t, lexicon.ACTOR_NOUNS) or lemma_of(t) in CONTACT_PARTIES for t in others)


def _quantity_idiom(noun: Token) -> bool:
    """'A great deal of uncertainty', 'a good deal of money': an amount, no deal."""
    return (
        lemma_of(noun) == "deal"
        and any(c.dep_ == "amod" and c.lower_ in AMOUNT_ADJECTIVES for c in noun.children)
        and bool(objects_of(noun, {"of"}))
    )


def _accord_referred_to(noun: Token) -> bool:
    """'Should stick to their promises', 'violated the treaty', 'Dorvan's Pact on Migration, adopted
    in 2022', 'the Kessaria nuclear deal': an accord or a promise that already stands, named by its
    party and its topic or kept and broken; the act is what is done with it, if anything, not an
    agreement made. 'Italy's agreement with Albania', 'the agreement signed in Pretoria' and
    'agreements between Dorvan and the Front' still tell of parties agreeing."""
    if objects_of(noun, {"with", "between"}) or any(
        c.dep_ in {"acl", "relcl"} and lemma_of(c) in MAKING_ACCORDS for c in noun.children
    ):
        return False
    kept = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in {"dobj", "pobj"} and lemma_of(kept) in KEEPING_ACCORDS:
        return True
    party = any(
        c.dep_ == "poss" or (c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN") for c in noun.children
    )
    topic = bool(objects_of(noun, {"on"})) or any(
        c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN"} and lemma_of(c) not in FRESH_WORDS
        for c in noun.children
    )
    return party and topic


def _releases_things(noun: Token) -> bool:
    """'The group's release of emails', 'the email release', 'a news release', 'the report's
    release': documents or data made public (by its of-phrase, a noun before it or a possessor
    that is a text). A release frees people ('the release of five hostages', 'his release', 'the
    prisoner release', 'the release of their loved ones') or gives up land."""
    released = objects_of(noun, {"of"})
    released += [c for c in noun.children if c.dep_ in {"compound", "nmod", "poss"} and c.pos_ == "NOUN"]
    return any(lemma_of(t) in PUBLISHED for t in released)


def _objection(noun: Token, analysis: EntityAnalysis) -> bool:
    """'Despite her numerous protests', 'over his protests', 'his protests of innocence': one
    person's own protests, set against something or protesting a claim, are objections. A crowd's
    protests, or one leader's in a place ('Vale's protest outside parliament'), are
    demonstrations."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or not _one_person(owner, analysis):
        return False
    if any(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in objects_of(noun, LOCATION_PREPS)):
        return False
    against = noun.dep_ == "pobj" and noun.head.lower_ in OBJECTION_PREPS
    claimed = bool(objects_of(noun, {"of"})) or any(
        c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children) for c in noun.children
    )
    return against or claimed


def _campaign_rally(noun: Token, analysis: EntityAnalysis) -> bool:
    """'Vale's rallies', 'at his rally in Oskel', 'a Brell rally', 'her victory rally', 'Brell held
    a rally', 'a rally for Vale': one person's rally is a candidate's campaign event, no protest
    (on the PolNeAR train articles nearly every rally is one). A rally against something, an
    'anti-Vale rally' or a crowd's or a group's rally stays a demonstration."""
    if any(c.lower_.startswith("anti") or c.lower_ in PROTEST_SIGNS for c in noun.subtree):
        return False
    for child in noun.children:
        if child.dep_ == "poss" and _one_person(child, analysis):
            return True
        if child.dep_ in {"compound", "amod", "nmod"} and (
            lemma_of(child) in CAMPAIGN_RALLIES or _one_person(child, analysis)
        ):
            return True
    if any(_one_person(t, analysis) for t in objects_of(noun, {"for"})):
        return True  # "a Sunday night rally for Vale"
    holder = subject_of(noun.head) if noun.dep_ == "dobj" and lemma_of(noun.head) in RALLY_VERBS else None
    return holder is not None and _one_person(holder, analysis)


def _one_person(owner: Token, analysis: EntityAnalysis) -> bool:
    if owner.lower_ in ONE_PERSON_POSSESSIVES:
        return True
    found = analysis.mention_at(owner.i)
    return owner.ent_type_ == "PERSON" or (found is not None and found[1].type == "PERSON")


def _alert_of_a_danger(noun: Token, names_an_act: Callable[[Token], bool]) -> bool:
    """'Face the threat of terrorism', 'police warnings of intrusions into voting systems': a
    threat or a warning of something that is no act alerts to a danger; 'threats of sanctions',
    'a warning of retaliation' name the act threatened, and 'a threat to cut aid', 'threats
    against Israel', 'the threat from Dorvan' have their threatener's act or target."""
    dangers = objects_of(noun, ALERTED_OF)
    if not dangers or objects_of(noun, THREAT_PREPS):
        return False
    if any(c.dep_ in {"acl", "xcomp", "relcl", "ccomp"} or c.dep_ in OBJECTS for c in noun.children):
        return False
    return not any(names_an_act(t) for t in dangers)
