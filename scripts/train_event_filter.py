"""Train the event filter: which coded events an analyst would count, and how sure to be of each.

    .venv/bin/python scripts/train_event_filter.py

Learns from the real-news VOA train stories (../shared/data/realnews/train.jsonl) with our own
document-level annotation (benchmarks/data/voa_train.gold.jsonl, written to the guideline of
../shared/data/realnews/GUIDELINE.md), never from a dev set. Every main event the rules code
(``pipeline.analyse``) is labelled as ``score_realnews.py`` scores a record: 1 when it
is matched one-to-one to a gold event of the same type, else 0. A logistic regression with an L2
penalty weighs the signals of ``extract.event_filter.event_signals``; the penalty is the one of
``L2_GRID`` with the best out-of-fold log loss (5 folds by story), and a Platt calibration fitted
on out-of-fold scores turns its log-odds into each event's confidence.
The threshold stored beside them is the cut with the best F1 of event types out of fold: the
pipeline drops nothing (a one-sentence coder counts what a document-level one leaves out), it is
what ``event_filter.suggested_min_confidence`` offers a user who counts events per story.

Writes src/dateline/data/event_filter.json: weights by signal name, the threshold and the
calibration. No text of the training stories enters the repository.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from dateline.eval.realnews_cli import scorer_module
from dateline.extract.event_filter import EVENT_FILTER_FILE, event_signals, lead_end
from dateline.nlp import load_nlp
from dateline.pipeline import analyse
from dateline.read import read_inputs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_attribution_filter import fit_logistic  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "dateline" / "data" / EVENT_FILTER_FILE
STORIES = ROOT.parent / "shared" / "data" / "realnews" / "train.jsonl"
GOLD = ROOT / "benchmarks" / "data" / "voa_train.gold.jsonl"
SCORER = ROOT.parent / "shared" / "tools" / "score_realnews.py"
MIN_SIGNAL_COUNT = 5  # a signal seen fewer times gets no weight of its own
# Penalties tried; a few hundred labelled events with a hundred signals overfit without one, and
# the out-of-fold log loss, not a guess, says how strong it should be.
L2_GRID = (1.0, 2.0, 5.0, 10.0, 20.0)
# Folds by story: with 5, each model sees 80% of the stories, close to the final one, so the
# out-of-fold scores the calibration is fitted on are as sharp as the final model's.
FOLDS = 5
BETA = 1.0  # F-beta of the suggested cut; a user buys more precision with a higher --min-confidence


def labelled_events() -> tuple[list[dict[str, float]], list[int], list[int], int]:
    """Signals, 0/1 labels and story index of every counted event; the number of gold events."""
    scorer = scorer_module(SCORER, GOLD)
    golds = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    articles = {a.id: a for a in read_inputs([str(STORIES)])}
    nlp = load_nlp()
    signals, labels, stories = [], [], []
    gold_total = 0
    for index, gold in enumerate(golds):
        article = articles[gold["id"]]
        record = analyse(nlp(article.text), article)
        facts: list[dict] = []
        counts = scorer.score([gold], {record.id: json.loads(record.to_json())}, [], facts)
        gold_total += counts["events_type"]["gold"] if "events_type" in counts else 0
        right = {f["id"]: f["correct"] for f in facts if f["fact"] == "event"}
        entities = {e.id: e for e in record.entities}
        lead = lead_end(record.text)
        for event in record.events:
            if event.id in right:
                signals.append(event_signals(event, record.events, entities, lead, len(record.text)))
                labels.append(int(right[event.id]))
                stories.append(index)
    return signals, labels, stories, gold_total


def matrix(signals: list[dict[str, float]], names: list[str]) -> np.ndarray:
    column = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(signals), len(names)))
    for row, found in enumerate(signals):
        for name, value in found.items():
            if name in column:
                x[row, column[name]] = value
    return x


def out_of_fold(x: np.ndarray, y: np.ndarray, fold: np.ndarray, l2: float) -> np.ndarray:
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        w = fit_logistic(x[fold != k], y[fold != k], l2=l2)
        scores[fold == k] = x[fold == k] @ w
    return scores


def log_loss(scores: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(1 / (1 + np.exp(-scores)), 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def best_penalty(x: np.ndarray, y: np.ndarray, fold: np.ndarray) -> tuple[float, np.ndarray]:
    """The penalty of ``L2_GRID`` whose out-of-fold scores have the lowest log loss, and those scores."""
    scores = {l2: out_of_fold(x, y, fold, l2) for l2 in L2_GRID}
    losses = {l2: log_loss(s, y) for l2, s in scores.items()}
    print("  out-of-fold log loss by penalty: " + ", ".join(f"{k:g}: {v:.4f}" for k, v in losses.items()))
    best = min(losses, key=lambda l2: losses[l2])
    return best, scores[best]


def precision_recall(scores: np.ndarray, y: np.ndarray, gold: int, threshold: float) -> tuple[float, float]:
    kept = scores >= threshold
    right = float(y[kept].sum())
    return right / max(int(kept.sum()), 1), right / max(gold, 1)


def best_threshold(scores: np.ndarray, y: np.ndarray, gold: int) -> float:
    def f_beta(t: float) -> float:
        p, r = precision_recall(scores, y, gold, t)
        return (1 + BETA**2) * p * r / max(BETA**2 * p + r, 1e-9)

    return float(max(np.unique(np.round(scores, 3)), key=f_beta))


def platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Slope and intercept mapping log-odds to calibrated log-odds (a logistic fit on one input)."""
    w = fit_logistic(np.column_stack([np.ones(len(y)), scores]), y, l2=0.0)
    return float(w[1]), float(w[0])


