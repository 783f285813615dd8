"""The store's tables (SQLAlchemy Core) and the per-dialect full-text search DDL.

Every per-article table carries ``article_pk`` so that replacing or deleting an article is one
DELETE per table, the same on SQLite and PostgreSQL. Columns a list or facet filters on
(outlet, publication day) are copied onto quotes and events: a stored article never changes
(a new version replaces it whole), so the copies cannot go stale, and filters stay one-table.
Days are ISO strings ("2025-03-12", "" when unknown) so they sort and compare alike everywhere.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    inspect,
)
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

metadata = MetaData()


def _pk() -> Column[int]:
    return Column("pk", Integer, primary_key=True, autoincrement=True)


def _article_fk() -> Column[int]:
    return Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False)


articles = Table(
    "articles",
    metadata,
    _pk(),
    Column("id", String, nullable=False),  # the input id (Record.id)
    Column("content_hash", String, nullable=False),
    Column("source", String),
    Column("title", Text),
    Column("published", String),
    Column("day", String, nullable=False, default=""),
    Column("outlet", String),
    Column("url", String),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),  # Record.to_dict() as JSON, without "text"
    Column("n_quotes", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_entities", Integer, nullable=False, default=0),
    Column("ingested_at", String, nullable=False),
    UniqueConstraint("id", name="uq_articles_id"),
    UniqueConstraint("id", "content_hash", name="uq_articles_id_hash"),
    Index("ix_articles_day", "day", "pk"),
    Index("ix_articles_outlet", "outlet", "day"),
)

actors = Table(
    "actors",
    metadata,
    _pk(),
    Column("key", String, nullable=False, unique=True),  # actor_key(type, name): the public actor id
    Column("name", String, nullable=False),
    Column("type", String, nullable=False),
    Column("code", String),  # the code most often seen on its entities
    Column("sector", String),
    # Kept up to date by every ingest (see aggregates.refresh_actors), so lists and the actor page need
    # no aggregate over every entity of the store.
    Column("articles", Integer, nullable=False, default=0, server_default="0"),
    Column("mentions", Integer, nullable=False, default=0, server_default="0"),
    Column("quotes", Integer, nullable=False, default=0, server_default="0"),
    # One actor across articles (see aggregates.refresh_actors): a row per folded key, and the actor it is
    # shown as. A shorter name ("Erdogan") points at the one fuller person actor the store holds
    # ("Recep Tayyip Erdoğan"); every other row points at itself. A joined row shows no counts of its
    # own (they are its canonical actor's); lists, facets and the network use the canonical row.
    Column("canonical_pk", Integer),
    Column("folded", String),  # the folded name of the key: accent-free name search, surname lookup
    Column("last_word", String),  # the folded name's last word: where a surname finds fuller names
    Column("country", String),  # ISO alpha-3 when this is a country's actor ("US", "America", ...)
    Column("generic", Integer, nullable=False, default=0, server_default="0"),  # a group naming no one
    Column("aliases", Text, nullable=False, default="[]", server_default="[]"),  # JSON [[name, n]]
    Index("ix_actors_type", "type"),
    Index("ix_actors_canonical", "canonical_pk"),
    Index("ix_actors_last_word", "type", "last_word"),
)
# Lists run by articles descending, then key ascending: the index has that mixed order.
Index("ix_actors_rank", actors.c.articles.desc(), actors.c.key)

entities = Table(
    "entities",
    metadata,
    _pk(),
    _article_fk(),
    Column("local_id", String, nullable=False),  # "e1": the id inside the record
    Column("actor_pk", Integer, ForeignKey("actors.pk"), nullable=False),
    Column("name", String, nullable=False),
    Column("type", String, nullable=False),
    Column("code", String),
    Column("sector", String),
    Column("titles", Text, nullable=False, default="[]"),  # JSON list
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("coded_by", String),  # Entity.coded_by: what gave the code
    Column("generic", Integer, nullable=False, default=0, server_default="0"),  # Entity.generic
    Index("ix_entities_article", "article_pk"),
    Index("ix_entities_actor", "actor_pk", "article_pk"),
)

mentions = Table(
    "mentions",
    metadata,
    _pk(),
    _article_fk(),
    Column("entity_pk", Integer, ForeignKey("entities.pk", ondelete="CASCADE"), nullable=False),
    Column("actor_pk", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", String, nullable=False),
    Column("context_start", Integer, nullable=False),
    Column("context_end", Integer, nullable=False),
    Index("ix_mentions_article", "article_pk"),
    Index("ix_mentions_actor", "actor_pk", "pk"),
    # What deleting an entity looks its mentions up by (the foreign key's cascade, on SQLite and
    # PostgreSQL alike): without it, replacing an article read every mention of the store per entity.
    Index("ix_mentions_entity", "entity_pk"),
)

quotes = Table(
    "quotes",
    metadata,
    _pk(),
    _article_fk(),
    Column("article_id", String, nullable=False),
    Column("local_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("source_type", String),
    Column("medium", String),
    Column("confidence", Float),  # record schema 4; null for older records
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_text", String),
    Column("speaker_entity", String),  # the local entity id
    Column("actor_pk", Integer, ForeignKey("actors.pk")),
    Column("speaker_name", String),  # actor name, else the speaker's words: the "speaker" facet
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("cue_text", String),
    Column("cue_lemma", String),
    Column("content", Text, nullable=False),  # JSON list of spans
    Column("content_text", Text, nullable=False),  # the content spans joined, for search and export
    Column("words", Integer, nullable=False),
    Column("context_start", Integer, nullable=False),
    Column("context_end", Integer, nullable=False),
    Column("outlet", String),
    Column("day", String, nullable=False, default=""),
    Index("ix_quotes_article", "article_pk"),
    Index("ix_quotes_day", "day", "pk"),
    Index("ix_quotes_actor", "actor_pk", "day", "pk"),
    Index("ix_quotes_source_type", "source_type", "day", "pk"),
    Index("ix_quotes_outlet", "outlet", "day", "pk"),
)

# Actors mentioned inside a quote's content: the quotes "about" an actor.
quote_subjects = Table(
    "quote_subjects",
    metadata,
    _article_fk(),
    Column("quote_pk", Integer, ForeignKey("quotes.pk", ondelete="CASCADE"), nullable=False),
    Column("actor_pk", Integer, nullable=False),
    UniqueConstraint("quote_pk", "actor_pk", name="uq_quote_subjects"),
    Index("ix_quote_subjects_actor", "actor_pk", "quote_pk"),
    Index("ix_quote_subjects_article", "article_pk"),
)

places = Table(
    "places",
    metadata,
    _pk(),
    _article_fk(),
    Column("local_id", String, nullable=False),
    Column("key", String, nullable=False),  # "g<geonameid>" or "n-<folded name>": one place across articles
    Column("name", String, nullable=False),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String),
    Column("feature", String, nullable=False),
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("mentions", Text, nullable=False),  # JSON list of spans with their context
    Index("ix_places_article", "article_pk"),
    Index("ix_places_country", "country", "article_pk"),
    # Looked up by key through ix_places_key_article (summaries.PLACE_ARTICLES): an index of the key
    # alone repeated it and cost a page write per place at every ingest.
)

events = Table(
    "events",
    metadata,
    _pk(),
    _article_fk(),
    Column("article_id", String, nullable=False),
    Column("local_id", String, nullable=False),
    Column("type", String, nullable=False),
    Column("mode", String),
    Column("modality", String, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger_text", String, nullable=False),
    Column("place_pk", Integer),
    Column("date_text", String),
    Column("date_value", String),
    Column("date_precision", String),
    Column("quote_pk", Integer),
    Column("governed_by", String),  # local id of the event governing this one (record schema 2)
    Column("confidence", Float),  # record schema 4; null for older records
    Column("actors_from", String),  # local id of the event whose actors this one takes (record schema 5)
    Column("context_start", Integer, nullable=False),
    Column("context_end", Integer, nullable=False),
    Column("outlet", String),
    Column(
        "day", String, nullable=False, default=""
    ),  # the event's date when known to the day, else publication
    Index("ix_events_article", "article_pk"),
    Index("ix_events_day", "day", "pk"),
    Index("ix_events_type", "type", "day", "pk"),
    Index("ix_events_place", "place_pk"),  # a place's events, on its page and the map
)

event_actors = Table(
    "event_actors",
    metadata,
    _article_fk(),
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
    Column("role", String, nullable=False),  # "actor" or "recipient"
    Column("position", Integer, nullable=False),
    Column("entity_local_id", String, nullable=False),
    Column("actor_pk", Integer),
    Index("ix_event_actors_event", "event_pk"),
    Index("ix_event_actors_actor", "actor_pk", "role", "event_pk"),
    Index("ix_event_actors_article", "article_pk"),
)

dates = Table(
    "dates",
    metadata,
    _pk(),
    _article_fk(),
    Column("text", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", String),
    Column("precision", String),
    Index("ix_dates_article", "article_pk"),
)

errors = Table(
    "errors",
    metadata,
    _pk(),
    Column("article_id", String, nullable=False),
    Column("content_hash", String, nullable=False),
    Column("source", String),
    Column("stage", String, nullable=False),
    Column("code", String, nullable=False),
    Column("message", Text, nullable=False),
    Column("failed", Integer, nullable=False),  # 1: the document was not stored; 0: stored, one stage failed
    Column("ingested_at", String, nullable=False),
    UniqueConstraint("article_id", "content_hash", "stage", "code", name="uq_errors"),
    Index("ix_errors_article", "article_id"),
)

# Near-duplicates (store/near_duplicates.py): each extracted article's MinHash signature and band keys,
# and the copies found of it, stored as links to the first copy instead of extracted again.
signatures = Table(
    "signatures",
    metadata,
    _pk(),
    _article_fk(),
    Column("article_id", String, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Index("ix_signatures_article", "article_pk"),
    Index("ix_signatures_id", "article_id"),
)

# One row per band of each signature: a fixed-size integer key (``near_duplicates.band_key_matrix``)
# and the article, and nothing else, in one B-tree clustered on the key (SQLite: WITHOUT ROWID). Each
# stored article writes one row per band at random places in the tree, so its size decides what that
# costs in a big store: 16 bytes a row, where string keys with a rowid table and two indexes took 130.
# No foreign key: its cascade would look rows up by article, which needs a second tree; an article's
# rows are deleted by their keys, computed again from its signature (``duplicate_index.forget``).
band_keys = Table(
    "band_keys",
    metadata,
    Column("band", BigInteger, nullable=False),
    Column("article_pk", Integer, nullable=False),
    PrimaryKeyConstraint("band", "article_pk", name="pk_band_keys"),
    sqlite_with_rowid=False,
)

duplicates = Table(
    "duplicates",
    metadata,
    _pk(),
    Column("id", String, nullable=False),  # the copy's input id
    Column("content_hash", String, nullable=False),
    Column("of_id", String, nullable=False),  # the input id of the first copy, which was extracted
    Column("similarity", Float, nullable=False),
    Column("source", String),
    Column("title", Text),
    Column("published", String),
    Column("outlet", String),
    Column("url", String),
    Column("ingested_at", String, nullable=False),
    UniqueConstraint("id", name="uq_duplicates_id"),
    Index("ix_duplicates_of", "of_id"),
)

# Running totals per actor row (a folded key, not a canonical actor), kept by every ingest from the
# rows it adds and deletes (see store.aggregates): refreshing a busy actor then reads its few rows
# here instead of every entity it has in the store. A row exists while the actor has entities.
actor_totals = Table(
    "actor_totals",
    metadata,
    Column("actor_pk", Integer, primary_key=True, autoincrement=False),
    Column("articles", Integer, nullable=False),  # articles with at least one of its entities
    Column("mentions", Integer, nullable=False),  # its entities' n_mentions, summed
    Column("quotes", Integer, nullable=False),  # quotes it speaks
    Column("entities", Integer, nullable=False),
    Column("generic", Integer, nullable=False),  # of those, the entities flagged generic
)

# How many of an actor row's entities carry each name, code and sector ("kind"): the one seen most
# often is found from these counts, which a batch updates by adding its own.
actor_variants = Table(
    "actor_variants",
    metadata,
    Column("actor_pk", Integer, nullable=False),
    Column("kind", String, nullable=False),  # "name", "code" or "sector"
    Column("value", String, nullable=False),
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("actor_pk", "kind", "value", name="pk_actor_variants"),
)


def canonical_pk_of(actor_rows: Any) -> ColumnElement[int]:
    """The actor row a row of ``actors`` (or an alias of it) is shown as: its canonical actor (a
    fuller name it joined), or itself."""
    return func.coalesce(actor_rows.c.canonical_pk, actor_rows.c.pk)


# Children first: the order rows of one article are deleted in.
ARTICLE_CHILDREN = (
    event_actors, events, quote_subjects, quotes, mentions, entities, places, dates, signatures
)  # fmt: skip

TABLES = SimpleNamespace(
    articles=articles,
    actors=actors,
    entities=entities,
    mentions=mentions,
    quotes=quotes,
    quote_subjects=quote_subjects,
    places=places,
    events=events,
    event_actors=event_actors,
    dates=dates,
    errors=errors,
    signatures=signatures,
    band_keys=band_keys,
    duplicates=duplicates,
)

# SQLite: external-content FTS5 tables kept in step by triggers (porter stemming, diacritics folded).
SQLITE_FTS = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, text, content='articles', content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
        content_text, speaker_name, content='quotes', content_rowid='pk',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); END""",
    """CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, content_text, speaker_name) VALUES (new.pk, new.content_text, new.speaker_name); END""",
    """CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, content_text, speaker_name)
        VALUES ('delete', old.pk, old.content_text, old.speaker_name); END""",
]

