"""Confidence on real news: is it calibrated, and what does a cut buy? (issue 13)

    .venv/bin/python benchmarks/confidence.py

Extracts ../shared/data/realnews/dev.jsonl once, scores it with ../shared/tools/score_realnews.py and
prints, for quotes and for (counted) events:

* a reliability table: the facts in each tenth of confidence, their mean confidence and the share
  the scorer found right (an attribution matched; an event of a gold type). A tenth holding at
  least 20 facts is calibrated when the two are within 0.10;
* what ``--min-confidence`` buys: precision, recall and F1 at several cuts and at the cut the
  event filter suggests (marked *), with the F1 of events right on type and actor.

Without ../shared it says so and exits 0. The dev set is for measuring only.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "realnews" / "dev.gold.jsonl"
STORIES = SHARED / "data" / "realnews" / "dev.jsonl"
SCORER = SHARED / "tools" / "score_realnews.py"
MIN_FACTS = 20  # a tenth with fewer facts says little about calibration
TOLERANCE = 0.10
CUTS = (0.0, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8)


def reliability(facts: list[dict], kind: str) -> list[tuple[float, int, float, float]]:
    """(tenth, facts, mean confidence, share right) for every tenth that holds a fact of ``kind``."""
    tenths: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for fact in facts:
        if fact["fact"] == kind and fact.get("confidence") is not None:
            tenths[min(int(fact["confidence"] * 10), 9)].append((fact["confidence"], fact["correct"]))
    rows = []
    for tenth in sorted(tenths):
        found = tenths[tenth]
        rows.append(
            (
                tenth / 10,
                len(found),
                sum(c for c, _ in found) / len(found),
                sum(r for _, r in found) / len(found),
            )
        )
    return rows


def main() -> None:
    missing = [path for path in (GOLD, STORIES, SCORER) if not path.is_file()]
    if missing:
        print(f"skipped: {', '.join(str(p) for p in missing)} not found (../shared beside the checkout).")
        return

    from dateline.confidence import confident_only
    from dateline.eval.realnews_cli import extract, load_scorer, read_gold
    from dateline.extract.event_filter import suggested_min_confidence

    score = load_scorer(SCORER, GOLD)
    gold = read_gold(GOLD)
    records = extract(STORIES, 1)
    facts: list[dict] = []
    score(gold, {r.id: r.to_dict() for r in records}, [], facts)
    print(f"real news dev: {len(records)} stories")
    for kind in ("quote", "event"):
        print(
            f"\n{kind}s: reliability (calibrated when within {TOLERANCE:.2f} in a tenth of {MIN_FACTS}+ facts)"
        )
        print(f"  {'confidence':<11} {'facts':>5} {'mean conf':>9} {'right':>6} {'gap':>7}  calibrated")
        for tenth, n, mean, right in reliability(facts, kind):
            verdict = "-" if n < MIN_FACTS else ("yes" if abs(right - mean) <= TOLERANCE else "NO")
            print(
                f"  {tenth:.1f}-{tenth + 0.1:.1f}     {n:>5} {mean:>9.3f} {right:>6.3f} {right - mean:>+7.3f}  {verdict}"
            )
    suggested = suggested_min_confidence()
    print("\nwhat a cut buys (--min-confidence; * the event filter's suggested cut)")
    print(
        f"  {'cut':>6}  {'quotes P':>8} {'R':>6} {'F1':>6}   {'event types P':>13} {'R':>6} {'F1':>6}"
        f"   {'type + actor F1':>15}"
    )
    for cut in sorted({*CUTS, *([suggested] if suggested is not None else [])}):
        kept = {r.id: confident_only(copy.deepcopy(r), cut).to_dict() for r in records}
        figures = score(gold, kept, [], [])
        q, e, a = figures["quotes"], figures["events_type"], figures["events_type_actor"]
        mark = "*" if cut == suggested else " "
        print(
            f"  {cut:>5.2f}{mark}  {q['P']:>8.3f} {q['R']:>6.3f} {q['F1']:>6.3f}   "
            f"{e['P']:>13.3f} {e['R']:>6.3f} {e['F1']:>6.3f}   {a['F1']:>15.3f}"
        )


if __name__ == "__main__":
    main()