def print_reliability(probabilities: np.ndarray, y: np.ndarray) -> None:
    """Out-of-fold reliability: events, mean confidence and the share right in each tenth."""
    print("  out of fold, calibrated: tenth, events, mean confidence, share right")
    tenth = np.minimum((probabilities * 10).astype(int), 9)
    for k in range(10):
        kept = tenth == k
        if kept.any():
            print(
                f"    {k / 10:.1f}-{(k + 1) / 10:.1f} {int(kept.sum()):4d} {probabilities[kept].mean():.3f} {y[kept].mean():.3f}"
            )


def main() -> None:
    signals, labels, stories, gold = labelled_events()
    counts = Counter(name for s in signals for name in s)
    names = ["bias"] + sorted(n for n, c in counts.items() if c >= MIN_SIGNAL_COUNT and n != "bias")
    x, y = matrix(signals, names), np.array(labels, dtype=float)
    fold = np.array(stories) % FOLDS
    l2, scores = best_penalty(x, y, fold)
    threshold = best_threshold(scores, y, gold)
    slope, intercept = platt(scores, y)
    print_reliability(1 / (1 + np.exp(-(slope * scores + intercept))), y)
    print(f"{len(y)} counted events, {int(y.sum())} right, {gold} gold; {len(names)} signals")
    for label, t in (("all kept", float("-inf")), ("threshold", threshold)):
        p, r = precision_recall(scores, y, gold, t)
        print(f"  out of fold, {label}: type precision {p:.3f}, recall {r:.3f}")
    w = fit_logistic(x, y, l2=l2)
    weights = {name: round(float(v), 4) for name, v in zip(names, w, strict=True) if abs(v) >= 1e-4}
    about = "scripts/train_event_filter.py on the VOA train stories of benchmarks/data/voa_train.gold.jsonl"
    OUTPUT.write_text(
        json.dumps(
            {
                "about": about,
                "threshold": round(threshold, 4),
                "l2": l2,
                "events": len(y),
                "calibration": {"slope": round(slope, 4), "intercept": round(intercept, 4)},
                "weights": weights,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(weights)} weights, threshold {threshold:.3f}, calibration {slope:.3f}x{intercept:+.3f} -> {OUTPUT}"
    )


if __name__ == "__main__":
    main()
