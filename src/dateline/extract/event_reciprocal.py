"""Two-sided acts: both parties do them, and each does them to the other.

"Marovian troops clashed with Kessarian forces", "fighting between the army and the Front",
"the two parties accused each other": no party is the only doer, nor the only one done to. Our
annotation conventions (benchmarks/data/CONVENTIONS.md: "two-sided clashes and mutual blame") name
both parties as actors and as recipients, and so does the record: whoever counts what the Front
did finds the clash, and whoever counts what was done to the army finds it too.

An agreement is joint but not done to anyone: "Marovia agreed with Kessaria to reopen the
crossing" has both as actors and no recipient, as "Marovia's agreement with Kessaria" has
(``ArgumentFinder.actors``) and as PLOVER codes "Ethiopia and Somalia agreed". A one-way act stays
one-way: "Kenya met with Uganda", "Kenya accused Uganda".
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.event_arguments import FIGHT_NOUNS
from dateline.extract.event_parse import lemma_of, objects_of
from dateline.extract.event_trigger_table import Found

# Words of fighting in which neither side is the only attacker (an attack, a raid or a shelling
# has one): the fight nouns of the argument rules, but for the two whose other senses are common
# ("an encounter with reporters", "an exchange of letters").
CLASH_WORDS = FIGHT_NOUNS - {"encounter", "exchange"}

# Words of agreeing whose partner after "with" agrees as well.
AGREEING_WORDS = frozenset({"agree", "reconcile"})

# The prepositions that bring in the other side.
PARTNER_PREPS = {"with", "between", "among"}


def sides_of(
    item: Found, event_type: str, actors: list[str], recipients: list[str]
) -> tuple[list[str], list[str]]:
    """The actors and recipients of the act of ``item``, both parties on each side where the act
    is two-sided (see the module's text), as found otherwise."""
    words = _act_words(item)
    parties = list(dict.fromkeys([*actors, *recipients]))
    if len(parties) < 2:
        return actors, recipients
    if any(_each_other(word) for word in words) or (event_type == "ASSAULT" and _clash(words, recipients)):
        return parties, list(parties)
    if event_type == "AGREE" and recipients and _partnered(words, AGREEING_WORDS):
        return parties, []
    return actors, recipients


def _clash(words: list[Token], recipients: list[str]) -> bool:
    """A clash named with its other side ("clashed with the Front") or between sides listed as
    its doers ("the army and the Front clashed", "clashes between ...")."""
    if not any(_lemma_in(word, CLASH_WORDS) for word in words):
        return False
    return _partnered(words, CLASH_WORDS) if recipients else True


def _partnered(words: list[Token], kind: frozenset[str]) -> bool:
    return any(_lemma_in(word, kind) and objects_of(word, PARTNER_PREPS) for word in words)


def _act_words(item: Found) -> list[Token]:
    """The trigger word with its light verb or its object noun: "with" hangs on either word of
    "held a battle with" or "fought a battle with"."""
    token = item.token
    words = [token, *(c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN")]
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        words.append(token.head)
    return words


def _lemma_in(word: Token, kind: frozenset[str]) -> bool:
    return lemma_of(word) in kind or word.lower_ in kind


def _each_other(word: Token) -> bool:
    """'accused each other', 'fired on one another': the reciprocal pronoun as an object of the
    word or of a preposition hanging on it."""
    objects = [c for c in word.children if c.dep_ in {"dobj", "dative"}]
    objects += [g for c in word.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    # the parser hangs either word on the other ("each" on "other", "another" on "one")
    pairs = [{o.lower_, *(d.lower_ for d in o.children)} for o in objects]
    return any({"each", "other"} <= pair or {"one", "another"} <= pair for pair in pairs)
