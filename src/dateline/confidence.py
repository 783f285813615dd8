"""Cutting records by confidence: the analyst's choice of precision over recall.

Every quote and event carries a calibrated ``confidence`` (record schema dateline/4 and later; see
``extract.learned``). ``extract``, ``ingest`` and ``export`` take ``--min-confidence``; the API and the
desk take ``min_confidence``.
"""

from __future__ import annotations

from dateline.model import Record


def confident_only(record: Record, min_confidence: float) -> Record:
    """``record`` without the quotes and events whose confidence is below ``min_confidence`` (or
    unknown). An event the cut removes leaves the events it governed to its own governor, and takes
    with it the actors other events took from it (``actors_from``); an event told in a removed quote
    keeps its modality but no longer points at the quote."""
    kept_quotes = [q for q in record.quotes if (q.confidence or 0.0) >= min_confidence]
    quote_ids = {q.id for q in kept_quotes}
    governor = {e.id: e.governed_by for e in record.events}
    kept_events = [e for e in record.events if (e.confidence or 0.0) >= min_confidence]
    kept_ids = {e.id for e in kept_events}
    for event in kept_events:
        while event.governed_by is not None and event.governed_by not in kept_ids:
            event.governed_by = governor.get(event.governed_by)
        if event.quote is not None and event.quote not in quote_ids:
            event.quote = None
        if event.actors_from is not None and event.actors_from not in kept_ids:
            event.actors, event.actors_from = [], None
    record.quotes, record.events = kept_quotes, kept_events
    return record
