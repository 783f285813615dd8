"""Where the attribution extractor goes wrong, by category, on a held-out slice of PolNeAR *train*.

    .venv/bin/python scripts/attribution_errors.py [--part heldout|fit|all] [--show CATEGORY] [--examples N]

PolNeAR train is split once and for all: the last ``HELD_OUT`` articles are the held-out slice
the extractor is measured on while it is developed; the rest ("fit") is what rules are read
from and models are trained on. The dev split is never read here.

Parses are cached (spaCy DocBin) under ``$DATELINE_CACHE`` (default ``/tmp/dateline-attr-cache``),
so after the first run only entity and attribution extraction run again. Prints the scores (the
scorer of ``dateline eval attributions``), then counts of false negatives, false positives and
wrong speakers per category, and a few examples of the category named by ``--show``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from dateline.eval.attributions import (
    Report,
    Unit,
    _gold_article,
    match,
    score_article,
    speaker_right,
)
from dateline.extract.attributions import all_cue_verbs, find_attributions
from dateline.extract.entities import find_entities
from dateline.model import Quote
from dateline.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "jsonl" / "train.jsonl"
HELD_OUT = 150  # the last 150 train articles: measured on, never learned from


def train_items(path: Path, part: str) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if part == "heldout":
        return items[-HELD_OUT:]
    if part == "fit":
        return items[:-HELD_OUT]
    return items


def parsed(items: list[dict[str, Any]]) -> list[Doc]:
    """spaCy docs for the items, from the cache when the texts are unchanged."""
    nlp = load_nlp()
    digest = hashlib.sha1("".join(i["id"] for i in items).encode()).hexdigest()[:12]
    cache = Path(os.environ.get("DATELINE_CACHE", "/tmp/dateline-attr-cache")) / f"{digest}.spacy"
    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((i["text"] for i in items), batch_size=16))
    cache.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(cache)
    return docs


def quotes_of(docs: list[Doc]) -> Iterator[list[Quote]]:
    for doc in docs:
        yield find_attributions(doc, find_entities(doc))


def unit_of(quote: Quote) -> Unit:
    content = frozenset(i for span in quote.content for i in range(span.start, span.end))
    speakers = ((quote.speaker.start, quote.speaker.end),) if quote.speaker is not None else ()
    return Unit(content, speakers, quote.kind, quote.kind in {"direct", "mixed"})


def gold_category(text: str, raw: dict[str, Any], doc: Doc) -> str:
    """A gold attribution's form: what its cue is (verb lemma, noun, 'according to', none)."""
    cues = raw.get("cue", [])
    if not cues:
        return "no-cue"
    cue = cues[0]
    span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
    if span is None or not len(span):
        return "cue?"
    words = text[cue["start"] : cue["end"]].lower()
    if "according" in words:
        return "according-to"
    head = next((t for t in span if t.pos_ == "VERB"), None) or span.root
    if head.pos_ in {"VERB", "AUX"}:
        known = "lex" if head.lemma_.lower() in all_cue_verbs() else "new"
        subject = "subj" if any(c.dep_ == "nsubj" for c in head.children) else "nosubj"
        return f"{head.pos_.lower()}-{known}-{subject}:{head.lemma_.lower()}"
    return f"{head.pos_.lower()}:{head.lemma_.lower()}"


