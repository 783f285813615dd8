"""The store's half of near-duplicate detection (the rows written are ``rows.signature_rows``): the
stored candidates of a new text looked up, an article's keys removed with it, and the
band index of an older store rebuilt in the present layout. What a signature is and when two are
copies is ``near_duplicates``'s business.
"""

from __future__ import annotations

import logging

import numpy as np
from sqlalchemy import delete, inspect, select
from sqlalchemy.engine import Connection

from dateline.store import near_duplicates as near
from dateline.store.schema import TABLES

log = logging.getLogger(__name__)

OLD_TABLE = "bands"  # string keys, a rowid table and two indexes: replaced by ``band_keys``
UPGRADE_CHUNK = 20_000  # signatures per sorted insert when an older store's index is rebuilt


def candidates(conn: Connection, sig: np.ndarray) -> dict[str, np.ndarray]:
    """Input id -> signature of every stored article sharing a band with ``sig``."""
    b, g = TABLES.band_keys, TABLES.signatures
    sharing = select(b.c.article_pk).where(b.c.band.in_(near.band_keys(sig))).distinct()
    found = conn.execute(select(g.c.article_id, g.c.signature).where(g.c.article_pk.in_(sharing)))
    return {row.article_id: near.from_bytes(row.signature) for row in found}


def forget(conn: Connection, article_pk: int) -> None:
    """Delete an article's band keys, found by the keys its stored signature gives (the index is
    clustered on the key: looking them up by article would scan it). Before its signature goes."""
    b, g = TABLES.band_keys, TABLES.signatures
    stored = conn.execute(select(g.c.signature).where(g.c.article_pk == article_pk)).scalars().all()
    keys = sorted({key for data in stored for key in near.band_keys(near.from_bytes(data))})
    if keys:  # the key first, as the table is ordered: one lookup per key, never a scan
        conn.execute(delete(b).where(b.c.band.in_(keys), b.c.article_pk == article_pk))


def upgrade(conn: Connection) -> None:
    """A store from before ``band_keys``: fill it from the stored signatures, a sorted chunk at a
    time, and drop the old table (and its indexes with it). Once per store; a no-op after."""
    if OLD_TABLE not in inspect(conn).get_table_names():
        return
    log.warning(
        "rebuilding this store's near-duplicate index in its new layout, once: about a minute per "
        "150,000 stored articles"
    )
    g = TABLES.signatures
    after = 0
    while True:
        chunk = conn.execute(
            select(g.c.pk, g.c.article_pk, g.c.signature)
            .where(g.c.pk > after)
            .order_by(g.c.pk)
            .limit(UPGRADE_CHUNK)
        ).all()
        if not chunk:
            break
        _insert_sorted(conn, [row.article_pk for row in chunk], [row.signature for row in chunk])
        after = chunk[-1].pk
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {OLD_TABLE}")  # another process may be first


def _insert_sorted(conn: Connection, article_pks: list[int], signatures: list[bytes]) -> None:
    """The band keys of these signatures, inserted in key order: pages fill in turn, not at random."""
    sigs = np.stack([near.from_bytes(data) for data in signatures])
    keys = near.band_key_matrix(sigs)
    owners = np.repeat(np.asarray(article_pks, dtype=np.int64), keys.shape[1])
    pairs = sorted(set(zip(keys.ravel().tolist(), owners.tolist(), strict=True)))
    conn.execute(TABLES.band_keys.insert(), [{"band": key, "article_pk": pk} for key, pk in pairs])