# PostgreSQL: stored generated tsvector columns with GIN indexes ('english' configuration).
POSTGRES_FTS = [
    """ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS
        (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED""",
    "CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING gin (tsv)",
    """ALTER TABLE quotes ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS
        (to_tsvector('english', content_text || ' ' || coalesce(speaker_name, ''))) STORED""",
    "CREATE INDEX IF NOT EXISTS ix_quotes_tsv ON quotes USING gin (tsv)",
]


ACTOR_COUNTS = ("articles", "mentions", "quotes")
# Columns later versions added, with the DDL that adds them to an older store.
ACTOR_COLUMNS = {
    **{name: "INTEGER NOT NULL DEFAULT 0" for name in ACTOR_COUNTS},
    "canonical_pk": "INTEGER",
    "folded": "VARCHAR",
    "last_word": "VARCHAR",
    "country": "VARCHAR",
    "generic": "INTEGER NOT NULL DEFAULT 0",
    "aliases": "TEXT NOT NULL DEFAULT '[]'",
}
ENTITY_COLUMNS = {"coded_by": "VARCHAR", "generic": "INTEGER NOT NULL DEFAULT 0"}
CONFIDENCE_COLUMNS = {"confidence": "FLOAT"}  # quotes and events, since record schema 4
IMPLIED_ACTOR_COLUMNS = {"actors_from": "VARCHAR"}  # events, since record schema 5
ACTOR_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_actors_rank ON actors (articles DESC, key)",
    "CREATE INDEX IF NOT EXISTS ix_actors_canonical ON actors (canonical_pk)",
    "CREATE INDEX IF NOT EXISTS ix_actors_last_word ON actors (type, last_word)",
)


