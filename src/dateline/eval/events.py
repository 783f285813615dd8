"""Scoring event coding against PLOVER gold-standard records (one sentence, one gold event).

* **Event type**: micro P/R/F1 over (sentence, type) pairs, and macro F1 over the types present
  in the gold. A sentence's predicted types are those of its *main* events (no other event
  governs them: the gold codes one event a sentence, the accusation and not the attack it is
  about) whose modality is asserted, reported or future: a negated or hypothetical event did
  not happen. The same micro figures over every event, governed ones too, are reported beside.
* **Actor and recipient codes**: on the sentences whose gold type was predicted, the set of
  codes of the actors (recipients) of the predicted main events of that type against the gold set,
  summed over sentences into one P/R/F1. Legacy CAMEO codes are mapped (JAP=JPN, ITL=ITA).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.eval.attributions import f1_score, gold_rows
from dateline.model import Event, Record

COUNTED_MODALITIES = {"asserted", "reported", "future"}
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA"}


@dataclass
class GoldSentence:
    id: str
    text: str
    type: str
    actor_codes: set[str]
    recipient_codes: set[str]


def _codes(arguments: list[dict[str, Any]]) -> set[str]:
    return {LEGACY_CODES.get(a["code"], a["code"]) for a in arguments if a.get("code")}


def load_gold(path: Path) -> Iterator[GoldSentence]:
    """Gold sentences from PLOVER-GSR JSON Lines; a malformed line raises ValueError naming it."""
    return gold_rows(path, _gold_sentence, "a PLOVER gold record")


def _gold_sentence(row: dict[str, Any]) -> GoldSentence:
    return GoldSentence(
        id=str(row["id"]),
        text=row["text"],
        type=row["event"],
        actor_codes=_codes(row.get("actor") or []),
        recipient_codes=_codes(row.get("recipient") or []),
    )


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[str], gold: set[str]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def to_dict(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "p": precision, "r": recall, "f1": f1_score(precision, recall),
        }  # fmt: skip


@dataclass
class EventReport:
    sentences: int = 0
    types: Counts = field(default_factory=Counts)
    types_all_events: Counts = field(default_factory=Counts)  # governed events counted too
    by_type: dict[str, Counts] = field(default_factory=dict)
    actors: Counts = field(default_factory=Counts)
    recipients: Counts = field(default_factory=Counts)
    argument_sentences: int = 0  # sentences whose gold type was predicted
    errors: list[tuple[str, str, list[str]]] = field(default_factory=list)  # id, gold, predicted

    def macro_f1(self) -> float:
        present = [c for c in self.by_type.values() if c.tp + c.fn]
        return sum(c.to_dict()["f1"] for c in present) / len(present) if present else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "type_micro": self.types.to_dict(),
            "type_macro_f1": self.macro_f1(),
            "type_micro_all_events": self.types_all_events.to_dict(),
            "by_type": {t: c.to_dict() for t, c in sorted(self.by_type.items())},
            "argument_sentences": self.argument_sentences,
            "actor_codes": self.actors.to_dict(),
            "recipient_codes": self.recipients.to_dict(),
        }


def _counted(event: Event, main_only: bool = True) -> bool:
    return event.modality in COUNTED_MODALITIES and not (main_only and event.governed_by)


def predicted_types(record: Record, main_only: bool = True) -> set[str]:
    return {e.type for e in record.events if _counted(e, main_only)}


def _argument_codes(record: Record, event_type: str, role: str) -> set[str]:
    codes = {e.id: e.code for e in record.entities}
    found: set[str] = set()
    for event in record.events:
        if event.type == event_type and _counted(event):
            for entity_id in getattr(event, role):
                code = codes.get(entity_id)
                if code:
                    found.add(code)
    return found


def score_sentence(report: EventReport, gold: GoldSentence, record: Record) -> None:
    report.sentences += 1
    predicted = predicted_types(record)
    report.types.add(predicted, {gold.type})
    report.types_all_events.add(predicted_types(record, main_only=False), {gold.type})
    for event_type in predicted | {gold.type}:
        report.by_type.setdefault(event_type, Counts()).add(
            predicted & {event_type}, {gold.type} & {event_type}
        )
    if gold.type not in predicted:
        report.errors.append((gold.id, gold.type, sorted(predicted)))
        return
    report.argument_sentences += 1
    report.actors.add(_argument_codes(record, gold.type, "actors"), gold.actor_codes)
    report.recipients.add(_argument_codes(record, gold.type, "recipients"), gold.recipient_codes)
