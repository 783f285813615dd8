"""Which quotations belong to a reporting clause, and which are already taken.

A ``Quotations`` holds an article's quoted regions and the ones some candidate has claimed, so
that no quotation is given to two voices. It decides, from the characters around the marks:

* which quotations a cue takes: the one that opens the sentence and closes where the reporting
  clause starts ('"...," said X'), those around the cue unless prose runs into them ('made him
  a "presenting sponsor."'), the opening before a medial clause ('"A" on the river, X said, "B"'),
  the one that goes on after a closing clause, and those that go on in the paragraph until one
  has a reporting clause of its own ('"A," X said. "B," she added.');
* where a quotation ends its sentence, and how much of a span is quoted, hence its kind
  (``kind_from_share``: all quoted is direct, some is mixed, none is indirect).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.extract.attribution_lexicon import REPORTING_FORMS
from dateline.extract.text_spans import DOUBLED_APOSTROPHE, QuotedRegion, RegionIndex
from dateline.model import Span

QUOTED_SHARE_FOR_DIRECT = 0.8
MAX_CLOSING_SOURCE_WORDS = 6
QUOTE_CHARS = {'"', "\u201c", "\u201d", "'"}  # the marks a quotation region sits between
CLOSING_MARKS = " \"'\u201d\u2019"  # what may close a quotation: marks and the spaces between them
MIN_PROSE_WORDS = 2  # words between a cue and a quotation that make the quotation part of prose
MAX_WORDS_BEFORE_GOING_ON = 3  # '..., she said on Sunday. "..."'
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018A-Z])")  # a full stop, then a new sentence


class Claims(set[QuotedRegion]):
    """The quotations candidates have claimed, with a journal of the claims in the order made.

    A candidate the filter drops gives back what it claimed: ``release_since(mark())`` undoes the
    claims made since the mark, where a copy of the whole set taken before every candidate would
    make a long article cost the square of its length. Exact as long as nothing is given back
    otherwise between the mark and the release (the rules in between only claim)."""

    def __init__(self) -> None:
        super().__init__()
        self.journal: list[QuotedRegion] = []

    def add(self, region: QuotedRegion) -> None:
        if region not in self:
            super().add(region)
            self.journal.append(region)

    def update(self, *regions: Iterable[QuotedRegion]) -> None:
        for some in regions:
            for region in some:
                self.add(region)

    def mark(self) -> int:
        return len(self.journal)

    def release_since(self, mark: int) -> None:
        """Give back every quotation claimed since ``mark``."""
        for region in self.journal[mark:]:
            self.discard(region)
        del self.journal[mark:]


class Quotations:
    """The quoted regions of one text and the ones candidates have claimed so far.

    Questions about the quotations near a position go to ``index``, which finds them by bisection:
    every cue asks several, and scanning all the article's quotations for each would make a long
    article cost the square of its length."""

    def __init__(self, text: str, regions: list[QuotedRegion]) -> None:
        self.text = text
        self.regions = regions
        self.index = RegionIndex(regions)
        self.claimed = Claims()

    def claim_inside(self, span: Span) -> None:
        """Every quotation that overlaps ``span`` is taken."""
        self.claimed.update(self.index.overlapping(span.start, span.end))

    def quoted_share(self, span: Span) -> float:
        """How much of ``span`` (0-1) is inside quotation marks."""
        length = span.end - span.start
        if length <= 0:
            return 0.0
        # Only overlapping regions add anything (the others add max(0, negative) = 0).
        regions = self.index.overlapping(span.start, span.end)
        inside = sum(max(0, min(r.end, span.end) - max(r.start, span.start)) for r in regions)
        return inside / length

    def quoted_share_of(self, spans: list[Span]) -> float:
        """How much of all of ``spans`` together (0-1) is inside quotation marks."""
        length = sum(span.end - span.start for span in spans)
        inside = sum(self.quoted_share(span) * (span.end - span.start) for span in spans)
        return inside / length if length > 0 else 0.0

    def whole(self, start: int, end: int) -> tuple[int, int]:
        """A span stretched so that it cuts no quotation in two: a start or end strictly inside a
        region moves out to the region's quotation mark (see ``Finder.whole_quotations``)."""
        sorted_regions = self.index.ordered and start <= end
        regions = self.regions
        if sorted_regions:
            # A region ending by ``start`` holds neither end (the start only moves back, the end on).
            regions = regions[bisect.bisect_right(self.index.ends, start) :]
        for region in regions:
            if sorted_regions and region.start >= max(start, end):
                break  # this region and every later one start past both ends: none holds either
            if region.start < start < region.end:
                start = region.start - self.mark_width(region.start, before=True)
            if region.start < end < region.end:
                end = region.end + self.mark_width(region.end, before=False)
        return start, end

    def paragraph_end(self, position: int) -> int:
        """Where the paragraph holding ``position`` ends."""
        end = self.text.find("\n", position)
        return len(self.text) if end < 0 else end

    def mark_width(self, at: int, before: bool) -> int:
        """How many characters the quotation mark just before (or at) ``at`` takes: 2 for '', else
        1, or 0 when there is no mark."""
        mark = self.text[max(0, at - 2) : at] if before else self.text[at : at + 2]
        if mark == DOUBLED_APOSTROPHE:
            return 2
        return int((mark[-1:] if before else mark[:1]) in QUOTE_CHARS)

    def opening_at(self, region: QuotedRegion) -> int:
        """Where the quotation's opening mark starts: one character before it, or two for the
        doubled apostrophe that opens quotations in NYT copy (''...'')."""
        return region.start - max(1, self.mark_width(region.start, before=True))

    def closing_end(self, region: QuotedRegion) -> int:
        """Where the quotation's closing mark ends (one character, or two for '')."""
        return region.end + max(1, self.mark_width(region.end, before=False))

    def opens_sentence(self, region: QuotedRegion) -> bool:
        """Whether the quotation opens its paragraph or follows the end of a sentence."""
        paragraph_start = self.text.rfind("\n", 0, region.start) + 1
        before = self.text[paragraph_start : max(paragraph_start, self.opening_at(region))].rstrip()
        return not before or before[-1] in '.!?:"\u201d'

    def outside(self, start: int, end: int) -> str:
        """The text between ``start`` and ``end`` with every quotation taken out."""
        kept, at = [], start
        for region in self.index.overlapping(start, end):
            kept.append(self.text[at : max(at, region.start - 1)])
            at = max(at, region.end + 1)
        kept.append(self.text[at:end])
        return " ".join(kept)

    def quote_closing_at_clause(self, verb: Token, subject: Token) -> QuotedRegion | None:
        """The unclaimed quotation that ends right where the reporting clause starts, if any."""
        left = min(verb.idx, next(iter(subject.subtree)).idx)
        for region in self.index.ending(left - 4, left):
            if region in self.claimed:
                continue
            between = self.text[region.end : left]
            if "\n" in between or any(ch.isalnum() for ch in between) or self._ends_sentence(region):
                continue  # '"... anyone." The survey took years': a full stop closed it
            if self.opens_sentence(region):
                return region  # the quotation opens its sentence: no prose runs into it
        return None

    def quotes_near(self, sent: SpacySpan, verb: Token, subject: Token) -> list[Span]:
        """The unclaimed quotations that share the cue's sentence, outside the speaker's words."""
        speaker_tokens = list(subject.subtree)
        speaker_start, speaker_end = (
            speaker_tokens[0].idx,
            speaker_tokens[-1].idx + len(speaker_tokens[-1].text),
        )
        found = []
        # A region ending before the sentence passes only with no line break between it and the
        # sentence (``_right_before``): none ending before the paragraph's start can.
        paragraph_start = self.text.rfind("\n", 0, sent.start_char) + 1
        for region in self.index.reaching(paragraph_start, sent.end_char):
            if region in self.claimed:
                continue
            if region.end <= sent.start_char and not self._right_before(region, sent.start_char):
                continue
            if speaker_start <= region.start and region.end <= speaker_end:
                continue  # a quoted phrase inside the speaker's description
            if self._is_phrase_quote(region):
                continue
            if region.end <= speaker_start and (
                self._ends_sentence(region) or self._question_before_new_sentence(region, speaker_start)
            ):
                continue  # '"... anyone." The survey took years': the parser ran two sentences together
            found.append(region)
        if found and self._runs_into_prose(found, verb, sent):
            return []  # 'said the gift made him a "presenting sponsor."': the sentence is the content
        if found:
            found += self.following_quotes(max(found[-1].end, sent.end_char), self.paragraph_end(verb.idx))
        self.claimed.update(found)
        return [Span.of(self.text, r.start, r.end) for r in found]

    def _runs_into_prose(self, found: list[QuotedRegion], verb: Token, sent: SpacySpan) -> bool:
        """Whether the quotation nearest the cue is set inside the writer's own words.

        A direct quotation meets its reporting clause at a comma, a colon or the sentence edge
        ('"...," X said', 'X said: "..."'); one that a word runs into ('made him a "presenting
        sponsor."', '"People were celebrating" before the attack, she said') is part of a
        mixed sentence, whose content is the whole clause.
        """
        after = [r for r in found if r.start > verb.idx and r.start < sent.end_char]
        before = [r for r in found if r.end <= verb.idx and r.start >= sent.start_char]
        if after:
            opening = self.opening_at(after[0])
            left = self.text[sent.start_char : opening].rstrip()
            if (
                left
                and left[-1].isalpha()
                and not left.endswith(" that")
                and words_in(self.text[verb.idx + len(verb.text) : opening]) >= MIN_PROSE_WORDS
            ):
                return True
        if before:
            closing = before[-1].end + 1
            right = self.text[closing : sent.end_char].lstrip()
            first_word = right.split(" ", 1)[0] if right else ""
            if (
                first_word
                and first_word[0].islower()
                and first_word != verb.text
                and words_in(self.text[closing : verb.idx]) >= MIN_PROSE_WORDS + 2
            ):
                return True
        return False

    def quoted_opening_before(
        self, verb: Token, subject: Token, sent: SpacySpan, content: list[Span]
    ) -> Span | None:
        """'"If there had not been that dam" on the river, Alder said, "we would ..."': a medial
        reporting clause whose content follows it also takes the part before it, when that part
        opens the sentence with a quotation and meets the clause at a comma."""
        left = min(verb.idx, next(iter(subject.subtree)).idx)
        if any(c.start < verb.idx for c in content) or subject.i > verb.i:
            return None
        before = self.text[sent.start_char : left].rstrip()
        if not before.endswith(",") or "\n" in before:
            return None
        end = sent.start_char + len(before) - 1
        opening = next(
            (r for r in self.index.starting(sent.start_char, sent.start_char + 1) if r.end <= end), None
        )
        if opening is None or opening in self.claimed:
            return None
        self.claim_inside(Span.of(self.text, sent.start_char, end))
        return Span.of(self.text, sent.start_char, end)

    def quotes_after_clause(self, verb: Token, content: list[Span]) -> list[QuotedRegion]:
        """'"People were celebrating" before the blast, she said. "It was peaceful."': the
        quotation that goes on after a medial or closing reporting clause belongs to its content."""
        if any(c.end > verb.idx for c in content):
            return []
        start = verb.idx + len(verb.text)
        paragraph_end = self.paragraph_end(verb.idx)
        first = next((r for r in self.index.starting(start, paragraph_end) if r not in self.claimed), None)
        if first is None or words_in(self.text[start : first.start - 1]) > MAX_WORDS_BEFORE_GOING_ON:
            return []
        rest = self.text[first.end + 1 : paragraph_end].lstrip(" ,.;:!?\"'\u201d\u2019")
        if rest[:1].isalnum():
            return []  # '"...," Obel told reporters': the quotation has a reporting clause of its own
        found = [first, *self.following_quotes(first.end + 1, paragraph_end)]
        self.claimed.update(found)
        return found

    def following_quotes(self, after: int, paragraph_end: int) -> list[QuotedRegion]:
        """'"A," he said. "B. C."': quotations that go on after the cue, in the same paragraph."""
        found = []
        # ``after`` only grows: regions starting before its first value never pass.
        for region in self.index.starting(after, paragraph_end):
            if region.start < after or region in self.claimed:
                continue
            if any(ch.isalnum() for ch in self.text[after : region.start]):
                break  # words outside quotation marks: someone else's voice or the writer's
            if self.has_own_clause(region, paragraph_end):
                break  # '"A," he said. "B," he added.': the next quotation has a cue of its own
            found.append(region)
            after = region.end + 1
        return found

    def has_own_clause(self, region: QuotedRegion, paragraph_end: int) -> bool:
        """Whether a reporting clause of its own follows the quotation: '"B," she added.',
        '"Three?" Clinton asks.'. A quotation that ends its sentence and is followed by the
        writer's next sentence ('"B." The court met ...') has none: it goes on with the voice
        before it. Words that run on from it ('"..." of repatriation') count as a clause."""
        following = self.index.first_starting_after(region.end, paragraph_end)
        next_start = following.start - 1 if following is not None else paragraph_end
        after = self.text[region.end + 1 : next_start]
        if not any(ch.isalnum() for ch in after):
            return False
        inner = self._quotation_words(region)
        closing = after.lstrip(CLOSING_MARKS)
        if not (inner.endswith((".", "!", "?", "\u2026")) or closing.startswith((".", "!", "?"))):
            return True  # the sentence goes on past the closing mark
        if inner.endswith((".", "\u2026")) or closing.startswith("."):
            return False  # a full stop: a reporting clause would have had a comma ('"B," she added')
        sentence = SENTENCE_END.split(closing.lstrip(" .!?"), maxsplit=1)[0]
        words = [w.strip(",.;:!?").lower() for w in sentence.split()]
        verb_at = next((i for i, w in enumerate(words) if w in REPORTING_FORMS), None)
        if verb_at is None or len(words) > MAX_CLOSING_SOURCE_WORDS + 2:
            return False
        # '"... before the harvest?" Late last week, Marovia said, "..."': words set off by a
        # comma before the verb open the writer's next sentence, not a clause closing this quotation.
        return "," not in " ".join(sentence.split()[:verb_at])

    def _right_before(self, region: QuotedRegion, position: int) -> bool:
        """'"... Three?" Clinton asks': the parser ended the sentence inside the quotation. A
        quotation that closes its own sentence with a full stop ('"... vacant." President Alder
        took ...') is no part of the next sentence."""
        between = self.text[region.end : position]
        if "\n" in between or any(ch.isalnum() for ch in between):
            return False
        return not self._ends_sentence(region)

    def _quotation_words(self, region: QuotedRegion) -> str:
        """The quotation's text without the marks and spaces that close it."""
        return self.text[region.start : region.end].rstrip(CLOSING_MARKS)

    def _ends_sentence(self, region: QuotedRegion) -> bool:
        """Whether the quotation closes with a full stop, inside or right after its marks."""
        inner = self._quotation_words(region)
        after = self.text[region.end : region.end + 3].lstrip(CLOSING_MARKS)
        return inner.endswith((".", "\u2026")) or after.startswith(".")

    def _question_before_new_sentence(self, region: QuotedRegion, speaker_start: int) -> bool:
        """'"... before the harvest?" Late last week, Marovia said': a quotation closing with
        a question or exclamation mark and followed by a capitalised word other than the speaker's
        own ('"Is it?" Smith asked') ends its sentence."""
        inner = self._quotation_words(region)
        rest = self.text[region.end : speaker_start]
        following = rest.lstrip(CLOSING_MARKS)
        return (
            inner.endswith(("?", "!"))
            and following[:1].isupper()
            and region.end + len(rest) - len(following) < speaker_start
        )

    def _is_phrase_quote(self, region: QuotedRegion) -> bool:
        """'called it "a silver standard"': a few quoted words inside the writer's sentence."""
        words = self.text[region.start : region.end].split()
        return len(words) < 4 and not self.text[region.start : region.end].rstrip().endswith(
            (",", ".", "?", "!")
        )


def kind_from_share(share: float) -> str:
    """All (or nearly) quoted: direct; some: mixed; none: indirect."""
    if share >= QUOTED_SHARE_FOR_DIRECT:
        return "direct"
    return "mixed" if share > 0 else "indirect"


def words_in(text: str) -> int:
    return sum(any(ch.isalnum() for ch in word) for word in text.split())
