"""Violence words that are no political act: what nature, accidents and sport do.

"Floods killed 40 people", "an earthquake destroyed 2,000 homes", "three died in a landslide",
"Marovia beat Pellane 2-1 in a friendly": the words of an assault, but no one attacked anyone. An
analyst of political violence counts none of them (the issue's real-news reading found a third of
disaster snippets coded ASSAULT or PROTEST). Decided here: whether a trigger's doer is a natural
force, a disease or an accident, or its clause is a sporting contest.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dateline.extract.event_parse import SUBJECTS, by_agent, lemma_of

# Natural forces, diseases and accidents that kill and destroy. "Fire", "blast" and "explosion"
# are left out: "Marovian fire killed two", "a blast hit the convoy" are attacks as often as not.
HAZARD_NOUNS = frozenset(
    {
        "flood", "floodwater", "flooding", "rain", "rainfall", "downpour", "deluge", "storm", "rainstorm",
        "hurricane", "typhoon", "cyclone", "tornado", "earthquake", "quake", "tremor", "aftershock",
        "tsunami", "landslide", "mudslide", "avalanche", "wildfire", "bushfire", "drought", "heatwave",
        "snowstorm", "blizzard", "lightning", "eruption", "volcano", "wind", "wave", "water", "disease",
        "outbreak", "epidemic", "pandemic", "cholera", "virus", "famine", "accident", "crash",
        "collision", "derailment", "stampede", "collapse", "cold", "heat",
    }
)  # fmt: skip
# Contests whose winners "beat", "crush" or "defeat" their rivals.
SPORT_NOUNS = frozenset(
    {
        "match", "game", "final", "semifinal", "semi-final", "quarterfinal", "quarter-final",
        "tournament", "championship", "friendly", "fixture", "derby", "qualifier", "league", "cup",
        "olympics", "race", "bout", "team", "squad", "club", "football", "soccer", "basketball",
        "cricket", "rugby", "tennis", "volleyball", "hockey",
    }
)  # fmt: skip
SCORE = re.compile(r"\d{1,3}[-\u2013]\d{1,3}")  # "2-1", "3–0"
DASHES = frozenset({"-", "\u2013"})
RESULT_NOUNS = frozenset({"win", "victory", "defeat", "loss", "draw", "rout", "scoreline"})
# The types whose words nature or a game can take: attacks, and destroying or forcing.
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# "Three died in the landslide", "homes destroyed during the storm", "killed by floods".
HAZARD_PREPOSITIONS = frozenset({"in", "during", "by", "from", "after"})


def no_political_violence(verb: Token, event_type: str) -> bool:
    """Whether a violent trigger is the work of nature or an accident, or a sporting result."""
    if event_type not in VIOLENT_TYPES:
        return False
    return done_by_a_hazard(verb) or sporting_contest(verb)


def done_by_a_hazard(verb: Token) -> bool:
    """'Floods killed 40', 'homes were destroyed by the earthquake', 'were killed in a landslide'."""
    doer = by_agent(verb) or next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if doer is not None:
        return _is_hazard(doer)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or verb.dep_ == "acl"
    return passive and any(
        _is_hazard(g)
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in HAZARD_PREPOSITIONS
        for g in c.children
        if g.dep_ == "pobj"
    )


def sporting_contest(verb: Token) -> bool:
    """'Marovia beat Pellane 2-1 in a friendly', 'the national team crushed its rivals': the
    clause names a score, a contest or a team."""
    tokens = [t for t in verb.subtree if t.sent == verb.sent]
    return any(_names_a_contest(t) for t in tokens) or any(_a_score_ends(t) for t in tokens)


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


def _is_hazard(noun: Token) -> bool:
    # The recognizer takes some for names ("Cholera" an organisation): the word decides, unless
    # written in capitals, an acronym ("RAIN", a network).
    return noun.pos_ in {"NOUN", "PROPN"} and not noun.text.isupper() and lemma_of(noun) in HAZARD_NOUNS
