"""Speakers that are pronouns: the voice they stand for, or no entity at all.

The entity analysis resolves most pronouns. A reporting clause's "he" or "she" it leaves
unresolved, or ties to something that cannot speak as a person (a place, an organisation), most
often follows a quotation of the person last quoted: news names a voice once and then goes on
with "he said". So a personal pronoun with no person behind it takes the nearest earlier
speaker who is a person of a gender it agrees with, and "it" the nearest earlier speaker that
is an organisation, a country or a group. With none near, the speaker keeps its words and no
entity: a pronoun is never an actor of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.extract.entities import EntityAnalysis

PERSONAL_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
THING_PRONOUNS = {"it"}
# How far back (in characters) the voice a pronoun stands for may have last spoken.
MAX_DISTANCE = 1500
BODY_TYPES = {"ORG", "GPE", "GROUP", "NORP"}
# "Some", "many", "others" speaking: part of the group the story just named.
PARTITIVES = {"some", "many", "others", "most", "several", "few", "all", "both"}
# How far back (in characters) the group or body such a speaker stands for may have been named.
MAX_NAMED_BEFORE_DISTANCE = 400


@dataclass(frozen=True)
class Voice:
    """One attribution's speaker as this pass sees it: where its cue is, its words, its entity."""

    at: int
    text: str
    entity: str | None


def resolve_pronouns(voices: list[Voice], analysis: EntityAnalysis) -> list[str | None]:
    """The entity each voice (in text order) stands for; unchanged for names and descriptions."""
    resolved: list[str | None] = []
    genders: dict[str, str] = {}  # what the pronouns read so far say of each person
    for index, voice in enumerate(voices):
        word = voice.text.lower()
        entity = voice.entity
        if word in PERSONAL_PRONOUNS:
            gender = PERSONAL_PRONOUNS[word]
            if not _person_agreeing(entity, gender, analysis, genders):
                entity = _previous(voices[:index], resolved, voice.at, analysis, gender, genders)
            if entity is not None:
                genders.setdefault(entity, gender)
        elif word in THING_PRONOUNS and entity is None:
            entity = _previous(voices[:index], resolved, voice.at, analysis, None, genders)
            entity = entity or _named_just_before(voice.at, analysis, {"ORG", "GPE"})
        elif word in PARTITIVES and entity is None:
            entity = _named_just_before(voice.at, analysis, {"GROUP", "NORP"})
        resolved.append(entity)
    return resolved


def _named_just_before(at: int, analysis: EntityAnalysis, types: set[str]) -> str | None:
    """The entity of ``types`` named last, shortly before ``at``: 'the people of Myanmar expect
    action. Some have even said ...' (some of the group); 'The ministry closed the camp. It said
    ...' (the body)."""
    best: tuple[int, str] | None = None
    for entity in analysis.entities:
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            if at - MAX_NAMED_BEFORE_DISTANCE <= mention.end <= at and (
                best is None or mention.end > best[0]
            ):
                best = (mention.end, entity.id)
    return best[1] if best else None


def _person_agreeing(
    entity: str | None, gender: str, analysis: EntityAnalysis, genders: dict[str, str]
) -> bool:
    if entity is None:
        return False
    cluster = analysis.cluster_of(entity)
    return cluster.type == "PERSON" and (cluster.gender or genders.get(entity)) in {None, gender}


def _previous(
    before: list[Voice],
    resolved: list[str | None],
    at: int,
    analysis: EntityAnalysis,
    gender: str | None,
    genders: dict[str, str],
) -> str | None:
    """The nearest earlier speaker a pronoun can stand for: a person of ``gender``, or (with no
    gender) a body."""
    for voice, entity in zip(reversed(before), reversed(resolved), strict=True):
        if at - voice.at > MAX_DISTANCE:
            return None
        if entity is None:
            continue
        if gender is not None and _person_agreeing(entity, gender, analysis, genders):
            return entity
        if gender is None and analysis.cluster_of(entity).type in BODY_TYPES:
            return entity
    return None
