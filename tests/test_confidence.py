"""A confidence on every quote and event: learned, calibrated, stored, and cut where the user asks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language
from typer.testing import CliRunner

from dateline.cli import app
from dateline.confidence import confident_only
from dateline.extract.attributions import attribution_filter
from dateline.extract.event_filter import event_filter, suggested_min_confidence
from dateline.extract.learned import Calibration, LinearFilter
from dateline.model import Article, Event, Record, Span
from dateline.pipeline import analyse
from dateline.store import open_store
from dateline.web import create_app
from store_records import corpus

runner = CliRunner()

# Invented: a leader's words, a strike by an army, and a trip that is no political event.
TEXT = (
    "Valdorian President Mara Quillon said on Monday that the talks with Karesh had failed.\n"
    "The Valdorian army shelled three border villages overnight, killing four civilians.\n"
    "Quillon's daughter travelled to Paris for a concert.\n"
)


@pytest.fixture(scope="module")
def record(nlp: Language) -> Record:
    return analyse(nlp(TEXT), Article(id="c1", text=TEXT, published="2025-03-12"))


def test_every_quote_and_event_has_a_confidence_between_0_and_1(record: Record) -> None:
    assert record.quotes and record.events
    for fact in [*record.quotes, *record.events]:
        assert fact.confidence is not None and 0.0 <= fact.confidence <= 1.0


def test_a_strike_by_an_army_is_surer_than_a_trip(record: Record) -> None:
    by_trigger = {e.trigger.text: e for e in record.events}
    shelled = by_trigger["shelled"]
    assert shelled.type == "ASSAULT"
    others = [e for e in record.events if e is not shelled]
    assert all((e.confidence or 0) < (shelled.confidence or 0) for e in others)


def test_the_shipped_filters_are_calibrated_and_offer_a_cut() -> None:
    for model in (attribution_filter(), event_filter()):
        assert model.weights and model.calibration != Calibration()
    cut = suggested_min_confidence()
    assert cut is not None and 0.2 < cut < 0.8


def test_a_linear_filter_keeps_and_rates_by_its_calibrated_log_odds() -> None:
    model = LinearFilter({"bias": -1.0, "said": 3.0}, threshold=0.0, calibration=Calibration(2.0, 0.5, 0.4))
    assert model.keeps({"bias": 1.0, "said": 1.0}) and not model.keeps({"bias": 1.0})
    assert model.confidence({"bias": 1.0, "said": 1.0}) == pytest.approx(
        0.989, abs=1e-3
    )  # 1/(1+e^-(2*2+0.5))
    assert model.confidence({}) == 0.4  # nothing to weigh: the fixed confidence
    assert LinearFilter().confidence({"bias": 1.0}) is None and LinearFilter().keeps({"bias": 1.0})


def _event(id_: str, confidence: float, governed_by: str | None = None, quote: str | None = None) -> Event:
    return Event(id_, "ASSAULT", None, "asserted", [], [], Span(0, 1, "x"), governed_by=governed_by,
                 quote=quote, confidence=confidence)  # fmt: skip


def test_a_cut_keeps_the_structure_of_what_it_keeps(record: Record) -> None:
    cut = Record(id="x", source=None, title=None, published=None, outlet=None, url=None, text="x")
    cut.quotes = [q for q in record.quotes[:1]]
    cut.quotes[0].confidence = 0.3
    cut.events = [_event("V1", 0.9), _event("V2", 0.2, governed_by="V1"), _event("V3", 0.8, governed_by="V2"),
                  _event("V4", 0.7, quote=cut.quotes[0].id)]  # fmt: skip
    kept = confident_only(cut, 0.5)
    assert kept.quotes == []
    assert [(e.id, e.governed_by, e.quote) for e in kept.events] == [
        ("V1", None, None),
        ("V3", "V1", None),
        ("V4", None, None),
    ]


def test_extract_cuts_with_min_confidence(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text(TEXT, encoding="utf-8")
    counts = []
    for cut in ("0", "0.9"):
        out = tmp_path / f"cut-{cut}.jsonl"
        result = runner.invoke(app, ["extract", str(source), "-q", "-o", str(out), "--min-confidence", cut])
        assert result.exit_code == 0, result.output
        data = json.loads(out.read_text(encoding="utf-8"))
        assert all(f["confidence"] >= float(cut) for f in [*data["quotes"], *data["events"]])
        counts.append(len(data["quotes"]) + len(data["events"]))
    assert counts[0] > counts[1]
    result = runner.invoke(app, ["extract", str(source), "--min-confidence", "1.5"])
    assert result.exit_code == 2 and "--min-confidence" in result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    records = corpus()
    for record in records:
        for n, fact in enumerate([*record.quotes, *record.events]):
            fact.confidence = [0.2, 0.6, 0.9][n % 3]
    path = str(tmp_path_factory.mktemp("confidence") / "c.db")
    store = open_store(path)
    store.ingest(records)
    store.close()
    return path


def test_the_store_api_and_export_cut_at_min_confidence(db: str) -> None:
    client = TestClient(create_app(store=open_store(db)), base_url="http://127.0.0.1")
    for kind in ("quotes", "events"):
        everything = client.get(f"/api/{kind}", params={"limit": 100}).json()["items"]
        sure = client.get(f"/api/{kind}", params={"limit": 100, "min_confidence": 0.5}).json()["items"]
        assert {i["id"] for i in sure} == {i["id"] for i in everything if i["confidence"] >= 0.5}
        assert 0 < len(sure) < len(everything)
        rows = list(
            csv.DictReader(io.StringIO(client.get(f"/api/export/{kind}.csv?min_confidence=0.5").text))
        )
        assert len(rows) == len(sure)
    assert client.get("/api/quotes", params={"min_confidence": 2}).status_code == 422
    assert client.get("/quotes", params={"min_confidence": "high"}).status_code == 400
    page = client.get("/quotes", params={"min_confidence": 0.5}).text
    assert "confidence 0.90" in page and "confidence 0.20" not in page


def test_export_command_cuts_at_min_confidence(db: str) -> None:
    result = runner.invoke(
        app, ["export", "events", "--db", db, "--format", "jsonl", "--min-confidence", "0.5"]
    )
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["confidence"] >= 0.5 for e in events)


def test_ingest_cuts_with_min_confidence(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "cut.db")
    result = runner.invoke(app, ["ingest", str(source), "--db", db, "-q", "--min-confidence", "0.7"])
    assert result.exit_code == 0, result.output
    store = open_store(db)
    stored = [*store.quotes(limit=100)["items"], *store.events(limit=100)["items"]]
    store.close()
    assert stored and all(item["confidence"] >= 0.7 for item in stored)


def _signals_of(nlp: Language, text: str, trigger: str) -> dict[str, float]:
    from dateline.extract.event_filter import event_signals, lead_end

    found = analyse(nlp(text), Article(id="s", text=text, published="2025-03-12"))
    event = next(e for e in found.events if e.trigger.text == trigger)
    entities = {e.id: e for e in found.entities}
    return event_signals(event, found.events, entities, lead_end(found.text), len(found.text))


@pytest.mark.parametrize(
    ("text", "trigger", "political"),
    [
        ("Quillon's daughter travelled to Paris for a concert.", "travelled", False),
        ("Quillon's daughter visited France last summer.", "visited", False),
        ("Valdoria imposed sanctions on France over the border dispute.", "imposed sanctions", True),
        ("France imposed sanctions on Valdorian banks.", "imposed sanctions", True),
        ("The Valdorian army shelled three border villages overnight.", "shelled", True),
    ],
)
def test_a_state_or_a_political_sector_makes_a_party_political_a_destination_does_not(
    nlp: Language, text: str, trigger: str, political: bool
) -> None:
    signals = _signals_of(nlp, text, trigger)
    assert signals.get("no political party", 0.0) == float(not political)
    assert max(signals.get("actor political", 0.0), signals.get("recipient political", 0.0)) == float(
        political
    )


def test_a_governed_event_is_less_sure_than_the_event_that_states_it(nlp: Language) -> None:
    text = "Karesh accused the Valdorian army of shelling its border posts."
    found = analyse(nlp(text), Article(id="g", text=text, published="2025-03-12"))
    by_trigger = {e.trigger.text: e for e in found.events}
    accused, shelling = by_trigger["accused"], by_trigger["shelling"]
    assert shelling.governed_by == accused.id
    assert 0 < (shelling.confidence or 0) < (accused.confidence or 0)


def test_the_lead_of_a_story_in_one_paragraph_is_its_first_two_sentences() -> None:
    from dateline.extract.event_filter import lead_end

    story = (
        'Valdoria shelled Karesh on Monday, U.S. officials said. Mr. Brell said the army "will go on." '
        "Later, Gen. Ott resigned. The talks failed."
    )
    assert story[: lead_end(story)].endswith('"will go on."')
    assert lead_end("Headline\nFirst paragraph.\nSecond paragraph.") == len("Headline\nFirst paragraph.")


def test_who_is_quoted_saying_an_event_weighs_on_its_confidence(nlp: Language) -> None:
    """The same act told by a United Nations spokeswoman and by an analyst: the filter knows who
    says it, and an official's statement of an attack is the surer report."""
    from dateline.extract.event_filter import event_signals, lead_end, speakers_of

    said = {}
    for who, sector in (
        ("Lena Ruto, an analyst at the Pellane Institute", "EDU"),
        ("Ilse Maren, a spokeswoman for the United Nations", "IGO"),
    ):
        text = f'"Marovia attacked Oskel overnight," said {who}.'
        found = analyse(nlp(text), Article(id="q", text=text, published="2025-03-12"))
        attack = next(e for e in found.events if e.type == "ASSAULT")
        entities = {e.id: e for e in found.entities}
        signals = event_signals(
            attack,
            found.events,
            entities,
            lead_end(found.text),
            len(found.text),
            None,
            speakers_of(found.quotes, entities),
        )
        assert signals[f"quoted by sector={sector}"] == 1.0
        said[sector] = attack.confidence or 0.0
    assert said["IGO"] > said["EDU"]


