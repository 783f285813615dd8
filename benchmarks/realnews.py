"""Real news: issue 12's figures on the VOA dev stories, each beside its target.

    .venv/bin/python benchmarks/realnews.py [--workers 1] [--json OUT.json]

Extracts ../shared/data/realnews/dev.jsonl as ``dateline extract`` does without a memory file (each
story on its own) and scores it with ../shared/tools/score_realnews.py, loaded from there at run time
(``dateline eval realnews`` does the same and prints every figure). Without ../shared it says so and
exits 0: the benchmark is skipped, not failed. The dev set is for measuring only; never read its
stories to write rules.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "realnews" / "dev.gold.jsonl"
STORIES = SHARED / "data" / "realnews" / "dev.jsonl"
SCORER = SHARED / "tools" / "score_realnews.py"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--json", type=Path, help="also write the scorer's figures and the targets here")
    args = parser.parse_args()

    missing = [path for path in (GOLD, STORIES, SCORER) if not path.is_file()]
    if missing:
        print(
            f"skipped: {', '.join(str(p) for p in missing)} not found. The real-news dev set and its scorer "
            "belong in ../shared beside the dateline checkout (../shared/data/realnews, ../shared/tools)."
        )
        return

    from dateline.eval.realnews_cli import against_targets, extract, load_scorer, read_gold

    score = load_scorer(SCORER, GOLD)
    gold = read_gold(GOLD)
    start = time.perf_counter()
    records = extract(STORIES, args.workers)
    seconds = time.perf_counter() - start
    figures = score(gold, {r.id: r.to_dict() for r in records}, [], [])

    print(f"real news dev: {len(records)} stories, extracted in {seconds:.1f} s (start-up included)")
    print(f"{'figure':<30} {'value':>7}  {'target':<8} met")
    rows = against_targets(figures)
    for label, value, target, met in rows:
        print(f"{label:<30} {value:>7.3f}  {target:<8} {'yes' if met else 'NO'}")
    actors, quotes = figures["actors"], figures["quotes"]
    print(f"(actors found {actors['found']:.3f} of {actors['gold']}; quotes P/R/F1 {quotes['P']:.3f}/{quotes['R']:.3f}/"
          f"{quotes['F1']:.3f}; events type F1 {figures['events_type']['F1']:.3f}, type + actor "
          f"{figures['events_type_actor']['F1']:.3f}, full {figures['events_full']['F1']:.3f})")  # fmt: skip
    print(f"{sum(met for *_, met in rows)} of {len(rows)} targets met")
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        targets = [
            {"figure": label, "value": value, "target": target, "met": met}
            for label, value, target, met in rows
        ]
        args.json.write_text(
            json.dumps({"figures": figures, "targets": targets}, indent=2) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
