"""`dateline reextract`: a store brought up to the running pipeline, in place, without the input files."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Article
from dateline.pipeline import process
from dateline.store import open_store

runner = CliRunner()

# Invented stories.
STORIES = {
    "harbour": "Mayor Lena Voss said on Monday that the harbour would reopen in May.\n",
    "border": "The Valdorian army shelled two border villages, the defence ministry said on Tuesday.\n",
}


def _store_with_a_stale_record(tmp_path: Path) -> str:
    """A store where one record lacks what the pipeline finds today (as an older dateline left it)."""
    db = str(tmp_path / "stale.db")
    records = [process(Article(id=key, text=text, published="2025-03-12")) for key, text in STORIES.items()]
    assert records[0].quotes, "the harbour story must have a quote for this test to mean anything"
    records[0].quotes = []  # what an older pipeline might have missed
    store = open_store(db)
    store.ingest(records)
    store.close()
    return db


def test_reextract_replaces_what_changed_and_leaves_the_rest(tmp_path: Path) -> None:
    db = _store_with_a_stale_record(tmp_path)
    result = runner.invoke(app, ["reextract", "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 replaced, 1 unchanged, 0 failed" in result.output
    store = open_store(db)
    harbour = store.article("harbour")
    assert harbour is not None and harbour["quotes"], "the quote the stale record lacked is back"
    assert harbour["text"] == STORIES["harbour"] and harbour["published"] == "2025-03-12"
    assert store.count_articles() == 2
    store.close()
    again = runner.invoke(app, ["reextract", "--db", db])
    assert again.exit_code == 0 and "0 replaced, 2 unchanged" in again.output


def test_the_walk_meets_every_stored_article_once_even_while_they_are_replaced(tmp_path: Path) -> None:
    db = _store_with_a_stale_record(tmp_path)
    store = open_store(db)
    seen = []
    for article in store.stored_articles(batch_size=1):
        seen.append(article.id)
        store.ingest_batch([process(article)], reextracted=True)  # a replacement gets a new key
    store.close()
    assert sorted(seen) == sorted(STORIES)


def test_reextract_refuses_a_store_that_does_not_exist(tmp_path: Path) -> None:
    result = runner.invoke(app, ["reextract", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 3