# Invented: one act told in a story of acts between states, and in a long feature about a festival.
DENSE = (
    "Valdoria shelled three border posts of Karesh on Monday. The Karesh government recalled its "
    "ambassador from Valdoria, and the Valdorian army massed troops near the border. The Marovian "
    "foreign ministry condemned the shelling."
)
FEATURE = (
    "Valdoria shelled three border posts of Karesh on Monday. "
    + "The old town's festival drew painters, bakers and musicians from the hills, and the square "
    "filled with stalls selling bread, honey and woven baskets until late in the evening. " * 6
)


def test_how_dense_with_political_acts_a_story_is_weighs_on_each_of_its_events(nlp: Language) -> None:
    """The same act opens a story of acts between states and a long feature about a festival: the
    filter reads how many acts the whole story tells per 100 words, and how many of them have a
    political actor, from the story's main events."""
    from dateline.extract.event_filter import StoryShape

    shapes = {}
    for name, text in (("dense", DENSE), ("feature", FEATURE)):
        found = analyse(nlp(text), Article(id=name, text=text, published="2025-03-12"))
        entities = {e.id: e for e in found.entities}
        shapes[name] = StoryShape(found.events, entities, len(found.text))
        signals = _signals_of(nlp, text, "shelled")
        assert signals["story events per 100 words"] == shapes[name].density
        assert signals["story events with a political actor"] == shapes[name].political_share
    assert shapes["dense"].density > 2 * shapes["feature"].density > 0
    assert shapes["dense"].political_share == 1.0
    assert StoryShape([], {}, 0).density == 0.0 and StoryShape([], {}, 0).political_share == 0.0


def test_where_in_the_story_an_event_stands_is_read_by_type(nlp: Language) -> None:
    """The news comes first and its background last: the filter reads the part of the story an
    event's trigger stands in, alone and with its type."""
    from dateline.extract.event_filter import story_part

    assert [story_part(x) for x in (0.0, 0.2, 0.5, 0.9, 1.0)] == ["top", "upper", "lower", "end", "end"]
    first = _signals_of(nlp, FEATURE, "shelled")
    assert first["story part=top"] == 1.0 and first["type=ASSAULT&story part=top"] == 1.0
    late = FEATURE.split(". ", 1)[1] + "Valdoria shelled three border posts of Karesh in 2019."
    last = _signals_of(nlp, late, "shelled")
    assert last["type=ASSAULT&story part=end"] == 1.0 and "story part=top" not in last
