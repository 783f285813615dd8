"""Subjects that say a body acts though no entity covers them: a document, or a plural noun for a
body. Their acts take no person's actors (``events.take_implied_actors``).

``take_implied_actors`` gives an act whose clause names no actor the actors of the nearest act.
That is right for "the convoy came under attack", whose clause names no one, but wrong where the
clause has a subject of its own that the entity stage does not cover:

* a document that speaks ("the draft also calls on armed groups to disarm", "the resolution
  demands"): its author is the one the story says wrote, tabled or adopted it ("Norway circulated
  a draft on Monday ... The draft calls on"; "the council adopted a resolution that calls on";
  ``document_author``); a statement's is also the last one the story had speak
  (``SPOKEN_DOCUMENTS``, in ``events``). With no author named, a draft or a resolution may still
  take a body's actors from an act nearby, never a person's ("the foreign minister asked for aid.
  The draft also calls on" is not the minister's);
* a plural common noun for a body ("member states had agreed", "both chambers approved", "the
  parties agreed"): bodies named before, never a president, nor a president and his country.

Measured on the held-out sum: barring these acts from borrowing at all cost type+actor (1679 ->
1676 events right), as many such subjects do stand for bodies named just before; barring only
persons' acts keeps it (1679).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.event_parse import lemma_of, subject_of
from dateline.extract.event_trigger_table import Found

# Documents that act as their authors do ("the draft calls on", "the resolution demands"): not
# attribution_lexicon.DOCUMENT_NOUNS, the published sources a quote may come from (a poll, a tweet).
ACTING_DOCUMENTS = frozenset({
    "draft", "resolution", "text", "statement", "declaration", "communique", "communiqué", "letter",
    "document", "report", "bill", "motion", "memorandum", "memo", "petition", "charter", "manifesto",
})  # fmt: skip
# Nouns for a body of members that no word list of people holds: "both chambers approved".
CHAMBER_NOUNS = frozenset({"chamber", "house"})
# Documents that are speech: "the statement blamed the Front" after "the army said ...": the last
# one the story had speak is the statement's author when no verb says who issued it.
SPOKEN_DOCUMENTS = frozenset({"statement", "communique", "communiqué", "declaration"})
# How many sentences before a document's mention the story may have said who wrote it.
AUTHOR_SENTENCES = 3
# The verbs by which someone makes a document theirs: "circulated a draft", "adopted a resolution".
AUTHORING_VERBS = frozenset({
    "draft", "write", "circulate", "table", "submit", "present", "propose", "adopt", "pass",
    "approve", "issue", "release", "publish", "send", "introduce", "put", "sponsor", "unveil",
    "prepare", "distribute", "sign", "endorse", "file",
})  # fmt: skip


def own_subject(item: Found) -> Token | None:
    """The subject of the act's clause when it is a document or a plural common noun for a group
    (see the module's text), else None."""
    if item.token.pos_ in {"NOUN", "PROPN"} and not item.through_verb:
        return None  # a noun's own phrase says who does it ("the council's demand")
    if not any(c.dep_ == "nsubj" for c in item.clause.children):
        return None  # "employees detained in the raids": the one described is done to, no doer
    subject = subject_of(item.clause)
    if subject is None or subject.i == item.token.i:
        return None
    return subject if is_document(subject) or is_plural_group(subject) else None


def is_document(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and lemma_of(noun) in ACTING_DOCUMENTS


def is_plural_group(noun: Token) -> bool:
    """'Member states', 'both chambers', 'the parties', 'donors': a plural common noun for people
    or a body of them. The parser sometimes reads a lower-case plural as a name ("member states"),
    which keeps its plural form as its lemma."""
    if not noun.lower_.endswith("s") or (noun.pos_ == "PROPN" and noun.text[:1].isupper()):
        return False  # "the United States": a name
    if noun.tag_ not in {"NNS", "NNPS", "NNP"}:
        return False
    singular = lemma_of(noun) if noun.tag_ == "NNS" else noun.lower_[:-1]
    return lexicon.who_nouns().get(singular) == "group" or singular in CHAMBER_NOUNS


def document_author(document: Token, entities_of: Callable[[Token], list[str]]) -> list[str]:
    """Who wrote, tabled or adopted a document the story tells of, in its own sentence or in the
    ``AUTHOR_SENTENCES`` before it: the owner ("Norway's draft") or the subject of an authoring
    verb whose object it is ("the council adopted a resolution"), at the nearest document noun
    at or before it ("a draft resolution" ... "the text")."""
    for token in reversed(document.doc[author_window(document) : document.i + 1]):
        if not is_document(token) and not (token.dep_ == "compound" and is_document(token.head)):
            continue
        noun = token.head if token.dep_ == "compound" else token
        ids = next((ids for owner in _authors(noun) if (ids := entities_of(owner))), [])
        if ids:
            return ids
    return []


def author_window(document: Token) -> int:
    """The index of the first word of the ``AUTHOR_SENTENCES`` sentences before the document's."""
    sentences = list(document.doc.sents)
    here = next(n for n, s in enumerate(sentences) if s.start <= document.i < s.end)
    return sentences[max(0, here - AUTHOR_SENTENCES)].start


def _authors(noun: Token) -> list[Token]:
    """The words that may name a document's author: its owner ("Norway's draft"), its from- or
    by-phrase ("a statement from the ministry"), the subject of the verb that authored it ("the
    council adopted a resolution") or spoke in it ("the ministry said in a statement")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [g for c in noun.children if c.lower_ in {"from", "by"} for g in c.children if g.dep_ == "pobj"]
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB":
        verb = verb.head  # "said in a statement"
    elif not (noun.dep_ in {"dobj", "nsubjpass"} and lemma_of(verb) in AUTHORING_VERBS):
        return owners
    owners += [c for c in verb.children if c.dep_ == "nsubj"]
    return owners + [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
