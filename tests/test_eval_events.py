"""The PLOVER event scorer and ``dateline eval events``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import says, shared_path
from dateline.eval.cli import eval_app
from dateline.eval.events import EventReport, GoldSentence, load_gold, score_sentence
from dateline.model import Entity, Event, Record, Span


def record_with(*events: tuple[str, str, list[str], list[str]]) -> Record:
    """A record whose entities are named by their codes and whose events are (type, modality, actors, recipients)."""
    codes = {c for _, _, actors, recipients in events for c in actors + recipients}
    entities = [Entity(id=c, name=c, type="GPE", code=c) for c in sorted(codes)]
    found = [
        Event(f"V{n}", t, None, modality, actors, recipients, Span(0, 1, "x"))
        for n, (t, modality, actors, recipients) in enumerate(events, start=1)
    ]
    return Record(id="s", source=None, title=None, published=None, outlet=None, url=None, text="x",
                  entities=entities, events=found)  # fmt: skip


def gold(event_type: str, actors: set[str], recipients: set[str]) -> GoldSentence:
    return GoldSentence("s", "x", event_type, actors, recipients)


def test_a_right_type_with_right_codes() -> None:
    report = EventReport()
    score_sentence(
        report, gold("ACCUSE", {"NOR"}, {"SWE"}), record_with(("ACCUSE", "asserted", ["NOR"], ["SWE"]))
    )
    data = report.to_dict()
    assert data["type_micro"]["f1"] == 1.0 and data["type_macro_f1"] == 1.0
    assert data["actor_codes"]["f1"] == 1.0 and data["recipient_codes"]["f1"] == 1.0


def test_an_extra_type_costs_precision_and_a_missing_one_recall() -> None:
    report = EventReport()
    score_sentence(
        report,
        gold("ACCUSE", {"NOR"}, set()),
        record_with(("ACCUSE", "asserted", ["NOR"], []), ("ASSAULT", "asserted", ["NOR"], [])),
    )
    score_sentence(report, gold("AGREE", {"PER"}, set()), record_with())
    micro = report.to_dict()["type_micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (1, 1, 1)
    assert report.argument_sentences == 1  # codes only where the gold type was predicted
    by_type = report.to_dict()["by_type"]
    assert by_type["ASSAULT"]["fp"] == 1 and by_type["AGREE"]["fn"] == 1
    # Macro over the types present in the gold (ACCUSE 1.0, AGREE 0.0), not ASSAULT.
    assert report.macro_f1() == 0.5


def test_negated_and_hypothetical_events_are_not_predictions() -> None:
    report = EventReport()
    record = record_with(("ASSAULT", "negated", ["PER"], []), ("CONSULT", "hypothetical", ["PER"], []))
    score_sentence(report, gold("ASSAULT", {"PER"}, set()), record)
    assert report.types.tp == 0 and report.types.fp == 0 and report.types.fn == 1
    record = record_with(("CONSULT", "future", ["PER"], []), ("AGREE", "reported", ["PER"], []))
    score_sentence(report, gold("AGREE", {"PER"}, set()), record)
    assert report.types.tp == 1 and report.types.fp == 1


def test_only_main_events_are_the_sentence_s_prediction_and_governed_ones_are_reported_beside() -> None:
    report = EventReport()
    record = record_with(("ACCUSE", "asserted", ["SYR"], ["TUR"]), ("ASSAULT", "reported", ["TUR"], ["SYR"]))
    record.events[1].governed_by = "V1"  # the shelling the accusation is about
    score_sentence(report, gold("ACCUSE", {"SYR"}, {"TUR"}), record)
    assert (report.types.tp, report.types.fp, report.types.fn) == (1, 0, 0)
    every = report.to_dict()["type_micro_all_events"]
    assert (every["tp"], every["fp"], every["fn"]) == (1, 1, 0)
    assert (report.recipients.tp, report.recipients.fp) == (1, 0)  # not the governed event's SYR


def test_code_sets_over_compound_actors() -> None:
    report = EventReport()
    record = record_with(("AGREE", "asserted", ["JOR", "GBR", "FRA"], []))
    score_sentence(report, gold("AGREE", {"JOR", "GBR"}, {"IRN"}), record)
    assert (report.actors.tp, report.actors.fp, report.actors.fn) == (2, 1, 0)
    assert (report.recipients.tp, report.recipients.fp, report.recipients.fn) == (0, 0, 1)


def test_gold_loader_maps_legacy_codes(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    row = {"id": "g1", "text": "Tokyo and Rome agreed.", "event": "AGREE",
           "actor": [{"entity_text": "Tokyo", "code": "JAP"}, {"entity_text": "Rome", "code": "ITL"}],
           "recipient": [{"entity_text": "nobody", "code": None}]}  # fmt: skip
    path.write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    (sentence,) = load_gold(path)
    assert sentence.actor_codes == {"JPN", "ITA"} and sentence.recipient_codes == set()


def cli_app() -> typer.Typer:
    app = typer.Typer()
    app.command("noop")(lambda: None)
    app.add_typer(eval_app, name="eval")
    return app


def test_eval_events_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "text": "Norway accused Sweden of spying on its diplomats.", "event": "ACCUSE",
         "actor": [{"code": "NOR"}], "recipient": [{"code": "SWE"}]},
        {"id": "b", "text": "Snow closed the mountain pass overnight.", "event": "PROTEST",
         "actor": [], "recipient": []},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        cli_app(), ["eval", "events", "--gold", str(path), "--json", str(out), "--show-misses"]
    )
    assert result.exit_code == 0, result.output
    assert "type (micro)" in result.output and "by type" in result.output
    assert "b: gold PROTEST" in result.output
    data = json.loads(out.read_text())
    assert data["sentences"] == 2
    assert data["by_type"]["ACCUSE"]["tp"] == 1 and data["by_type"]["PROTEST"]["fn"] == 1
    assert data["actor_codes"]["f1"] == 1.0 and data["recipient_codes"]["f1"] == 1.0


def test_eval_events_without_gold_says_where_plover_belongs(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app(), ["eval", "events", "--gold", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
    assert says(result.output, "shared/data/plover-gsr/dev.jsonl")


def test_eval_events_on_the_plover_dev_set(tmp_path: Path) -> None:
    """A regression floor on the shared PLOVER dev set (skipped when ../shared is absent)."""
    path = shared_path("plover-gsr", "dev.jsonl")
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(cli_app(), ["eval", "events", "--gold", str(path), "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["sentences"] == 163
    assert data["type_micro"]["f1"] > 0.55 and data["actor_codes"]["f1"] > 0.6


@pytest.mark.parametrize(
    ("name", "recipient_floor"),
    [
        ("events_invented", 0.75),
        ("events_invented_2", 0.75),
        ("events_invented_3", 0.75),
        ("events_invented_4", 0.75),
        ("events_invented_5", 0.75),
        ("events_invented_6", 0.75),
        ("events_invented_7", 0.70),  # threats, requests, accusations about other acts
        ("events_invented_8", 0.75),  # demands whatever the verb, leaving talks
        ("events_invented_9", 0.75),  # restrictions, exile, crackdowns, returns, reversals
        ("events_invented_10", 0.65),  # the small types, written by a helper without seeing the table
        ("events_invented_11", 0.65),  # the large types, the same way
        ("events_invented_12", 0.70),  # all types in older, formal wire wording
        ("events_invented_13", 0.60),  # all types, written after the rules and scored once untuned
    ],
)
def test_eval_events_on_the_invented_sentences(tmp_path: Path, name: str, recipient_floor: float) -> None:
    """benchmarks/data/events_invented*.jsonl: sentences written for dateline, several per event
    type; a floor that catches a broken trigger table or argument finder."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / f"{name}.jsonl"
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(cli_app(), ["eval", "events", "--gold", str(path), "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["type_micro"]["f1"] >= 0.85
    assert data["actor_codes"]["f1"] >= 0.85 and data["recipient_codes"]["f1"] >= recipient_floor
