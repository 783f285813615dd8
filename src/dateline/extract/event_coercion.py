"""Coercion told as the state its victim is in, as holding someone, or as keeping someone from
acting: 'remain behind bars', 'is under house arrest', 'died in custody', 'remain under sanctions',
'was held for a year without trial', 'reporters held by the Velmar Front'.

A wire story counts a detention or a sanction that still holds as an act done to its subject, though
no verb says who did it: "800 people remain behind bars for political reasons", "many leaders remain
under sanctions". The subject of a verb of being, staying or dying in such a state is the one held;
the noun of the state (custody, arrest, sanctions, bars, prison) is the trigger. "Held" is coercion
when the one held is a person and the phrase says how or by whom ("held without charge", "held by
the Houthis"); "held talks" and "the town held its vote" are other senses. Keeping someone from
acting ("prevented lawyers from visiting", "moved to stop activists from launching balloons") is
a restriction when the one kept is a person or a group; "stopped the fire from spreading" is none.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.event_parse import CAPTIVE_NOUNS, lemma_of, objects_of
from dateline.extract.event_trigger_table import Trigger

# The states one is held in, by the preposition before their noun, and the act each is.
HELD_STATES: dict[str, dict[str, str]] = {
    "behind": {"bar": "COERCE"},
    "in": {"custody": "COERCE", "detention": "COERCE", "prison": "COERCE", "jail": "COERCE"},
    "under": {
        "arrest": "COERCE", "detention": "COERCE", "curfew": "COERCE", "siege": "COERCE",
        "blockade": "COERCE", "sanction": "SANCTION", "embargo": "SANCTION",
    },
}  # fmt: skip
# Verbs whose subject is in the state: "remain behind bars", "is in custody", "died in detention",
# "spent two years in prison". A prison a subject runs, visits or escapes is no state of theirs.
STATE_VERBS = frozenset({"be", "remain", "stay", "languish", "die", "spend", "sit", "rot"})
# Verbs of holding someone: the verb is the act ("police held him in custody", "was kept in
# detention"), its object or its passive subject the one held (see holds_a_captive).
HOLDING_VERBS = frozenset({"hold", "keep"})
# Words that count the people held ("dozens of employees held by the Front"): the nouns that count
# up to thousands (as lemmas; "millions" is a population, not people held), and two words that
# are no numbers but count people alike, "number" and "group" ("a group of employees held").
COUNTS = frozenset(lexicon.number_words("collective", most=1000)) | {"number", "group"}
# Where a person is held: "held in custody", "kept in detention".
HELD_IN = frozenset({"custody", "detention", "prison", "jail", "captivity", "incommunicado"})
# What a person is held without: "held without charge", "held for 16 months without trial".
WITHOUT = frozenset({"trial", "charge", "charges", "access", "warrant"})


def held_state(noun: Token) -> str | None:
    """The type of the act a noun names as the state its clause's subject is held in ('remain
    behind bars', 'is under house arrest', 'remain under sanctions'), if it is one."""
    if noun.dep_ != "pobj":
        return None
    kind = HELD_STATES.get(noun.head.lower_, {}).get(lemma_of(noun))
    if kind is None:
        return None
    verb = noun.head.head
    if noun.head.lower_ == "behind" and noun.lower_ != "bars":
        return None  # "behind the bar": a counter, not a cell
    return kind if lemma_of(verb) in STATE_VERBS else None


def state_entry(noun: Token, table_entries: list[Trigger] | None) -> list[Trigger] | None:
    """The row a state noun fires with: its own table row, or one for the state's place ('bars',
    'prison') that is no act anywhere else."""
    kind = held_state(noun)
    if kind is None:
        return table_entries
    own = [e for e in table_entries or [] if e.type == kind and e.with_ is None]
    return own or [Trigger(lemma_of(noun), "NOUN", None, kind, "arrest" if kind == "COERCE" else None)]


