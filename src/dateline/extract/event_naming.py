"""Name-calling: a verb of naming whose complement is a term of blame is an accusation.

"Veld called Vale a liar", "the president referred to the migrants as criminals", "Ruto labelled
the plan a disgrace", "Oskel branded the strike illegal": the subject blames the one it names
(PLOVER ACCUSE, mode disapprove), whether or not the words are reported as a quote. The terms are
those of ``data/disapproval_words.tsv`` and a few that blame only as a name given to someone
("called him a fraud": "fraud" alone may be a crime others committed). A passive with no agent
("was branded a traitor", "are deemed criminals") reports a label with no one giving it, and
"called him a friend" names without blame: neither is an accusation.
The trigger finder (``event_triggers``) asks ``names_with_blame`` of verbs with no row of their own.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.event_parse import lemma_of, objects_of
from dateline.extract.event_trigger_table import triggers
from dateline.extract.lexicon import disapproval_words

# Verbs that give their object a name or a description ("called X a Y", "described X as Y").
NAMING_VERBS = frozenset({
    "call", "label", "brand", "dub", "term", "describe", "refer", "characterize", "characterise",
    "portray", "depict", "paint", "cast",
})  # fmt: skip
# Words that blame when given to someone as a name, beyond the words of blame in quotes.
NAMING_BLAME = frozenset({
    "fraud", "cancer", "puppet", "dictator", "tyrant", "extremist", "menace", "charlatan", "murderer",
    "butcher", "propagandist", "disaster", "failure", "joke", "embarrassment", "anti-semite",
    "anti-semitic", "disappointing", "baseless", "coercive", "fascist", "thief", "cheat", "con",
    "fabricated", "unfounded", "groundless", "slanderous",
    # an act of another party called unlawful or a breach blames its doer: "called the sanctions
    # unlawful", "a move the firm called a violation of the arbitration order", "an act of piracy"
    "unlawful", "illegitimate", "unconstitutional", "violation", "piracy", "unprofessional",
    # a measure or a report called unfair blames who made it: "called the duties unjustified"
    "unjustified", "unfair", "unjust", "biased",
})  # fmt: skip
# Words that only deny: said of a charge they reject it ("called the accusation false"); said of
# anything else ("called the map false") they blame no one.
DENYING_ONLY = frozenset({"false", "untrue"})
# A motive that blames as a name: "a verdict she called politically motivated".
BLAMED_MOTIVES = frozenset({"politically", "ideologically", "racially"})
# Calling an accusation baseless or a lie rejects it (PLOVER REJECT), not its makers' accusation.
CHARGE_NOUNS = lexicon.CHARGE_NOUNS | {"assertion", "rumor", "rumour"}
# "I call it madness": a bare pronoun for a situation names no one.
VAGUE_PRONOUNS = frozenset({"it", "this", "that", "what"})
# Where the name stands: "called X a liar" (oprd), "branded the strike illegal" (ccomp), "described
# X as thugs" (as-phrase), "labelled the Dorvan plan a disgrace" (a second object).
COMPLEMENT_DEPS = frozenset({"oprd", "ccomp", "xcomp", "attr", "acomp"})


@lru_cache(maxsize=1)
def blame_words() -> frozenset[str]:
    """The words of blame of ``data/disapproval_words.tsv`` and ``NAMING_BLAME``."""
    return disapproval_words() | NAMING_BLAME


def names_with_blame(verb: Token) -> tuple[Token, str] | None:
    """The term of blame a naming verb gives its object and the event it makes: ('called Vale a
    liar' -> liar, ACCUSE; 'called the allegations baseless' -> baseless, REJECT), or None: the verb
    names no one (or only 'it'), names without blame, or is a passive with no agent."""
    if lemma_of(verb) not in NAMING_VERBS or verb.pos_ not in {"VERB", "AUX"}:
        return None
    children = list(verb.children)
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in children)
    if passive and not any(c.dep_ == "agent" for c in children):
        return None  # "was branded a traitor": a label, no one named as giving it
    if not passive and not any(c.dep_ in {"nsubj", "poss"} for c in children) and verb.dep_ != "relcl":
        return None
    complements = _complements(verb, children)
    named = _named(verb, children)
    relative = _contact_relative(verb, children)
    objects = [c for c in children if c.dep_ == "dobj"]
    if relative and not complements and len(objects) == 1:
        # "a move the firm called a violation of the order": the one object is the name given, the
        # noun the clause hangs on what is named
        complements, named = objects, []
    named = named or complements[:-1]  # "called the Dorvan tariff disappointing"
    if not named and (relative or verb.dep_ == "relcl") and verb.head.pos_ == "NOUN":
        named = [verb.head]  # "a verdict she called politically motivated": the noun it hangs on
    if not named or all(t.lower_ in VAGUE_PRONOUNS for t in named):
        return None
    charge = any(lemma_of(t) in CHARGE_NOUNS for t in named)
    blame = next((t for c in complements[-1:] for t in _phrase(c) if _blames(t, charge)), None)
    if blame is None:
        return None
    return blame, "REJECT" if charge else "ACCUSE"


def _blames(word: Token, charge: bool) -> bool:
    """Whether a word of the name given blames ('a liar', 'illegal', 'politically motivated'), or,
    given to a charge, denies it ('false'). The word's own form counts as well as its lemma: the
    parser reads 'fabricated' as the verb 'fabricate'."""
    if lemma_of(word) in blame_words() or word.lower_ in blame_words():
        return True
    if not charge and word.pos_ == "NOUN" and _names_force(word):
        return True  # "called the arrests kidnappings", "called the moves an attack on its sovereignty"
    if word.lower_ == "motivated" and any(c.lower_ in BLAMED_MOTIVES for c in word.children):
        return True
    return charge and word.lower_ in DENYING_ONLY


def _names_force(word: Token) -> bool:
    """A noun the trigger table types as force or coercion ('kidnapping', 'attack', 'persecution'):
    given as a name to another's act, it blames that act's doer."""
    return any(
        e.type in {"ASSAULT", "COERCE"} and e.with_ is None
        for e in triggers().get((lemma_of(word), "NOUN"), [])
    )


def _contact_relative(verb: Token, children: list[Token]) -> bool:
    """'a verdict she called politically motivated', 'a decision the Front called illegal': a
    relative clause with no relative pronoun, on a noun, which the parser may read as a participle
    ('acl') when its subject comes first; the noun is what the clause names."""
    if verb.head.pos_ != "NOUN" or verb.head.i > verb.i or not any(c.dep_ == "nsubj" for c in children):
        return False
    if verb.dep_ == "relcl":
        return not any(c.tag_ in {"WDT", "WP", "WP$"} for c in children)
    return verb.dep_ == "acl"


def _named(verb: Token, children: list[Token]) -> list[Token]:
    """Who or what is named: the object ('called Vale'), the passive subject, or 'referred to X'."""
    named = [c for c in children if c.dep_ in {"dobj", "nsubjpass"}]
    if lemma_of(verb) == "refer":
        named += [g for c in children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    named += [c for c in children if c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children)]
    return named


def _complements(verb: Token, children: list[Token]) -> list[Token]:
    """The name given: an object complement, an as-phrase, or the second of two objects."""
    found = [c for c in children if c.dep_ in COMPLEMENT_DEPS]
    found += [
        g for c in children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"
    ]
    objects = [c for c in children if c.dep_ == "dobj"]
    return sorted(found + objects[1:], key=lambda t: t.i)


def _phrase(head: Token) -> list[Token]:
    """The name's head and the words that qualify it ('a band of thugs', 'dangerous and coercive
    actions', 'deeply disappointing'), not any clause inside it."""
    words = [head]
    for child in head.children:
        if child.dep_ in {"amod", "compound", "conj", "acomp"}:
            words += _phrase(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            words += [g for g in child.children if g.dep_ == "pobj"]
    return words


# What one regrets of one's own: an apology (CAMEO 055, a concession), not blame of another.
OWN_FAULTS = frozenset({
    "misunderstanding", "mistake", "error", "remark", "comment", "word", "statement", "offense",
    "offence", "inconvenience", "hurt", "pain", "harm", "loss", "delay",
    # sorrow at what happened, or an apology for it: "regretted the deaths"
    "death", "casualty", "incident", "killing", "injury",
})  # fmt: skip


def regrets_another_act(token: Token) -> bool:
    """'Regretted the Dorvan decision', 'regretted that outsiders took a role': regret at another's
    act disapproves of it (ACCUSE); 'regretted his remarks' apologizes."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False  # "expressed regret for the sinking": the noun of an apology
    things = [c for c in token.children if c.dep_ == "dobj"] + objects_of(token, {"over", "at"})
    if not things and not any(c.dep_ == "ccomp" for c in token.children):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in {"we", "i"} for c in token.children):
        return False  # "we regret the delay": the speaker's own
    for thing in things:
        if lemma_of(thing) in OWN_FAULTS:
            return False
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in thing.children):
            return False  # "regretted its decision", "our mistakes": its own
    return True
