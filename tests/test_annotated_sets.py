"""Our annotated story sets (benchmarks/annotated_sets.py) hold together: every story the gold
names exists, every event's trigger and sentence start stand word for word in its story, and every
party of an event is one of the story's annotated actors. A slip in a hand-written gold file would
otherwise count as a miss of dateline's, silently, in the filter's training and the benchmarks.

The invented sets ship with the project; sets whose stories live in ../shared (VOA, PolNeAR) are
checked only for their parties when those stories are absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from annotated_sets import SETS, AnnotatedSet  # noqa: E402

TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
MODALITIES = {"asserted", "reported", "future", "hypothetical", "negated"}


def gold_of(annotated: AnnotatedSet) -> list[dict]:
    return [
        json.loads(line) for line in annotated.gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.mark.parametrize("annotated", SETS, ids=[a.name for a in SETS])
def test_every_event_party_is_an_annotated_actor(annotated: AnnotatedSet) -> None:
    wrong = [
        (story["id"], name)
        for story in gold_of(annotated)
        for event in story["events"]
        for name in event["actors"] + event["recipients"]
        if name not in {actor["name"] for actor in story["actors"]}
    ]
    assert not wrong


@pytest.mark.parametrize("annotated", SETS, ids=[a.name for a in SETS])
def test_every_event_has_a_plover_type_and_modality(annotated: AnnotatedSet) -> None:
    events = [event for story in gold_of(annotated) for event in story["events"]]
    assert events
    assert {e["type"] for e in events} <= TYPES
    assert {e.get("modality", "asserted") for e in events} <= MODALITIES


INVENTED = [a for a in SETS if not a.real_news]


@pytest.mark.parametrize("annotated", INVENTED, ids=[a.name for a in INVENTED])
def test_every_trigger_stands_in_its_story(annotated: AnnotatedSet) -> None:
    texts = {
        json.loads(line)["id"]: json.loads(line)["text"]
        for line in annotated.stories.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    gold = gold_of(annotated)
    assert {story["id"] for story in gold} == set(texts)
    missing = [
        (story["id"], event["trigger"])
        for story in gold
        for event in story["events"]
        if event["trigger"] not in texts[story["id"]] or event["sentence_start"] not in texts[story["id"]]
    ]
    assert not missing
