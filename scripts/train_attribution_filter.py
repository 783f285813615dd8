"""Train the attribution filter: which rule-found candidates PolNeAR would annotate, speaker included.

    .venv/bin/python scripts/train_attribution_filter.py [--train ../shared/data/polnear/jsonl/train.jsonl]

Reads only the *fit* part of PolNeAR train (train without its last 150 articles, which
scripts/attribution_errors.py keeps for measurement; the dev split is never read). Every candidate
the rules find (``candidate_drafts``) is labelled 1 when it matches a gold attribution at 50%
coverage with the right speaker (the rule of ``dateline eval attributions``), else 0. A logistic
regression with an L2 penalty (Newton's method in numpy, no extra dependency) weighs the
candidate's signals; the threshold is the one that maximises F1 over out-of-fold scores (3
folds by article). Writes src/dateline/data/attribution_filter.json: weights by signal name and
the threshold, as log-odds. No text of the training articles enters the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from dateline.eval.attributions import _gold_article, match, speaker_right
from dateline.extract.attributions import FILTER_FILE, candidate_drafts
from dateline.extract.entities import find_entities

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution_errors import DEFAULT_TRAIN, parsed, train_items, unit_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "dateline" / "data" / FILTER_FILE
MIN_SIGNAL_COUNT = 3  # a signal seen fewer times gets no weight of its own
L2 = 1.0
FOLDS = 3


def labelled_candidates(
    items: list[dict], docs: list
) -> tuple[list[dict[str, float]], list[int], list[int], int]:
    """Signals and 0/1 label of every candidate that has signals; the article index of each; gold count."""
    from dateline.model import Quote

    signals, labels, articles = [], [], []
    gold_total = 0
    for index, (item, doc) in enumerate(zip(items, docs, strict=True)):
        gold = _gold_article(item).units
        gold_total += len(gold)
        drafts = [d for d in candidate_drafts(doc, find_entities(doc)) if d.content]
        units = [
            unit_of(Quote("Q", d.kind, d.speaker, d.cue, d.cue_lemma, d.content, d.source_type, d.medium))
            for d in drafts
        ]
        right = {id(p) for p, g in match(units, gold, 0.5) if speaker_right(p, g)}
        for draft, unit in zip(drafts, units, strict=True):
            if not draft.signals:
                continue  # headline attributions: always kept, never weighed
            signals.append(draft.signals)
            labels.append(int(id(unit) in right))
            articles.append(index)
    return signals, labels, articles, gold_total


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 25) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method; the bias (column 0) is not penalised."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def best_threshold(
    scores: np.ndarray, y: np.ndarray, gold_total: int, always_right: int, always: int
) -> float:
    """The log-odds threshold that maximises F1 = 2 TP / (predicted + gold) over the given scores."""
    order = np.argsort(-scores)
    tp = np.cumsum(y[order]) + always_right
    predicted = np.arange(1, len(order) + 1) + always
    f1 = 2 * tp / (predicted + gold_total)
    best = int(np.argmax(f1))
    print(f"  best out-of-fold F1 {f1[best]:.3f} keeping {best + 1} of {len(order)} candidates")
    return float(scores[order][best])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    args = parser.parse_args()
    items = train_items(args.train, "fit")
    docs = parsed(items)
    signals, labels, articles, gold_total = labelled_candidates(items, docs)
    counts = Counter(name for s in signals for name in s)
    names = ["bias"] + sorted(n for n, c in counts.items() if c >= MIN_SIGNAL_COUNT and n != "bias")
    column = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(signals), len(names)))
    for row, found in enumerate(signals):
        for name, value in found.items():
            if name in column:
                x[row, column[name]] = value
    y = np.array(labels, dtype=float)
    fold = np.array(articles) % FOLDS
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        w = fit_logistic(x[fold != k], y[fold != k])
        scores[fold == k] = x[fold == k] @ w
    print(f"{len(y)} candidates, {int(y.sum())} right, {gold_total} gold, {len(names)} signals")
    print(f"  all candidates kept: F1 {2 * y.sum() / (len(y) + gold_total):.3f}")
    threshold = best_threshold(scores, y, gold_total, 0, 0)
    w = fit_logistic(x, y)
    weights = {name: round(float(v), 4) for name, v in zip(names, w, strict=True) if abs(v) >= 1e-4}
    OUTPUT.write_text(
        json.dumps(
            {
                "about": "scripts/train_attribution_filter.py on PolNeAR train without its last 150 articles",
                "threshold": round(threshold, 4),
                "l2": L2,
                "candidates": len(y),
                "weights": weights,
            },
            indent=1,
            sort_keys=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(weights)} weights, threshold {threshold:.3f} -> {OUTPUT}")


if __name__ == "__main__":
    main()
