"""A plain-text article keeps its headline in its text; the headline's act, told again in the
lead, is one act, not two."""

from __future__ import annotations

from spacy.language import Language

from dateline.extract.events import headline_end
from dateline.model import Article, Event
from dateline.pipeline import analyse

HEADLINE = "Press group condemns Marovia jail term for reporter"
BODY = (
    "A press freedom group based in Pellane on Wednesday condemned the sentencing of a Marovian "
    "reporter to six years in prison, and called on the authorities to release him.\n\n"
    "Tomas Brell, who wrote for an independent news site, was convicted on Tuesday."
)


def events_of(nlp: Language, text: str, title: str | None) -> list[Event]:
    return analyse(nlp(text), Article(id="h", text=text, title=title)).events


def test_the_headline_ends_where_its_line_does() -> None:
    text = f"{HEADLINE}\n\n{BODY}"
    assert headline_end(text, HEADLINE) == len(HEADLINE)
    assert headline_end(BODY, HEADLINE) == 0  # the text does not open with its title
    assert headline_end(text, None) == 0


def test_a_headline_act_the_lead_tells_again_is_counted_once(nlp: Language) -> None:
    text = f"{HEADLINE}\n\n{BODY}"
    accusations = [e for e in events_of(nlp, text, HEADLINE) if e.type == "ACCUSE" and e.governed_by is None]
    assert [
        text[e.trigger.start : e.trigger.end] for e in accusations if e.trigger.end <= len(HEADLINE)
    ] == []
    assert any(e.trigger.start > len(HEADLINE) for e in accusations)


def test_a_headline_act_the_story_does_not_tell_again_stays(nlp: Language) -> None:
    headline = "Dorvan expels Marovian envoy over spying claims"
    text = f"{headline}\n\n{BODY}"
    found = events_of(nlp, text, headline)
    assert any(e.trigger.end <= len(headline) and e.governed_by is None for e in found)


def test_without_a_title_the_first_line_is_any_sentence(nlp: Language) -> None:
    text = f"{HEADLINE}\n\n{BODY}"
    found = events_of(nlp, text, None)
    assert any(e.type == "ACCUSE" and e.trigger.end <= len(HEADLINE) for e in found)
