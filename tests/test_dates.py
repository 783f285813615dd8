"""Dates: finding temporal expressions and normalizing them against the publication date.

Texts are invented wire-style sentences. Unless said otherwise the publication date is Wednesday
2024-02-07, in ISO week 2024-W06.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from spacy.language import Language

from dateline.extract.dates import find_dates
from dateline.model import DateMention
from dateline.nlp import load_nlp

PUBLISHED = dt.date(2024, 2, 7)  # a Wednesday

# An invented wire report of about 600 words, for timing and for a whole-article check.
ARTICLE = """\
Regional water ministers will meet in Amman on Thursday to try to settle a dispute over river \
flows that has simmered since the drought of 2021, officials from three governments said.

The talks, first proposed in November, were delayed twice as delegations argued over the agenda. \
A senior official said on Tuesday that the meeting would now run for two days and that a joint \
statement was expected to be released on Friday.

Last week, engineers from the three countries toured the main dam and reported that the reservoir \
stood at less than half of its capacity, the lowest level recorded for the season in more than a \
decade. Farmers downstream have complained for months that their share has shrunk.

"We cannot wait for another dry summer," one minister told reporters in Beirut yesterday, adding that \
his government had already cut allocations to industry by a fifth. "Every week we lose makes the \
next agreement harder."

The dispute dates back to a 1994 accord that set fixed quotas regardless of rainfall. Critics say the \
quotas no longer reflect a climate in which rainy seasons have grown shorter and more erratic. A review \
promised on Oct. 7 was never completed, and a technical committee set up in 2022 has met only \
three times.

Diplomats said the mood had improved this week after a phone call between two of the leaders, the \
first in nearly a year. A draft seen by reporters proposes a sliding scale tied to measured flows, a \
shared monitoring station and an arbitration panel that would rule within 30 days on any complaint.

The draft also calls for a six-month trial period beginning in April, followed by a full review. Aid \
agencies have offered to fund the monitoring equipment, which could be installed by early next year \
if the ministers agree.

Not everyone is optimistic. An opposition lawmaker said on Monday that the government had given away \
too much in earlier rounds and should insist on compensation for losses suffered during the drought. \
Protesters gathered outside parliament over the weekend, carrying empty jars and banners.

Officials noted that the previous round of talks, held on Jan. 15, ended without a statement after \
delegates failed to agree on how to measure evaporation. That meeting followed a two-week pause \
requested by one delegation to consult farmers' unions.

Analysts said the outcome would matter beyond the region. "Shared rivers are the rule, not the \
exception," said a researcher at a university in Cairo. "If these three can agree on a flexible \
system, others will study it closely over the coming years."

The ministers are also due to discuss a proposal to build a desalination plant on the coast, an idea \
first floated in 2019 and shelved during the pandemic. Its cost has been estimated at 1.2 billion \
dollars, and no government has yet committed funds.

A spokesman for the host government said security would be tight around the conference centre and \
that roads in the capital would be closed on Thursday morning. He said a news conference would be held \
at the end of the meeting, and that a follow-up session could take place next month.