def holds_a_captive(
    verb: Token, is_party: Callable[[Token], bool], is_person: Callable[[Token], bool]
) -> bool:
    """'Was held for 16 months without trial', 'the reporters held by the Velmar Front', 'police
    held Vale in custody', 'was kept in detention': a person held by a group or a state, without
    charge or in custody is detained. 'Held talks', 'the seat he held', 'the ceremony was held',
    'held by his mother', 'kept in the dark' are other senses."""
    if lemma_of(verb) not in HOLDING_VERBS:
        return False
    held: Token | None = next((c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}), None)
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"} and verb.head.i < verb.i:
        held = verb.head  # "the reporters held by the Velmar Front"
    if held is not None and (held.pos_ == "NUM" or lemma_of(held) in COUNTS):
        held = next(iter(objects_of(held, {"of"})), held)  # "dozens of U.N. employees held by"
    if held is None or held.ent_type_ in {"ORG", "GPE", "NORP"}:
        return False  # "the vote was held", "the town held by rebels": no person held
    if not is_party(held) and lemma_of(held) not in CAPTIVE_NOUNS:
        return False  # "U.N. personnel held by the Front", "employees held by": people all the same
    where = objects_of(verb, {"in"})
    if any(lemma_of(t) in HELD_IN for t in where) or any(c.lower_ == "incommunicado" for c in verb.children):
        return True
    if held.dep_ == "dobj":
        return False  # "held Vale's hand", "kept the leaders waiting": only a place of holding tells
    by = [g for c in verb.children if c.dep_ in {"agent", "prep"} and c.lower_ == "by" for g in c.children]
    if by and all(is_party(t) and not is_person(t) for t in by):
        return True  # held by a group or a state ("held by his mother" is a hug)
    return any(lemma_of(t) in WITHOUT or t.lower_ in WITHOUT for t in objects_of(verb, {"without"}))


# A court's order that someone be held, told with how long or on what terms ("ordered the cleric
# held for two months pending trial", "ordered him detained in custody"; see orders_detention).
DETAINING_VERBS = frozenset({"hold", "detain", "jail", "imprison", "keep"})
HELD_TERMS = frozenset({"pending", "for", "in", "without"})


def orders_detention(verb: Token, is_party: Callable[[Token], bool]) -> bool:
    """'A court ordered the cleric held for two months pending trial': the order is the detention,
    by who orders it, of whom it names. The holding must say for how long, pending what or where
    ('ordered the vote held', 'ordered the troops held back' hold no one)."""
    if lemma_of(verb) != "order":
        return False
    for held in (c for c in verb.children if c.dep_ == "dobj"):
        if held.ent_type_ in {"ORG", "GPE", "NORP"} or not (
            is_party(held) or lemma_of(held) in CAPTIVE_NOUNS
        ):
            continue
        for clause in held.children:
            if clause.dep_ != "acl" or clause.tag_ != "VBN" or lemma_of(clause) not in DETAINING_VERBS:
                continue
            terms = [t for t in clause.subtree if t.dep_ == "prep" and t.lower_ in HELD_TERMS]
            if terms and not any(c.dep_ == "prt" for c in clause.children):
                return True
    return False


# Verbs of keeping someone from acting ("prevented lawyers from visiting"): restraints when the
# one kept is a party (rows "prevent from", "stop from", "block from" in the trigger table).
RESTRAINING_VERBS = frozenset({"prevent", "stop", "block", "keep"})
# What a rival is kept from in a contest ("stop Veld from winning", "from becoming the nominee"):
# campaigning against a rival, no restraint of a party.
WINNING_VERBS = frozenset({"win", "become", "reach", "clinch", "claim", "secure", "capture", "gain", "get"})


def restrains_a_party(verb: Token, is_party: Callable[[Token], bool]) -> bool:
    """'Prevented lawyers from visiting', 'stopped activists from launching balloons': the one kept
    from acting is a person or a group; 'stopped the fire from spreading', 'kept prices from rising'
    keep a thing from happening."""
    if lemma_of(verb) not in RESTRAINING_VERBS:
        return True
    if any(lemma_of(act) in WINNING_VERBS for act in _kept_from(verb)):
        return False  # "to stop Veld from winning the nomination": beating a rival, no restraint
    kept = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(is_party(t) and t.ent_type_ not in {"MONEY", "PERCENT", "QUANTITY"} for t in kept)


