"""The indexes that keep a long article's cost in proportion to its length give the answers of the
scans they replace, exactly: each is checked against the plain scan on random cases (a fixed seed)
and, for the entity builder's, on every token of a parsed text."""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from dateline.extract import entities
from dateline.extract.attribution_quotations import Claims, Quotations
from dateline.extract.clusters import Cluster, first_name_of, is_suffix, same_person
from dateline.extract.dates import _Found, _Taken
from dateline.extract.name_index import PersonIndex, Surnames
from dateline.extract.text_spans import (
    QuotedRegion,
    RegionIndex,
    SpanOwners,
    SpanSet,
    inside_any,
    quoted_regions,
)

WORDS = ["al", "amin", "bakr", "eguiluz", "equiluz", "kim", "jong", "un", "sun", "li", "abu", "zuhri", "sami"]


def _names(rng: random.Random, count: int) -> list[tuple[str, ...]]:
    return [tuple(rng.choice(WORDS) for _ in range(rng.randint(0, 3))) for _ in range(count)]


def _ordered_regions(rng: random.Random) -> list[QuotedRegion]:
    regions, at = [], 0
    for _ in range(rng.randint(0, 12)):
        at += rng.randint(0, 6)
        end = at + rng.randint(1, 8)
        regions.append(QuotedRegion(at, end))
        at = end
    return regions


def _any_regions(rng: random.Random) -> list[QuotedRegion]:
    return [
        QuotedRegion(s, s + rng.randint(-2, 9))
        for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 10)))
    ]


@pytest.mark.parametrize("make", [_ordered_regions, _any_regions], ids=["ordered", "unordered"])
def test_region_index_answers_as_the_scans(make: object) -> None:
    rng = random.Random(14)
    for _ in range(300):
        regions = make(rng)  # type: ignore[operator]
        index = RegionIndex(regions)
        for low in range(-2, 70, 3):
            for high in range(low - 2, low + 14, 3):
                assert index.contains(low) == inside_any(low, regions)
                assert index.starting(low, high) == [r for r in regions if low <= r.start <= high]
                assert index.ending(low, high) == [r for r in regions if low <= r.end <= high]
                assert index.reaching(low, high) == [r for r in regions if r.end >= low and r.start < high]
                assert index.overlapping(low, high) == [r for r in regions if r.start < high and low < r.end]
                assert index.holding(low) == next((r for r in regions if r.start <= low < r.end), None)
                assert index.first_starting_after(low, high) == next(
                    (r for r in regions if low < r.start <= high), None
                )
                assert index.last_ending_by(low) == max(
                    (r for r in regions if r.end <= low), key=lambda r: r.end, default=None
                )


def test_quoted_regions_come_ordered() -> None:
    """RegionIndex is fast only for regions sorted, non-empty and disjoint, as quoted_regions makes."""
    text = (
        'He said: "One, two," she said, "three." \u201cFour\u201d and \u201dfive.\u201d\n"Six\n"Seven "eight"'
    )
    assert RegionIndex(quoted_regions(text)).ordered


def test_whole_quotations_stretch_as_the_scan_did() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice('ab "\u201c\u201d.') for _ in range(60))
        quotes = Quotations(text, quoted_regions(text))
        for start in range(0, 60, 4):
            for end in range(start - 3, 62, 5):
                s, e = start, end
                for region in quotes.regions:  # the loop Finder.whole_quotations had
                    if region.start < s < region.end:
                        s = region.start - quotes.mark_width(region.start, before=True)
                    if region.start < e < region.end:
                        e = region.end + quotes.mark_width(region.end, before=False)
                assert quotes.whole(start, end) == (s, e)


