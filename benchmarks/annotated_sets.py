"""The story sets we annotated to ../shared/data/realnews/GUIDELINE.md (benchmarks/data/README.md):
one list for the event filter's training (scripts/train_event_filter.py) and the held-out event
benchmark (benchmarks/held_out_events.py).

The order is the training's: its folds are drawn by story number, counted through the sets in this
order, so a new set goes at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
SHARED_DATA = ROOT.parent / "shared" / "data"


@dataclass(frozen=True)
class AnnotatedSet:
    """Stories and our gold for them. ``held_out``: no rule was written reading them;
    ``real_news``: published stories; ``independent``: annotated by someone who did not write the
    stories. A confidence should match the share of right events on the held-out independent sets:
    stories annotated by their own writers have more of our events right (0.85 of them on the
    invented wire stories held out, against 0.71 on the invented stories annotated by others)."""

    name: str
    stories: Path
    gold: Path
    held_out: bool
    real_news: bool = True
    independent: bool = True


SETS = (
    AnnotatedSet("VOA train", SHARED_DATA / "realnews" / "train.jsonl", DATA / "voa_train.gold.jsonl", False),
    AnnotatedSet(
        "US campaign, train",
        SHARED_DATA / "polnear" / "jsonl" / "train.jsonl",
        DATA / "us_campaign_events_train.gold.jsonl",
        False,
    ),
    AnnotatedSet(
        "US campaign, held out",
        SHARED_DATA / "polnear" / "jsonl" / "train.jsonl",
        DATA / "us_campaign_events_heldout.gold.jsonl",
        True,
    ),
    AnnotatedSet(
        "invented wire, train",
        DATA / "world_wire_train.jsonl",
        DATA / "world_wire_train.gold.jsonl",
        False,
        real_news=False,
        independent=False,
    ),
    AnnotatedSet(
        "invented wire, held out",
        DATA / "world_wire_heldout.jsonl",
        DATA / "world_wire_heldout.gold.jsonl",
        True,
        real_news=False,
        independent=False,
    ),
    AnnotatedSet(
        "invented VOA-style, held out",
        DATA / "voa_style_heldout.jsonl",
        DATA / "voa_style_heldout.gold.jsonl",
        True,
        real_news=False,
    ),
    AnnotatedSet(
        "invented VOA-style, train",
        DATA / "voa_style_train.jsonl",
        DATA / "voa_style_train.gold.jsonl",
        False,
        real_news=False,
    ),
    AnnotatedSet(
        "US campaign, held out 2",
        SHARED_DATA / "polnear" / "jsonl" / "train.jsonl",
        DATA / "us_campaign_events_heldout2.gold.jsonl",
        True,
    ),
    AnnotatedSet(
        "invented VOA-style, held out 2",
        DATA / "voa_style_heldout2.jsonl",
        DATA / "voa_style_heldout2.gold.jsonl",
        True,
        real_news=False,
    ),
    AnnotatedSet(
        "invented VOA-style, train 2",
        DATA / "voa_style_train2.jsonl",
        DATA / "voa_style_train2.gold.jsonl",
        False,
        real_news=False,
    ),
    AnnotatedSet(
        "US campaign, held out 3",
        SHARED_DATA / "polnear" / "jsonl" / "train.jsonl",
        DATA / "us_campaign_events_heldout3.gold.jsonl",
        True,
    ),
    AnnotatedSet(
        "US campaign, held out 4",
        SHARED_DATA / "polnear" / "jsonl" / "train.jsonl",
        DATA / "us_campaign_events_heldout4.gold.jsonl",
        True,
    ),
    AnnotatedSet(
        "US campaign, held out 5",
        SHARED_DATA / "polnear" / "jsonl" / "train.jsonl",
        DATA / "us_campaign_events_heldout5.gold.jsonl",
        True,
    ),
)
