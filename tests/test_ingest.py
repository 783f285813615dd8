"""`dateline ingest` end to end: files in, store filled, counts printed, exit code, re-runs skip work."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import dateline.pipeline
from dateline.cli import app
from dateline.store import open_store

runner = CliRunner()
GOOD = [
    'Harbour minister Ana Velt said on Monday that the port would reopen next week. "We are ready," Velt said.\n',
    "The Drosnan navy blockaded the harbour on Tuesday, officials in Velmar said.\n",
]


def inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a-port.txt").write_text(GOOD[0])
    (folder / "b-navy.txt").write_text(GOOD[1])
    (folder / "c-empty.txt").write_text("")
    (folder / "d-binary.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    return folder


def test_ingest_stores_articles_and_reports_failures(tmp_path: Path, nlp: Language) -> None:
    folder = inputs(tmp_path / "in")
    db = tmp_path / "desk.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--published", "2025-03-12"])
    assert result.exit_code == 1, result.output  # two documents failed
    assert "2 added, 0 unchanged, 0 replaced, 2 failed" in result.output
    store = open_store(str(db))
    assert {a["id"] for a in store.articles()["items"]} == {"a-port", "b-navy"}
    assert {(e["article_id"], e["code"]) for e in store.errors()["items"]} == {
        ("c-empty", "empty"), ("d-binary", "binary"),
    }  # fmt: skip
    quotes = store.quotes(q="ready")["items"]
    assert quotes and quotes[0]["speaker_name"] == "Ana Velt"
    assert quotes[0]["day"] == "2025-03-12"
    store.close()


def test_ingest_again_skips_stored_articles_without_parsing(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-port.txt").write_text(GOOD[0])
    db = tmp_path / "desk.db"
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--batch-size", "1"])
    assert first.exit_code == 0, first.output
    assert "1 added" in first.output
    (folder / "b-navy.txt").write_text(GOOD[1])
    parsed: list[str] = []
    real = dateline.pipeline.records_in_pool

    def counting(articles, workers, **options):  # type: ignore[no-untyped-def]
        def seen():  # type: ignore[no-untyped-def]
            for article in articles:
                parsed.append(article.id)
                yield article

        return real(seen(), workers, **options)

    monkeypatch.setattr(dateline.pipeline, "records_in_pool", counting)
    second = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert "1 added, 1 unchanged, 0 replaced, 0 failed" in second.output
    assert parsed == ["b-navy"]  # the stored article never reached spaCy
    (folder / "a-port.txt").write_text(GOOD[0].replace("next week", "on Friday"))
    third = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "0 added, 1 unchanged, 1 replaced, 0 failed" in third.output
    store = open_store(str(db))
    assert store.counts()["articles"] == 2
    assert "on Friday" in store.article("a-port")["text"]  # type: ignore[index]
    store.close()