Farmers' groups said they would watch the talks closely. Their leaders met on Sunday and agreed to \
send observers, who would report back to members today and again after the ministers publish their \
statement. Some said they expected little change before the harvest in June.
"""


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def dates_of(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> list[DateMention]:
    mentions = find_dates(nlp(text), published)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return mentions


def values(mentions: list[DateMention]) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.value, m.precision) for m in mentions]


# -- weekdays ---------------------------------------------------------------------------------------


def test_future_weekday_is_the_next_one(nlp: Language) -> None:
    text = "An Egyptian official said a new round of talks would start on Thursday in Cairo."
    (thursday,) = dates_of(nlp, text)
    assert (thursday.text, thursday.start, thursday.end) == ("Thursday", text.index("Thursday"), 70)
    assert (thursday.value, thursday.precision) == ("2024-02-08", "day")


def test_past_weekday_is_the_last_one(nlp: Language) -> None:
    (tuesday,) = dates_of(nlp, "On Tuesday, he said the army had entered the town.")
    assert (tuesday.text, tuesday.start, tuesday.end) == ("Tuesday", 3, 10)
    assert (tuesday.value, tuesday.precision) == ("2024-02-06", "day")
    (thursday,) = dates_of(nlp, "Troops withdrew from the city on Thursday.")
    assert thursday.value == "2024-02-01"


def test_publication_weekday(nlp: Language) -> None:
    # Said on a Wednesday: a past Wednesday is that very day, a future one a week later.
    assert values(dates_of(nlp, "Troops withdrew from the city on Wednesday.")) == [
        ("Wednesday", "2024-02-07", "day")
    ]
    assert values(dates_of(nlp, "Negotiators will meet again on Wednesday.")) == [
        ("Wednesday", "2024-02-14", "day")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The delegation is to arrive in Doha on Friday.",
        "Talks are set to resume on Friday, officials said.",
        "The minister is expected to visit Amman on Friday.",
        "The ministry said it was going to publish the report on Friday.",
        "Officials said the envoy would land in Rome and hold talks on Friday.",
        "The summit, scheduled for Friday, was postponed.",
        "They'll vote on Friday.",
    ],
)
def test_future_markers(nlp: Language, text: str) -> None:
    assert values(dates_of(nlp, text)) == [("Friday", "2024-02-09", "day")]


def test_last_and_next_weekday(nlp: Language) -> None:
    text = "The rally planned for last Friday was moved to next Monday."
    assert values(dates_of(nlp, text)) == [
        ("last Friday", "2024-02-02", "day"),
        ("next Monday", "2024-02-12", "day"),
    ]


def test_named_days_are_not_weekdays(nlp: Language) -> None:
    assert dates_of(nlp, "Pilgrims marked Good Friday in the old city.") == []


def test_weekday_fixes_the_year_of_a_date(nlp: Language) -> None:
    # Feb. 8 was a Thursday in 2024 (not in 2023), whatever the tense says.
    assert values(dates_of(nlp, "The talks on Thursday, Feb. 8, are seen as crucial.")) == [
        ("Thursday, Feb. 8", "2024-02-08", "day")
    ]


# -- weeks, months, years ---------------------------------------------------------------------------


def test_last_week(nlp: Language) -> None:
    text = "Last week, a source said the proposal called for a pause in the fighting."
    (last_week,) = dates_of(nlp, text)
    assert (last_week.text, last_week.start, last_week.end) == ("Last week", 0, 9)
    assert (last_week.value, last_week.precision) == ("2024-W05", "week")


def test_this_and_next_week_month_year(nlp: Language) -> None:
    text = "Earlier this week the envoy left; he returns next week, reports next month and retires next year."
    assert values(dates_of(nlp, text)) == [
        ("Earlier this week", "2024-W06", "week"),
        ("next week", "2024-W07", "week"),
        ("next month", "2024-03", "month"),
        ("next year", "2025", "year"),
    ]


def test_last_week_across_new_year(nlp: Language) -> None:
    (m,) = dates_of(nlp, "Last week the ministers met.", published=dt.date(2024, 1, 3))
    assert m.value == "2023-W52"


def test_in_november(nlp: Language) -> None:
    (november,) = dates_of(nlp, "The talks were first proposed in November.")
    assert (november.text, november.value, november.precision) == ("November", "2023-11", "month")


def test_week_long_truce_in_november(nlp: Language) -> None:
    text = "Releases stopped after a week-long truce in November, he said."
    (november,) = dates_of(nlp, text)
    assert (november.text, november.start, november.end) == ("November", 44, 52)
    assert (november.value, november.precision) == ("2023-11", "month")


def test_future_month_and_publication_month(nlp: Language) -> None:
    assert values(dates_of(nlp, "The election will be held in November.")) == [
        ("November", "2024-11", "month")
    ]
    assert values(dates_of(nlp, "Prices rose in February.")) == [("February", "2024-02", "month")]
    assert values(dates_of(nlp, "Prices rose in March.")) == [("March", "2023-03", "month")]


def test_oct_7(nlp: Language) -> None:
    text = "Blinken, on his fifth tour since the Oct. 7 attack, made a new plea."
    (oct7,) = dates_of(nlp, text)
    assert (oct7.text, oct7.start, oct7.end) == ("Oct. 7", 37, 43)
    assert (oct7.value, oct7.precision) == ("2023-10-07", "day")


def test_absolute_dates(nlp: Language) -> None:
    text = "The accord was signed on Feb. 8, 2024, replacing one of 8 February 2023 and a plan of May 2022."
    assert values(dates_of(nlp, text)) == [
        ("Feb. 8, 2024", "2024-02-08", "day"),
        ("8 February 2023", "2023-02-08", "day"),
        ("May 2022", "2022-05", "month"),
    ]


def test_years(nlp: Language) -> None:
    text = "Exports fell in 2023 after a record 2022, and 2,000 homes were rebuilt."
    assert ("2023", "2023", "year") in values(dates_of(nlp, text))
    assert all(m.text != "2,000" for m in dates_of(nlp, text))


def test_deictic_days(nlp: Language) -> None:
    text = "Yesterday the cabinet met, today it votes and tomorrow it adjourns."
    assert values(dates_of(nlp, text)) == [
        ("Yesterday", "2024-02-06", "day"),
        ("today", "2024-02-07", "day"),
        ("tomorrow", "2024-02-08", "day"),
    ]


def test_the_day_before_yesterday(nlp: Language) -> None:
    assert values(dates_of(nlp, "The envoy arrived the day before yesterday.")) == [
        ("the day before yesterday", "2024-02-05", "day")
    ]


def test_weekend_and_ago(nlp: Language) -> None:
    text = "Strikes over the weekend killed four people, and two days ago a convoy was hit."
    assert values(dates_of(nlp, text)) == [
        ("the weekend", "2024-W05", "week"),
        ("two days ago", "2024-02-05", "day"),
    ]


def test_dateparser_handles_the_rest(nlp: Language) -> None:
    assert values(dates_of(nlp, "The report was published on 2/6/2024 and revised later.")) == [
        ("2/6/2024", "2024-02-06", "day")
    ]


# -- not dates ----------------------------------------------------------------------------------------


def test_durations_and_numbers_are_not_dates(nlp: Language) -> None:
    text = (
        "As the war entered a fifth month, he said victory was just months away; a six-week pause "
        "would help 2.4 million people, as in the 1990s, after decades of war."
    )
    assert dates_of(nlp, text) == []


def test_may_the_verb_and_may_the_name(nlp: Language) -> None:
    assert dates_of(nlp, "May I ask a question? Theresa May declined to answer.") == []


# -- without a publication date ----------------------------------------------------------------------


def test_without_publication_date(nlp: Language) -> None:
    text = "The accord was signed on Feb. 8, 2024, and talks would start on Thursday, last week's envoy said."
    assert values(dates_of(nlp, text, published=None)) == [
        ("Feb. 8, 2024", "2024-02-08", "day"),
        ("Thursday", None, None),
        ("last week", None, None),
    ]
    assert values(dates_of(nlp, "It happened on Oct. 7 and in 2021.", published=None)) == [
        ("Oct. 7", None, None),
        ("2021", "2021", "year"),
    ]


def test_publication_datetime_is_accepted(nlp: Language) -> None:
    published = dt.datetime(2024, 2, 7, 18, 30)
    (m,) = find_dates(nlp("Talks would start on Thursday."), published)
    assert m.value == "2024-02-08"


# -- a whole article -------------------------------------------------------------------------------------


def test_article(nlp: Language) -> None:
    found = values(dates_of(nlp, ARTICLE))
    expected = [
        ("Thursday", "2024-02-08", "day"),  # "will meet ... on Thursday"
        ("2021", "2021", "year"),
        ("November", "2023-11", "month"),
        ("Tuesday", "2024-02-06", "day"),
        ("Friday", "2024-02-09", "day"),  # "was expected to be released on Friday"
        ("Last week", "2024-W05", "week"),
        ("yesterday", "2024-02-06", "day"),
        ("Oct. 7", "2023-10-07", "day"),
        ("2022", "2022", "year"),
        ("this week", "2024-W06", "week"),
        ("April", "2023-04", "month"),
        ("early next year", "2025", "year"),
        ("Monday", "2024-02-05", "day"),
        ("the weekend", "2024-W05", "week"),
        ("Jan. 15", "2024-01-15", "day"),
        ("2019", "2019", "year"),
        ("Thursday morning", "2024-02-08", "day"),
        ("next month", "2024-03", "month"),
        ("Sunday", "2024-02-04", "day"),
        ("today", "2024-02-07", "day"),
        ("June", "2023-06", "month"),
    ]
    for item in expected:
        assert item in found, item
    texts = [text for text, _, _ in found]
    for duration in ("two days", "a fifth", "six-month", "30 days", "two-week", "months", "1.2 billion"):
        assert not any(duration in text for text in texts), duration


def test_article_is_fast(nlp: Language) -> None:
    doc = nlp(ARTICLE)
    assert 550 <= len(ARTICLE.split()) <= 700
    find_dates(doc, PUBLISHED)  # warm: dateparser's first call loads its data
    start = time.perf_counter()
    for _ in range(20):
        find_dates(doc, PUBLISHED)
    elapsed = (time.perf_counter() - start) / 20
    assert elapsed < 0.05  # a few milliseconds in practice


def test_a_date_a_verb_fixes_for_what_is_to_come_points_forward(nlp: Language) -> None:
    may_20 = dt.date(2019, 5, 20)  # "24 June" back from here would be 2018-06-24; called for, it is ahead

    def resolved(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.value) for m in dates_of(nlp, text, may_20)]

    assert resolved("Polls were called for 24 June.") == [("24 June", "2019-06-24")]
    assert resolved("The vote was postponed until June 2.") == [("June 2", "2019-06-02")]
    # "on May 4" is when the call was made, not what it was for: back from publication.
    assert resolved("He called for calm on May 4.") == [("May 4", "2019-05-04")]
