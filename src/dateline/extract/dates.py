"""Dates: temporal expressions, normalized against the publication date.

Finding. Expressions come from patterns over the text (weekdays, "Oct. 7", "Feb. 8, 2024",
"8 February", "in November", "November 2023", "in 2023", "today", "yesterday", "last week",
"this month", "next year", "over the weekend", "two days ago") and from spaCy's DATE entities.
A spaCy DATE entity that no pattern covers is kept only when it has a calendar cue (a month or
weekday name, a four-digit year, a word such as "today" or "tomorrow"): durations and counts
("a fifth month", "six-week", "just months", "decades", "the 1990s") are not dates and are
skipped.

Normalizing. Values are ISO 8601 with a precision: ``2024-02-08`` (day), ``2024-W06`` (ISO week),
``2024-02`` (month), ``2024`` (year). The expressions the patterns know are computed by the rules
below, which news needs and dateparser does not apply (its "Wednesday" said on a Wednesday
is a week back, its future "Feb. 7" said on Feb. 7 is next year, and it reads "a week" as a
date). What is left (spaCy DATE entities with a cue that no pattern covers, such as "2/8/2024"
or "Feb. 8th-9th") goes to dateparser (English only, RELATIVE_BASE = the publication date, no
timestamp parser), whose results are cached per expression, base date and direction.

* Direction. An expression without a year ("Thursday", "Oct. 7", "in November") points forward
  when the verb that governs it is future: will/would/shall/'ll, "is to", "set to", "going to",
  "expected to", "due to", "scheduled to", "plans to", and verbs conjoined with one of those.
  Otherwise (past, present, no verb) it points back. "last"/"next" before it decide by themselves.
* A weekday pointing back is the most recent such day on or before the publication date (a
  Wednesday said on a Wednesday is that day); pointing forward, the next one after it.
* "Oct. 7" pointing back is the most recent Oct. 7 on or before publication; forward, the next on
  or after it. "in November" likewise for months, the publication month counting both ways.
* "last week" is the ISO week before the publication's, "this week" its own, "next week" the one
  after; the same for months and years. The weekend is given as the ISO week it falls in.

What is kept with value None. With a publication date, every expression the patterns find has
a value (an impossible date such as "Feb. 30" is dropped), and a leftover spaCy DATE entity that
dateparser cannot pin to a calendar value is dropped. Without a publication date, expressions
that need one (everything without a year: "Thursday", "Oct. 7", "last week", and leftovers with a
calendar cue) are kept, since they clearly are dates, with value and precision None; expressions
with a year ("Feb. 8, 2024", "November 2023", "in 2023") still resolve.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from dateline.extract import lexicon
from dateline.extract.text_spans import SpanSet, text_of
from dateline.model import DateMention

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(MONTHS, 1)} | {
    name.lower()[:3]: i for i, name in enumerate(MONTHS, 1)
}
_MONTH_NUMBER["sept"] = 9
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(WEEKDAYS)}
# How many units ago ("three weeks ago", "a year ago"): the cardinals, and the articles that count one.
_NUMBER_WORDS = {"a": 1, "an": 1} | lexicon.number_words("cardinal")

# -- patterns ----------------------------------------------------------------------------------

_MONTH_FULL = "|".join(MONTHS)
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_WEEKDAY = "|".join(WEEKDAYS)
# After a day or year: no more digits, no clock time, no "%", no "million".
_NUMBER_END = r"(?![0-9]|:[0-9]|\s*(?:%|percent|per cent|million|billion)\b)"
_NUMBER_WORD = "|".join(_NUMBER_WORDS) + r"|[0-9]+"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(rf"\b(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>3[01]|[12][0-9]|0[1-9])\b"),
    ),
    (
        "monthday",
        re.compile(
            rf"\b(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s+(?P<day>{_DAY}){_NUMBER_END}"
            rf"(?:,?\s+(?P<year>{_YEAR}){_NUMBER_END})?"
        ),
    ),
    (
        "daymonth",
        re.compile(
            rf"(?<![0-9.,])\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?![a-z])"
            rf"(?:,?\s+(?P<year>{_YEAR}){_NUMBER_END})?"
        ),
    ),
    (
        "monthyear",
        re.compile(
            rf"\b(?:(?i:early|mid|late)[- ]|(?i:the\s+(?:beginning|start|end|middle)\s+of)\s+)?"
            rf"(?P<month>{_MONTH})(?:,?\s+|\s+of\s+)(?P<year>{_YEAR}){_NUMBER_END}"
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?:(?P<modifier>(?i:last|next|this))\s+|(?i:early|mid|late)[- ]|"
            rf"(?i:the\s+(?:beginning|start|end|middle)\s+of)\s+)?(?P<month>{_MONTH_FULL})\b(?!['’]?s\b)"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<modifier>(?i:last|next|this|coming))\s+)?(?P<weekday>{_WEEKDAY})\b"
            r"(?:\s+(?i:morning|afternoon|evening|night))?"
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<word>(?i:today|(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|tomorrow)|tonight|"
            r"this\s+(?:morning|afternoon|evening)|last\s+night))\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?:(?i:earlier|later|early|late)\s+)?(?P<modifier>(?i:last|this|next))\s+"
            r"(?P<unit>(?i:week|month|year|weekend))\b"
        ),
    ),
    # Only the group "core" is the expression: the preposition just tells a weekend from "a weekend".
    ("weekend", re.compile(r"\b(?i:over|during)\s+(?P<core>(?i:the\s+weekend))\b")),
    (
        "ago",
        re.compile(rf"\b(?P<count>(?i:{_NUMBER_WORD}))\s+(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago)\b"),
    ),
    ("year", re.compile(rf"(?<![0-9/.-])\b(?P<year>{_YEAR})\b{_NUMBER_END}(?![-/])")),
]

# Every pattern match contains one of these words. Scanning for them is one fast pass; each
# pattern then runs only in small windows around the words it needs, not over the whole text.
_ANCHOR_RE = re.compile(
    rf"\b(?:(?P<month>{_MONTH_FULL}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|(?P<weekday>{_WEEKDAY})|"
    r"(?P<deictic>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Mm]orning|[Aa]fternoon|[Ee]vening|[Nn]ight)|"
    r"(?P<unit>[Ww]eek|[Ww]eekend|[Mm]onth|[Yy]ear)|(?P<ago>ago)|(?P<year>(?:1[89]|20)[0-9]{2}))\b"
)
_KINDS_OF_ANCHOR = {
    "month": ("monthday", "daymonth", "monthyear", "month"),
    "weekday": ("weekday",),
    "deictic": ("deictic",),
    "unit": ("relative", "weekend"),
    "ago": ("ago",),
    "year": ("iso", "year"),
}
_WINDOW = 40  # characters either side of an anchor: more than any pattern reaches
_SPACE_RE = re.compile(r"\s")

# Words before a bare month name or year that make it a date ("in May", "since 2019"); without
# one, the name counts only inside a spaCy DATE entity ("May" can be a verb or a surname).
_CUE_BEFORE = re.compile(
    r"\b(?i:in|since|until|till|by|from|through|throughout|during|before|after|between|and|or|to|"
    r"of|early|mid|late|last|next|this|around|on)[\s-]+$"
)
# Named days that are not "the nearest Friday".
_NAMED_DAY_BEFORE = re.compile(r"\b(?:Good|Black|Super|Bloody|Ash|Palm|Easter|Holy|Cyber|Maundy)\s+$")
# Entities that can contain a weekday or month name without it being a date.
_NON_DATE_LABELS = frozenset(
    {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "LAW", "FAC", "GPE", "LOC", "NORP", "LANGUAGE"}
)
# A spaCy DATE entity no pattern covers goes to dateparser only with one of these cues.
_CALENDAR_CUE = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY}|{_YEAR})(?![0-9]|s\b)|\b(?i:today|yesterday|tomorrow|tonight)\b|"
    r"\b[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}\b"
)
_LEADING_FUNCTION_WORDS = re.compile(r"^(?:(?i:the|a|an|on|in|at|since|until|by|of|from|during)\s+)+")
_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")

# -- tense -------------------------------------------------------------------------------------

_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "’ll", "wo"})
# Heads that make the verb they govern (through xcomp) future: "is to", "set to", "going to", ...
_FUTURE_HEADS = frozenset(
    {"be", "set", "go", "expect", "due", "schedule", "slate", "plan", "poise", "intend"}
)
# Verbs that put their own date ahead: "scheduled for Friday".
_FUTURE_VERBS = frozenset({"schedule", "slate", "reschedule"})
# Verbs that fix a date for something to come, whatever their tense: "polls were called for 24 June",
# "the hearing was set for March 3", "postponed until May 2".
_FIXING_VERBS = frozenset(
    {"call", "set", "fix", "plan", "book", "postpone", "delay", "move", "push", "adjourn"}
)
_FIXING_PREPOSITIONS = frozenset({"for", "until", "till", "to"})
_FUTURE_MODIFIERS = frozenset({"next", "coming", "tomorrow"})
_PAST_MODIFIERS = frozenset({"last", "yesterday"})


def _governing_verb(span: Span) -> Any:
    token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _has_future_aux(verb: Any) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in verb.children)


def _fixed_ahead(span: Span) -> bool:
    """'called for 24 June', 'postponed until May 2': a date a verb of fixing dates is aimed at."""
    preposition = span.root.head
    if preposition.dep_ != "prep" or preposition.lower_ not in _FIXING_PREPOSITIONS:
        return False
    return preposition.head.pos_ == "VERB" and preposition.head.lemma_ in _FIXING_VERBS


def is_future(span: Span) -> bool:
    """Whether the verb governing ``span`` puts it after the time of writing."""
    if _fixed_ahead(span):
        return True
    verb = _governing_verb(span)
    for _ in range(4):  # follow a few conj / xcomp links up
        if verb is None:
            return False
        if _has_future_aux(verb) or verb.lemma_ in _FUTURE_VERBS:
            return True
        head = verb.head
        if verb.dep_ == "xcomp" and head.i != verb.i:
            # "is to arrive" needs its "to" ("is" alone is no future); "going to" needs "going".
            has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            going = head.lemma_ != "go" or head.tag_ == "VBG"
            if head.lemma_ in _FUTURE_HEADS and (head.lemma_ != "be" or has_to) and going:
                return True
            verb = head
            continue
        if verb.dep_ == "conj" and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            verb = head
            continue
        return False
    return False


# -- values ------------------------------------------------------------------------------------


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_month_day(month: int, day: int, published: dt.date, future: bool) -> dt.date | None:
    """The month-day on or before publication (or on or after it, for the future)."""
    step = 1 if future else -1
    for offset in range(0, 9 * step, step):  # Feb. 29 may be up to 8 years away
        candidate = _safe_date(published.year + offset, month, day)
        if candidate is not None and (candidate >= published if future else candidate <= published):
            return candidate
    return None


@dataclass(frozen=True)
class _Value:
    value: str | None
    precision: str | None


_NONE = _Value(None, None)


def _value_of(kind: str, m: re.Match[str], published: dt.date | None, future: bool) -> _Value | None:
    """The value of a pattern match; None when the match turns out not to be a date."""
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind in ("iso", "monthday", "daymonth"):
        month = _MONTH_NUMBER[groups["month"].rstrip(".").lower()] if kind != "iso" else int(groups["month"])
        day = int(re.sub(r"[a-z]", "", groups["day"]))
        if year is not None:
            date = _safe_date(year, month, day)
            return _Value(date.isoformat(), "day") if date else None
        if _safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb. 29 passes
            return None
        if published is None:
            return _NONE
        date = None
        if groups.get("weekday"):  # "Thursday, Feb. 8": the year nearest publication that fits the weekday
            weekday = _WEEKDAY_NUMBER[groups["weekday"].lower()]
            fitting = [
                d
                for y in (published.year - 1, published.year, published.year + 1)
                if (d := _safe_date(y, month, day)) is not None and d.weekday() == weekday
            ]
            date = min(fitting, key=lambda d: abs(d - published), default=None)
        date = date or _nearest_month_day(month, day, published, future)
        return _Value(date.isoformat(), "day") if date else _NONE
    if kind in ("monthyear", "month"):
        month = _MONTH_NUMBER[groups["month"].rstrip(".").lower()]
        if year is not None:
            return _Value(f"{year:04d}-{month:02d}", "month")
        if published is None:
            return _NONE
        modifier = (groups.get("modifier") or "").lower()
        here = published.month
        if modifier == "this":
            year = published.year
        elif modifier == "last":
            year = published.year if month < here else published.year - 1
        elif modifier == "next":
            year = published.year if month > here else published.year + 1
        elif future:
            year = published.year if month >= here else published.year + 1
        else:
            year = published.year if month <= here else published.year - 1
        return _Value(f"{year:04d}-{month:02d}", "month")
    if kind == "year":
        return _Value(f"{year:04d}", "year")
    if published is None:
        return _NONE
    if kind == "weekday":
        weekday = _WEEKDAY_NUMBER[groups["weekday"].lower()]
        modifier = (groups.get("modifier") or "").lower()
        if modifier == "last":
            back = (published.weekday() - weekday) % 7 or 7
            return _Value((published - dt.timedelta(days=back)).isoformat(), "day")
        if modifier in ("next", "coming") or future:
            ahead = (weekday - published.weekday()) % 7 or 7
            return _Value((published + dt.timedelta(days=ahead)).isoformat(), "day")
        back = (published.weekday() - weekday) % 7
        return _Value((published - dt.timedelta(days=back)).isoformat(), "day")
    if kind == "deictic":
        word = " ".join(groups["word"].lower().split())
        shift = {
            "yesterday": -1,
            "last night": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }.get(word, 0)
        return _Value((published + dt.timedelta(days=shift)).isoformat(), "day")
    if kind in ("relative", "weekend"):
        unit = (groups.get("unit") or "weekend").lower()
        modifier = (groups.get("modifier") or "").lower()
        delta = {"last": -1, "next": 1}.get(modifier, 0)
        if unit == "week":
            return _Value(_week(published + dt.timedelta(weeks=delta)), "week")
        if unit == "month":
            y, mo = _month_shift(published.year, published.month, delta)
            return _Value(f"{y:04d}-{mo:02d}", "month")
        if unit == "year":
            return _Value(f"{published.year + delta:04d}", "year")
        # The weekend: its Saturday, given as the ISO week it falls in.
        monday = published - dt.timedelta(days=published.weekday())
        if not modifier:  # "over the weekend": the last one, or the coming one in the future
            delta = 0 if future or published.weekday() >= 5 else -1
        return _Value(_week(monday + dt.timedelta(days=5 + 7 * delta)), "week")
    if kind == "ago":
        count_text = groups["count"].lower()
        count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
        unit = groups["unit"].lower()
        if unit == "day":
            return _Value((published - dt.timedelta(days=count)).isoformat(), "day")
        if unit == "week":
            return _Value(_week(published - dt.timedelta(weeks=count)), "week")
        if unit == "month":
            y, mo = _month_shift(published.year, published.month, -count)
            return _Value(f"{y:04d}-{mo:02d}", "month")
        return _Value(f"{published.year - count:04d}", "year")
    raise ValueError(f"unknown date pattern {kind!r}")


# -- dateparser --------------------------------------------------------------------------------

# dateparser applies no rule for dates without a publication date: a base far from any news
# date, used only for expressions that carry their own year.
_NO_BASE = dt.datetime(1900, 1, 1)


@lru_cache(maxsize=64)
def _date_parser(base: dt.datetime, prefer: str) -> Any:
    from dateparser.date import DateDataParser  # imported on first use: it takes a while

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": prefer,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "TIMEZONE": "UTC",
            "PREFER_DAY_OF_MONTH": "first",
            # No "timestamp" parser: a bare number is not a date.
            "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
        },
    )


@lru_cache(maxsize=4096)
def _dateparser_value(text: str, published: dt.date | None, future: bool = False) -> _Value | None:
    """dateparser's reading of ``text`` as a calendar value; None when it cannot pin one down."""
    if published is None and not re.search(rf"\b{_YEAR}\b", text):
        return None
    base = _NO_BASE if published is None else dt.datetime(published.year, published.month, published.day)
    data = _date_parser(base, "future" if future else "past").get_date_data(text)
    date = data.date_obj
    if date is None:
        return None
    day = date.date()
    period = data.period
    if period == "year":
        return _Value(f"{day.year:04d}", "year")
    if period == "month":
        return _Value(f"{day.year:04d}-{day.month:02d}", "month")
    if period == "week":
        return _Value(_week(day), "week")
    if period in ("day", "time"):
        return _Value(day.isoformat(), "day")
    return None


