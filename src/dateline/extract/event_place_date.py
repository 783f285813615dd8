"""Where and when: the place and the date an event's own clause carries.

Decided here: the place is a place mention in the event's own clause, in a location phrase ('in',
'at', 'near', 'to', ...), else a destination in its complement ("ordered troops to head to
Rafah"); the date is a date mention attached to the event's verb directly or through one
preposition ("met on Friday"), not one inside an argument ("Blinken, on his tour since the Oct. 7
attack, made a plea"). Embedded and coordinated clauses belong to their own events.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.extract.event_parse import descendants
from dateline.model import DateMention, EventDate


def token_index(doc: Doc, spans: list[tuple[int, int, object]]) -> dict[int, object]:
    """Token index -> the value of the first of ``spans`` (character offsets) covering it."""
    index: dict[int, object] = {}
    for start, end, value in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        for token in span or []:
            index.setdefault(token.i, value)
    return index


def place_of(clause: Token, place_at: dict[int, object]) -> str | None:
    """The place id of the event whose clause is ``clause``; ``place_at``: token -> place id."""
    # The event's own clause first; then a destination in its complement ("ordered troops
    # to head to Rafah").
    heads = [clause, *[c for c in clause.children if c.dep_ == "xcomp"]]
    for head in heads:
        for token in _clause_tokens(head):
            place = place_at.get(token.i)
            if place is not None and _is_location_phrase(token):
                return str(place)
    return None


def date_of(clause: Token, date_at: dict[int, object]) -> EventDate | None:
    """A date attached to the event's verb ('met on Friday'), not one inside an argument
    ('Blinken, on his tour since the Oct. 7 attack, made a plea'); ``date_at``: token -> mention."""
    for token in _clause_tokens(clause):
        mention = date_at.get(token.i)
        if isinstance(mention, DateMention) and _attached_to(token, clause):
            return EventDate(mention.text, mention.value, mention.precision)
    return None


def _clause_tokens(verb: Token) -> list[Token]:
    """Tokens of ``verb``'s own clause: embedded and coordinated clauses belong to their own
    events; coordinated nouns stay ('talks with Netanyahu and members of his cabinet in Jerusalem')."""
    embedded = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "parataxis"}
    return descendants(verb, lambda child, _: child.dep_ in embedded and not _noun_conjunct(child))


def _noun_conjunct(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}


def _attached_to(token: Token, verb: Token) -> bool:
    """Whether ``token``'s phrase modifies ``verb`` directly, or through one preposition."""
    while (
        token.dep_ in {"compound", "amod", "nummod", "det", "quantmod", "npadvmod", "nmod"}
        and token.head != token
    ):
        if token.head == verb:
            return True
        token = token.head
    if token.head == verb:
        return True
    return token.dep_ == "pobj" and token.head.head == verb


def _is_location_phrase(token: Token) -> bool:
    head = token
    while head.dep_ in {"compound", "amod", "det", "poss", "case"} and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "to",
    }
