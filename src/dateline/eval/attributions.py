"""Score attributions against PolNeAR-format gold.

Gold: JSON Lines, one article a line, ``{id, text, quotes: [{id, type, cue: [span],
sources: [span], contents: [span]}]}`` with character offsets into ``text``.

The matching rule, exactly as the project states it:

* greedy one-to-one: pairs are taken best coverage first, each prediction and each gold
  attribution used at most once;
* a prediction matches a gold attribution when its content characters cover at least
  ``threshold`` (0.5 by default; 0.3 and 0.8 are reported too) of the gold content characters;
* a gold attribution is "quoted" when its content holds a quotation mark: " \u201c \u201d, or the
  doubled apostrophe '' that the New York Times uses for one;
* the speaker is right when the predicted speaker span overlaps a gold source span by at
  least one character, or when both are empty.

Reported: content P/R/F1 over all attributions; speaker-aware ("attribution") P/R/F1; the
same restricted to quoted gold (gold content holding a quotation mark) against predictions of
kind direct or mixed; speaker accuracy on matches; and a per-kind breakdown.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from dateline.model import Quote, Record

T = TypeVar("T")

QUOTE_MARKS = frozenset('"\u201c\u201d')
THRESHOLDS = (0.3, 0.5, 0.8)


@dataclass(frozen=True)
class Unit:
    """One attribution reduced to what scoring needs: content characters and speaker spans."""

    content: frozenset[int]
    speakers: tuple[tuple[int, int], ...]
    kind: str  # direct, mixed or indirect
    quoted: bool


@dataclass
class GoldArticle:
    id: str
    text: str
    units: list[Unit]


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_right: int = 0

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched
        self.speaker_right += other.speaker_right

    def content(self) -> tuple[float, float, float]:
        return prf(self.matched, self.predicted, self.gold)

    def attribution(self) -> tuple[float, float, float]:
        return prf(self.speaker_right, self.predicted, self.gold)

    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0


@dataclass
class KindCounts:
    """Recall over gold of one kind, precision over predictions of that kind."""

    gold: int = 0
    gold_matched: int = 0
    gold_right: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    predicted_right: int = 0

    def to_dict(self) -> dict[str, object]:
        p = self.predicted_right / self.predicted if self.predicted else 0.0
        r = self.gold_right / self.gold if self.gold else 0.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "content_recall": self.gold_matched / self.gold if self.gold else 0.0,
            "content_precision": self.predicted_matched / self.predicted if self.predicted else 0.0,
            "attribution": {"p": p, "r": r, "f1": f1_score(p, r)},
        }


@dataclass
class Report:
    """Counts per threshold for all attributions and for quoted ones, and per kind at 0.5."""

    all: dict[float, Counts] = field(default_factory=lambda: {t: Counts() for t in THRESHOLDS})
    quoted: dict[float, Counts] = field(default_factory=lambda: {t: Counts() for t in THRESHOLDS})
    by_kind: dict[str, KindCounts] = field(default_factory=dict)
    articles: int = 0

    def to_dict(self) -> dict[str, object]:
        def block(counts: Counts) -> dict[str, object]:
            cp, cr, cf = counts.content()
            ap, ar, af = counts.attribution()
            return {
                "predicted": counts.predicted,
                "gold": counts.gold,
                "matched": counts.matched,
                "content": {"p": cp, "r": cr, "f1": cf},
                "attribution": {"p": ap, "r": ar, "f1": af},
                "speaker_accuracy": counts.speaker_accuracy(),
            }

        return {
            "articles": self.articles,
            "all": {str(t): block(c) for t, c in self.all.items()},
            "quoted": {str(t): block(c) for t, c in self.quoted.items()},
            "by_kind": {kind: c.to_dict() for kind, c in self.by_kind.items()},
        }


def f1_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    return precision, recall, f1_score(precision, recall)


def kind_of_text(text: str, content: frozenset[int]) -> str:
    """direct when every content letter is inside quotation marks, mixed when some are, else indirect."""
    letters = [i for i in content if text[i].isalnum()]
    if not letters:
        return "indirect"
    inside = _quoted_characters(text)
    share = sum(i in inside for i in letters) / len(letters)
    if share >= 0.95:
        return "direct"
    return "mixed" if share > 0 else "indirect"


def _quoted_characters(text: str) -> frozenset[int]:
    """Characters between quotation marks, paragraph by paragraph (a quote never crosses a blank line).

    Curly marks typed the wrong way round are read by where they stand: a closing mark at the
    start of a paragraph or after a space opens (``\u201dLike this.\u201d``), and an opening mark
    followed by a space or the end of the text closes (``\u201cLike this.\u201c``).
    """
    inside: set[int] = set()
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            open_at = None
        elif ch not in QUOTE_MARKS:
            continue
        elif open_at is None:
            if ch != "\u201d" or i == 0 or text[i - 1].isspace():
                open_at = i
        elif ch == "\u201c" and i + 1 < len(text) and not text[i + 1].isspace():
            open_at = i  # a new quotation starts: the one before it was never closed
        else:
            inside.update(range(open_at + 1, i))
            open_at = None
    return frozenset(inside)


def _characters(spans: Iterable[dict[str, int]]) -> frozenset[int]:
    return frozenset(i for span in spans for i in range(int(span["start"]), int(span["end"])))


def gold_rows(path: Path, parse: Callable[[Any], T], what: str) -> Iterator[T]:
    """Each non-blank line of a JSON Lines gold file, parsed by ``parse``; a line that is no JSON or
    that ``parse`` rejects raises ValueError naming the file, the line and ``what`` it should be."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = parse(json.loads(line))
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                raise ValueError(f"{path}:{number}: not {what} ({type(exc).__name__}: {exc})") from exc
            yield item