def test_span_set_and_owners_answer_as_the_scans() -> None:
    rng = random.Random(3)
    for _ in range(300):
        spans = [(s, s + rng.randint(0, 9)) for s in (rng.randint(0, 50) for _ in range(rng.randint(0, 9)))]
        owners = SpanOwners((s, e, k % 4) for k, (s, e) in enumerate(spans))
        found = SpanSet(spans)
        for start in range(-1, 62, 2):
            for end in range(start, start + 10, 3):
                assert found.overlaps(start, end) == any(s < end and start < e for s, e in spans)
            expected = []
            for k, (s, e) in enumerate(spans):
                if s <= start < e and k % 4 not in expected:
                    expected.append(k % 4)
            assert owners.holding(start) == expected  # each once, in the order of its first span


def test_taken_dates_overlap_as_the_scan() -> None:
    rng = random.Random(5)
    for _ in range(300):
        taken, plain = _Taken(), []
        for _ in range(12):
            start = rng.randint(0, 40)
            found = _Found(start, start + rng.randint(0, 6), "day", None)
            overlaps = any(t.start < found.end and found.start < t.end for t in plain)
            assert taken.overlaps(found.start, found.end) == overlaps
            if not overlaps:
                taken.take(found)
                plain.append(found)
        assert taken.found == plain


def test_claims_given_back_are_the_ones_made_since_the_mark() -> None:
    claims = Claims()
    claims.update([QuotedRegion(0, 3), QuotedRegion(5, 9)])
    before, mark = set(claims), claims.mark()
    claims.add(QuotedRegion(5, 9))  # already claimed: nothing to give back
    claims.update([QuotedRegion(10, 12)], [QuotedRegion(20, 22)])
    claims.release_since(mark)
    assert claims == before


def test_surnames_answer_as_the_scans() -> None:
    rng = random.Random(11)
    for _ in range(200):
        names = _names(rng, rng.randint(0, 8))
        surnames = Surnames(names)
        for words in _names(rng, 30):
            assert surnames.named_by(words) == any(
                words == n or is_suffix(words, n) or first_name_of(words, n) for n in names
            )
            assert surnames.ending(words) == any(is_suffix(n, words) for n in names)


def test_person_index_finds_what_same_person_finds() -> None:
    rng = random.Random(13)
    for _ in range(200):
        index, clusters = PersonIndex(), []
        for words in _names(rng, rng.randint(0, 10)):
            cluster = Cluster("PERSON", " ".join(words), "person")
            index.add(cluster)
            cluster.words = words
            index.rename(cluster)
            clusters.append(cluster)
        for cluster in rng.sample(clusters, k=len(clusters) // 3):  # names grow to a fuller form
            cluster.words = (*cluster.words, rng.choice(WORDS))
            index.rename(cluster)
        for words in _names(rng, 30):
            assert index.matches(words) == [c for c in clusters if same_person(words, c.words)]


ARTICLE = (
    "Foreign Minister Amara Okonjo said in Cairo on Monday that talks with the United Nations would "
    'resume. "We will not give up," Okonjo told reporters. The minister added that officials expected '
    "a deal.\n\nThe head of UNICEF, Catherine Russell, said the agency's staff would stay. Her deputy, "
    "a former official of the group, said they were safe. Russell's spokesman said he had no comment.\n\n"
    "President Boris Varga of Drosna met Okonjo. The president said his government backed the talks, "
    "and the officials said they would meet again. Varga and Okonjo then left Cairo."
)


def test_the_entity_builders_lookups_answer_as_the_scans(nlp: Language) -> None:
    doc = nlp(ARTICLE)
    builder = entities._Builder(doc, [])
    builder.collect_names()
    builder.collect_descriptions()
    builder.resolve_pronouns()
    everyone = set(range(len(builder.clusters)))
    for token in doc:
        expected = builder._recent_clusters(token.i)
        assert list(builder._recent(token.i)) == expected
        assert builder._recent_among(token.i, everyone) == expected
        char = token.idx
        assert builder._cluster_at(token.i) is next(
            (c for m, c in builder.mentions if m.start <= char < m.end), None
        )
    assert builder.mention_starts == [m.start for m, _ in builder.mentions]