def create_schema(conn: Connection) -> bool:
    """Create every table, index and the full-text search of this connection's dialect (idempotent).

    An older store gains the columns added since (actor counts, the canonical actor and its aliases,
    the entities' ``coded_by`` and ``generic``) and the actors' running totals; its entities get
    ``generic`` from the plain-plural test (their records predate the flag). Returns True when columns
    or the totals were added: the caller then recomputes every actor and fills the totals
    (``aggregates.refresh_actors(conn, None)``).
    """
    existing = set(inspect(conn).get_table_names())
    metadata.create_all(conn)  # creates only what is missing, looked up first: no lock on the rest
    # A store from before the running totals gets them filled once, from its rows, by the caller.
    without_totals = "articles" in existing and "actor_totals" not in existing
    added = _add_columns(conn, "actors", ACTOR_COLUMNS)
    new_entity_columns = _add_columns(conn, "entities", ENTITY_COLUMNS)
    if added:
        for statement in ACTOR_INDEXES:
            conn.exec_driver_sql(statement)
    if "generic" in new_entity_columns:
        _flag_generic_entities(conn)
    if "governed_by" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN governed_by VARCHAR")  # a store from before it
    for table in ("quotes", "events"):
        _add_columns(conn, table, CONFIDENCE_COLUMNS)  # older rows keep null: not known
    _add_columns(conn, "events", IMPLIED_ACTOR_COLUMNS)  # older rows keep null: the clause's own actors
    # Looked up first: even IF NOT EXISTS would queue PostgreSQL's reader behind a running ingest.
    if "ix_events_place" not in {i["name"] for i in inspect(conn).get_indexes("events")}:
        conn.exec_driver_sql("CREATE INDEX ix_events_place ON events (place_pk)")  # a store from before it
    if "ix_quotes_timeline" in {i["name"] for i in inspect(conn).get_indexes("quotes")}:
        # The timeline's counts over every quote, or a date range of them, come from the daily counts:
        # the index that covered them only cost a random page write per quote at each ingest.
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_quotes_timeline")  # another process may be first
    if "ix_mentions_entity" not in {i["name"] for i in inspect(conn).get_indexes("mentions")}:
        conn.exec_driver_sql("CREATE INDEX ix_mentions_entity ON mentions (entity_pk)")  # likewise
    if conn.dialect.name == "sqlite":
        statements = SQLITE_FTS
    elif _has_tsv(conn):
        # ALTER TABLE takes an exclusive lock even when there is nothing to add: a reader opening
        # the store must not queue behind a running ingest for it.
        statements = []
    else:
        statements = POSTGRES_FTS
    for statement in statements:
        conn.exec_driver_sql(statement)
    return bool(added or new_entity_columns or without_totals)


def _add_columns(conn: Connection, table: str, columns: dict[str, str]) -> list[str]:
    present = {c["name"] for c in inspect(conn).get_columns(table)}
    missing = [name for name in columns if name not in present]
    for name in missing:
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {name} {columns[name]}")
    return missing


def _flag_generic_entities(conn: Connection) -> None:
    """Mark the stored unnamed groups that are plain plural nouns ("officials") generic."""
    from sqlalchemy import bindparam, select, update

    from dateline.store.text import looks_generic

    e = entities
    groups = conn.execute(select(e.c.pk, e.c.name).where(e.c.type == "GROUP", e.c.code.is_(None))).all()
    flagged = [{"b_pk": pk} for pk, name in groups if looks_generic("GROUP", name, None)]
    if flagged:
        conn.execute(update(e).where(e.c.pk == bindparam("b_pk")).values(generic=1), flagged)


def _has_tsv(conn: Connection) -> bool:
    found = conn.exec_driver_sql(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name IN ('articles', 'quotes') AND column_name = 'tsv'"
    ).scalar()
    return found == 2