def source_shape(text: str, raw: dict[str, Any]) -> str:
    sources = raw.get("sources", [])
    if not sources:
        return "no-source"
    cue = raw.get("cue", [{}])[0]
    first = sources[0]
    if cue and first["start"] > cue.get("start", 0):
        return "source-after-cue"
    return "source-before-cue"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--part", choices=["heldout", "fit", "all"], default="heldout")
    parser.add_argument(
        "--show", default="", help="print examples of this category (e.g. 'fn:mixed:verb:say')"
    )
    parser.add_argument("--examples", type=int, default=8)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    items = train_items(args.train, args.part)
    docs = parsed(items)
    report = Report()
    fn: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    quoted_errors: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for item, doc, quotes in zip(items, docs, quotes_of(docs), strict=True):
        text = item["text"]
        gold_article = _gold_article(item)
        raws = [q for q in item.get("quotes", []) if q.get("contents")]
        gold = gold_article.units
        predicted = [unit_of(q) for q in quotes if q.content]
        kept = [q for q in quotes if q.content]
        score_article(report, predicted, gold)
        pairs = match(predicted, gold, 0.5)
        matched_gold = {id(g) for _, g in pairs}
        matched_pred = {id(p) for p, _ in pairs}
        for g, raw in zip(gold, raws, strict=True):
            if id(g) in matched_gold:
                continue
            best = max((len(p.content & g.content) / len(g.content) for p in predicted), default=0.0)
            overlap = "none" if best == 0 else "partial"
            key = f"fn:{g.kind}:{overlap}:{gold_category(text, raw, doc)}"
            fn[key] += 1
            fn[f"fn:{g.kind}:{overlap}"] += 1
            shown = _gold_example(text, raw, best)
            best_p = max(predicted, key=lambda p: len(p.content & g.content), default=None)
            if best_p is not None and best > 0:
                shown += "\n      best pred: " + _pred_example(text, kept[predicted.index(best_p)])
            examples[key].append(shown)
            examples[f"fn:{g.kind}:{overlap}"].append(shown)
        for p, quote in zip(predicted, kept, strict=True):
            if id(p) in matched_pred:
                continue
            overlapping = max(
                (len(p.content & g.content) / max(1, len(p.content)) for g in gold), default=0.0
            )
            where = "none" if overlapping == 0 else "partial"
            key = f"fp:{p.kind}:{where}:{quote.cue_lemma}"
            fp[key] += 1
            fp[f"fp:{p.kind}:{where}"] += 1
            near = max(gold, key=lambda g: len(p.content & g.content), default=None)
            shown = _pred_example(text, quote)
            if near is not None and p.content & near.content:
                raw = raws[gold.index(near)]
                shown += (
                    f"\n      gold (cov {len(p.content & near.content) / len(near.content):.2f}): "
                    + _gold_example(text, raw, 0.0)
                )
            examples[key].append(shown)
            examples[f"fp:{p.kind}:{where}"].append(shown)
        quoted_pred = [p for p in predicted if p.kind in {"direct", "mixed"}]
        quoted_gold = [g for g in gold if g.quoted]
        quoted_pairs = match(quoted_pred, quoted_gold, 0.5)
        q_gold = {id(g) for _, g in quoted_pairs}
        q_pred = {id(p) for p, _ in quoted_pairs}
        all_by_gold = {id(g): p for p, g in pairs}
        for g, raw in zip(gold, raws, strict=True):
            if not g.quoted or id(g) in q_gold:
                continue
            other = all_by_gold.get(id(g))
            why = f"matched-by-{other.kind}" if other is not None else "unmatched"
            best_p = max(predicted, key=lambda p: len(p.content & g.content), default=None)
            cov = len(best_p.content & g.content) / len(g.content) if best_p is not None else 0.0
            if other is None:
                why += ":none" if cov == 0 else ":partial"
            key = f"qfn:{g.kind}:{why}"
            quoted_errors[key] += 1
            shown = _gold_example(text, raw, cov)
            if best_p is not None and cov > 0:
                shown += "\n      best pred: " + _pred_example(text, kept[predicted.index(best_p)])
            examples[key].append(shown)
        all_by_pred = {id(p): g for p, g in pairs}
        for p in quoted_pred:
            if id(p) in q_pred:
                continue
            other_g = all_by_pred.get(id(p))
            why = f"matched-{other_g.kind}-gold" if other_g is not None else "unmatched"
            key = f"qfp:{p.kind}:{why}"
            quoted_errors[key] += 1
            examples[key].append(_pred_example(text, kept[predicted.index(p)]))
        for p, g in quoted_pairs:
            if not speaker_right(p, g):
                quoted_errors["q-wrong-speaker"] += 1
                examples["q-wrong-speaker"].append(
                    _pred_example(text, kept[predicted.index(p)]) + "\n      gold: "
                    + _gold_example(text, raws[gold.index(g)], 0.0)
                )  # fmt: skip
        for p, g in pairs:
            if speaker_right(p, g):
                continue
            quote = kept[predicted.index(p)]
            raw = raws[gold.index(g)]
            key = f"spk:{g.kind}:{'pred-none' if not p.speakers else 'gold-none' if not g.speakers else 'differ'}"
            wrong[key] += 1
            examples[key].append(
                _pred_example(text, quote) + "\n      gold source: "
                + " | ".join(text[s["start"] : s["end"]] for s in raw.get("sources", []))
            )  # fmt: skip
    data: dict[str, Any] = report.to_dict()  # nested blocks: read as the scorer wrote them
    for name in ("all", "quoted"):
        block = data[name]["0.5"]
        print(
            f"{name:7s} gold {block['gold']:5d} pred {block['predicted']:5d} "
            f"content F1 {block['content']['f1']:.3f}  attribution P {block['attribution']['p']:.3f} "
            f"R {block['attribution']['r']:.3f} F1 {block['attribution']['f1']:.3f}  "
            f"speaker acc {block['speaker_accuracy']:.3f}"
        )
    for kind, counts in data["by_kind"].items():
        a = counts["attribution"]
        print(f"  {kind:9s} gold {counts['gold']:5d} pred {counts['predicted']:5d} F1 {a['f1']:.3f}")
    for title, counter in (
        ("false negatives", fn),
        ("false positives", fp),
        ("wrong speakers", wrong),
        ("quoted", quoted_errors),
    ):
        print(f"\n{title}:")
        for key, n in counter.most_common(args.top):
            print(f"  {n:5d}  {key}")
    if args.show:
        chosen = examples.get(args.show, [])
        random.Random(0).shuffle(chosen)
        print(f"\n{args.show}: {len(chosen)}")
        for example in chosen[: args.examples]:
            print(" -", example)


def _gold_example(text: str, raw: dict[str, Any], best: float) -> str:
    def cut(spans: list[dict[str, int]]) -> str:
        return " | ".join(text[s["start"] : s["end"]].replace("\n", " ") for s in spans)

    return (
        f"[cov {best:.2f}] cue={cut(raw.get('cue', []))!r} src={cut(raw.get('sources', []))!r}\n"
        f"      content={cut(raw['contents'])[:300]!r}"
    )


def _pred_example(text: str, quote: Quote) -> str:
    content = " | ".join(s.text.replace("\n", " ") for s in quote.content)
    speaker = quote.speaker.text if quote.speaker else None
    cue = quote.cue.text if quote.cue else None
    return f"cue={cue!r} spk={speaker!r}\n      content={content[:300]!r}"


if __name__ == "__main__":
    main()
