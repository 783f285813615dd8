"""The pipeline: one record per article, bad documents recorded as errors, the batch going on."""

from __future__ import annotations

import json

from dateline.model import SCHEMA_VERSION, Article, Record
from dateline.pipeline import is_english, precheck, process, records, records_in_pool

STORY = (
    "Karesh Closes Its Northern Border\n"
    "Kareshi Interior Minister Dana Obel ordered the northern crossings closed on Monday, "
    'officials said. "We will reopen them when it is safe," Obel told reporters in Cairo.\n'
)
GERMAN = (
    "Die Regierung hat am Montag beschlossen, die Grenze zu schließen. Der Minister sagte, "
    "dass die Maßnahme notwendig sei, und kündigte weitere Gespräche mit den Nachbarländern an, "
    "die in der nächsten Woche in Wien beginnen sollen."
)


def test_record_carries_every_schema_key_in_order() -> None:
    record = process(
        Article(id="k1", text=STORY, title="Karesh Closes Its Northern Border", published="2025-03-12")
    )
    data = record.to_dict()
    assert list(data) == [
        "schema", "id", "source", "title", "published", "outlet", "url", "text",
        "entities", "quotes", "events", "places", "dates", "errors",
    ]  # fmt: skip
    assert data["schema"] == SCHEMA_VERSION
    assert record.errors == []
    assert Record.from_json(record.to_json()) == record


def test_record_finds_speaker_place_and_date() -> None:
    record = process(Article(id="k1", text=STORY, published="2025-03-12"))
    obel = next(e for e in record.entities if e.name == "Dana Obel")
    assert obel.titles == ["Interior Minister"]
    quote = next(q for q in record.quotes if q.kind == "direct")
    assert quote.speaker is not None and quote.speaker.entity == obel.id
    assert quote.medium is None  # "told reporters" names an audience, not a channel (docs/schema.md)
    assert [p.name for p in record.places] == ["Cairo"]
    monday = next(d for d in record.dates if d.text == "Monday")
    assert monday.value == "2025-03-10"


def test_bad_documents_get_errors_and_the_batch_goes_on() -> None:
    articles = [
        Article(id="empty", text="   \n"),
        Article(id="german", text=GERMAN),
        Article(id="huge", text="word " * 300_000),
        Article(id="good", text=STORY),
    ]
    out = list(records(articles))
    assert [r.id for r in out] == ["empty", "german", "huge", "good"]
    assert [r.errors[0].code for r in out[:3]] == ["empty", "not_english", "too_large"]
    assert all(r.errors[0].message for r in out[:3])
    assert out[3].errors == [] and out[3].quotes


def test_reader_errors_pass_through_unparsed() -> None:
    from dateline.model import RecordError

    article = Article(id="bin", text="", errors=[RecordError("read", "binary", "binary file")])
    assert precheck(article)[0].code == "binary"
    record = process(article)
    assert record.errors[0].code == "binary" and record.entities == []


def test_language_check() -> None:
    assert is_english(STORY * 3)
    assert not is_english(GERMAN)


def test_pool_gives_the_same_records_in_the_same_order() -> None:
    articles = [Article(id=f"a{n}", text=STORY, published="2025-03-12") for n in range(3)]
    serial = [r.to_json() for r in records(articles)]
    pooled = [r.to_json() for r in records_in_pool(articles, workers=2, chunk_size=1)]
    assert pooled == serial
    assert json.loads(serial[0])["id"] == "a0"


def test_terse_english_news_is_english_and_other_languages_are_not() -> None:
    # Invented wire snippets: headline English has few function words, yet is plainly English.
    terse = (
        "Flash floods, landslides kill 14 in Kerala; thousands displaced, rescue teams deployed, roads cut, "
        "power lines down, schools shut across Idukki, Wayanad districts Monday, officials say."
    )
    assert is_english(terse)
    spanish = (
        "Las inundaciones y los deslizamientos de tierra mataron a catorce personas en la región el lunes, "
        "según dijeron las autoridades locales a los periodistas que cubrían la zona afectada."
    )
    assert not is_english(spanish)


def test_the_pipeline_codes_an_organisation_by_the_country_in_its_name() -> None:
    # Done in the worker that parsed the article, so a pool's parent never needs the gazetteer.
    record = process(
        Article(
            id="uni", text="Researchers at Baghdad University Medical School published the survey on Monday."
        )
    )
    school = next(e for e in record.entities if "Baghdad University" in e.name)
    assert (school.code, school.coded_by) == ("IRQ", "name")
