"""Each extraction stage's work grows in proportion to the article, not faster (issue 14).

The work is counted, not timed: the lines of dateline's own code each stage runs (a trace), per
token, on a synthetic article of 8 and of 32 copies of one story (with other names and places in
each copy), so a loaded machine cannot make the test flaky. A stage that rescans every mention per
mention, or every quotation per cue, runs twice as many lines per token on the longer article
(before issue 14's fixes: entities x2.1, dates x2.2, attributions x1.5, events x1.3); a stage in
proportion runs about as many (x0.8 to x1.05). benchmarks/long_article.py times the same on real
articles of 1,000 to 40,000 words.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from spacy.tokens import Doc

import dateline
from dateline.extract.attributions import find_attributions
from dateline.extract.dates import find_dates
from dateline.extract.entities import find_entities
from dateline.extract.events import find_events
from dateline.extract.places import find_places

FIRST = [
    "Amara",
    "Boris",
    "Celia",
    "Dario",
    "Elena",
    "Farid",
    "Greta",
    "Hamid",
    "Ines",
    "Jonas",
    "Karin",
    "Luca",
]
LAST = ["Okonjo", "Varga", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Petrov", "Silva", "Novak", "Rahimi",
        "Kowalski", "Duarte", "Brennan"]  # fmt: skip
PLACES = [
    "Cairo",
    "Nairobi",
    "Kabul",
    "Lima",
    "Oslo",
    "Manila",
    "Dakar",
    "Quito",
    "Hanoi",
    "Amman",
    "Tbilisi",
]
ORGS = ["the United Nations", "the World Bank", "NATO", "the Red Cross", "the African Union"]
SHORT, LONG = 8, 32
MAX_GROWTH = 1.2  # lines per token on the long article over the short one
SOURCE = str(Path(dateline.__file__).parent)


def _story(i: int) -> str:
    first, last = FIRST[i % len(FIRST)], LAST[(i * 5 + i // len(FIRST)) % len(LAST)]
    place, org = PLACES[(i * 7) % len(PLACES)], ORGS[i % len(ORGS)]
    return (
        f"Foreign Minister {first} {last} said in {place} on Monday that talks with {org} would resume "
        f'next week. "We will not give up on this agreement," {last} told reporters. The minister added '
        f"that officials expected a deal by March, according to a statement.\n\n"
        f"Protesters gathered outside the ministry in {place}, where police fired tear gas. "
        f"{org[0].upper() + org[1:]} condemned the attack and called for calm. "
        f'"They have no right to do this," said a spokesman for the group, who asked not to be named. '
        f"He said the government had promised to investigate.\n\n"
    )


def _lines_run(call: Callable[[], Any]) -> tuple[int, Any]:
    """How many lines of dateline's code ``call`` runs, and what it returns."""
    lines = 0

    def in_frame(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal lines
        lines += event == "line"
        return in_frame

    def on_call(frame: FrameType, event: str, arg: object) -> Any:
        return in_frame if frame.f_code.co_filename.startswith(SOURCE) else None

    previous = sys.gettrace()  # a coverage tool's, if any: restored after
    sys.settrace(on_call)
    try:
        result = call()
    finally:
        sys.settrace(previous)
    return lines, result


def _work_per_token(doc: Doc) -> dict[str, float]:
    """Lines per token of each stage, called as pipeline.analyse calls them."""
    lines: dict[str, int] = {}
    lines["places"], places = _lines_run(lambda: find_places(doc))
    lines["entities"], found = _lines_run(lambda: find_entities(doc, places, "2025-03-12", None))
    lines["attributions"], quotes = _lines_run(lambda: find_attributions(doc, found))
    lines["dates"], dates = _lines_run(lambda: find_dates(doc, None))
    lines["events"], _ = _lines_run(lambda: find_events(doc, found, quotes, places, dates))
    return {stage: count / len(doc) for stage, count in lines.items()}


def measure() -> dict[int, dict[str, float]]:
    """Lines per token of each stage on the short and the long article."""
    from dateline.nlp import load_nlp

    nlp = load_nlp()
    short, long = nlp("".join(map(_story, range(SHORT)))), nlp("".join(map(_story, range(LONG))))
    # Tables and caches load here, untraced: they are no per-token work. On a parse of its own, so
    # that what a stage keeps with a doc (its text, its quotations) favours neither article.
    warm = nlp(short.text)
    places = find_places(warm)
    found = find_entities(warm, places, "2025-03-12", None)
    quotes = find_attributions(warm, found)
    find_events(warm, found, quotes, places, find_dates(warm, None))
    return {SHORT: _work_per_token(short), LONG: _work_per_token(long)}


@pytest.fixture(scope="module")
def work() -> dict[int, dict[str, float]]:
    # Counted in a fresh interpreter: in the suite's own process, state earlier tests leave behind (a
    # table cleared to be built again, under the line tracer) made the count take many minutes.
    script = f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); " + (
        "import test_long_articles as t; print(json.dumps(t.measure()))"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    counted = json.loads(run.stdout.strip().splitlines()[-1])
    return {int(size): stages for size, stages in counted.items()}


@pytest.mark.parametrize("stage", ["places", "entities", "attributions", "dates", "events"])
def test_a_stage_does_no_more_work_per_word_on_a_longer_article(
    work: dict[int, dict[str, float]], stage: str
) -> None:
    growth = work[LONG][stage] / work[SHORT][stage]
    assert growth <= MAX_GROWTH, (
        f"{stage}: {work[LONG][stage]:.1f} lines per token on {LONG} stories, {work[SHORT][stage]:.1f} on "
        f"{SHORT}: x{growth:.2f}; something in it grows faster than the article"
    )
