"""Learn which verbs news uses as attribution cues, from PolNeAR train (never the dev set).

    .venv/bin/python scripts/learn_cue_lexicon.py [--train ../shared/data/polnear/jsonl/train.jsonl]

For every verb lemma with a subject, counts how often a gold cue covers it; writes lemmas whose
cue rate and count pass the thresholds to src/dateline/data/cue_verbs.tsv (lemma, rate, count).
Only those counts are kept: no text of the training articles enters the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution_errors import parsed, train_items  # noqa: E402  (the same split and parse cache)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "jsonl" / "train.jsonl"
OUTPUT = ROOT / "src" / "dateline" / "data" / "cue_verbs.tsv"
MIN_RATE = 0.05  # low: the attribution filter (scripts/train_attribution_filter.py) weighs the rest
MIN_COUNT = 3
# Raising verbs take the content as their subject ("X appears to ..."): no source, no cue here.
RAISING_VERBS = {"seem", "appear"}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--min-rate", type=float, default=MIN_RATE)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument(
        "--part", choices=["fit", "all"], default="fit",
        help="fit: train without its last 150 articles (the slice scripts/attribution_errors.py measures on)",
    )  # fmt: skip
    args = parser.parse_args()
    if not args.train.exists():
        raise SystemExit(f"{args.train} not found: PolNeAR train is expected under ../shared/data")
    items = train_items(args.train, args.part)
    docs = parsed(items)
    cues: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for item, doc in zip(items, docs, strict=True):
        cue_starts = {c["start"] for q in item["quotes"] for c in q["cue"]}
        cue_chars = {i for q in item["quotes"] for c in q["cue"] for i in range(c["start"], c["end"])}
        for token in doc:
            if token.pos_ != "VERB" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
                continue
            lemma = token.lemma_.lower()
            seen[lemma] += 1
            if token.idx in cue_chars or token.idx in cue_starts:
                cues[lemma] += 1
    rows = sorted(
        (lemma, cues[lemma] / seen[lemma], cues[lemma])
        for lemma in cues
        if cues[lemma] >= args.min_count and cues[lemma] / seen[lemma] >= args.min_rate and lemma.isalpha()
        and lemma not in RAISING_VERBS
    )  # fmt: skip
    with OUTPUT.open("w", encoding="utf-8") as out:
        out.write(
            f"# lemma\tcue rate\tcue count\t# learned from {args.train.name} by scripts/learn_cue_lexicon.py\n"
        )
        for lemma, rate, count in rows:
            out.write(f"{lemma}\t{rate:.2f}\t{count}\n")
    print(f"{len(rows)} cue verbs from {len(items)} articles -> {OUTPUT}")


if __name__ == "__main__":
    main()
