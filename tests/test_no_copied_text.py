"""The project holds no text of the shared benchmark data (../shared/README.md: nothing there may be
copied in). Test sentences, fixtures, samples, comments and docs are written by us; a run of
``RUN`` words found in a shared article's text means one was copied or closely paraphrased.

Skipped, saying why, when ../shared is absent. Our annotation of the VOA train stories
(benchmarks/data/voa_train.gold.jsonl) is left out: the guideline it follows locates each span by
a verbatim fragment of the story, as the shared gold does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
# Eight words in a row: long enough that common English ("said in an interview with the") does not
# count, short enough to catch a sentence taken over with its names changed.
RUN = 8
ARTICLE_FILES = (
    "polnear/jsonl/train.jsonl",
    "polnear/jsonl/dev.jsonl",
    "realnews/train.jsonl",
    "realnews/dev.jsonl",
)
OUR_FILES = ("src", "tests", "docs", "benchmarks", "scripts", "samples", "README.md")
SUFFIXES = {".py", ".md", ".txt", ".tsv", ".jsonl", ".json", ".html", ".xml", ".rss", ".atom"}
EXEMPT = {ROOT / "benchmarks" / "data" / "voa_train.gold.jsonl"}
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def runs(tokens: list[str]) -> Iterator[tuple[int, int]]:
    """(position, hash) of every run of ``RUN`` words."""
    for i in range(len(tokens) - RUN + 1):
        yield i, hash(" ".join(tokens[i : i + RUN]))


def shared_texts() -> Iterator[str]:
    for name in ARTICLE_FILES:
        with (SHARED / name).open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)["text"]
    for sample in (SHARED / "samples").glob("*.txt"):
        yield sample.read_text(encoding="utf-8")


def our_files() -> Iterator[Path]:
    for name in OUR_FILES:
        path = ROOT / name
        found = [path] if path.is_file() else sorted(path.rglob("*"))
        for file in found:
            if (
                file.is_file()
                and file.suffix in SUFFIXES
                and file not in EXEMPT
                and "__pycache__" not in file.parts
            ):
                yield file


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent: no shared text to compare with")
def test_no_file_of_ours_repeats_a_shared_article() -> None:
    known = {h for text in shared_texts() for _, h in runs(words(text))}
    copied = [
        f"{file.relative_to(ROOT)}: {passage}"
        for file in our_files()
        for passage in shared_passages(file, known)
    ]
    assert not copied, "text of the shared articles in the project:\n" + "\n".join(copied)


def shared_passages(file: Path, known: set[int]) -> list[str]:
    """The passages of ``file`` made of runs found in ``known``, overlapping runs joined."""
    tokens = words(scanned_text(file))
    spans: list[list[int]] = []
    for i, h in runs(tokens):
        if h not in known:
            continue
        if spans and i <= spans[-1][1]:
            spans[-1][1] = i + RUN
        else:
            spans.append([i, i + RUN])
    return [" ".join(tokens[start:end]) for start, end in spans]


def scanned_text(file: Path) -> str:
    """The text of ``file`` to compare; of a gold file, without the stories' ids: PolNeAR's ids are
    made from headlines, and an id names a story, it takes over none of its text."""
    text = file.read_text(encoding="utf-8", errors="replace")
    if not file.name.endswith(".gold.jsonl"):
        return text
    rows = (json.loads(line) for line in text.splitlines() if line.strip())
    return "\n".join(json.dumps({k: v for k, v in row.items() if k != "id"}) for row in rows)