def load_gold(path: Path) -> Iterator[GoldArticle]:
    """Gold articles from a PolNeAR-format JSON Lines file; a malformed line raises ValueError naming it."""
    return gold_rows(path, _gold_article, "a PolNeAR-format article")


def with_marks_normalized(text: str) -> str:
    """The text with every doubled apostrophe ('') read as one quotation mark, offsets unchanged.

    The New York Times writes quotations between '' and ''; they are quotation marks as much
    as " and \u201c\u201d are, so they count for "quoted" and for the kind of a gold attribution.
    """
    return text.replace("''", '"\x00')


def _gold_article(item: dict[str, Any]) -> GoldArticle:
    text = item["text"]
    marked = with_marks_normalized(text)
    units = []
    for quote in item.get("quotes", []):
        content = _characters(quote.get("contents", []))
        if not content:
            continue
        speakers = tuple((int(s["start"]), int(s["end"])) for s in quote.get("sources", []))
        quoted = any(marked[i] in QUOTE_MARKS for i in content)
        units.append(Unit(content, speakers, kind_of_text(marked, content), quoted))
    return GoldArticle(str(item["id"]), text, units)


def prediction_units(record: Record) -> list[Unit]:
    return [_unit(quote) for quote in record.quotes if quote.content]


def _unit(quote: Quote) -> Unit:
    content = frozenset(i for span in quote.content for i in range(span.start, span.end))
    speakers = ((quote.speaker.start, quote.speaker.end),) if quote.speaker is not None else ()
    return Unit(content, speakers, quote.kind, quote.kind in {"direct", "mixed"})


def speaker_right(predicted: Unit, gold: Unit) -> bool:
    if not predicted.speakers and not gold.speakers:
        return True
    return any(ps < ge and gs < pe for ps, pe in predicted.speakers for gs, ge in gold.speakers)


def match(predicted: list[Unit], gold: list[Unit], threshold: float) -> list[tuple[Unit, Unit]]:
    """Greedy one-to-one matching, best coverage of the gold content first."""
    candidates = []
    for p_index, p in enumerate(predicted):
        for g_index, g in enumerate(gold):
            if not g.content:
                continue  # nothing to cover: load_gold never makes one, hand-made units might
            coverage = len(p.content & g.content) / len(g.content)
            if coverage >= threshold:
                candidates.append((-coverage, p_index, g_index))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p_index, g_index in candidates:
        if p_index in used_p or g_index in used_g:
            continue
        used_p.add(p_index)
        used_g.add(g_index)
        pairs.append((predicted[p_index], gold[g_index]))
    return pairs


def count(predicted: list[Unit], gold: list[Unit], threshold: float) -> Counts:
    pairs = match(predicted, gold, threshold)
    return Counts(
        predicted=len(predicted),
        gold=len(gold),
        matched=len(pairs),
        speaker_right=sum(speaker_right(p, g) for p, g in pairs),
    )


def score_article(report: Report, predicted: list[Unit], gold: list[Unit]) -> None:
    report.articles += 1
    quoted_predicted = [p for p in predicted if p.kind in {"direct", "mixed"}]
    quoted_gold = [g for g in gold if g.quoted]
    for threshold in THRESHOLDS:
        report.all[threshold].add(count(predicted, gold, threshold))
        report.quoted[threshold].add(count(quoted_predicted, quoted_gold, threshold))
    # Per kind at 0.5: recall against gold of that kind, precision of predictions of that kind.
    for kind in ("direct", "mixed", "indirect"):
        counts = report.by_kind.setdefault(kind, KindCounts())
        counts.gold += sum(g.kind == kind for g in gold)
        counts.predicted += sum(p.kind == kind for p in predicted)
    for p, g in match(predicted, gold, 0.5):
        right = speaker_right(p, g)
        by_gold, by_predicted = report.by_kind[g.kind], report.by_kind[p.kind]
        by_gold.gold_matched += 1
        by_gold.gold_right += right
        by_predicted.predicted_matched += 1
        by_predicted.predicted_right += right
