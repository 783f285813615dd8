"""Calibrate the confidence of attributions on the real-news train stories.

    .venv/bin/python scripts/calibrate_attribution_confidence.py

The attribution filter (``train_attribution_filter.py``) gives each candidate log-odds of being an
attribution. This script runs the whole pipeline over the VOA train stories
(../shared/data/realnews/train.jsonl), scores every quote it outputs against our annotation
(benchmarks/data/voa_train.gold.jsonl) as ``score_realnews.py --facts`` does (right when it matches
a gold attribution), and fits a Platt calibration (slope and intercept on the log-odds) to those
labels; headline attributions, which the filter does not weigh, get the precision they had. The
result goes into the "calibration" of src/dateline/data/attribution_filter.json; the weights and
the threshold are left as they are. Never run on a dev set.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np

from dateline.eval.realnews_cli import scorer_module
from dateline.extract.attributions import FILTER_FILE, attribution_filter
from dateline.pipeline import records
from dateline.read import read_inputs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_attribution_filter import fit_logistic  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FILTER = ROOT / "src" / "dateline" / "data" / FILTER_FILE
STORIES = ROOT.parent / "shared" / "data" / "realnews" / "train.jsonl"
GOLD = ROOT / "benchmarks" / "data" / "voa_train.gold.jsonl"
SCORER = ROOT.parent / "shared" / "tools" / "score_realnews.py"


def raw_log_odds(confidence: float) -> float:
    """The filter's log-odds behind a confidence the current calibration gave."""
    calibration = attribution_filter().calibration
    p = min(max(confidence, 1e-4), 1 - 1e-4)
    return (math.log(p / (1 - p)) - calibration.intercept) / calibration.slope


def main() -> None:
    scorer = scorer_module(SCORER, GOLD)
    golds = {row["id"]: row for row in map(json.loads, GOLD.open(encoding="utf-8"))}
    unweighed = attribution_filter().calibration.unweighed
    scored: list[tuple[float, bool]] = []
    headline: list[bool] = []
    for record in records(a for a in read_inputs([str(STORIES)]) if a.id in golds):
        facts: list[dict] = []
        scorer.score([golds[record.id]], {record.id: json.loads(record.to_json())}, [], facts)
        right = {f["id"]: f["correct"] for f in facts if f["fact"] == "quote"}
        for quote in record.quotes:
            if quote.confidence is None:
                continue
            if quote.cue_lemma == ":" and quote.confidence == round(unweighed, 3):
                headline.append(right[quote.id])
            else:
                scored.append((raw_log_odds(quote.confidence), right[quote.id]))
    x = np.array([[1.0, s] for s, _ in scored])
    y = np.array([float(r) for _, r in scored])
    intercept, slope = fit_logistic(x, y, l2=0.0)
    headline_precision = sum(headline) / len(headline) if headline else unweighed
    data = json.loads(FILTER.read_text(encoding="utf-8"))
    data["calibration"] = {
        "slope": round(float(slope), 4),
        "intercept": round(float(intercept), 4),
        "unweighed": round(headline_precision, 3),
    }
    FILTER.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(scored)} weighed quotes ({y.mean():.3f} right), {len(headline)} headline ones: "
        f"slope {slope:.3f}, intercept {intercept:+.3f}, headline precision {headline_precision:.3f} -> {FILTER}"
    )


if __name__ == "__main__":
    main()
