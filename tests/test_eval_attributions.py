"""The attribution scorer (dateline.eval.attributions) and `dateline eval attributions`, on invented text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import says
from dateline.eval.attributions import (
    THRESHOLDS,
    Counts,
    Report,
    Unit,
    kind_of_text,
    load_gold,
    match,
    prediction_units,
    prf,
    score_article,
    speaker_right,
)
from dateline.eval.cli import eval_app
from dateline.model import Quote, Record, Span, Speaker


def unit(
    start: int,
    end: int,
    speakers: tuple[tuple[int, int], ...] = ((0, 5),),
    kind: str = "indirect",
    quoted: bool = False,
) -> Unit:
    return Unit(frozenset(range(start, end)), speakers, kind, quoted)


def chars(text: str, part: str) -> frozenset[int]:
    start = text.index(part)
    return frozenset(range(start, start + len(part)))


def span(text: str, part: str) -> dict[str, object]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


# -- matching ---------------------------------------------------------------------------------


def test_one_prediction_cannot_match_two_golds() -> None:
    first, second = unit(0, 10), unit(10, 20)
    whole = unit(0, 20)  # covers both golds completely
    pairs = match([whole], [first, second], 0.5)
    assert len(pairs) == 1
    assert pairs[0][0] is whole


def test_one_gold_cannot_match_two_predictions() -> None:
    gold = unit(0, 10)
    pairs = match([unit(0, 10), unit(0, 10)], [gold], 0.5)
    assert len(pairs) == 1


def test_best_coverage_wins_the_contested_gold() -> None:
    gold = unit(0, 10)
    weak, strong = unit(0, 6), unit(0, 9)  # 60% and 90% of the gold
    pairs = match([weak, strong], [gold], 0.5)
    assert pairs == [(strong, gold)]


def test_greedy_takes_pairs_best_coverage_first() -> None:
    # wide covers gold a fully and gold b at 60%; narrow covers b at 70%. Best first:
    # (wide, a) at 1.0, then (narrow, b) at 0.7; wide is spent, so (wide, b) never happens.
    a, b = unit(0, 10), unit(10, 20)
    wide, narrow = unit(0, 16), unit(13, 20)
    pairs = match([wide, narrow], [a, b], 0.5)
    assert set(map(tuple, pairs)) == {(wide, a), (narrow, b)}


def test_counts_over_an_article() -> None:
    golds = [unit(0, 10), unit(20, 30), unit(40, 50)]
    predictions = [unit(0, 10), unit(20, 24), unit(60, 70)]  # one match, one too short, one stray
    report = Report()
    score_article(report, predictions, golds)
    counts = report.all[0.5]
    assert (counts.predicted, counts.gold, counts.matched, counts.speaker_right) == (3, 3, 1, 1)
    assert report.all[0.3].matched == 2  # 4 of 10 characters is enough at 0.3
    assert report.articles == 1


@pytest.mark.parametrize("threshold", THRESHOLDS)
def test_coverage_threshold_boundary(threshold: float) -> None:
    gold = unit(0, 100)
    exactly = round(threshold * 100)
    assert match([unit(0, exactly)], [gold], threshold), f"{exactly}% should match at {threshold}"
    assert not match([unit(0, exactly - 1)], [gold], threshold), f"{exactly - 1}% should not"


def test_fifty_percent_matches_at_half_and_forty_nine_does_not() -> None:
    gold = unit(100, 200)
    assert len(match([unit(150, 200)], [gold], 0.5)) == 1
    assert match([unit(151, 200)], [gold], 0.5) == []
    # Coverage counts gold characters only: extra predicted text around them costs nothing here.
    assert len(match([unit(0, 150)], [gold], 0.5)) == 1


def test_coverage_of_discontinuous_gold() -> None:
    gold = Unit(frozenset(range(0, 10)) | frozenset(range(20, 30)), ((0, 1),), "direct", True)
    assert match([unit(20, 30)], [gold], 0.5)
    assert not match([unit(21, 30)], [gold], 0.5)


def test_a_gold_without_content_is_never_matched() -> None:
    empty = Unit(frozenset(), (), "indirect", False)
    assert match([unit(0, 10)], [empty], 0.3) == []


# -- speakers ---------------------------------------------------------------------------------


def test_speaker_overlapping_by_one_character_is_right() -> None:
    gold = unit(50, 60, speakers=((10, 20),))
    assert speaker_right(unit(50, 60, speakers=((19, 30),)), gold)
    assert speaker_right(unit(50, 60, speakers=((0, 11),)), gold)
    assert not speaker_right(unit(50, 60, speakers=((20, 30),)), gold)  # touching is not overlapping
    assert not speaker_right(unit(50, 60, speakers=((0, 10),)), gold)


def test_any_gold_source_will_do() -> None:
    gold = unit(50, 60, speakers=((0, 5), (30, 40)))
    assert speaker_right(unit(50, 60, speakers=((35, 36),)), gold)


def test_both_speakers_empty_is_right_one_empty_is_wrong() -> None:
    assert speaker_right(unit(0, 5, speakers=()), unit(0, 5, speakers=()))
    assert not speaker_right(unit(0, 5, speakers=()), unit(0, 5, speakers=((9, 12),)))
    assert not speaker_right(unit(0, 5, speakers=((9, 12),)), unit(0, 5, speakers=()))


def test_speaker_accuracy_and_attribution_scores() -> None:
    golds = [unit(0, 10, speakers=((40, 45),)), unit(10, 20, speakers=((40, 45),))]
    predictions = [unit(0, 10, speakers=((40, 42),)), unit(10, 20, speakers=((50, 55),))]
    report = Report()
    score_article(report, predictions, golds)
    counts = report.all[0.5]
    assert counts.matched == 2 and counts.speaker_right == 1
    assert counts.speaker_accuracy() == 0.5
    assert counts.content() == (1.0, 1.0, 1.0)
    assert counts.attribution() == (0.5, 0.5, 0.5)


# -- quoted restriction and kinds -------------------------------------------------------------


def test_quoted_restriction_keeps_quoted_gold_and_direct_or_mixed_predictions() -> None:
    quoted_gold = unit(0, 10, kind="direct", quoted=True)
    plain_gold = unit(20, 30, kind="indirect", quoted=False)
    mixed_gold = unit(40, 50, kind="mixed", quoted=True)
    direct = unit(0, 10, kind="direct", quoted=True)
    indirect_on_plain = unit(20, 30, kind="indirect")
    indirect_on_mixed = unit(40, 50, kind="indirect")  # right content, but not claimed as quoted
    report = Report()
    score_article(
        report, [direct, indirect_on_plain, indirect_on_mixed], [quoted_gold, plain_gold, mixed_gold]
    )
    everything, quoted = report.all[0.5], report.quoted[0.5]
    assert (everything.gold, everything.predicted, everything.matched) == (3, 3, 3)
    assert (quoted.gold, quoted.predicted, quoted.matched) == (2, 1, 1)
    assert quoted.content() == (1.0, 0.5, pytest.approx(2 / 3))


def test_per_kind_breakdown() -> None:
    golds = [unit(0, 10, kind="direct", quoted=True), unit(20, 30, kind="indirect")]
    predictions = [
        unit(0, 10, kind="mixed", speakers=((7, 9),)),  # matches the direct gold, wrong speaker
        unit(20, 30, kind="indirect"),
        unit(60, 70, kind="indirect"),  # stray
    ]
    report = Report()
    score_article(report, predictions, golds)
    kinds = report.to_dict()["by_kind"]
    assert isinstance(kinds, dict)
    assert kinds["direct"] == {
        "gold": 1,
        "predicted": 0,
        "content_recall": 1.0,
        "content_precision": 0.0,
        "attribution": {"p": 0.0, "r": 0.0, "f1": 0.0},
    }
    assert kinds["mixed"]["predicted"] == 1 and kinds["mixed"]["content_precision"] == 1.0
    assert kinds["mixed"]["attribution"]["p"] == 0.0
    indirect = kinds["indirect"]
    assert (indirect["gold"], indirect["predicted"]) == (1, 2)
    assert indirect["content_recall"] == 1.0 and indirect["content_precision"] == 0.5
    assert indirect["attribution"] == {"p": 0.5, "r": 1.0, "f1": pytest.approx(2 / 3)}


def test_kind_of_text() -> None:
    text = 'Lopez said “the harbour will reopen in May,” and added that repairs "had gone well".'
    assert kind_of_text(text, chars(text, "“the harbour will reopen in May,”")) == "direct"
    assert kind_of_text(text, chars(text, "the harbour will reopen in May")) == "direct"
    assert kind_of_text(text, chars(text, 'that repairs "had gone well"')) == "mixed"
    assert kind_of_text(text, chars(text, "added that repairs")) == "indirect"
    assert kind_of_text(text, chars(text, "“")) == "indirect"  # no letters at all


def test_kind_of_text_tolerates_a_few_letters_outside_the_marks() -> None:
    text = "“" + "a" * 40 + "” b"
    assert kind_of_text(text, frozenset(range(len(text)))) == "direct"  # 40 of 41 letters inside
    text = "“" + "a" * 10 + "” bb"
    assert kind_of_text(text, frozenset(range(len(text)))) == "mixed"


def test_a_quotation_never_crosses_a_blank_line() -> None:
    text = "“The port is closed\n\nFerries resumed on Friday, the agency said."
    assert kind_of_text(text, chars(text, "Ferries resumed on Friday")) == "indirect"


def test_curly_marks_typed_the_wrong_way_round() -> None:
    backwards_open = "Posted online.\n\n”We never saw the money.” ― Dana Ortiz"
    assert kind_of_text(backwards_open, chars(backwards_open, "”We never saw the money.”")) == "direct"
    backwards_close = "He wrote: “Budgets are moral documents.“\n\nNext paragraph."
    assert kind_of_text(backwards_close, chars(backwards_close, "“Budgets are moral documents.“")) == "direct"
    assert kind_of_text(backwards_close, chars(backwards_close, "Next paragraph")) == "indirect"
    # An unclosed quotation is cut short by the next opening mark, not carried over it.
    unclosed = "She said “we will win. Then “we will govern,” she added."
    assert kind_of_text(unclosed, chars(unclosed, "Then")) == "indirect"
    assert kind_of_text(unclosed, chars(unclosed, "we will govern")) == "direct"


# -- prf --------------------------------------------------------------------------------------


def test_prf_edge_cases() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    assert prf(0, 5, 0) == (0.0, 0.0, 0.0)
    assert prf(0, 3, 4) == (0.0, 0.0, 0.0)
    assert prf(4, 4, 4) == (1.0, 1.0, 1.0)
    assert prf(1, 2, 4) == (0.5, 0.25, pytest.approx(1 / 3))
    assert Counts().speaker_accuracy() == 0.0


# -- reading gold and predictions -------------------------------------------------------------

GOLD_TEXT = (
    "Harbour to reopen in May.\n\n"
    "“The harbour will reopen in May,” port director Ines Lopez said on Monday.\n\n"
    "The repairs cost more than planned, the city council said."
)


def gold_line(text: str = GOLD_TEXT) -> dict[str, object]:
    return {
        "id": "harbour",
        "compartment": "dev",
        "text": text,
        "quotes": [
            {
                "id": "E1",
                "type": "Attribution",
                "cue": [span(text, "said on")],
                "sources": [span(text, "port director Ines Lopez")],
                "contents": [span(text, "“The harbour will reopen in May,”")],
            },
            {
                "id": "E2",
                "type": "Attribution",
                "cue": [span(text, "said.")],
                "sources": [span(text, "the city council")],
                "contents": [span(text, "The repairs cost more than planned")],
            },
            {"id": "E3", "type": "Attribution-no-source", "cue": [], "sources": [], "contents": []},
        ],
    }


def test_load_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_line()) + "\n\n", encoding="utf-8")
    (article,) = load_gold(path)
    assert article.id == "harbour" and article.text == GOLD_TEXT
    assert len(article.units) == 2  # the attribution without content is left out
    direct, indirect = article.units
    assert direct.content == chars(GOLD_TEXT, "“The harbour will reopen in May,”")
    assert direct.speakers == ((GOLD_TEXT.index("port director"), GOLD_TEXT.index(" said on")),)
    assert (direct.kind, direct.quoted) == ("direct", True)
    assert (indirect.kind, indirect.quoted) == ("indirect", False)


def test_load_gold_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_line()) + "\n" + '{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:2: not a PolNeAR-format article"):
        list(load_gold(path))


def test_prediction_units_from_a_record() -> None:
    text = GOLD_TEXT
    start = text.index("The harbour")
    speaker_start = text.index("port director")
    quotes = [
        Quote(
            id="q1",
            kind="direct",
            speaker=Speaker(speaker_start, speaker_start + 24, "port director Ines Lopez"),
            cue=None,
            cue_lemma="say",
            content=[Span.of(text, start, start + 30)],
            source_type="named_person",
            medium=None,
        ),
        Quote("q2", "indirect", None, None, None, [], None, None),  # no content: not a prediction
    ]
    record = Record(id="harbour", source=None, title=None, published=None, outlet=None, url=None, text=text)
    record.quotes = quotes
    (only,) = prediction_units(record)
    assert only == Unit(
        frozenset(range(start, start + 30)), ((speaker_start, speaker_start + 24),), "direct", True
    )


# -- the command ------------------------------------------------------------------------------


def cli_app() -> typer.Typer:
    app = typer.Typer()
    app.add_typer(eval_app, name="eval")
    return app


def test_eval_attributions_end_to_end(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    quiet = "Snow closed the mountain pass overnight.\n\nTraffic resumed in the afternoon."
    gold.write_text(
        json.dumps(gold_line())
        + "\n"
        + json.dumps({"id": "pass", "text": quiet, "quotes": []})
        + "\n"
        + json.dumps({**gold_line(), "id": "left-out"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "scores" / "report.json"
    result = CliRunner().invoke(
        cli_app(), ["eval", "attributions", "--gold", str(gold), "--limit", "2", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    for text in (
        "coverage ≥ 0.3",
        "coverage ≥ 0.5",
        "coverage ≥ 0.8",
        "speaker accuracy",
        "by kind",
        "indirect",
    ):
        assert text in result.output
    assert "2 articles" in result.output and "words/s" in result.output
    data = json.loads(out.read_text())
    assert data["articles"] == 2
    assert set(data["all"]) == set(data["quoted"]) == {"0.3", "0.5", "0.8"}
    assert data["all"]["0.5"]["gold"] == 2 and data["quoted"]["0.5"]["gold"] == 1
    assert data["by_kind"]["direct"]["gold"] == 1 and data["by_kind"]["indirect"]["gold"] == 1
    # The plainest direct quote there is: dateline finds it, with its speaker.
    assert data["quoted"]["0.5"]["matched"] == 1
    assert data["by_kind"]["direct"]["attribution"]["r"] == 1.0
    assert data["words"] == len(GOLD_TEXT.split()) + len(quiet.split())
    assert data["words_per_second"] > 0


def test_eval_attributions_without_gold_says_where_polnear_belongs(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli_app(), ["eval", "attributions", "--gold", str(tmp_path / "missing.jsonl")]
    )
    assert result.exit_code == 2
    assert says(result.output, "not found")
    assert says(result.output, "shared/data/polnear/jsonl/dev.jsonl")


def test_eval_attributions_with_malformed_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli_app(), ["eval", "attributions", "--gold", str(gold)])
    assert result.exit_code == 2
    assert says(result.output, "gold.jsonl:1")


def test_doubled_apostrophes_are_quotation_marks_for_gold(tmp_path) -> None:
    from dateline.eval.attributions import load_gold

    text = "''We will win,'' the mayor said.\n\nThe mayor said taxes would fall."
    gold = {
        "id": "nyt-style",
        "text": text,
        "quotes": [
            {
                "id": "E1",
                "type": "Attribution",
                "cue": [],
                "sources": [],
                "contents": [{"start": 0, "end": 16, "text": text[:16]}],
            },
            {
                "id": "E2",
                "type": "Attribution",
                "cue": [],
                "sources": [],
                "contents": [{"start": 49, "end": 66, "text": text[49:66]}],
            },
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    units = next(load_gold(path)).units
    assert [(u.quoted, u.kind) for u in units] == [(True, "direct"), (False, "indirect")]