# -- finding -----------------------------------------------------------------------------------


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    match: re.Match[str] | None  # None for a spaCy DATE entity no pattern covers


class _Taken:
    """Matches taken so far, none overlapping another, sorted by (start, end): their ends are then
    sorted too, so whether one overlaps a range is a bisection, not a scan of all of them."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.found: list[_Found] = []

    def overlaps(self, start: int, end: int) -> bool:
        """``any(t.start < end and start < t.end for t in taken)``."""
        before = bisect.bisect_left(self.spans, (end, -1))  # those starting before ``end``
        return before > 0 and self.spans[before - 1][1] > start

    def take(self, found: _Found) -> None:
        bisect.insort(self.spans, (found.start, found.end))
        self.found.append(found)


def _pattern_matches(text: str, ents: list[Span]) -> tuple[list[_Found], list[tuple[int, int]]]:
    """Pattern matches, longest first where they overlap; and the spans of names rejected as dates."""
    date_ents = SpanSet((e.start_char, e.end_char) for e in ents if e.label_ in ("DATE", "TIME"))
    other_ents = SpanSet((e.start_char, e.end_char) for e in ents if e.label_ in _NON_DATE_LABELS)
    windows: dict[str, list[list[int]]] = {kind: [] for kind, _ in _PATTERNS}
    for anchor in _ANCHOR_RE.finditer(text):
        low = max(0, anchor.start() - _WINDOW)
        space = _SPACE_RE.search(text, min(len(text), anchor.end() + _WINDOW))
        high = space.start() if space else len(text)  # a window ends between words, never inside one
        for kind in _KINDS_OF_ANCHOR[anchor.lastgroup or ""]:
            spans = windows[kind]
            if spans and low <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], high)
            else:
                spans.append([low, high])
    found: list[_Found] = []
    rejected: list[tuple[int, int]] = []
    matches = (
        (kind, m)
        for kind, pattern in _PATTERNS
        for low, high in windows[kind]
        for m in pattern.finditer(text, low, high)
    )
    for kind, m in matches:
        start, end = m.span("core") if "core" in m.re.groupindex else m.span()
        if other_ents.overlaps(start, end) and not date_ents.overlaps(start, end):
            continue
        if kind in ("month", "year") and m.group(0) == m.group(kind):
            # A bare month name or year ("March", "2019") needs a word before it that makes it a
            # date ("in March"), or spaCy's DATE label; "May" always needs the word, as it can be
            # a verb or a surname (which spaCy sometimes labels DATE).
            trusted = m.group(0) != "May" and date_ents.overlaps(start, end)
            if not trusted and not _CUE_BEFORE.search(text, max(0, start - 20), start):
                rejected.append((start, end))
                continue
        if kind == "weekday" and _NAMED_DAY_BEFORE.search(text, max(0, start - 10), start):
            rejected.append((start, end))  # "Good Friday": no spaCy DATE entity may bring it back
            continue
        found.append(_Found(start, end, kind, m))
    # Longest first, then leftmost; drop whatever overlaps a match already taken.
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken = _Taken()  # (match spans never end before they start, as _Taken needs)
    for candidate in found:
        if not taken.overlaps(candidate.start, candidate.end):
            taken.take(candidate)
    return taken.found, rejected


def _leftover_entities(
    text: str, ents: list[Span], taken: list[_Found], rejected: list[tuple[int, int]]
) -> list[_Found]:
    """spaCy DATE entities no pattern covers, trimmed, if they have a calendar cue."""
    spans = SpanSet([(t.start, t.end) for t in taken] + rejected)
    leftovers = []
    for ent in ents:
        if ent.label_ != "DATE" or spans.overlaps(ent.start_char, ent.end_char):
            continue
        lead = _LEADING_FUNCTION_WORDS.match(ent.text)
        start = ent.start_char + (lead.end() if lead else 0)
        trail = _TRAILING_POSSESSIVE.search(text, start, ent.end_char)
        end = trail.start() if trail and trail.start() > start else ent.end_char
        if start < end and _CALENDAR_CUE.search(text, start, end):
            leftovers.append(_Found(start, end, "dateparser", None))
    return leftovers


def find_dates(doc: Doc, published: dt.date | None) -> list[DateMention]:
    """The temporal expressions of the article with their calendar values, in text order."""
    if isinstance(published, dt.datetime):
        published = published.date()
    text = text_of(doc)
    ents = list(doc.ents)  # doc.ents walks the whole document on every access
    found, rejected = _pattern_matches(text, ents)
    found += _leftover_entities(text, ents, found, rejected)
    found.sort(key=lambda f: f.start)

    mentions: list[DateMention] = []
    for item in found:
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        future = span is not None and _direction(span)
        value: _Value | None
        if item.match is not None:
            value = _value_of(item.kind, item.match, published, future)
        else:
            value = _dateparser_value(text[item.start : item.end], published, future)
            if value is None and published is None:
                value = _NONE  # a calendar cue but no base date: clearly a date, value unknown
        if value is None:
            continue
        mention = DateMention(text[item.start : item.end], item.start, item.end, value.value, value.precision)
        assert text[mention.start : mention.end] == mention.text
        mentions.append(mention)
    return mentions


def _direction(span: Span) -> bool:
    """True when the expression points forward from the publication date."""
    words = {t.lower_ for t in span}
    if words & _FUTURE_MODIFIERS:
        return True
    if words & _PAST_MODIFIERS:
        return False
    return is_future(span)
