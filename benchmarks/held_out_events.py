"""Events on the stories no rule was written from: each annotated set's figures in one table.

    .venv/bin/python benchmarks/held_out_events.py [--json OUT.json]

Scores the events of our annotated sets (benchmarks/data/README.md) with
../shared/tools/score_realnews.py, the real-news dev scorer: the held-out sets, never read to
write a rule, and beside them the train sets the rules were written reading, whose figures flatter.
A set whose stories or scorer are missing (../shared absent) is skipped, saying why. Only the event
figures mean anything: the PolNeAR and invented sets annotate no quotes or places.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from annotated_sets import SETS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score_realnews.py"
# The rows: the held-out sets first, and in each half the sets annotated last (the invented
# stories) first.
ROWS = sorted(reversed(SETS), key=lambda annotated: not annotated.held_out)


FIGURES = (("events_type", "type"), ("events_type_actor", "type + actor"), ("events_full", "full"))


def with_ratios(counts: dict[str, int]) -> dict[str, float]:
    """Precision, recall and F1 from summed counts, as the scorer gives them for one set."""
    from dateline.eval.attributions import prf

    precision, recall, f1 = prf(counts["tp"], counts["pred"], counts["gold"])
    return {"P": round(precision, 4), "R": round(recall, 4), "F1": round(f1, 4)} | counts


def print_row(name: str, stories: int, kind: dict, actor: dict, full: dict) -> None:
    print(
        f"{name:<30} {stories:>7} {kind['P']:>7.3f} {kind['R']:>7.3f} {kind['F1']:>7.3f} "
        f"{actor['F1']:>9.3f} {full['F1']:>7.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", type=Path, help="also write every set's event figures here")
    parser.add_argument(
        "--held-out-only",
        action="store_true",
        help="score only the held-out sets (quicker, to keep or drop a rule)",
    )
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"skipped: {SCORER} not found; the scorer belongs in ../shared/tools beside the checkout.")
        return

    from dateline.eval.realnews_cli import extract, load_scorer, read_gold

    print(
        f"{'set':<30} {'stories':>7} {'type P':>7} {'type R':>7} {'type F1':>7} {'+actor F1':>9} {'full F1':>7}"
    )
    found: dict[str, dict] = {}
    held_out_sum = {key: {"tp": 0, "pred": 0, "gold": 0} for key, _ in FIGURES}
    held_out_stories = 0
    for events in ROWS:
        if args.held_out_only and not events.held_out:
            continue
        if not events.stories.is_file():
            print(f"{events.name:<30} skipped: {events.stories} not found")
            continue
        gold = read_gold(events.gold)
        records = extract(events.stories, only={str(g["id"]) for g in gold})
        figures = load_scorer(SCORER, events.gold)(gold, {r.id: r.to_dict() for r in records}, [], [])
        found[events.name] = {key: figures[key] for key, _ in FIGURES} | {"held_out": events.held_out}
        if events.held_out:
            held_out_stories += len(gold)
            for key, _ in FIGURES:
                for count in ("tp", "pred", "gold"):
                    held_out_sum[key][count] += figures[key][count]
        print_row(events.name, len(gold), *(figures[key] for key, _ in FIGURES))
    if any(counts["gold"] for counts in held_out_sum.values()):
        summed = {key: with_ratios(counts) for key, counts in held_out_sum.items()}
        found["held out, summed"] = summed | {"held_out": True}
        print_row("held out, summed", held_out_stories, *summed.values())
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
