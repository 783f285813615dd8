"""``dateline eval realnews``: invented stories and gold written here, scored by the shared scorer.

The scorer is other people's work in ../shared/tools: these tests load it from there and skip, saying
why, when it is absent. The stories below are invented.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from conftest import SHARED_DATA, says
from dateline.cli import app

runner = CliRunner()
SCORER = SHARED_DATA.parent / "tools" / "score_realnews.py"
STORIES = [
    {
        "id": "inv-1",
        "title": "Talks to resume",
        "published": "2025-03-10",
        "text": "Kenyan Foreign Minister Ruth Mwangi said on Monday in Nairobi that the talks would resume. "
        '"We are ready to talk to everyone," Mwangi told reporters.',
    },
    {
        "id": "inv-2",
        "title": "Port reopens",
        "published": "2025-03-11",
        "text": "The harbour in Mombasa reopened on Tuesday, port officials said.",
    },
]
GOLD = [
    {
        "id": "inv-1",
        "actors": [
            {"name": "Ruth Mwangi", "type": "PERSON", "code": "KEN", "sector": "GOV"},
            {"name": "Zed Ormond", "type": "PERSON", "code": "NOR", "sector": "GOV"},  # in no story: a miss
        ],
        "quotes": [
            {
                "speaker": "Ruth Mwangi",
                "kind": "direct",
                "content_start": "We are ready",
                "content_end": "to everyone,",
            }
        ],
        "events": [],
        "places": [{"text": "Nairobi", "country": "KEN"}],
    },
    {
        "id": "inv-2",
        "actors": [],
        "quotes": [],
        "events": [],
        "places": [{"text": "Mombasa", "country": "KEN"}],
    },
]


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dev.jsonl").write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    gold = folder / "dev.gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    return gold


@pytest.fixture
def scorer() -> Path:
    if not SCORER.is_file():
        pytest.skip(f"{SCORER} is not present: the shared scorer is not beside this checkout")
    return SCORER


def test_eval_realnews_gives_the_shared_scorers_figures(tmp_path: Path, nlp: Language, scorer: Path) -> None:
    gold = _write(tmp_path / "realnews")
    records = tmp_path / "records.jsonl"
    args = ["eval", "realnews", "--gold", str(gold), "--scorer", str(scorer), "-o", str(records)]
    result = runner.invoke(app, [*args, "--json", "--misses"], env={"DATELINE_ACTORS": ""})
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    # The same figures as the scorer run on its own over the records `dateline eval` extracted.
    alone = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(records), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert figures == json.loads(alone.stdout)
    assert figures["articles"] == 2 and figures["missing"] == 0
    assert figures["actors"]["gold"] == 2 and figures["places"]["gold"] == 2
    assert figures["actors"]["found"] == 0.5  # Ruth Mwangi, not the invented absentee
    assert says(result.stderr, "inv-1 actor not found: Zed Ormond")  # --misses passes through

    result = runner.invoke(app, args)  # tables: the actor, quote, event and place figures by name
    assert result.exit_code == 0, result.output
    for label in (
        "code accuracy",
        "sector accuracy",
        "splits per found",
        "quotes, right speaker",
        "events: type",
    ):
        assert says(result.stdout, label), label
    assert says(result.stdout, f"places: recall {figures['places']['recall']:.3f}")


def test_missing_gold_says_where_the_shared_data_belongs(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "realnews", "--gold", str(tmp_path / "dev.gold.jsonl")])
    assert result.exit_code == 2
    assert says(result.output, "../shared/data/realnews/dev.gold.jsonl")


def test_missing_articles_or_scorer_is_a_clear_error(tmp_path: Path) -> None:
    gold = _write(tmp_path / "realnews")
    result = runner.invoke(
        app, ["eval", "realnews", "--gold", str(gold), "--articles", str(tmp_path / "none.jsonl")]
    )
    assert result.exit_code == 2
    assert says(result.output, "../shared/data/realnews/dev.jsonl")
    missing = tmp_path / "tools" / "score_realnews.py"
    result = runner.invoke(app, ["eval", "realnews", "--gold", str(gold), "--scorer", str(missing)])
    assert result.exit_code == 2
    assert says(result.output, "../shared/tools/score_realnews.py")


def test_only_the_stories_the_gold_annotates_are_extracted(
    tmp_path: Path, nlp: Language, scorer: Path
) -> None:
    gold = _write(tmp_path / "realnews")
    gold.write_text(json.dumps(GOLD[1]) + "\n", encoding="utf-8")  # a gold file for one story of two
    records = tmp_path / "records.jsonl"
    args = ["eval", "realnews", "--gold", str(gold), "--scorer", str(scorer), "-o", str(records), "--json"]
    result = runner.invoke(app, args, env={"DATELINE_ACTORS": ""})
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in records.read_text(encoding="utf-8").splitlines()] == ["inv-2"]
    assert json.loads(result.stdout)["articles"] == 1
