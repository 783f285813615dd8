"""Train the attribution filter: which rule-found candidates are attributions, speaker included.

    .venv/bin/python scripts/train_attribution_filter.py [--train ../shared/data/polnear/jsonl/train.jsonl]

Learns from two annotated sets, never from a dev split:

* the *fit* part of PolNeAR train (train without its last 150 articles, which
  scripts/attribution_errors.py keeps for measurement): political news, annotated with every
  cue, stance verbs included;
* the real-news VOA train stories (../shared/data/realnews/train.jsonl) with our own
  document-level annotation (benchmarks/data/voa_train.gold.jsonl, written to the guideline of
  ../shared/data/realnews/GUIDELINE.md): whole wire stories, where a stance or an act ("condemned
  the violence", "launched an operation") is not an attribution.

Every candidate the rules find (``candidate_drafts``) is labelled 1 when it matches a gold
attribution at 50% coverage with the right speaker (the rules of ``dateline eval attributions``
and of ``score_realnews.py``), else 0; a real-news candidate that overlaps a gold attribution it
does not match (a part of a quotation the guideline counts as one) is left out, as neither. A
logistic regression with an L2 penalty (Newton's method in numpy, no extra dependency) weighs the
candidate's signals, a real-news candidate counting ``--voa-weight`` times; the threshold is the
one with the best real-news F1 over out-of-fold scores (3 folds by article) among those
that keep PolNeAR's F1 within ``POLNEAR_SLACK`` of its best.
Writes src/dateline/data/attribution_filter.json: weights by signal name and the threshold, as
log-odds. No text of the training articles enters the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from dateline.eval.attributions import _gold_article, match, speaker_right
from dateline.eval.realnews_cli import scorer_module
from dateline.extract.attributions import FILTER_FILE, candidate_drafts
from dateline.extract.entities import EntityAnalysis, find_entities
from dateline.extract.places import find_places
from dateline.nlp import load_nlp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution_errors import DEFAULT_TRAIN, parsed, train_items, unit_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "dateline" / "data" / FILTER_FILE
REALNEWS = ROOT.parent / "shared" / "data" / "realnews"
VOA_GOLD = ROOT / "benchmarks" / "data" / "voa_train.gold.jsonl"
SCORER = ROOT.parent / "shared" / "tools" / "score_realnews.py"
VOA_WEIGHT = 2.0  # a real-news candidate counts this many PolNeAR ones: 35 stories against 500 articles
POLNEAR_SLACK = 0.0005  # how much out-of-fold PolNeAR F1 the threshold may give up for real news
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


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 25, weight: np.ndarray | None = None
) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method, each row counting ``weight`` times;
    the bias (column 0) is not penalised."""
    weight = np.ones(len(y)) if weight is None else weight
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (weight * (p - y)) + penalty * w
        curvature = weight * p * (1 - p)
        hessian = (x * curvature[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def realnews_candidates(gold_path: Path) -> tuple[list[dict[str, float]], list[int], list[int], int]:
    """Signals and labels of the candidates in the VOA train stories, scored as score_realnews.py
    scores a record (content covering half the gold content, the speaker's names matching)."""
    scorer = scorer_module(SCORER, gold_path)
    stories = {row["id"]: row for row in map(json.loads, (REALNEWS / "train.jsonl").open(encoding="utf-8"))}
    golds = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    nlp = load_nlp()
    signals, labels, articles = [], [], []
    gold_total = 0
    for index, gold in enumerate(golds):
        story = stories[gold["id"]]
        doc = nlp(story["text"])
        analysis = find_entities(doc, find_places(doc), story.get("published"), story.get("outlet"))
        drafts = [d for d in candidate_drafts(doc, analysis) if d.content and d.signals]
        spans = [scorer.locate(doc.text, q["content_start"], q["content_end"]) for q in gold["quotes"]]
        gold_total += sum(span is not None for span in spans)
        label = _realnews_labels(scorer, gold, spans, drafts, analysis)
        for draft in drafts:
            if id(draft) in label:
                signals.append(draft.signals)
                labels.append(label[id(draft)])
                articles.append(index)
    return signals, labels, articles, gold_total


def _realnews_labels(
    scorer: ModuleType,
    gold: dict[str, Any],
    spans: list[tuple[int, int] | None],
    drafts: list[Any],
    analysis: EntityAnalysis,
) -> dict[int, int]:
    """1 for the candidate each gold attribution matches with its speaker right, 0 for one with the
    speaker wrong or touching no gold content; candidates overlapping a gold content they do not
    match get no label."""
    actors = {a["name"]: a for a in gold["actors"]}
    label: dict[int, int] = {}
    for quote, span in zip(gold["quotes"], spans, strict=True):
        if span is None:
            continue
        length = max(span[1] - span[0], 1)
        coverage = {
            id(d): sum(max(0, min(c.end, span[1]) - max(c.start, span[0])) for c in d.content) / length
            for d in drafts
            if id(d) not in label
        }
        best = max(coverage, key=coverage.__getitem__, default=None)
        if best is None or coverage[best] < 0.5:
            continue
        draft = next(d for d in drafts if id(d) == best)
        names = {scorer.norm(draft.speaker.text)} if draft.speaker else set()
        if draft.speaker is not None and draft.speaker.entity is not None:
            entity = analysis.by_id(draft.speaker.entity)
            names |= scorer.ent_names(
                {"name": entity.name, "mentions": [{"text": m.text} for m in entity.mentions]}
            )
        speaker = actors.get(quote["speaker"], {"name": quote["speaker"]})
        label[best] = int(scorer.name_match(names, speaker))
    for draft in drafts:
        touches = any(
            span is not None and min(c.end, span[1]) > max(c.start, span[0])
            for c in draft.content
            for span in spans
        )
        if id(draft) not in label and not touches:
            label[id(draft)] = 0
    return label


def out_of_fold_scores(x: np.ndarray, y: np.ndarray, fold: np.ndarray, weight: np.ndarray) -> np.ndarray:
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        w = fit_logistic(x[fold != k], y[fold != k], weight=weight[fold != k])
        scores[fold == k] = x[fold == k] @ w
    return scores


def f1_at(scores: np.ndarray, y: np.ndarray, gold_total: int, threshold: float) -> float:
    kept = scores >= threshold
    return float(2 * y[kept].sum() / (kept.sum() + gold_total))


def guarded_threshold(
    scores: np.ndarray, y: np.ndarray, polnear: slice, voa: slice, polnear_gold: int, voa_gold: int
) -> float:
    """The threshold with the best real-news F1 among those that keep PolNeAR's F1 within
    ``POLNEAR_SLACK`` of its best: PolNeAR guards against losing attributions it annotates."""
    candidates = np.unique(np.round(scores, 3))
    polnear_f1 = np.array([f1_at(scores[polnear], y[polnear], polnear_gold, t) for t in candidates])
    allowed = candidates[polnear_f1 >= polnear_f1.max() - POLNEAR_SLACK]
    return float(max(allowed, key=lambda t: f1_at(scores[voa], y[voa], voa_gold, t)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--voa-gold", type=Path, default=VOA_GOLD)
    parser.add_argument("--voa-weight", type=float, default=VOA_WEIGHT)
    args = parser.parse_args()
    items = train_items(args.train, "fit")
    docs = parsed(items)
    signals, labels, articles, gold_total = labelled_candidates(items, docs)
    voa_signals, voa_labels, voa_articles, voa_gold = realnews_candidates(args.voa_gold)
    polnear_rows = len(signals)
    signals, labels = signals + voa_signals, labels + voa_labels
    counts = Counter(name for s in signals for name in s)
    names = ["bias"] + sorted(n for n, c in counts.items() if c >= MIN_SIGNAL_COUNT and n != "bias")
    column = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(signals), len(names)))
    for row, found in enumerate(signals):
        for name, value in found.items():
            if name in column:
                x[row, column[name]] = value
    y = np.array(labels, dtype=float)
    weight = np.where(np.arange(len(y)) < polnear_rows, 1.0, args.voa_weight)
    fold = np.array(articles + voa_articles) % FOLDS
    scores = out_of_fold_scores(x, y, fold, weight)
    polnear, voa = slice(0, polnear_rows), slice(polnear_rows, len(y))
    print(f"PolNeAR: {polnear_rows} candidates, {int(y[polnear].sum())} right, {gold_total} gold")
    print(f"VOA: {len(voa_labels)} candidates, {int(y[voa].sum())} right, {voa_gold} gold")
    print(f"{len(names)} signals")
    threshold = guarded_threshold(scores, y, polnear, voa, gold_total, voa_gold)
    for name, part, total in (("PolNeAR", polnear, gold_total), ("VOA", voa, voa_gold)):
        everything = f1_at(scores[part], y[part], total, float("-inf"))
        print(
            f"  {name}: out-of-fold F1 {f1_at(scores[part], y[part], total, threshold):.3f} "
            f"(all candidates kept: {everything:.3f})"
        )
    w = fit_logistic(x, y, weight=weight)
    weights = {name: round(float(v), 4) for name, v in zip(names, w, strict=True) if abs(v) >= 1e-4}
    OUTPUT.write_text(
        json.dumps(
            {
                "about": "scripts/train_attribution_filter.py on PolNeAR train without its last 150 "
                "articles and the VOA train stories of benchmarks/data/voa_train.gold.jsonl",
                "threshold": round(threshold, 4),
                "l2": L2,
                "voa weight": args.voa_weight,
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
