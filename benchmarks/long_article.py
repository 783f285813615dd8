"""Long articles: each extraction stage's µs/word on articles of ~1k, ~10k and ~40k words (issue 14).

    .venv/bin/python benchmarks/long_article.py [--rounds 3] [--words 40000] [--save-text 40k.txt]

The same PolNeAR train articles (../shared/data/polnear/jsonl/train.jsonl, read there at run time,
never copied) make every size: the paragraphs of the first of them that add up to ``--words`` words,
joined with blank lines into one ~40k-word article, or cut (between paragraphs) into ~10k- and
~1k-word articles. Each size thus holds the same text and differs only in how long one document is,
so a stage whose cost per word grows with the size does work that grows faster than the text (a
rescan of every mention per mention, a scan of the whole document per sentence).

Every article is parsed once (``dateline.nlp.load_nlp``); then, ``--rounds`` times over, the stages
run as ``pipeline.analyse`` calls them (places, entities, attributions, dates, events), each timed
on its own in CPU seconds of this process. The figure per stage and size is the fastest round's total
over the articles of that size, in µs per word; the ratio is 40k over 1k. Issue 14's goal: at most
1.5 for events, entities and attributions. Figures go to stdout and benchmarks/out/long_article.json.
Without ../shared it says so and exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "jsonl" / "train.jsonl"
OUT = Path(__file__).resolve().parent / "out"
SIZES = (1_000, 10_000, 40_000)  # the last one is --words
STAGES = ("places", "entities", "attributions", "dates", "events")
GOAL_RATIO = 1.5
GOAL_STAGES = ("events", "entities", "attributions")


def source_paragraphs(words: int) -> list[str]:
    """The paragraphs of the first train articles adding up to at least ``words`` words, in order."""
    paragraphs: list[str] = []
    total = 0
    with TRAIN.open(encoding="utf-8") as lines:
        for line in filter(str.strip, lines):
            for paragraph in json.loads(line)["text"].split("\n\n"):
                if paragraph.strip():
                    paragraphs.append(paragraph.strip())
                    total += len(paragraph.split())
                    if total >= words:
                        return paragraphs
    return paragraphs


def articles_of(paragraphs: list[str], size: int) -> list[str]:
    """``paragraphs`` joined with blank lines into consecutive articles of at least ``size`` words
    each; what is left over is the last article, or goes to the one before when shorter than half."""
    articles: list[str] = []
    current: list[str] = []
    words = 0
    for paragraph in paragraphs:
        current.append(paragraph)
        words += len(paragraph.split())
        if words >= size:
            articles.append("\n\n".join(current))
            current, words = [], 0
    if current and articles and words < size / 2:
        articles[-1] = "\n\n".join([articles[-1], *current])  # too short to be an article of this size
    elif current:
        articles.append("\n\n".join(current))
    return articles


def run_stages(doc: Any, seconds: dict[str, float]) -> None:
    """One article through the stages, as ``pipeline.analyse`` calls them, adding each one's CPU time."""
    from dateline.extract.attributions import find_attributions
    from dateline.extract.dates import find_dates
    from dateline.extract.entities import find_entities
    from dateline.extract.events import find_events
    from dateline.extract.places import find_places

    def timed(stage: str, call: Callable[[], Any]) -> Any:
        start = time.process_time()
        result = call()
        seconds[stage] += time.process_time() - start
        return result

    places = timed("places", lambda: find_places(doc))
    entities = timed("entities", lambda: find_entities(doc, places, None, None))
    quotes = timed("attributions", lambda: find_attributions(doc, entities))
    dates = timed("dates", lambda: find_dates(doc, None))
    timed("events", lambda: find_events(doc, entities, quotes, places, dates))


def measure(rounds: int, sizes: tuple[int, ...]) -> dict[str, Any]:
    from dateline.nlp import load_nlp

    nlp = load_nlp()
    paragraphs = source_paragraphs(sizes[-1])
    figures: dict[str, Any] = {}
    for size in sizes:
        articles = articles_of(paragraphs, size)
        docs = list(nlp.pipe(articles))
        total_words = sum(len(article.split()) for article in articles)
        run_stages(docs[0], dict.fromkeys(STAGES, 0.0))  # warm-up: tables and caches load here
        best = dict.fromkeys(STAGES, float("inf"))
        for _ in range(rounds):
            seconds = dict.fromkeys(STAGES, 0.0)
            for doc in docs:
                run_stages(doc, seconds)
            best = {stage: min(best[stage], seconds[stage]) for stage in STAGES}
        figures[str(size)] = {
            "articles": len(articles),
            "words": total_words,
            "words_per_article": round(total_words / len(articles)),
            "us_per_word": {stage: round(best[stage] / total_words * 1e6, 1) for stage in STAGES},
        }
        print(
            f"~{size:>6,} words: {len(articles)} articles of {total_words // len(articles):,} words",
            flush=True,
        )
    small, large = figures[str(sizes[0])]["us_per_word"], figures[str(sizes[-1])]["us_per_word"]
    ratios = {stage: round(large[stage] / small[stage], 2) if small[stage] else None for stage in STAGES}
    return {"rounds": rounds, "sizes": figures, "ratio_largest_smallest": ratios, "goal_ratio": GOAL_RATIO}


def report(figures: dict[str, Any]) -> None:
    sizes = figures["sizes"]
    print(
        f"{'stage':<13}"
        + "".join(f"{'~' + format(int(s), ',') + ' µs/w':>14}" for s in sizes)
        + f"{'ratio':>8}  goal"
    )
    for stage in STAGES:
        ratio = figures["ratio_largest_smallest"][stage]
        goal = (
            ("met" if ratio is not None and ratio <= GOAL_RATIO else "NOT MET")
            if stage in GOAL_STAGES
            else "-"
        )
        cells = "".join(f"{sizes[s]['us_per_word'][stage]:>14.1f}" for s in sizes)
        print(f"{stage:<13}{cells}{ratio:>8.2f}  {goal}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds over every article (default 3)")
    parser.add_argument("--words", type=int, default=SIZES[-1], help="words of the longest article (40000)")
    parser.add_argument("--save-text", type=Path, help="also write the longest article's text here")
    args = parser.parse_args()
    if not TRAIN.is_file():
        sys.exit(
            f"{TRAIN} not found: the PolNeAR train articles belong in ../shared/data beside the checkout."
        )
    if args.save_text is not None:
        args.save_text.write_text(
            articles_of(source_paragraphs(args.words), args.words)[0] + "\n", encoding="utf-8"
        )
        print(f"wrote {args.save_text}")
    figures = measure(args.rounds, (*SIZES[:-1], args.words))
    report(figures)
    OUT.mkdir(exist_ok=True)
    (OUT / "long_article.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(f"figures in {OUT / 'long_article.json'}")


if __name__ == "__main__":
    main()