def _kept_from(verb: Token) -> list[Token]:
    """The acts a party is kept from: the verbs after 'from' ('prevented him from reaching')."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
        if g.pos_ == "VERB"
    ]


# "The curfew went into effect", "the sanctions came into force": a measure in force was imposed.
INTO_FORCE_VERBS = frozenset({"go", "come", "enter"})
FORCE_NOUNS = frozenset({"effect", "force"})


def went_into_force(noun: Token) -> bool:
    """'The nationwide curfew went into effect', 'the embargo came into force': the subject, a
    measure, was put in force (as 'the sanctions took effect' is, by its aspectual verb)."""
    verb = noun.head
    return (
        noun.dep_ in {"nsubj", "nsubjpass"}
        and lemma_of(verb) in INTO_FORCE_VERBS
        and any(lemma_of(t) in FORCE_NOUNS for t in objects_of(verb, {"into"}))
    )


# Outlets a ban silences: "a ban on the media outlet", "banned the newspaper".
MEDIA_OUTLETS = frozenset({
    "outlet", "newspaper", "paper", "broadcaster", "channel", "station", "website", "network", "agency",
})  # fmt: skip


def bans_a_party(ban: Token | None, is_party: Callable[[Token], bool]) -> bool:
    """'Imposed a ban on the Oskel Herald', 'a ban on opposition parties': a ban on a person, a group
    or an outlet silences or outlaws it (COERCE); 'a ban on Dorvan grain imports' is a measure of
    trade (SANCTION), and so is a visa ban on officials (a measure of entry, see COMMERCE_WORDS)."""
    if ban is None or lemma_of(ban) != "ban":
        return False
    if any(c.dep_ in {"compound", "amod"} and lemma_of(c) in COMMERCE_WORDS for c in ban.children):
        return False
    banned = objects_of(ban, {"on", "against"})
    return any((is_party(t) and t.ent_type_ != "GPE") or lemma_of(t) in MEDIA_OUTLETS for t in banned)


# What a restriction of commerce or of entry restricts: such a measure aimed at another state or its
# officials is a sanction (CAMEO 163: embargo, boycott, sanction), where a restriction of movement,
# assembly or the press restricts people (COERCE).
COMMERCE_WORDS = frozenset(
    {"visa", "trade", "export", "import", "transaction", "investment", "financial", "banking", "shipment"}
)


def restricts_commerce(restriction: Token, dependent: Token | None) -> bool:
    """'Imposed visa restrictions on 40 officials', 'restricted exports of rare earths to Dorvan',
    'restricting financial transactions with the army's firms': trade, money or visas restricted."""
    words = [restriction] + ([dependent] if dependent is not None else [])
    words += [c for c in restriction.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(
        lemma_of(w) in COMMERCE_WORDS
        or any(c.dep_ in {"compound", "amod"} and lemma_of(c) in COMMERCE_WORDS for c in w.children)
        for w in words
    )


# Disorder a party says it will not allow: a warning to those who would cause it.
DISORDER = frozenset({
    "vandalism", "disturbance", "violence", "attack", "provocation", "aggression", "chaos",
    "lawlessness", "terrorism", "unrest", "riot", "looting", "sabotage",
    # the armed or criminal groups themselves ("will not allow criminal networks to operate",
    # "any terrorist structure on its border"): those warned are the groups named
    "terrorist", "criminal", "extremist",
})  # fmt: skip


def forbids_hostility(verb: Token, hostile: set[int]) -> bool:
    """'Police will not allow "vandalism or attacks on institutions"', 'will not allow Afghan soil
    to be used by terrorists to attack Pakistan': refusing to permit disorder or an attack warns
    those who would do it (a threat), unlike refusing a concession ('will not allow the vote')."""
    if lemma_of(verb) not in {"allow", "permit", "tolerate"}:
        return False
    allowed = [c for c in verb.children if c.dep_ in {"dobj", "ccomp", "xcomp"}]
    words = [t for a in allowed for t in a.subtree]
    return any(lemma_of(t) in DISORDER or t.i in hostile for t in words)
